"""Split a dated section (experience, education, projects…) into entries.

Dates anchor entries: each date line (see ``entry_lines.py``) is one entry, and the lines around
it that name it are its heading (``entry_headings.py``); the lines up to the next entry are its
body. The section's own pattern (``entry_pattern.py``, ``entry_shape.py``) adds the date lines
the generic test misses and starts undated entries written like the dated ones. Sections
without dates are split into blocks: a short line followed by bullets or text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.lib.parsing.dates.date_lines import join_split_dates
from app.lib.parsing.dates.dates import DateRange, is_duration, remove_span
from app.lib.parsing.entries.bullet_heads import BULLET_HEAD, bullet_headings, joined_heading
from app.lib.parsing.entries.entry_body import Body, parse_body
from app.lib.parsing.entries.entry_closing_dates import move_closing_dates
from app.lib.parsing.entries.entry_date_headers import spread_date_headers
from app.lib.parsing.entries.entry_headings import heading_text, headings
from app.lib.parsing.entries.entry_lines import (
    MAX_HEADING_WORDS,
    Kind,
    Line,
    classify,
    join_wrapped_headings,
)
from app.lib.parsing.entries.entry_pattern import promote_pattern_anchors
from app.lib.parsing.entries.entry_trailing_dates import move_trailing_dates
from app.lib.parsing.entries.entry_words import (
    company_score,
    is_place_like,
    strong_title_words,
    title_score,
)
from app.lib.parsing.text.text import (
    SENTENCE_END,
    clean,
    is_bullet,
    strip_bullet,
    word_count,
)

__all__ = ["PATTERN", "Body", "RawEntry", "parse_body", "split_blocks", "split_entries"]

# What follows the dates on their line after a comma or a wide gap: "…, Leeds", "…\tParis".
PLACE_WORDS = 4  # "Providence", "Saint-Denis, France": a place line under a role's dates
PATTERN = "pattern"  # cache key: an undated entry written in the shape of the dated ones
PLACE_TAIL_RE = re.compile(r"^\s*(?:,|\t|\s{3,}|\s[|·–—-]\s)\s*(?P<place>[^,|·–—\t]+)\s*$")


@dataclass
class RawEntry:
    heading: list[str] = field(default_factory=list)  # lines naming the entry, dates removed
    dates: DateRange | None = None
    date_text: str = ""
    body: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)  # written after the dates: "…, Leeds"
    # Derived values kept while the entry is read (its heading parts, its section's order).
    cache: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    # The other entries of the same section: they show the order this CV writes headings in.
    section: list[RawEntry] = field(default_factory=list, repr=False, compare=False)


def split_entries(lines: list[str], *, undated_items: bool = False) -> list[RawEntry]:
    """Entries of a section. ``undated_items``: dated and undated items mix (projects), so a
    heading-like line after a blank line starts a new item even without a date."""
    marked, undated = promote_pattern_anchors(
        classify(
            join_wrapped_headings(
                move_closing_dates(
                    move_trailing_dates(spread_date_headers(join_split_dates(lines)))
                )
            )
        )
    )
    anchors = [i for i, line in enumerate(marked) if line.kind is Kind.ANCHOR]
    if not anchors:
        dated = _dated_list(lines)
        listed = split_entries(dated, undated_items=undated_items) if dated else []
        # Bullets whose years open no entry (a sentence too long for a heading) stay bullets.
        return listed if any(entry.dates for entry in listed) else split_blocks(lines)
    bulleted = bullet_headings(marked, anchors)
    around = bulleted or headings(marked, anchors)
    starts = [min([*before, anchor]) for anchor, (before, _) in zip(anchors, around, strict=True)]
    entries: list[RawEntry] = []
    first = [u for u in sorted(undated) if u < starts[0]]
    opening = first[0] if first else starts[0]
    if any(line.kind is not Kind.BLANK for line in marked[:opening]):
        entries += _text_before([line.text for line in marked[:opening]], undated_items)
    entries += _undated_entries(marked, first, starts[0], undated)
    employer = ""  # the employer line over a group of roles, while the group lasts
    for number, anchor in enumerate(anchors):
        end = starts[number + 1] if number + 1 < len(anchors) else len(marked)
        before, after = around[number]
        cuts = [u for u in sorted(undated) if anchor < u < end and u not in after]
        span = range(starts[number], cuts[0] if cuts else end)
        entry = _entry(marked, anchor, before, after, span)
        if bulleted:  # each bullet names its entry whole: no group of roles
            entry.heading[: len(before)] = joined_heading(entry.heading[: len(before)])
            entry.cache[BULLET_HEAD] = True
        else:
            employer = _grouped_role(marked, anchor, (before, after), entry, employer)
        if not employer:
            _place_under_dates(marked, anchor, (before, after), entry)
        entries.append(entry)
        entries += _undated_entries(marked, cuts, end, undated)
        if undated_items:
            entries += _split_off_undated(entry)
    for entry in entries:
        entry.section = entries
    return entries


# "• 2015 : Formation CNFPT…", "- 2011 : Master HR": a year opening a bulleted line, set off.
DATED_BULLET_RE = re.compile(r"^(?:19|20)\d{2}\s*(?::|[–—-]\s)\s*\S")


def _dated_list(lines: list[str]) -> list[str]:
    """A section with no entry dates whose every bulleted line opens with a year ("• 2015 :
    CAP Peinture" / "Lycée Jean Moulin – Béthune"): a dated list, each bullet an entry's
    heading; its lines without their bullet marks. A bullet opening with a year is an event of
    a job's description when the section's entries carry dates of their own, so only a section
    with none is read so. [] for any other section."""
    bulleted = [i for i, line in enumerate(lines) if is_bullet(line.strip())]
    dated = [i for i in bulleted if DATED_BULLET_RE.match(strip_bullet(lines[i]))]
    if len(dated) < 2 or len(dated) != len(bulleted):
        return []
    return [strip_bullet(line) if i in dated else line for i, line in enumerate(lines)]


def _undated_entries(
    lines: list[Line], cuts: list[int], end: int, standing: dict[int, bool]
) -> list[RawEntry]:
    """Entries opened by lines written like the section's dated headings but without dates
    (``entry_shape.py``): each runs to the next such line or to ``end``. ``standing``: which
    of them stand as entries without dates (the others are fragments, as elsewhere)."""
    made = []
    for number, cut in enumerate(cuts):
        stop = cuts[number + 1] if number + 1 < len(cuts) else end
        entry = RawEntry(heading=[heading_text(lines[cut].text)])
        entry.body = [lines[i].text for i in range(cut + 1, stop)]
        entry.cache[PATTERN] = standing[cut]
        made.append(entry)
    return made


def _entry(
    lines: list[Line], anchor: int, before: list[int], after: list[int], span: range
) -> RawEntry:
    found = lines[anchor].dates
    assert found is not None
    text = lines[anchor].text
    entry = RawEntry(dates=found, date_text=found.raw(text))
    entry.heading = [heading_text(lines[i].text) for i in before]
    tail = PLACE_TAIL_RE.match(text[found.span[1] :])
    if tail and is_place_like(tail.group("place")):
        entry.places.append(clean(tail.group("place")))  # "Acme\tMay 19 - Feb 22, Leeds"
        text = text[: found.span[1]]
    if not lines[anchor].side_cell:
        entry.heading.append(heading_text(text, found))
    entry.heading += [heading_text(lines[i].text) for i in after]
    entry.heading = [h for h in entry.heading if h]
    taken = {*before, *after}
    if not lines[anchor].side_cell:
        taken.add(anchor)
    entry.body = [
        remove_span(lines[i].text, found.span) if i == anchor else lines[i].text
        for i in span
        if i not in taken
    ]
    return entry


def _grouped_role(
    lines: list[Line],
    anchor: int,
    around: tuple[list[int], list[int]],
    entry: RawEntry,
    employer: str,
) -> str:
    """Roles grouped under one employer, as profile exports write them: "Employer" / its total
    time ("2 years 9 months") / "Title" / dates / "City", then further roles as "Title" / dates /
    "City". The employer line opens the group; a later role naming only its title (one line
    above a date-only line) belongs to it; in a group, the short line after the dates is the
    role's place. Returns the employer while the group lasts, else ""."""
    before, after = around
    texts = [heading_text(lines[i].text) for i in before]
    total = next(
        (k for k, text in enumerate(texts) if 0 < k < len(texts) - 1 and is_duration(text)), None
    )
    dates = lines[anchor].dates
    date_only = not lines[anchor].side_cell and not heading_text(lines[anchor].text, dates)
    if total is not None:
        employer = texts[total - 1]
        entry.heading.remove(texts[total])  # the employer's time, not the role's: no name
    elif employer and len(before) == 1 and date_only:
        entry.heading.insert(0, employer)
    else:
        return ""
    place = heading_text(lines[after[0]].text) if len(after) == 1 else ""
    if date_only and place and entry.heading[-1] == place and word_count(place) <= PLACE_WORDS:
        entry.places.append(entry.heading.pop())
    return employer


def _place_under_dates(
    lines: list[Line], anchor: int, around: tuple[list[int], list[int]], entry: RawEntry
) -> None:
    """ "Employer" / "Title" / dates / "City": with two lines above naming the role, one short
    capitalised line under a date-only line, naming neither a job nor an organisation, is the
    role's place (profile exports write it so), even a town no place list knows."""
    before, after = around
    if len(before) != 2 or len(after) != 1 or lines[anchor].side_cell:
        return
    if heading_text(lines[anchor].text, lines[anchor].dates):
        return
    place = heading_text(lines[after[0]].text)
    words = place.replace(",", " ").split()
    if not words or len(words) > PLACE_WORDS or entry.heading[-1:] != [place]:
        return
    if any(c.isdigit() for c in place) or not all(w[:1].isupper() for w in words):
        return
    if title_score(place) > 0 or company_score(place) > 0 or strong_title_words(place):
        return
    entry.places.append(entry.heading.pop())


def _text_before(lines: list[str], undated_items: bool) -> list[RawEntry]:
    """Text before the first dated entry: undated entries when they read like ones (a job title
    or an organisation in the heading; any item in sections that mix dated and undated items),
    else body text with no heading, which the caller leaves unplaced rather than inventing an
    entry from stray lines."""
    blocks = split_blocks(lines)
    if undated_items:
        return blocks
    named = [
        block
        for block in blocks
        if any(strong_title_words(h) or company_score(h) >= 1 for h in block.heading)
    ]
    return named or [RawEntry(body=lines)]


def _split_off_undated(entry: RawEntry) -> list[RawEntry]:
    """Move undated items that follow a dated one (after a blank line) into their own entries."""
    for index in range(1, len(entry.body) - 1):
        if not entry.body[index - 1].strip() and _heading_like(entry.body[index]):
            rest = entry.body[index:]
            entry.body = entry.body[:index]
            return split_blocks(rest)
    return []


def _heading_like(line: str) -> bool:
    text = line.strip()
    return (
        bool(text)
        and not is_bullet(text)
        and word_count(text) <= MAX_HEADING_WORDS
        and not text.endswith(SENTENCE_END)
    )


def split_blocks(lines: list[str]) -> list[RawEntry]:
    """Undated entries: a new one starts at a heading-like line after a blank or a bullet."""
    entries: list[RawEntry] = []
    current: RawEntry | None = None
    previous = ""
    for line in lines:
        text = line.strip()
        if not text:
            previous = ""
            continue
        starts_new = _heading_like(text) and (
            current is None or not previous or is_bullet(previous) or _ends_block(current)
        )
        if starts_new and current is not None and not current.body and previous:
            current.heading.append(clean(text))  # a second heading line (company, role)
        elif starts_new:
            current = RawEntry(heading=[clean(text)])
            entries.append(current)
        elif current is None:
            current = RawEntry(body=[text])
            entries.append(current)
        else:
            current.body.append(text)
        previous = text
    return entries


def _ends_block(entry: RawEntry) -> bool:
    return bool(entry.body) and entry.body[-1].rstrip().endswith(SENTENCE_END)
