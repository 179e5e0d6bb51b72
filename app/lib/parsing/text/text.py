"""Small text helpers shared by the CV and offer parsers."""

from __future__ import annotations

import re
import unicodedata

from app.lib.parsing.text.letter_spacing import unspace_text

BULLET_CHARS = "•●○◦▪▫■□►▸‣⁃–—-*·✓✔➢➤→◆◇♦❖⋄›»➔➜✗"
BULLET_RE = re.compile(
    rf"^\s*(?:[{re.escape(BULLET_CHARS)}]|\d{{1,2}}[.)])\s+"
    r"|^\s*[-•▪➢►✓](?=[A-ZÀ-Ý])"  # a mark glued to its text: "-Gestion des stocks"
)
# Separators between the parts of one line ("Title — Company · City | dates").
SEPARATOR_RE = re.compile(r"\s+[—–|·•@]\s+|\s+-\s+|\t+|\s{3,}")
SENTENCE_END = (".", "!", "?", ";", "…")
# Someone telling, in the first person ("je", "j'", "mon", "mes", "my", "I"): a sentence of
# theirs, not a list's item or a field's value.
FIRST_PERSON_RE = re.compile(r"(?i:\bje\b|\bj['’]|\bmon\b|\bmes\b|\bmy\b|\bI\b(?!\w))")
# A sentence ends where the next one opens with a capital (or a bullet mark a paragraph glued).
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?;])\s+(?=[A-ZÀ-Ý•])")
# Private-use code points (icon fonts) and format characters (zero-width spaces, bidi marks).
INVISIBLE_RE = re.compile(
    "[\ue000-\uf8ff\U000f0000-\U0010fffd\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]"
)

BIDI_BETWEEN_RE = re.compile("\u202c[ \t]*[\u202a\u202b\u202d\u202e]")
BIDI_RE = re.compile("[\u202a-\u202e]")


def normalise_text(text: str) -> str:
    """Unify what PDFs and word processors vary on: NFC, quotes, spaces, line ends."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.translate(
        {0x2019: "'", 0x2018: "'", 0x02BC: "'", 0x00A0: " ", 0x202F: " ", 0x2009: " ", 0xFEFF: None}
    )
    text = text.replace("\u00ad", "")  # soft hyphens
    # Text copied from right-to-left-aware viewers wraps each word in a bidi embedding or
    # override ("\u202dWord\u202c\u202dNext\u202c") and writes no space between words: the end
    # of one run and the start of the next is the space; the marks themselves mean nothing here.
    text = BIDI_BETWEEN_RE.sub(" ", text)
    text = BIDI_RE.sub("", text)
    # Letter-spaced lines ("E X P É R I E N C E S") made words (see the module).
    return unspace_text("\n".join(line.rstrip() for line in text.split("\n")))


def is_bullet(line: str) -> bool:
    return bool(BULLET_RE.match(line))


def strip_bullet(line: str) -> str:
    return BULLET_RE.sub("", line, count=1).strip()


def split_parts(line: str) -> list[str]:
    """Split a heading line on strong separators (dashes, bars, dots, tabs)."""
    return [p.strip(" ,;") for p in SEPARATOR_RE.split(line) if p.strip(" ,;")]


def split_items(text: str) -> list[str]:
    """Split a list ("a, b; c | d • e") on separators outside parentheses."""
    items: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        if depth == 0 and char in ",;|•·▪\t":
            items.append("".join(current))
            current = []
            continue
        current.append(char)
    items.append("".join(current))
    return [" ".join(i.split()).strip(" .-–—") for i in items if i.strip(" .-–—")]


def word_set(text: str) -> frozenset[str]:
    """Vocabulary tables written as one block of whitespace-separated words."""
    return frozenset(text.split())


def word_count(text: str) -> int:
    return len(text.split())


def clean(text: str) -> str:
    """Collapse whitespace (tabs included), drop invisible and private-use glyphs (icon fonts),
    and trim separators left at the ends."""
    text = INVISIBLE_RE.sub("", text)
    return " ".join(text.split()).strip(" ,;:|·•-–—")


def sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph, each cleaned."""
    return [clean(s) for s in SENTENCE_SPLIT_RE.split(paragraph) if clean(s)]
