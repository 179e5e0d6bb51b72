"""Dates printed after the entry they date, given back to its heading.

Text copied out of a PDF whose dates sit in a right-hand column may print each date after its
entry's bullets instead of beside its heading ("Analyst — Acme" / "• Built …" / "" /
"Feb 2023 – Present" / "" / "Clerk — Bolt" / "• …" / "" / "2019 – 2022"). Read the usual
way, each date opens the entry *after* it: the first entry has no date, every other one takes
its predecessor's, and the last date names nothing. Two readings, chosen by consistency: when
the section's entry heads (a line right over the bullets) and its date-only lines alternate
exactly, a head first and a date last, and no other line holds a date, the dates close their
entries; each moves right under its head (the common "heading / dates / bullets" shape), a
short place printed over it going with it, and what was printed between a date and the next
head (an entry's skill line) goes back under the entry it follows. Any other arrangement is
left as it is.
"""

from __future__ import annotations

from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.entries.entry_closing_dates import date_only_line
from app.lib.parsing.text.text import is_bullet

PLACE_WORDS = 4  # "Saint-Denis, France": a place over its entry's dates


def _blank(line: str) -> bool:
    return not line.strip()


def _heads(lines: list[str]) -> list[int]:
    """First lines of the blocks that open on text and run into bullets: an entry's heading
    (wrapped over a line or two) right over its list."""
    heads: list[int] = []
    for index, line in enumerate(lines):
        if _blank(line) or is_bullet(line) or date_only_line(line):
            continue
        if index > 0 and not _blank(lines[index - 1]):
            continue
        end = index
        while end + 1 < len(lines) and not _blank(lines[end + 1]) and not is_bullet(lines[end + 1]):
            end += 1
        if end - index < 2 and end + 1 < len(lines) and is_bullet(lines[end + 1]):
            heads.append(index)
    return heads


def _alternate(heads: list[int], dates: list[int]) -> bool:
    """head, date, head, date, … a head first and a date last, one date per head."""
    if not dates or len(heads) != len(dates):
        return False
    order = sorted([(i, "head") for i in heads] + [(i, "date") for i in dates])
    return all(kind == ("head" if n % 2 == 0 else "date") for n, (_, kind) in enumerate(order))


def move_trailing_dates(lines: list[str]) -> list[str]:
    """``lines`` with each trailing date on its entry's heading line, when the section's heads
    and date lines alternate a head first; else ``lines`` unchanged."""
    dates = [index for index, line in enumerate(lines) if date_only_line(line)]
    if any(find_date_range(line) for i, line in enumerate(lines) if i not in dates):
        return lines  # some entry is dated on its own lines: the usual reading holds
    heads = _heads(lines)
    if not _alternate(heads, dates):
        return lines
    if any(not _blank(line) for line in lines[dates[-1] + 1 :] if is_bullet(line)):
        return lines
    out = list(lines[: heads[0]])
    for number, (head, date) in enumerate(zip(heads, dates, strict=True)):
        following = heads[number + 1] if number + 1 < len(heads) else len(lines)
        places = _places_over(lines, head, date)
        body = [line for line in lines[head + 1 : date - len(places)] if not _blank(line)]
        between = [line for line in lines[date + 1 : following] if not _blank(line)]
        out += [lines[head], lines[date].strip(), *places, *body, *between, ""]
    return out


def _places_over(lines: list[str], head: int, date: int) -> list[str]:
    """The short lines printed right over a trailing date, in its own block ("Leeds" /
    "2019 – 2021"): the entry's place, which travels with its dates."""
    start = date
    while start - 1 > head and not _blank(lines[start - 1]) and not is_bullet(lines[start - 1]):
        start -= 1
    above = [line.strip() for line in lines[start:date]]
    if start - 1 <= head or not _blank(lines[start - 1]):
        return []  # not a block of its own: body text runs into the date
    if len(above) > 1 or any(len(line.split()) > PLACE_WORDS for line in above):
        return []
    return above
