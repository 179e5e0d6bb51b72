"""How far four common extractors agree on a page, and where they part: an agreement figure per
page (the mean word-sequence similarity of every pair of readers), the spans where the two
readers that agree least differ, the readers that read the columns line by line across the
gutter, that read much less text than the others, or that glue two words into one.

Words are compared, not characters: line breaks, spaces, bullets and punctuation differ between
readers without changing what a machine understands. The comparisons run inside the ATS
check's limited child (``child.py``), whose CPU limit bounds them whatever a page holds (a word
repeated thousands of times is the costly case for difflib): stdlib only, no ``app`` import.
"""

from __future__ import annotations

import difflib
import itertools
import re
import statistics
import unicodedata
from dataclasses import dataclass, field
from typing import Any

WORD = re.compile(r"\w+")
MAX_WORDS = 1500  # per reader and page: a dense CV page holds about 700
MAX_DIFFERENCES = 3
SAMPLE_WORDS = 12
# Columns read line by line across the gutter: the reader's words go back and forth between
# the two sides at least this often (reading one column, then the other, goes over once).
MIXED_SWITCHES = 6
# A reader that reads under this share of what the others read (the median) drops text.
SHORT_SHARE = 0.6
MIN_WORDS = 20  # pages with fewer words than this are not compared for loss
MAX_GLUED_SAMPLES = 5


def words(text: str) -> list[str]:
    """Lower-cased words, ligatures and compatibility forms folded (``ﬁ`` → ``fi``)."""
    return WORD.findall(unicodedata.normalize("NFKC", text).casefold())[:MAX_WORDS]


def similarity(first: list[str], second: list[str]) -> float:
    """1.0 for the same words in the same order (difflib's ratio over the two sequences)."""
    if not first and not second:
        return 1.0
    return difflib.SequenceMatcher(None, first, second, autojunk=False).ratio()


@dataclass(frozen=True, slots=True)
class Difference:
    first: str  # reader names
    second: str
    first_words: str  # what each read there ("" when it read nothing)
    second_words: str


@dataclass
class PageAgreement:
    page: int
    score: float | None  # None: fewer than two readers read words on the page
    counts: dict[str, int] = field(default_factory=dict)  # reader → words read
    pairs: dict[str, float] = field(default_factory=dict)  # "a/b" → similarity
    differences: list[Difference] = field(default_factory=list)
    mixed: list[str] = field(default_factory=list)  # readers reading the columns out of order
    short: list[str] = field(default_factory=list)  # readers missing much of the page's text
    glued: dict[str, list[str]] = field(default_factory=dict)  # reader → words glued together


def _differences(first: str, second: str, a: list[str], b: list[str]) -> list[Difference]:
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    spans = [op for op in matcher.get_opcodes() if op[0] != "equal"]
    spans.sort(key=lambda op: -max(op[2] - op[1], op[4] - op[3]))
    return [
        Difference(
            first, second, " ".join(a[i1:i2][:SAMPLE_WORDS]), " ".join(b[j1:j2][:SAMPLE_WORDS])
        )
        for _, i1, i2, j1, j2 in spans[:MAX_DIFFERENCES]
    ]


def switches(sides: list[str], read: list[str]) -> int:
    """How often ``read`` goes from one column's words to the other's, counting only the words
    found on one side alone."""
    if len(sides) != 2:
        return 0
    left, right = (set(words(text)) for text in sides)
    side_of = {w: "l" for w in left - right} | {w: "r" for w in right - left}
    path = [side_of[w] for w in read if w in side_of]
    return sum(1 for a, b in itertools.pairwise(path) if a != b)


def _glued(ours: list[str], read: list[str]) -> list[str]:
    """Words of ``read`` that are two consecutive words of ours written as one."""
    known = set(ours)
    joined = {x + y for x, y in itertools.pairwise(ours)} - known
    found = [w for w in dict.fromkeys(read) if w not in known and w in joined]
    return found[:MAX_GLUED_SAMPLES]


def page_agreement(
    number: int, ours_text: str, columns: int, sides: list[str], texts: dict[str, str]
) -> PageAgreement:
    """Page ``number``: our reader's text and columns (``sides``: the text left and right of
    its gutter), and each reader's text (the readers that read the file)."""
    read = {name: words(text) for name, text in texts.items()}
    ours = words(ours_text)
    found = PageAgreement(number, None, counts={n: len(w) for n, w in read.items()})
    speaking = [name for name in texts if read[name]]
    if len(speaking) >= 2:
        for first, second in itertools.combinations(speaking, 2):
            found.pairs[f"{first}/{second}"] = similarity(read[first], read[second])
        found.score = statistics.fmean(found.pairs.values())
        worst = min(found.pairs, key=lambda pair: found.pairs[pair])
        first, second = worst.split("/")
        if found.pairs[worst] < 1.0:
            found.differences = _differences(first, second, read[first], read[second])
    for name in speaking:
        if columns > 1 and switches(sides, read[name]) >= MIXED_SWITCHES:
            found.mixed.append(name)
        glued = _glued(ours, read[name])
        if glued:
            found.glued[name] = glued
    typical = statistics.median(found.counts.values()) if found.counts else 0
    if typical >= MIN_WORDS:
        found.short = [n for n, count in found.counts.items() if count < SHORT_SHARE * typical]
    return found


def from_json(raw: dict[str, Any]) -> PageAgreement:
    """The child's answer (``dataclasses.asdict``) read back."""
    return PageAgreement(
        page=int(raw["page"]),
        score=None if raw.get("score") is None else float(raw["score"]),
        counts={str(k): int(v) for k, v in dict(raw.get("counts") or {}).items()},
        pairs={str(k): float(v) for k, v in dict(raw.get("pairs") or {}).items()},
        differences=[Difference(**d) for d in raw.get("differences") or []],
        mixed=[str(n) for n in raw.get("mixed") or []],
        short=[str(n) for n in raw.get("short") or []],
        glued={str(k): [str(w) for w in v] for k, v in dict(raw.get("glued") or {}).items()},
    )
