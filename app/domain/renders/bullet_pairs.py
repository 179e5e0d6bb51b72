"""Each tailored bullet beside the source bullet it was made from (the changes view and the
review's bullet actions both read this pairing)."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher

PAIRING_THRESHOLD = 0.3  # below this similarity a rewritten bullet is shown without a source


@dataclass(frozen=True, slots=True)
class BulletPair:
    source: str | None
    tailored: str | None
    status: str  # unchanged | rewritten | new | not_kept
    source_index: int | None = None  # in the source item's bullets
    tailored_index: int | None = None  # in the tailored item's bullets


def pair_bullets(source: list[str], tailored: list[str]) -> list[BulletPair]:
    """Match each tailored bullet to its most similar source bullet (greedy, best first)."""
    scored = sorted(
        (
            (SequenceMatcher(None, s.lower(), t.lower()).ratio(), si, ti)
            for si, s in enumerate(source)
            for ti, t in enumerate(tailored)
        ),
        reverse=True,
    )
    match: dict[int, int] = {}
    used_source: set[int] = set()
    for ratio, si, ti in scored:
        if ratio < PAIRING_THRESHOLD:
            break
        if ti in match or si in used_source:
            continue
        match[ti] = si
        used_source.add(si)
    pairs = []
    for ti, text in enumerate(tailored):
        if ti in match:
            before = source[match[ti]]
            same = before.strip() == text.strip()
            status = "unchanged" if same else "rewritten"
            pairs.append(BulletPair(before, text, status, match[ti], ti))
        else:
            pairs.append(BulletPair(None, text, "new", None, ti))
    pairs += [
        BulletPair(s, None, "not_kept", si, None)
        for si, s in enumerate(source)
        if si not in used_source
    ]
    return pairs
