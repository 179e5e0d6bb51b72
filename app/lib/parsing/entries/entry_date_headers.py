"""A date line over a list of entries dates each of them.

"2019" / "• (2 weeks): Intern, Acme, Springfield" / "• (1 month): Waiter, Harbour Café,
Shelbyville" / "2018" / …: some CVs group short jobs under the year they were held in. Read as
is, the year is one entry and its items are that entry's text. When every line under a
date-only line, up to the next date-only line or the section's end, is a list item written like
an entry heading (a bullet or a leading aside, then two to five capitalised parts split by commas
or separators, no sentence), each item becomes an entry with the header's dates.
"""

from __future__ import annotations

import re

from app.lib.parsing.dates.dates import find_date_range, remove_span
from app.lib.parsing.text.text import SENTENCE_END, is_bullet, strip_bullet, word_count

MIN_ITEMS = 2
MAX_ITEM_WORDS = 14
MIN_PARTS, MAX_PARTS = 2, 5
LEADING_ASIDE_RE = re.compile(r"^\([^()]*\)\s*:?\s*")  # "(2 weeks): …", "(CDD) …"
PART_SPLIT_RE = re.compile(r",|\s[|–—·•/-]\s")


def _date_only(line: str) -> bool:
    found = find_date_range(line)
    return found is not None and not remove_span(line.strip(), found.span)


def _lead(line: str) -> str | None:
    """How an item opens its line: its bullet mark, or "(" for a leading aside; else None."""
    text = line.strip()
    if is_bullet(text):
        return text[:1]
    return "(" if LEADING_ASIDE_RE.match(text) else None


def _item(line: str) -> bool:
    """A list item written like an entry heading: short, two to five capitalised parts."""
    text = strip_bullet(line.strip()) if is_bullet(line.strip()) else line.strip()
    text = LEADING_ASIDE_RE.sub("", text).rstrip(".")
    if not text or word_count(text) > MAX_ITEM_WORDS or text.endswith(SENTENCE_END):
        return False
    if find_date_range(text) is not None:
        return False
    parts = [part.strip() for part in PART_SPLIT_RE.split(text)]
    if not MIN_PARTS <= len(parts) <= MAX_PARTS:
        return False
    return all(part[:1].isupper() or part[:1].isdigit() for part in parts)


def _items_under(lines: list[str], header: int) -> list[int] | None:
    """The item lines under the date-only line at ``header``, when they are all the text up to
    the next date-only line (or the end) and open alike."""
    items: list[int] = []
    for index in range(header + 1, len(lines)):
        text = lines[index].strip()
        if not text:
            continue
        if _date_only(text):
            break
        if not _item(text):
            return None
        items.append(index)
    leads = {_lead(lines[i]) for i in items}
    if len(items) < MIN_ITEMS or len(leads) != 1 or None in leads:
        return None
    return items


def spread_date_headers(lines: list[str]) -> list[str]:
    """``lines`` with each date header over a list of entry items moved onto each item."""
    out = list(lines)
    for header, line in enumerate(lines):
        if not line.strip() or not _date_only(line):
            continue
        items = _items_under(lines, header)
        if items is None:
            continue
        dates = line.strip()
        out[header] = ""
        for index in items:
            text = lines[index].strip()
            item = strip_bullet(text) if is_bullet(text) else text
            aside = LEADING_ASIDE_RE.match(item)
            # A leading duration goes after the dates, where the date grammar takes it in.
            after = f" {aside.group(0).strip(' :')}" if aside else ""
            out[index] = f"{item[aside.end() if aside else 0 :]}\t{dates}{after}"
    return out
