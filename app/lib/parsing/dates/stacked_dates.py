"""A stack of dates copied after the jobs they belong to, put back under each job.

Copied text of a page whose dates sit right-aligned beside each job's head may hold some of them
back and print them together further down, after the next job's text ("Acme" / "Teacher" /
bullets / "Beta Clinic" / "Nurse" / bullets / "Sep 2023 – present" / "Sep 2017 – present"),
each perhaps under its place ("Lyon - France" / "Mars 2005 - Juin 2005"). When such a stack
of two or more date blocks follows exactly as many job lines that have no date of their own
since the previous stack, the i-th date block goes under the i-th of those jobs, in the order
both were printed. Any other count leaves the text as it is (as in
``app/lib/parsing/dates/stray_dates.py``, which handles a section whose every date is in one
run): a wrong pairing would put a job at the wrong time.
"""

from __future__ import annotations

from app.lib.parsing.dates.dates import find_date_range, remove_span
from app.lib.parsing.entries.entry_words import is_place
from app.lib.parsing.sections.section_lines import job_heading
from app.lib.parsing.text.runs import runs_of
from app.lib.parsing.text.text import clean

MIN_STACK = 2  # one date after an undated job is an orphan date (entry_headings.py) already
HEAD_LINES = 2  # a job's title line opens its block, or follows its employer's line
Block = tuple[int, int]  # first and last index of a run of lines between blank lines


def _blank(line: str) -> bool:
    """No letter or digit: a blank line, or a bullet mark or icon glyph left alone."""
    return not any(c.isalnum() for c in line)


def _blocks(lines: list[str]) -> list[Block]:
    found: list[Block] = []
    start: int | None = None
    for index, line in enumerate([*lines, ""]):
        if not _blank(line) and start is None:
            start = index
        elif _blank(line) and start is not None:
            found.append((start, index - 1))
            start = None
    return found


def _date_only(line: str) -> bool:
    text = clean(line)
    found = find_date_range(text) if text else None
    return found is not None and not remove_span(text, found.span).strip(" ,.;|·-–—()")


def _date_block(lines: list[str], block: Block) -> bool:
    """One date alone on its line, with at most a place beside it ("Lyon - France")."""
    texts = [clean(lines[i]) for i in range(block[0], block[1] + 1)]
    dates = [text for text in texts if _date_only(text)]
    return len(dates) == 1 and all(text in dates or is_place(text) for text in texts)


def _stacks(lines: list[str], blocks: list[Block]) -> list[list[Block]]:
    """Runs of consecutive date blocks, at least ``MIN_STACK`` long."""
    runs = runs_of(blocks, lambda block: _date_block(lines, block))
    return [run for run in runs if len(run) >= MIN_STACK]


def _heads(lines: list[str], blocks: list[Block], start: int, end: int) -> list[int]:
    """Job lines opening a block (or right under its first line) in ``[start, end)``."""
    return [
        index
        for first, last in blocks
        if start <= first < end
        for index in range(first, min(last + 1, first + HEAD_LINES, end))
        if job_heading(lines[index])
    ]


def _undated(lines: list[str], heads: list[int], end: int) -> list[int]:
    """The heads with no date of their own: none on their line or before the next head."""
    if not heads:
        return []
    bounds = [*heads[1:], end]
    return [
        head
        for head, bound in zip(heads, bounds, strict=True)
        if not any(find_date_range(clean(lines[i])) for i in range(head, bound))
    ]


def _pairs(lines: list[str]) -> list[tuple[int, Block]]:
    """(job line, date block) for each stack whose count matches its undated jobs."""
    blocks = _blocks(lines)
    pairs: list[tuple[int, Block]] = []
    floor = 0
    for stack in _stacks(lines, blocks):
        start = stack[0][0]
        undated = _undated(lines, _heads(lines, blocks, floor, start), start)
        if len(undated) == len(stack):
            pairs.extend(zip(undated, stack, strict=True))
        floor = stack[-1][1] + 1
    return pairs


def stacked_dates_to_jobs(lines: list[str]) -> list[str]:
    """The section's lines with each stacked date block moved under the job it dates."""
    pairs = _pairs(lines)
    if not pairs:
        return lines
    return lines_moved_under(
        lines, {head: list(range(first, last + 1)) for head, (first, last) in pairs}
    )


def lines_moved_under(lines: list[str], moves: dict[int, list[int]]) -> list[str]:
    """``lines`` with the lines at each list of ``moves`` taken from where they stand and put,
    in their order, right under the line at its key."""
    moved = {at for ats in moves.values() for at in ats}
    out: list[str] = []
    for index, line in enumerate(lines):
        if index in moved:
            continue
        out.append(line)
        out.extend(lines[at] for at in moves.get(index, []))
    return out
