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
from dataclasses import dataclass, field

from app.lib.parsing.dates.dates import find_date_range, remove_span
from app.lib.parsing.text.text import SENTENCE_END, is_bullet, strip_bullet, word_count

MIN_ITEMS = 2
MAX_ITEM_WORDS = 14
MIN_PARTS, MAX_PARTS = 2, 5
LEADING_ASIDE_RE = re.compile(r"^\([^()]*\)\s*:?\s*")  # "(2 weeks): …", "(CDD) …"
PART_SPLIT_RE = re.compile(r",|\s[|–—·•/-]\s")
TRAILING_MARKS = " :–—-"  # "2023 :" is a date line too
# A note under an item: a short label, a colon, then text ("Mission : Observation …").
NOTE_LABEL_RE = re.compile(r"^[A-ZÀ-Ý][\w’'-]*(?: [\w’'-]+){0,2}\s?:\s*\S")


def _date_only(line: str) -> bool:
    found = find_date_range(line)
    return found is not None and not remove_span(line.strip(), found.span).strip(TRAILING_MARKS)


def _lead(line: str) -> str | None:
    """How an item opens its line: its bullet mark, or "(" for a leading aside; else None."""
    text = line.strip()
    if is_bullet(text):
        return text[:1]
    return "(" if LEADING_ASIDE_RE.match(text) else None


def _item(line: str) -> bool:
    """A list item written like an entry heading: short, two to five capitalised parts."""
    text = strip_bullet(line.strip()) if is_bullet(line.strip()) else line.strip()
    text = LEADING_ASIDE_RE.sub("", text).rstrip(".,; ")
    if not text or word_count(text) > MAX_ITEM_WORDS or text.endswith(SENTENCE_END):
        return False
    if find_date_range(text) is not None:
        return False
    parts = [part.strip() for part in PART_SPLIT_RE.split(text)]
    if not MIN_PARTS <= len(parts) <= MAX_PARTS:
        return False
    return all(part[:1].isupper() or part[:1].isdigit() for part in parts)


def _continues(above: str, line: str) -> bool:
    """A line that carries on the one above it (a wrapped line): it opens in lower case, or
    the line above stopped on a comma, or it goes on listing parts; never a sentence."""
    if line.endswith(SENTENCE_END) or word_count(line) > MAX_ITEM_WORDS // 2:
        return False
    return line[:1].islower() or above.rstrip().endswith(",") or "," in line


@dataclass
class _Item:
    lines: list[int]  # the item's own lines: the first, then its wrapped continuations
    notes: list[int] = field(default_factory=list)  # labelled notes under it ("Tasks: …")


def _items_under(lines: list[str], header: int) -> list[_Item] | None:
    """The items under the date-only line at ``header``, when they are all the text up to the
    next date-only line (or the end) and open alike. An item may wrap onto lines that open in
    lower case, and carry labelled notes ("Missions : …", wrapped too)."""
    items: list[_Item] = []
    for index in range(header + 1, len(lines)):
        text = lines[index].strip()
        if not text or (is_bullet(text) and not strip_bullet(text).strip()):
            continue  # blank, or a bullet mark alone
        if _date_only(text):
            break
        if _lead(text) is not None:
            items.append(_Item([index]))
        elif (items and NOTE_LABEL_RE.match(text)) or (
            items and items[-1].notes and text[:1].islower()
        ):
            items[-1].notes.append(index)
        elif items and not items[-1].notes and _continues(lines[items[-1].lines[-1]], text):
            items[-1].lines.append(index)
        else:
            return None
    leads = {_lead(lines[item.lines[0]]) for item in items}
    if len(items) < MIN_ITEMS or len(leads) != 1 or None in leads:
        return None
    if not all(_item(_joined(lines, item.lines)) for item in items):
        return None
    return items


def _joined(lines: list[str], indexes: list[int]) -> str:
    return " ".join(lines[i].strip() for i in indexes)


def _join_notes(lines: list[str], notes: list[int], out: list[str]) -> None:
    """Each labelled note on one line, its wrapped lines joined to it: a wrapped tail left on
    its own would read as the next item's words."""
    first: int | None = None
    for index in notes:
        if NOTE_LABEL_RE.match(lines[index].strip()) or first is None:
            first = index
            continue
        out[first] = f"{out[first].rstrip()} {lines[index].strip()}"
        out[index] = ""


def spread_date_headers(lines: list[str]) -> list[str]:
    """``lines`` with each date header over a list of entry items moved onto each item."""
    out = list(lines)
    for header, line in enumerate(lines):
        if not line.strip() or not _date_only(line):
            continue
        items = _items_under(lines, header)
        if items is None:
            continue
        dates = line.strip().rstrip(TRAILING_MARKS).strip()
        out[header] = ""
        for item in items:
            text = _joined(lines, item.lines)
            text = strip_bullet(text) if is_bullet(text) else text
            aside = LEADING_ASIDE_RE.match(text)
            # A leading duration goes after the dates, where the date grammar takes it in.
            after = f" {aside.group(0).strip(' :')}" if aside else ""
            heading = text[aside.end() if aside else 0 :].rstrip(",; ")
            out[item.lines[0]] = f"{heading}\t{dates}{after}"
            for wrapped in item.lines[1:]:
                out[wrapped] = ""
            _join_notes(lines, item.notes, out)
    return out
