"""Which lines around each date line name its entry (title, employer, place).

The run of short lines around a date line is its heading, in any order, over one to three
lines, blank lines tolerated (a blank line is a hint, not a wall). When two date lines have only
heading lines between them, the section's first entry shows where this CV puts its heading
(before the dates, or after them) and the split follows that count, preferring a blank line.
Layouts where the dates come first take no lines above them; layouts where dates close each
entry (heading, text, then "School | 2019 – 2021") take the heading above; a date line with no
heading of its own (pasted text puts right-aligned dates after the bullets) adopts the undated
heading above it.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from app.lib.parsing.dates.dates import DateRange, remove_span
from app.lib.parsing.entries.entry_lines import Kind, Line
from app.lib.parsing.entries.entry_parts import is_aside
from app.lib.parsing.entries.entry_words import company_score, is_place, is_place_like
from app.lib.parsing.fields.contact import looks_like_location
from app.lib.parsing.text.text import (
    SENTENCE_END,
    clean,
    is_bullet,
    split_parts,
    strip_bullet,
    word_count,
)

MAX_LINES_BEFORE = 3  # heading lines above a date line (title, employer, place)
MAX_LINES_AFTER = 4  # heading lines below it (dates-first layouts put everything there)
MAX_BULLET_TITLE_WORDS = 12
TEXT_WORDS = 5  # a line of a list rather than a name
COLUMN_GAP_RE = re.compile(r"\t+|\s{3,}")
OPENING_BRACKETS = " [("


def _heads(lines: list[Line], indices: range) -> list[int]:
    """Heading lines met walking ``indices`` from a date line, until a body line or a date."""
    found = []
    for index in indices:
        kind = lines[index].kind
        if kind is Kind.HEAD:
            found.append(index)
        elif kind is not Kind.BLANK:
            break
    return found


def _blank_between(lines: list[Line], first: int, second: int) -> bool:
    return any(lines[i].kind is Kind.BLANK for i in range(first + 1, second))


def _trim_before(lines: list[Line], run: list[int], anchor: int) -> list[int]:
    """Keep the heading lines nearest the date: at most three, and stop at a blank line once
    two that are not a place are taken (the line above that blank ends the previous entry)."""
    kept: list[int] = []
    nearer = anchor
    for index in reversed(run):
        named = [i for i in kept if not looks_like_location(lines[i].text)]
        if len(kept) >= MAX_LINES_BEFORE:
            break
        if len(named) >= 2 and _blank_between(lines, index, nearer):
            break
        if kept and _blank_between(lines, index, nearer) and _ends_text(lines, index):
            break  # the last line of the previous entry's text, across a blank line
        kept.insert(0, index)
        nearer = index
    return kept


def _ends_text(lines: list[Line], index: int) -> bool:
    """Is the line at ``index`` the last of a run of body text (a list or a paragraph): right
    under body text, a phrase of several words naming no organisation ("Organiser des
    réunions d'équipe"), not an employer's name ("KPMG", "Banque Orvelle & Associés")?"""
    text = lines[index].text
    if index == 0 or lines[index - 1].kind is not Kind.BODY:
        return False
    return word_count(text) >= TEXT_WORDS and not company_score(clean(text))


def _trim_after(lines: list[Line], run: list[int], anchor: int, named: int) -> list[int]:
    """Heading lines below the date line. When the heading above already names two parts
    (title, employer), a line after a blank is body text, not more heading."""
    kept: list[int] = []
    nearer = anchor
    for index in run:
        if len(kept) >= MAX_LINES_AFTER or (
            (kept or named >= 2) and _blank_between(lines, nearer, index) and named
        ):
            break
        kept.append(index)
        nearer = index
    return kept


def _bullet_title(lines: list[Line], anchor: int, floor: int) -> list[int]:
    """A title written as a bullet right above its date line ("• Technical Support" then
    "Acme\tMay 19 - Feb 22"), after a blank line or at the section start."""
    index = anchor - 1
    if index < floor or lines[index].kind is not Kind.BODY:
        return []
    text = lines[index].text.strip()
    if not is_bullet(text) or word_count(text) > MAX_BULLET_TITLE_WORDS:
        return []
    if text.endswith(SENTENCE_END):
        return []
    return [index] if index == 0 or lines[index - 1].kind is Kind.BLANK else []


def _split_shared(lines: list[Line], run: list[int], left: int, right: int, before: int) -> int:
    """How many lines of a heading run between two date lines go to the earlier entry: the
    later one takes ``before`` lines (the layout's count), preferably cut at a blank line."""
    bounds = [left, *run, right]
    best, best_cost = len(run), float("inf")
    cost: float
    for cut in range(len(run) + 1):
        cost = abs((len(run) - cut) - before)
        cost += 0 if _blank_between(lines, bounds[cut], bounds[cut + 1]) else 0.6
        if cost < best_cost:
            best, best_cost = cut, cost
    return best


@dataclass(frozen=True, slots=True)
class Layout:
    """Where this section puts each entry's heading, read from its first entry."""

    lines_before: int  # heading lines above the first date line
    dates_first: bool  # "2019 – 2021  Title" or a date line alone, the heading below it
    dates_last: bool  # the heading, then its text, then "School | 2019 – 2021"


def _layout(lines: list[Line], anchors: list[int]) -> Layout:
    first_anchor = anchors[0]
    above = _heads(lines, range(first_anchor - 1, -1, -1))[::-1]
    first_before = _trim_before(lines, above, first_anchor)
    first = lines[first_anchor]
    # "[ 05/09/2021 – Current ]" (Europass): an opening bracket still puts the dates first.
    leading = first.dates is not None and not strip_bullet(first.text[: first.dates.span[0]]).strip(
        OPENING_BRACKETS
    )
    dates_first = not first_before and leading and not _headings_above(lines, anchors)
    only_place_above = all(is_place_like(heading_text(lines[i].text)) for i in first_before)
    below = first_anchor + 1
    named_below = below < len(lines) and lines[below].kind is Kind.HEAD  # "Title\tdates" / "Acme"
    dates_last = (
        only_place_above
        and not dates_first
        and not named_below
        and bool(_orphan_heading(lines, 0, first_anchor))
    )
    return Layout(len(first_before), dates_first, dates_last)


def _headings_above(lines: list[Line], anchors: list[int]) -> bool:
    """The later entries say their heading stands above their dates: more of them have heading
    lines right above the date line and text (not a heading) right under it than have a
    heading under it, two at least. The first entry alone does not settle it: a sidebar's
    lines copied between its heading and its dates leave nothing above them."""
    above = below = 0
    for previous, anchor in itertools.pairwise(anchors):
        under = next((line for line in lines[anchor + 1 :] if line.kind is not Kind.BLANK), None)
        if under is not None and under.kind is Kind.HEAD:
            below += 1
        elif _trim_before(lines, _heads(lines, range(anchor - 1, previous, -1))[::-1], anchor):
            above += 1
    return above >= 2 and above > below


def headings(lines: list[Line], anchors: list[int]) -> list[tuple[list[int], list[int]]]:
    """(lines before, lines after) the date line, for each date line."""
    floors = [0, *[a + 1 for a in anchors[:-1]]]
    layout = _layout(lines, anchors)
    result: list[tuple[list[int], list[int]]] = []
    for number, anchor in enumerate(anchors):
        floor = floors[number]
        ceiling = anchors[number + 1] if number + 1 < len(anchors) else len(lines)
        back = _heads(lines, range(anchor - 1, floor - 1, -1))[::-1]
        if number > 0 and back and result[-1][1] and result[-1][1][-1] >= back[0]:
            back = [i for i in back if i > result[-1][1][-1]]  # already split below
        if number > 0 and layout.dates_first:
            back = []  # dates first: lines above a date line end the previous entry
        before = _trim_before(lines, back, anchor) or _bullet_title(lines, anchor, floor)
        start = max(result[-1][1][-1] + 1 if result and result[-1][1] else floor, floor)
        if layout.dates_last:
            orphan = [i for i in _orphan_heading(lines, start, anchor) if i not in before]
            result.append((sorted(orphan + before), []))
            continue
        if not layout.dates_first and _only_places(lines, [*before, anchor]):
            before = _orphan_heading(lines, start, anchor) + before
        # "Emploi saisonnier de 2019 à 2022 :" announces its list: what follows is its text,
        # and its head is the group of lines right above it.
        announces = lines[anchor].text.rstrip().endswith(":")
        if announces:
            before = _nearest_group(lines, before)
        run_after = [] if announces else _heads(lines, range(anchor + 1, ceiling))
        shared = number + 1 < len(anchors) and _only_heads_between(lines, anchor, ceiling)
        if run_after and shared:
            after = run_after[
                : _split_shared(lines, run_after, anchor, ceiling, layout.lines_before)
            ]
        else:
            after = _trim_after(lines, run_after, anchor, _named(lines, [*before, anchor]))
        if layout.dates_first and _only_places(lines, [*before, anchor, *after]):
            before = _orphan_heading(lines, start, anchor) + before
        result.append((before, after))
    return result


def _nearest_group(lines: list[Line], before: list[int]) -> list[int]:
    """The heading lines above a date line, from the last blank line between them on."""
    group = before[-1:]
    for index in reversed(before[:-1]):
        if _blank_between(lines, index, group[0]):
            break
        group.insert(0, index)
    return group


def _named(lines: list[Line], indices: list[int]) -> int:
    """How many parts of these heading lines name something (a title, an employer)."""
    parts = [
        part for i in indices for part in split_parts(heading_text(lines[i].text, lines[i].dates))
    ]
    return sum(1 for part in parts if not is_place(part) and not is_aside(part))


def _only_places(lines: list[Line], indices: list[int]) -> bool:
    """Does a heading name nothing but places and durations ("Nancy, France", "(2 months)")?"""
    texts = [heading_text(lines[i].text, lines[i].dates) for i in indices if not lines[i].side_cell]
    return all(not text or is_place(text) or is_aside(text) for text in texts)


def _orphan_heading(lines: list[Line], start: int, anchor: int) -> list[int]:
    """A date line with no heading of its own, below a heading that has no date (text pasted
    from a PDF viewer puts a right-aligned date after the entry's bullets): that heading, the
    last run of heading lines above the date that is followed by body text."""
    runs: list[list[int]] = []
    for index in range(start, anchor):
        kind = lines[index].kind
        if kind is Kind.HEAD:
            if runs and runs[-1] and runs[-1][-1] == index - 1:
                runs[-1].append(index)
            else:
                runs.append([index])
    followed = [
        run for run in runs if any(lines[i].kind is Kind.BODY for i in range(run[-1] + 1, anchor))
    ]
    return followed[-1][:MAX_LINES_BEFORE] if followed else []


def _only_heads_between(lines: list[Line], first: int, second: int) -> bool:
    return all(lines[i].kind in {Kind.HEAD, Kind.BLANK} for i in range(first + 1, second))


def heading_text(line: str, dates: DateRange | None = None) -> str:
    """A heading line without its bullet mark or dates, wide gaps kept as tabs (they separate
    parts)."""
    text = remove_span(line, dates.span) if dates else line
    text = strip_bullet(text) if is_bullet(text) else text
    return "\t".join(filter(None, (clean(p) for p in COLUMN_GAP_RE.split(text))))
