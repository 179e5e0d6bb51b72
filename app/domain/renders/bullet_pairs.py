"""Each tailored bullet beside the source bullet it was made from (the changes view and the
review's bullet actions both read this pairing)."""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

PAIRING_THRESHOLD = 0.3  # below this similarity a rewritten bullet is shown without a source
# Every source bullet is compared with every tailored one up to this many pairs (real CVs: 13
# bullets at most, 169 pairs). Past it (up to 50 x 50 within the CV limits, which made the
# changes page of a 100-job CV take seconds of CPU), only bullets within WINDOW places of each
# other, and identical ones, are compared: the work grows with the bullets, not their square.
MAX_ALL_PAIRS = 400
WINDOW = 4


@dataclass(frozen=True, slots=True)
class BulletPair:
    source: str | None
    tailored: str | None
    status: str  # unchanged | rewritten | new | not_kept | from_bank
    source_index: int | None = None  # in the source item's bullets
    tailored_index: int | None = None  # in the tailored item's bullets
    # status "from_bank": the title of the achievement of the user's bank it was made from,
    # and ``source`` the achievement's line (app/domain/renders/changes.py).
    achievement: str = ""


def _candidates(source: list[str], tailored: list[str]) -> list[tuple[int, int]]:
    if len(source) * len(tailored) <= MAX_ALL_PAIRS:
        return [(si, ti) for si in range(len(source)) for ti in range(len(tailored))]
    same: dict[str, list[int]] = {}
    for si, text in enumerate(source):
        same.setdefault(text.lower(), []).append(si)
    pairs = {
        (si, ti)
        for ti in range(len(tailored))
        for si in range(max(0, ti - WINDOW), min(len(source), ti + WINDOW + 1))
    }
    pairs.update((si, ti) for ti, text in enumerate(tailored) for si in same.get(text.lower(), []))
    return sorted(pairs)


def pair_bullets(source: list[str], tailored: list[str]) -> list[BulletPair]:
    """Match each tailored bullet to its most similar source bullet (greedy, best first)."""
    scored = sorted(
        (
            (SequenceMatcher(None, source[si].lower(), tailored[ti].lower()).ratio(), si, ti)
            for si, ti in _candidates(source, tailored)
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


def bank_lines(raw: Any, item_id: str) -> list[tuple[str, str]]:
    """``(line, achievement title)`` of the achievements the run had for this item, as
    ``generation_meta["bank"]`` recorded them (jobs/pipeline/core/evidence.py)."""
    entries = raw.get(item_id) if isinstance(raw, dict) else None
    lines: list[tuple[str, str]] = []
    for entry in entries if isinstance(entries, list) else []:
        if isinstance(entry, dict) and isinstance(entry.get("lines"), list):
            title = str(entry.get("title") or "")
            lines += [(str(line), title) for line in entry["lines"] if str(line).strip()]
    return lines


def pair_with_bank(
    source: list[str], tailored: list[str], bank: list[tuple[str, str]]
) -> list[BulletPair]:
    """``pair_bullets`` with the item's achievements as more source lines: a tailored bullet
    closest to one of them is shown as made from the bank (with the achievement's title);
    the achievements' lines no bullet used are not listed (they were never in the CV)."""
    own = len(source)
    pairs = []
    for pair in pair_bullets(source + [line for line, _ in bank], tailored):
        if pair.source_index is None or pair.source_index < own:
            pairs.append(pair)
        elif pair.tailored is not None:
            title = bank[pair.source_index - own][1]
            pairs.append(
                BulletPair(
                    pair.source, pair.tailored, "from_bank", None, pair.tailored_index, title
                )
            )
    return pairs
