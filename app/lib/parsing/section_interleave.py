"""Job blocks of the main column that landed under a sidebar heading.

Text copied from a two-column CV (what ``pdftotext`` or a viewer's "copy" gives) interleaves
the sidebar's blocks with the main column's by height: a sidebar heading ("Languages",
"Training", "Centres d'intérêt") lands in the middle of the job list, and the jobs after it are
filed under that heading. Such a section then holds two kinds of blocks: its own (language
lines, degrees, short list items) and blocks shaped like a job (a job-title line, a date range
standing alone, sentences of a job's description). When both a job-title line and a date range
show up among the foreign blocks, those blocks go back to the experience section, with the
short name line right above a date (the employer set on its own line). A block is a run of
lines between blank lines; a line of icon glyphs only ("�", "○") counts as blank.
"""

from __future__ import annotations

import re

from app.lib.parsing.dates import find_date_range
from app.lib.parsing.entry_words import TITLE_WORDS, strong_title_words, title_score, words
from app.lib.parsing.languages import languages_in_text, split_language_item
from app.lib.parsing.lists import only_level
from app.lib.parsing.roles import DEGREE_WORDS, SCHOOL_WORDS
from app.lib.parsing.text import (
    SENTENCE_END,
    clean,
    fold,
    is_bullet,
    split_items,
    strip_bullet,
    word_set,
)

MAX_HEADING_WORDS = 12
MAX_DATE_LINE_WORDS = 10
MAX_WORDS_BESIDE_DATE = 3
PROSE_WORDS = 8
MAX_ITEM_WORDS = 4
MAX_NAME_LINES = 3
MAX_PROSE_ITEMS = 2
MODIFIER_TITLE = 1.5  # three title modifiers make a title ("Senior sales executive")
_WORD_RE = re.compile(r"[^\W\d_]{2,}")
# Words of a course or a training: an entry of the education section even with a job title.
# Words a date range may follow on its line ("De mars à juin 2021", "From May 2020 – …").
DATE_LEADS = word_set("de du des from since depuis des le en in of")
TRAINING_WORDS = word_set("formation training cours course courses bootcamp")
# Degree words that are not job titles too ("ingénieur" is both).
_DEGREE_ONLY = DEGREE_WORDS - TITLE_WORDS
_YEAR_START_RE = re.compile(r"^(?:19|20)\d{2}\b")
# Sections whose blocks may be the main column's job list read across; in those of the second
# set (entries of their own, hobbies that name roles) one job line is not enough.
LIST_KINDS = {"skills", "languages", "contact", "interests"}
READ_ACROSS = {"skills", "languages", "contact"}


def blocks(lines: list[str]) -> list[list[str]]:
    """Runs of lines between blank (or glyph-only) lines."""
    found: list[list[str]] = [[]]
    for line in lines:
        if any(c.isalnum() for c in line):
            found[-1].append(line)
        elif found[-1]:
            found.append([])
    return [block for block in found if block]


def date_line(line: str) -> bool:
    """A date range standing (almost) alone: "May 2023 – today", "De mars à juillet 2022,
    Thônes"; not a sentence that mentions two years, nor "Drums since 2013"."""
    found = find_date_range(line)
    if found is None or found.single or len(line.split()) > MAX_DATE_LINE_WORDS:
        return False
    before = _WORD_RE.findall(strip_bullet(line[: found.span[0]].strip()))
    after = _WORD_RE.findall(line[found.span[1] :])
    lead = all(fold(word) in DATE_LEADS for word in before)
    return lead and len(before) + len(after) <= MAX_WORDS_BESIDE_DATE


def job_heading(line: str) -> bool:
    """A short line naming a job ("ACME Spa | Welding inspector", "Vendeuse", "Technicien
    stagiaire – Acme"): a real job-title word, no degree word, no dates (a dated one-line
    entry is an item of its own section), not a bullet or a sentence."""
    text = clean(line)
    if not text or is_bullet(line.strip()) or text.endswith(SENTENCE_END):
        return False
    if not 0 < len(text.split()) <= MAX_HEADING_WORDS:
        return False
    found = find_date_range(text)
    if found is not None and not found.single:
        return False
    if any(word in _DEGREE_ONLY or word in TRAINING_WORDS for word in words(text)):
        return False
    one_part = "," not in text  # "Senior sales executive", not "Sales, support, data"
    return strong_title_words(text) >= 1 or (one_part and title_score(text) >= MODIFIER_TITLE)


def _prose(line: str) -> bool:
    """A sentence of a job's description, not a long list of items ("Go; Java; Scala; …")."""
    text = strip_bullet(clean(line))
    return len(text.split()) >= PROSE_WORDS and len(split_items(text)) <= MAX_PROSE_ITEMS


def _states_language(line: str) -> bool:
    text = clean(strip_bullet(line.strip()))
    if languages_in_text(text) or only_level(text):
        return True
    items = split_items(text)
    return bool(items) and all(split_language_item(item) for item in items)


def _short_items(line: str) -> bool:
    items = split_items(clean(strip_bullet(line.strip())))
    return bool(items) and all(len(item.split()) <= MAX_ITEM_WORDS for item in items)


def _own(block: list[str], kind: str) -> bool:
    """Does ``block`` read as the section's own content?"""
    if kind == "languages":
        return all(_states_language(line) for line in block)
    if kind == "education":
        if any(job_heading(line) for line in block):
            return any(w in _DEGREE_ONLY for line in block for w in words(line))
        first = strip_bullet(clean(block[0]))
        return bool(_YEAR_START_RE.match(first)) or any(
            w in _DEGREE_ONLY or w in SCHOOL_WORDS or w in TRAINING_WORDS
            for line in block
            for w in words(line)
        )
    return all(_short_items(x) and not date_line(x) and not job_heading(x) for x in block)


def _foreign(block: list[str]) -> bool:
    return any(job_heading(x) or date_line(x) or _prose(x) for x in block)


def _name_lines(block: list[str]) -> bool:
    """A short block of names (an employer, a title) that may sit right above its dates."""
    return len(block) <= MAX_NAME_LINES and all(
        not is_bullet(x.strip())
        and len(x.split()) <= MAX_HEADING_WORDS
        and not clean(x).endswith(SENTENCE_END)
        and not _states_language(x)
        for x in block
    )


def _job_line(line: str) -> bool:
    """A job's name or dates, or both on one line ("Vendeuse - Acme : Mai 2022-Août 2022")."""
    if job_heading(line) or date_line(line):
        return True
    return _head_line(line) and _anchor(line) and strong_title_words(line) > 0


def _dated_job(block: list[str]) -> bool:
    """A job line and, on a line of its own, a short name with its dates ("Agent hospitalier"
    / "Centre de soins (2004/2005)")."""
    return any(job_heading(x) for x in block) and any(
        _head_line(x) and _anchor(x) and not job_heading(x) for x in block
    )


def job_blocks(lines: list[str], kind: str) -> tuple[list[str], list[str]]:
    """(job lines, own lines) of a section of ``kind``; no job lines unless its foreign
    blocks hold both a job-title line (two for education, whose entries have dates of their
    own) and a date range."""
    found = blocks(lines)
    foreign = [not _own(block, kind) and _foreign(block) for block in found]
    strong = [any(_job_line(x) for x in block) for block in found]
    for index in range(len(found)):
        if foreign[index] and not strong[index] and not any(strong[:index]):
            foreign[index] = False  # sentences before any job line are the section's own
    moved = [line for block, out in zip(found, foreign, strict=True) if out for line in block]
    headings = sum(job_heading(line) for line in moved)
    if kind != "education" and not headings:
        # The title stayed above the heading: a date range alone in its block, and sentences.
        alone = any(len(block) == 1 and date_line(block[0]) for block in found)
        headings = alone and any(_prose(line) for line in moved)
    dated = any(date_line(x) for x in moved) or any(
        _dated_job(block) for block, out in zip(found, foreign, strict=True) if out
    )
    if headings < (1 if kind in READ_ACROSS else 2) or not dated:
        return [], lines
    for index in range(len(found) - 1):
        after = found[index + 1]
        dated_next = foreign[index + 1] and date_line(after[0])
        if not foreign[index] and dated_next and _name_lines(found[index]):
            foreign[index] = True  # "Acme S.r.l." on its own line above "May 2020 – Today"
    jobs: list[str] = []
    own: list[str] = []
    for index, (block, out) in enumerate(zip(found, foreign, strict=True)):
        if not out:
            own.extend([*block, ""])
            continue
        following = found[index + 1] if index + 1 < len(found) else []
        joined = foreign[index + 1 : index + 2] == [True] and _heads(block, following)
        jobs.extend(block if joined else [*block, ""])
    return jobs, own


def stray_blocks(lines: list[str]) -> tuple[list[str], list[str]]:
    """(education lines, stray lines) of an education section that job blocks were taken
    out of: the blocks naming no degree, school or year there came from another column (a
    sidebar's task list, an employer's address) and are listed as unplaced."""
    own: list[str] = []
    stray: list[str] = []
    for block in blocks(lines):
        (own if _own(block, "education") else stray).extend([*block, ""])
    return own, stray


def _heads(block: list[str], following: list[str]) -> bool:
    """Is ``block`` the name lines of the date block after it? The gap between them is the
    copy's one-field-per-line spacing, so they are joined back into one entry block."""
    return date_line(following[0]) and _name_lines(block) and not date_line(block[-1])


def _anchor(line: str) -> bool:
    found = find_date_range(line)
    return found is not None and not found.single and len(line.split()) <= MAX_DATE_LINE_WORDS


def _head_line(line: str) -> bool:
    text = clean(line)
    return (
        bool(text)
        and not is_bullet(line.strip())
        and len(text.split()) <= MAX_HEADING_WORDS
        and not text.endswith(SENTENCE_END)
    )


def _segment_starts(lines: list[str]) -> list[tuple[int, int]]:
    """(first line, date line) of each dated entry: the date and up to two name lines above."""
    starts: list[tuple[int, int]] = []
    for index, line in enumerate(lines):
        if not _anchor(line):
            continue
        start = index
        floor = starts[-1][1] + 1 if starts else 0
        above = [i for i in range(floor, index) if lines[i].strip()][-2:]
        for i in reversed(above):
            if not _head_line(lines[i]):
                break
            start = i
        starts.append((start, index))
    return starts


def _schooling(lines: list[str]) -> bool:
    return any(
        w in DEGREE_WORDS or w in SCHOOL_WORDS or w in TRAINING_WORDS
        for line in lines
        for w in words(line)
    )


def _around(lines: list[str], start: int, anchor: int) -> list[str]:
    """An entry's name lines above its date and the two lines below it, even when those were
    cut into the next entry: where a degree or a school would be named."""
    below = [x for x in lines[anchor + 1 :] if x.strip()][:2]
    return [*lines[start:anchor], *below]


def job_entries_in_education(lines: list[str]) -> tuple[list[str], list[str]]:
    """(job lines, education lines): a dated entry named by a job title with no degree or
    school word, among entries that do name degrees or schools, is a job that landed under
    the education heading ("Senior sales executive / Apr 2021 – now / Acme Bank")."""
    starts = _segment_starts(lines)
    if len(starts) < 2:
        return [], lines
    bounds = [start for start, _ in starts[1:]] + [len(lines)]
    jobs: list[str] = []
    own = lines[: starts[0][0]]
    schools = 0
    for (start, anchor), end in zip(starts, bounds, strict=True):
        after = [x for x in lines[anchor + 1 : end] if x.strip()][:2]
        after = after[: next((i for i, x in enumerate(after) if not _head_line(x)), 2)]
        head = [*lines[start:anchor], *after]
        schooling = _schooling(_around(lines, start, anchor))
        is_job = any(job_heading(x) for x in head) and not schooling
        schools += schooling
        (jobs if is_job else own).extend(lines[start:end])
    if not jobs or not schools:
        return [], lines
    return [*jobs, ""], own
