"""Bullet marks copied apart from their text, given back to it.

Copied text of a PDF may print a list's bullet marks as a column of their own: "●" / "●" / "●"
on lines of their own, then, after a blank line, the items' text with no mark ("Led code
reviews" / "Mentored two juniors"). Read as is, those items look like short heading lines and
the entry splitter takes them for the next job's title and employer. A run of two marks or more
followed by a block of text lines makes that block bullets again: each of its lines gets a mark,
a wrapped item's second line too (it is body text either way). A block holding a date, opened
by a short name line, or shorter or much longer than the marks announce, is left alone: it is
an entry's head (the marks were printed right under it), not the list. Short items pass when
the block has a line for each mark exactly, three marks at least ("Cash handling" / "Stock
rotation" / "Opening and closing"): a head is a line or two, not one per mark of a long run.
"""

from __future__ import annotations

from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.text.text import BULLET_CHARS, INVISIBLE_RE, SENTENCE_END, clean, is_bullet

MIN_MARKS = (
    2  # one mark alone is a mark after its own line (app/lib/parsing/entries/entry_lines.py)
)
MAX_LINES_PER_MARK = 2  # an item wrapped once
MARK = "• "
ITEM_WORDS = 8  # the first item is a sentence: "Led the code reviews of the mobile team"
EXACT_MARKS = 3


def _mark_only(line: str) -> bool:
    text = "".join(INVISIBLE_RE.sub("", line).split())
    return bool(text) and all(c in BULLET_CHARS for c in text)


def _blank(line: str) -> bool:
    return not INVISIBLE_RE.sub("", line).strip()


def _block_after(lines: list[str], index: int) -> list[int]:
    """The lines of the first block of text at or after ``index`` (blank lines skipped)."""
    while index < len(lines) and _blank(lines[index]):
        index += 1
    block: list[int] = []
    while index < len(lines) and not _blank(lines[index]) and not _mark_only(lines[index]):
        block.append(index)
        index += 1
    return block


def _items(lines: list[str], block: list[int], marks: int) -> bool:
    """Does ``block`` read as the items of ``marks`` detached marks: a line for each mark at
    least, opened by a sentence (an entry's head opens with a short name line), no date?"""
    if not marks <= len(block) <= marks * MAX_LINES_PER_MARK:
        return False
    if any(find_date_range(lines[i]) for i in block):
        return False
    first = clean(lines[block[0]])
    # Short items ("Cash handling") pass when there is a line for each mark exactly, three at
    # least: an entry's head is a line or two, not one line per mark of a longer run.
    return (
        len(first.split()) >= ITEM_WORDS
        or first.endswith(SENTENCE_END)
        or len(block) == marks >= EXACT_MARKS
    )


def attach_detached_marks(lines: list[str]) -> list[str]:
    """``lines`` with the text after each run of detached bullet marks marked as bullets."""
    out = list(lines)
    index = 0
    while index < len(out):
        end = index
        while end < len(out) and _mark_only(out[end]):
            end += 1
        if end - index >= MIN_MARKS:
            block = _block_after(out, end)
            if _items(out, block, end - index):
                for i in block:
                    text = INVISIBLE_RE.sub("", out[i]).strip()
                    out[i] = text if is_bullet(text) else MARK + text
        index = max(end, index + 1)
    return out
