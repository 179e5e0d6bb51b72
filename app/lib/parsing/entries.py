"""Split a dated section (experience, education, projects…) into entries.

Dates anchor entries. Where CVs put the title relative to the date varies, so the section's first
entry decides: title lines before the date line ("Title / Company · City · 2019 – 2023"), or on
and after it ("2019 – 2023  Title — Company"). Blank lines (kept from the PDF's vertical gaps) are
strong entry boundaries. Sections without dates are split into blocks: a short line followed by
bullets or by text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.lib.parsing.contact import looks_like_location
from app.lib.parsing.dates import DateRange, date_at_edge, find_date_range, remove_span
from app.lib.parsing.text import SENTENCE_END, clean, is_bullet, strip_bullet, word_count

MAX_HEADING_WORDS = 14
LABEL_LINE_RE = re.compile(r"^[\w' -]{2,30}\s*:\s+\S")  # "Environnement technique : Python"
SKILLS_LINE_RE = re.compile(
    r"^(?:environnement(?: technique)?|technical environment|environment|technologies|"
    r"techno(?:logie)?s?|stack(?: technique)?|tech stack|tools|outils|skills|compétences|"
    r"competences|langages|mots[- ]clés|keywords)\s*:\s*(?P<items>.+)$",
    re.IGNORECASE,
)


@dataclass
class RawEntry:
    heading: list[str] = field(default_factory=list)  # lines naming the entry, dates removed
    dates: DateRange | None = None
    date_text: str = ""
    body: list[str] = field(default_factory=list)


def _is_anchor(line: str) -> DateRange | None:
    if not line.strip() or is_bullet(line) or word_count(line) > MAX_HEADING_WORDS + 4:
        return None
    found = find_date_range(line)
    if found is None:
        return None
    if found.single and not date_at_edge(line, found):
        return None  # a year inside a sentence is not an entry date
    return found


def _heading_like(line: str) -> bool:
    text = line.strip()
    return (
        bool(text)
        and not is_bullet(text)
        and word_count(text) <= MAX_HEADING_WORDS
        and not text.endswith(SENTENCE_END)
        and not LABEL_LINE_RE.match(text)
    )


def _boundary(lines: list[str], index: int) -> bool:
    """Can an entry start right after line ``index``? (section start, blank, bullet, a sentence,
    a label line, or a line holding only dates)"""
    if index < 0:
        return True
    text = lines[index].strip()
    if not text or is_bullet(text) or text.endswith(SENTENCE_END) or LABEL_LINE_RE.match(text):
        return True
    found = _is_anchor(text)
    return found is not None and not remove_span(text, found.span)


def split_entries(lines: list[str], *, undated_items: bool = False) -> list[RawEntry]:
    """Entries of a section. ``undated_items``: dated and undated items mix (projects), so a
    heading-like line after a blank line starts a new item even without a date."""
    anchors = [(i, found) for i, line in enumerate(lines) if (found := _is_anchor(line))]
    if not anchors:
        return split_blocks(lines)
    first_text = next((i for i, line in enumerate(lines) if line.strip()), 0)
    first_index, first_found = anchors[0]
    dates_first = (
        first_index == first_text and not lines[first_index][: first_found.span[0]].strip()
    )
    starts: list[tuple[int, int]] = []  # (entry start line, anchor line)
    floor = 0
    for index, found in anchors:
        start = index
        if not dates_first:
            limit = 1 if remove_span(lines[index], found.span) else 2
            while (
                start - 1 >= floor
                and index - (start - 1) <= limit
                and _heading_like(lines[start - 1])
            ):
                start -= 1
            # Lines taken as this entry's title must follow an entry boundary; otherwise they
            # are the previous entry's text.
            while start < index and not _boundary(lines, start - 1):
                start += 1
        starts.append((start, index))
        floor = index + 1
    entries: list[RawEntry] = []
    if starts[0][0] > first_text:
        # Text before the first dated entry: an undated entry of its own.
        entries += split_blocks(lines[: starts[0][0]])
    for number, (start, anchor) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(lines)
        entry = _entry(lines, start, anchor, end, dates_first)
        entries.append(entry)
        if undated_items:
            entries += _split_off_undated(entry)
    return entries


def _split_off_undated(entry: RawEntry) -> list[RawEntry]:
    """Move undated items that follow a dated one (after a blank line) into their own entries."""
    for index in range(1, len(entry.body) - 1):
        if not entry.body[index - 1].strip() and _heading_like(entry.body[index]):
            rest = entry.body[index:]
            entry.body = entry.body[:index]
            return split_blocks(rest)
    return []


def _entry(lines: list[str], start: int, anchor: int, end: int, dates_first: bool) -> RawEntry:
    found = find_date_range(lines[anchor])
    assert found is not None
    entry = RawEntry(dates=found, date_text=found.raw(lines[anchor]))
    entry.heading = [clean(line) for line in lines[start:anchor] if clean(line)]
    remainder = remove_span(lines[anchor], found.span)
    if remainder:
        entry.heading.append(remainder)
    cursor = anchor + 1
    if cursor < end and looks_like_location(lines[cursor]) and not is_bullet(lines[cursor]):
        entry.heading.append(clean(lines[cursor]))  # "Paris, France" under the dates
        cursor += 1
    if dates_first or not entry.heading:
        # Title lines follow the date: take the short lines right after it.
        while cursor < end and len(entry.heading) < 2 and _heading_like(lines[cursor]):
            entry.heading.append(clean(lines[cursor]))
            cursor += 1
    entry.body = lines[cursor:end]
    return entry


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


@dataclass
class Body:
    bullets: list[str] = field(default_factory=list)
    description: str = ""
    skills: list[str] = field(default_factory=list)


def parse_body(lines: list[str]) -> Body:
    """Bullets (wrapped lines joined back), a description, and "Stack: a, b" skills."""
    from app.lib.parsing.text import split_items

    body = Body()
    paragraphs: list[str] = []
    last_was_bullet = False
    for raw in lines:
        text = raw.strip()
        if not text:
            last_was_bullet = False
            continue
        skills = SKILLS_LINE_RE.match(strip_bullet(text) if is_bullet(text) else text)
        if skills:
            body.skills += split_items(skills.group("items"))
            last_was_bullet = False
        elif is_bullet(text):
            body.bullets.append(clean(strip_bullet(text)))
            last_was_bullet = True
        elif last_was_bullet and (
            not body.bullets[-1].endswith(SENTENCE_END) or text[:1].islower()
        ):
            body.bullets[-1] = f"{body.bullets[-1]} {clean(text)}"
        elif paragraphs and not paragraphs[-1].endswith(SENTENCE_END):
            paragraphs[-1] = f"{paragraphs[-1]} {clean(text)}"
            last_was_bullet = False
        else:
            paragraphs.append(clean(text))
            last_was_bullet = False
    if not body.bullets and len(paragraphs) >= 2:
        # One sentence per line and no bullet marks: the lines are the bullets.
        body.bullets, paragraphs = paragraphs, []
    body.description = "\n".join(paragraphs)
    return body
