"""A job's fields read apart by the other column's items, joined back into one job.

Copied two-column text interleaves the lines of both columns by height, so the sidebar's
short items may fall between the fields of one job of the main column, each field a block of
its own: "BANQUE - ACME LYON" / "Fiscalité" / "Job d'été - Conseiller" / "Gestion" /
"Juillet 2024". ``app/lib/parsing/sections/section_interleave.py`` finds the job's title
among the section's blocks; this module finds, across at most two such item blocks, the date
standing alone below the title and the employer in capitals above it, so that the three are
moved as one job and the items stay in their own section.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.fields.languages import languages_in_text
from app.lib.parsing.sections.section_lines import job_heading, name_line
from app.lib.parsing.text.text import SENTENCE_END, clean

MAX_ITEM_BLOCKS = 2  # sidebar item blocks that may stand between two fields of one job
MAX_ITEM_WORDS = 6
MAX_WORDS_BESIDE = 1  # "Juillet 2024", "Depuis mars 2022": a date standing alone
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
Shape = Callable[[list[str]], bool]


def _dated(block: list[str]) -> bool:
    return any(find_date_range(line) is not None for line in block)


def _item_block(block: list[str]) -> bool:
    """The sidebar's short items ("Fiscalité", "Bureautique : Excel et Word"): no date, no
    job title, no sentence."""
    return not _dated(block) and all(
        len(clean(line).split()) <= MAX_ITEM_WORDS
        and not clean(line).endswith(SENTENCE_END)
        and not job_heading(line)
        for line in block
    )


def _lone_date(block: list[str]) -> bool:
    """One line holding a date (single or a range) and at most one word beside it."""
    if len(block) != 1:
        return False
    found = find_date_range(block[0])
    if found is None:
        return False
    beside = block[0][: found.span[0]] + block[0][found.span[1] :]
    return len(_WORD_RE.findall(beside)) <= MAX_WORDS_BESIDE


def _field(block: list[str]) -> bool:
    """A job's employer or place on a line of its own, not the section's item."""
    return len(block) == 1 and name_line(block[0]) and not languages_in_text(clean(block[0]))


def _capitals(line: str) -> bool:
    letters = [c for c in clean(line) if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _employer(block: list[str]) -> bool:
    """One line in capitals naming no job and no language ("BANQUE - ACME LYON")."""
    if len(block) != 1 or not name_line(block[0]) or not _capitals(block[0]):
        return False
    return not job_heading(block[0]) and not languages_in_text(clean(block[0]))


def _across_items(
    found: list[list[str]], skipped: list[bool], start: int, step: int, wanted: Shape
) -> int | None:
    """The index of the first block from ``start`` (going by ``step``) of the ``wanted``
    shape, past at most ``MAX_ITEM_BLOCKS`` blocks that may be ``skipped``; None when
    another block comes first."""
    index = start
    for _ in range(MAX_ITEM_BLOCKS + 1):
        if not 0 <= index < len(found):
            return None
        if wanted(found[index]):
            return index
        if not skipped[index]:
            return None
        index += step
    return None


def join_job_fields(found: list[list[str]], foreign: list[bool], owned: list[bool]) -> set[int]:
    """Mark as foreign the lone date below a dateless job title block (a date range is
    foreign already), the lines between them that the section does not read as its own
    (the employer), and the employer in capitals above it, each across at most two item
    blocks, or blocks the section reads as its own (``owned``); return the indices of the
    blocks that the next foreign block continues (one job, no gap between them)."""
    skipped = [
        not out and (own or _item_block(block))
        for block, out, own in zip(found, foreign, owned, strict=True)
    ]
    joined: set[int] = set()
    for index, block in enumerate(found):
        if not foreign[index] or _dated(block) or not any(job_heading(x) for x in block):
            continue
        below = _across_items(found, skipped, index + 1, 1, _lone_date)
        if below is None or below == index + 1:
            continue  # a date right below its title is read as one job already
        foreign[below] = True
        joined.add(index)
        for between in range(index + 1, below):
            if not owned[between] and _field(found[between]):
                foreign[between] = True  # "Acme, Lyon" between two language lines
                joined.add(between)
        above = _across_items(found, skipped, index - 1, -1, _employer)
        if above is not None and not foreign[above]:
            foreign[above] = True
            joined.add(above)
    return joined
