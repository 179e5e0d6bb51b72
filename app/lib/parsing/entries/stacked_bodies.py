"""Jobs' bodies copied after all their heads, put back under each head.

Copied text of a page whose jobs sit in two columns (the dates and title in a narrow left one,
the employer and bullets in the right one, as timelines print them) may give the whole left
column first, then the whole right one: "Jan 2025 | Aug 2023" / "Logistics Coordinator" /
"Aug 2023 | Aug 2022" / "Sales Representative" / "Dalnorvas Labs · Lille" / bullets /
"Bralyta Logistics · Berlin" / bullets. Read as is, every employer and bullet goes to the last
title. When a run of blocks holding no bullet is made of exactly as many dated heads (a date
block and a title block in turn, or blocks holding both) as the blocks that follow it, each an
undated name line over bullets, the i-th body goes under the i-th head, in the order both were
printed. Any other count leaves the text as it is (as ``app/lib/parsing/dates/stacked_dates.py``
does for dates): a wrong pairing would give a job another's employer.
"""

from __future__ import annotations

from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.sections.section_lines import name_line
from app.lib.parsing.text.text import is_bullet

MIN_JOBS = 2
Block = list[str]


def _blocks(lines: list[str]) -> list[Block]:
    """Runs of lines between blank lines (a line of no letter or digit is blank: "|" is not)."""
    found: list[Block] = []
    current: Block = []
    for line in lines:
        if line.strip():
            current.append(line)
        elif current:
            found.append(current)
            current = []
    if current:
        found.append(current)
    return found


def _dated(block: Block) -> bool:
    return any(find_date_range(line) for line in block)


def _bare(block: Block) -> bool:
    """No bullet and no sentence: a head's date cell or title."""
    return all(not is_bullet(line.strip()) and (name_line(line) or _mark(line)) for line in block)


def _mark(line: str) -> bool:
    return not any(c.isalnum() for c in line)


def _titled(block: Block) -> bool:
    return any(name_line(line) and not find_date_range(line) for line in block)


def _body(block: Block) -> bool:
    """One or two undated name lines over bullets: an employer and what was done there."""
    head = [line for line in block if not is_bullet(line.strip())]
    lead = len(head)
    return (
        0 < lead <= 2
        and block[:lead] == head
        and lead < len(block)
        and all(name_line(line) and not find_date_range(line) for line in head)
    )


def _heads(run: list[Block]) -> list[Block] | None:
    """The run as one head per job: blocks holding a date and a title each, or a date block
    and a title block in turn (either first)."""
    if all(_dated(b) and _titled(b) for b in run):
        return run
    if len(run) % 2 or not all(_dated(b) != _dated(run[0]) for b in run[1::2]):
        return None
    if not all(_dated(b) == _dated(run[0]) for b in run[::2]):
        return None
    pairs = [run[i] + run[i + 1] for i in range(0, len(run), 2)]
    return pairs if all(_dated(p) and _titled(p) for p in pairs) else None


def stacked_bodies_to_heads(lines: list[str]) -> list[str]:
    """The section's lines with each body copied after the heads moved under its head."""
    blocks = _blocks(lines)
    for start in range(len(blocks)):
        if start and _bare(blocks[start - 1]):
            continue  # a run of bare blocks is read from its first block only
        end = start
        while end < len(blocks) and _bare(blocks[end]):
            end += 1
        heads = _heads(blocks[start:end]) if end > start else None
        if heads is None or len(heads) < MIN_JOBS:
            continue
        bodies = blocks[end : end + len(heads)]
        if len(bodies) != len(heads) or not all(_body(b) for b in bodies):
            continue
        rest = blocks[end + len(heads) :]
        if rest and _body(rest[0]):
            continue  # more bodies than heads: the count does not settle the pairing
        out = [line for block in blocks[:start] for line in [*block, ""]]
        for head, body in zip(heads, bodies, strict=True):
            out += [*head, *body, ""]
        return out + [line for block in rest for line in [*block, ""]]
    return lines
