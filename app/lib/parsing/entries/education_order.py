"""Which heading line of each degree entry is its school, learned from the section's layout.

A CV writes its degrees alike: the degree on lines set one way (bold, a size, capitals), the
school on a line set another way. Words read entry by entry (``roles.py``) miss that order where
a degree line holds a comma ("Masters, Medicine" read as the degree "Masters" and the school
"Medicine", the school's line left as the field) or wraps onto a second line. The layout is
the evidence no single entry gives: each heading line's type style is its slot, and the slot
whose lines name a school in most of the section's entries (and a degree in fewer) is the
school's slot in every entry, the other slots the degree's.

Only PDF text carries styles (``app/lib/styled_text.py``); pasted text learns nothing here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from app.lib.parsing.entries.entries import RawEntry
from app.lib.parsing.entries.roles import DEGREE_WORDS, SCHOOL_WORDS, word_score
from app.lib.styled_text import line_styles_of

Slot = tuple[float, bool, str, bool]  # size, bold, colour, set in capitals
MIN_VOTES = 2  # entries whose school line names a school before the slot is learned
CAPITALS = 0.9  # share of capital letters that makes a line "set in capitals"
MIN_LETTERS = 3


def _spaced(text: str) -> str:
    return " ".join(text.split())


def _capitals(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= MIN_LETTERS and sum(c.isupper() for c in letters) >= CAPITALS * len(
        letters
    )


def _slot(source: str, text: str) -> Slot | None:
    styles = line_styles_of(source)
    style = styles[0] if len(styles) == 1 else None
    if not style:
        return None
    size, bold = float(style.get("size", 0.0)), bool(style.get("bold"))
    return (size, bold, str(style.get("colour", "")), _capitals(text))


def heading_slots(entry: RawEntry, lines: Sequence[str]) -> list[Slot | None]:
    """The slot of each heading line: the style of the section line it was read from (the
    entry splitter keeps the words, not the style; dates and marks it took off leave the rest
    of the line, so the heading line stands inside its source line)."""
    sources = [(_spaced(line), line) for line in lines if line.strip()]
    slots: list[Slot | None] = []
    for heading in entry.heading:
        pieces = [_spaced(p) for p in heading.split("\t") if p.strip()]
        found = next(
            (line for spaced, line in sources if pieces and all(p in spaced for p in pieces)),
            None,
        )
        slots.append(_slot(found, heading) if found is not None else None)
    return slots


def _vote(text: str) -> int:
    """+1 when the line's words name a school more than a degree, -1 the other way, else 0."""
    school, degree = word_score(text, SCHOOL_WORDS), word_score(text, DEGREE_WORDS)
    return (school > degree) - (degree > school)


def learn_school_slot(
    entries: Sequence[RawEntry], slots: Sequence[list[Slot | None]]
) -> Slot | None:
    """The slot naming a school in most entries: its lines name a school in two entries at
    least, in more entries than they name a degree, in half the entries holding the slot at
    least, and the entries holding it set some heading line in another slot (the degree's)."""
    school: Counter[Slot] = Counter()
    degree: Counter[Slot] = Counter()
    holding: Counter[Slot] = Counter()
    for entry, entry_slots in zip(entries, slots, strict=True):
        votes: dict[Slot, int] = {}
        for text, slot in zip(entry.heading, entry_slots, strict=True):
            if slot is not None and slot not in votes:
                votes[slot] = _vote(text)  # an entry's first line in the slot speaks for it
        if len(votes) < 2:
            continue
        for slot, vote in votes.items():
            holding[slot] += 1
            school[slot] += vote > 0
            degree[slot] += vote < 0
    ranked = sorted(holding, key=lambda s: school[s] - degree[s], reverse=True)
    if not ranked:
        return None
    best = ranked[0]
    runner_up = school[ranked[1]] - degree[ranked[1]] if len(ranked) > 1 else 0
    learned = (
        school[best] >= MIN_VOTES
        and school[best] > degree[best]
        and 2 * school[best] >= holding[best]
        and school[best] - degree[best] > runner_up
    )
    return best if learned else None


def school_lines(entries: Sequence[RawEntry], lines: Sequence[str]) -> list[frozenset[int]]:
    """For each entry, the indexes of its heading lines in the section's school slot (empty
    when the section teaches none, or when all or none of the entry's lines stand in it)."""
    slots = [heading_slots(entry, lines) for entry in entries]
    learned = learn_school_slot(entries, slots)
    out = []
    for entry_slots in slots:
        chosen = frozenset(i for i, slot in enumerate(entry_slots) if slot == learned)
        whole = len(chosen) == len(entry_slots)
        out.append(frozenset() if learned is None or whole else chosen)
    return out
