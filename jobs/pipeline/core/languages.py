"""Seed rule 10.1: a language the offer mentions takes the offer's level format; others stay.

Formats: CEFR letters ("B2") or words ("Courant", "Fluent"), FR and EN vocabularies. A level is
only ever converted, never invented: an empty or unrecognised level stays as written.
"""

from __future__ import annotations

import re

from app.lib.cv_content import Language
from app.lib.language_level import level_aside
from app.lib.text_forms import fold

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


# A level word as one token of the level, accents folded ("Professionnelle", "Avancé").
_TOKEN_RE = re.compile(r"[^\W\d_][\w-]*", re.UNICODE)
_CEFR_SPAN_RE = re.compile(r"\b[abc][12]\b(?:\s*[/-]\s*[abc][12]\b)?", re.IGNORECASE)
_FEMININE_PLURAL = ("", "e", "s", "es", "le", "les")
# Words that only say "level" ("Niveau professionnel", "Professional working proficiency").
FILLER_WORDS = frozenset({"niveau", "level", "proficiency", "maitrise", "working", "de", "of"})


def _level_word(level: str) -> tuple[re.Match[str], str] | None:
    """The token of ``level`` that is a level word, with its CEFR level."""
    for token in _TOKEN_RE.finditer(level):
        folded = fold(token.group(0))
        for word, cefr in WORD_LEVELS.items():
            if folded.startswith(word) and folded[len(word) :] in _FEMININE_PLURAL:
                return token, cefr
    return None


def _without(text: str, *matches: re.Match[str] | None) -> str:
    """``text`` with the spans of ``matches`` taken out (the last first: offsets stay right)."""
    for match in sorted(filter(None, matches), key=lambda m: -m.start()):
        text = f"{text[: match.start()]} {text[match.end() :]}"
    return text


def _details(text: str) -> str:
    """What is left of a level once its converted part is taken out, tidied."""
    text = re.sub(r"\(\s*[,;/:]?\s*", "(", text)
    text = re.sub(r"\s*[,;/:]?\s*\)", ")", text)
    text = re.sub(r"\(\s*\)", " ", text)
    return level_aside(" ".join(text.split()).strip(" ,;:/–—-"))


def convert_level(level: str, style: str, cv_language: str) -> str:
    """The level in the offer's format, keeping every other fact the source states:
    "fluent (C1, TOEIC 945)" → "C1 (TOEIC 945)" (letters) or "Courant (C1, TOEIC 945)"
    (French words). A level whose wording cannot be converted whole stays as written."""
    if not level.strip() or any(w in fold(level) for w in NATIVE_WORDS):
        return level  # native is not a CEFR level: keep the author's words
    word = _level_word(level)
    letters = _CEFR_SPAN_RE.search(level)
    if word is None and letters is None:
        return level  # "upper-intermediate", "TOEIC 945": nothing to convert without loss
    if style == "letters":
        head = letters.group(0).upper() if letters else word[1] if word else ""
        rest = _without(level, letters, word[0] if word else None)
    else:
        cefr = word[1] if word else letters.group(0)[:2].upper() if letters else ""
        head = LEVEL_WORDS.get(cv_language, LEVEL_WORDS["en"])[cefr]
        rest = _without(level, word[0] if word else None)  # CEFR letters stay a detail
    if not _only_facts_and_level_words(rest):
        return level  # "Limited working proficiency": converting "working" would change it
    details = _details(_without_words(rest, FILLER_WORDS))
    return f"{head} ({details})" if details else head


def _only_facts_and_level_words(rest: str) -> bool:
    """What is left of a level once converted holds nothing but fillers and facts (a score,
    CEFR letters, a certificate's acronym): any other word qualifies the level itself."""
    for token in re.findall(r"[^\W_]+", rest):
        folded = fold(token)
        is_fact = any(c.isdigit() for c in token) or (token.isupper() and len(token) >= 2)
        if not (is_fact or folded in FILLER_WORDS or _level_word(token) is not None):
            return False
    return True


def _without_words(text: str, words: frozenset[str]) -> str:
    return re.sub(r"[^\W\d_]+", lambda m: "" if fold(m.group(0)) in words else m.group(0), text)


def _mention_style(folded_offer: str, names: set[str]) -> str | None:
    """The level format the offer uses where it names the language — its sentence or line
    ("Anglais courant", "English (B2)"), not a level word anywhere in the ad ("advanced
    Excel" says nothing of how the ad writes language levels). CEFR letters win when the ad
    writes both: they are the precise form, and converting to them rewords nothing."""
    styles = {
        offer_style(part)
        for part in re.split(r"[\n.;•]+", folded_offer)
        if any(re.search(rf"\b{re.escape(a)}\b", part) for a in names)
    }
    return "letters" if "letters" in styles else "words" if "words" in styles else None


def adapt_languages(languages: list[Language], offer_text: str, cv_language: str) -> list[Language]:
    folded_offer = fold(offer_text)
    adapted: list[Language] = []
    for lang in languages:
        style = _mention_style(folded_offer, aliases(lang.name))
        if style:
            adapted.append(
                Language(name=lang.name, level=convert_level(lang.level, style, cv_language))
            )
        else:
            adapted.append(lang.model_copy())
    return adapted
