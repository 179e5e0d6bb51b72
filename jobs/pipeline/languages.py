"""Seed rule 10.1: a language the offer mentions takes the offer's level format; others stay.

Formats: CEFR letters ("B2") or words ("Courant", "Fluent"), FR and EN vocabularies. A level is
only ever converted, never invented: an empty or unrecognised level stays as written.
"""

from __future__ import annotations

import re

from app.lib.cv_content import Language
from jobs.pipeline.text import fold

# Language names, FR ↔ EN, folded.
LANGUAGE_ALIASES: list[set[str]] = [
    {"anglais", "english"},
    {"francais", "french"},
    {"allemand", "german"},
    {"espagnol", "spanish"},
    {"italien", "italian"},
    {"portugais", "portuguese"},
    {"neerlandais", "dutch"},
    {"chinois", "chinese", "mandarin"},
    {"japonais", "japanese"},
    {"arabe", "arabic"},
    {"russe", "russian"},
    {"polonais", "polish"},
    {"coreen", "korean"},
]

# CEFR level → the word used for it, per CV language.
LEVEL_WORDS = {
    "fr": {
        "C2": "Bilingue",
        "C1": "Courant",
        "B2": "Professionnel",
        "B1": "Intermédiaire",
        "A2": "Notions",
        "A1": "Débutant",
    },
    "en": {
        "C2": "Bilingual",
        "C1": "Fluent",
        "B2": "Professional",
        "B1": "Intermediate",
        "A2": "Elementary",
        "A1": "Beginner",
    },
}
# Words (folded) → CEFR level.
WORD_LEVELS = {
    "bilingue": "C2",
    "bilingual": "C2",
    "courant": "C1",
    "fluent": "C1",
    "avance": "C1",
    "advanced": "C1",
    "professionnel": "B2",
    "professional": "B2",
    "operationnel": "B2",
    "working": "B2",
    "intermediaire": "B1",
    "intermediate": "B1",
    "conversationnel": "B1",
    "conversational": "B1",
    "notions": "A2",
    "elementary": "A2",
    "basic": "A2",
    "scolaire": "A2",
    "debutant": "A1",
    "beginner": "A1",
}
NATIVE_WORDS = ("maternel", "native", "natif", "mother tongue")
LETTER_RE = re.compile(r"\b([abc][12])\b", re.IGNORECASE)
WORD_STYLE_RE = re.compile(
    "|".join(sorted(WORD_LEVELS, key=len, reverse=True)) + "|" + "|".join(NATIVE_WORDS)
)


def aliases(name: str) -> set[str]:
    folded = fold(name).strip()
    for group in LANGUAGE_ALIASES:
        if folded in group:
            return group
    return {folded}


def offer_style(offer_text: str) -> str | None:
    folded = fold(offer_text)
    if LETTER_RE.search(folded):
        return "letters"
    if WORD_STYLE_RE.search(folded):
        return "words"
    return None


def to_cefr(level: str) -> str | None:
    letter = LETTER_RE.search(level)
    if letter:
        return letter.group(1).upper()
    folded = fold(level)
    for word, cefr in sorted(WORD_LEVELS.items(), key=lambda kv: -len(kv[0])):
        if word in folded:
            return cefr
    return None


def convert_level(level: str, style: str, cv_language: str) -> str:
    if not level.strip() or any(w in fold(level) for w in NATIVE_WORDS):
        return level  # native is not a CEFR level: keep the author's words
    cefr = to_cefr(level)
    if cefr is None:
        return level
    if style == "letters":
        return cefr
    return LEVEL_WORDS.get(cv_language, LEVEL_WORDS["en"])[cefr]


def adapt_languages(languages: list[Language], offer_text: str, cv_language: str) -> list[Language]:
    folded_offer = fold(offer_text)
    style = offer_style(offer_text)
    adapted: list[Language] = []
    for lang in languages:
        mentioned = any(re.search(rf"\b{re.escape(a)}\b", folded_offer) for a in aliases(lang.name))
        if mentioned and style:
            adapted.append(
                Language(name=lang.name, level=convert_level(lang.level, style, cv_language))
            )
        else:
            adapted.append(lang.model_copy())
    return adapted
