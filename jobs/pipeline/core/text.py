"""Text helpers shared by the offline engine and the fact guard."""

from __future__ import annotations

import re

from app.lib.text_forms import fold, squash

# Words kept whole: "c++", "c#", "node.js", ".net", "ci/cd", "gpt-4o".
WORD_RE = re.compile(r"[\w][\w+#./-]*[\w+#]|[\w+#]", re.UNICODE)

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "has",
        "have",
        "in",
        "is",
        "it",
        "its",
        "of",
        "on",
        "or",
        "that",
        "the",
        "this",
        "to",
        "was",
        "were",
        "will",
        "with",
        "we",
        "you",
        "your",
        "our",
        "their",
        "they",
        "our",
        "years",
        "year",
        "experience",
        "team",
        "work",
        "working",
        "strong",
        "good",
        "great",
        "plus",
        "etc",
        "using",
        "use",
        "used",
        "new",
        "within",
        "across",
        "into",
        "over",
        "about",
        "more",
        "le",
        "la",
        "les",
        "un",
        "une",
        "des",
        "du",
        "de",
        "d",
        "l",
        "et",
        "ou",
        "en",
        "au",
        "aux",
        "pour",
        "par",
        "sur",
        "avec",
        "dans",
        "est",
        "sont",
        "nous",
        "vous",
        "votre",
        "vos",
        "notre",
        "nos",
        "leur",
        "leurs",
        "ce",
        "cette",
        "ces",
        "qui",
        "que",
        "quoi",
        "dont",
        "se",
        "sa",
        "son",
        "ses",
        "pas",
        "plus",
        "ans",
        "an",
        "année",
        "années",
        "expérience",
        "équipe",
        "travail",
        "poste",
        "profil",
        "mission",
        "missions",
        "h",
        "f",
    ]
)


def words(text: str) -> list[str]:
    return [w.strip(".-/") or w for w in WORD_RE.findall(fold(text))]


def keywords(text: str) -> set[str]:
    return {w for w in words(text) if len(w) > 1 and w not in STOPWORDS and not w.isdigit()}


def contains_phrase(haystack_squashed: str, phrase: str) -> bool:
    needle = squash(phrase)
    if not needle:
        return False
    if re.fullmatch(r"[\w+#.-]+", needle):  # a single term: match it as a whole word
        return re.search(rf"(?<![\w]){re.escape(needle)}(?![\w])", haystack_squashed) is not None
    return needle in haystack_squashed


def sentences(text: str) -> list[str]:
    parts = re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý0-9])", text.strip())
    return [p.strip() for p in parts if p.strip()]


FRENCH_MARKERS = frozenset(
    (
        "le",
        "la",
        "les",
        "des",
        "du",
        "et",
        "est",
        "pour",
        "avec",
        "nous",
        "vous",
        "une",
        "dans",
        "sur",
        "vos",
        "notre",
        "poste",
    )
)
ENGLISH_MARKERS = frozenset(
    (
        "the",
        "and",
        "is",
        "for",
        "with",
        "we",
        "you",
        "our",
        "your",
        "this",
        "will",
        "are",
        "of",
        "to",
        "in",
    )
)


def guess_language(text: str, default: str = "fr") -> str:
    """fr or en by counting very common words (good enough to pick the CV's language)."""
    tokens = fold(text).split()
    fr = sum(1 for t in tokens if t in FRENCH_MARKERS)
    en = sum(1 for t in tokens if t in ENGLISH_MARKERS)
    if fr == en:
        return default
    return "fr" if fr > en else "en"
