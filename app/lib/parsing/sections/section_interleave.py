"""Job blocks of the main column that landed under a sidebar heading.

Text copied from a two-column CV (what ``pdftotext`` or a viewer's "copy" gives) interleaves
the sidebar's blocks with the main column's by height: a sidebar heading ("Languages",
"Training", "Centres d'intérêt") lands in the middle of the job list, and the jobs after it are
filed under that heading. Such a section then holds two kinds of blocks: its own (language
lines, degrees, short list items) and blocks shaped like a job (a job-title line, a date range
standing alone, sentences of a job's description). When both a job-title line and a date range
show up among the foreign blocks, those blocks go back to the experience section, with the
short name line right above a date (the employer set on its own line), and a job's fields
that the sidebar's items split apart joined back (``section_job_fields.py``). A block is a run
of lines between blank lines; a line of icon glyphs only ("�", "○") counts as blank.
"""

from __future__ import annotations

import re

from app.lib.parsing.dates.dates import find_date_range, remove_span
from app.lib.parsing.entries.entry_words import strong_title_words, words
from app.lib.parsing.entries.roles import SCHOOL_WORDS
from app.lib.parsing.fields.languages import languages_in_text, split_language_item
from app.lib.parsing.fields.lists import only_level
from app.lib.parsing.sections.section_job_fields import join_job_fields
from app.lib.parsing.sections.section_lines import (
    DEGREE_ONLY,
    MAX_HEADING_WORDS,
    TRAINING_WORDS,
    blocks,
    date_line,
    dated_short_line,
    job_heading,
    name_line,
    prose_line,
)
from app.lib.parsing.text.text import (
    SENTENCE_END,
    clean,
    is_bullet,
    split_items,
    split_parts,
    strip_bullet,
)

MAX_ITEM_WORDS = 4
MAX_NAME_LINES = 3
_YEAR_START_RE = re.compile(r"^(?:19|20)\d{2}\b")
# Sections whose blocks may be the main column's job list read across (a sidebar's "About me"
# too: its prose before the first job line stays its own); in those not in READ_ACROSS
# (hobbies that name roles, awards and certificates that are entries of their own, a summary
# that names past roles) one job line is not enough.
LIST_KINDS = {"skills", "languages", "contact", "interests", "awards", "certifications", "summary"}
# Sections whose items open with their year ("2019 - Best poster award"): such a block is the
# section's own, whatever job words it holds.
YEARLY_KINDS = {"awards", "certifications"}
READ_ACROSS = {"skills", "languages", "contact"}


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
    if kind in YEARLY_KINDS and _YEAR_START_RE.match(strip_bullet(clean(block[0]))):
        return True
    if kind == "languages":
        return all(_states_language(line) for line in block)
    if kind == "education":
        if _school_first(block):
            return True
        if any(job_heading(line) for line in block):
            return any(w in DEGREE_ONLY for line in block for w in words(line))
        first = strip_bullet(clean(block[0]))
        return bool(_YEAR_START_RE.match(first)) or any(
            w in DEGREE_ONLY or w in SCHOOL_WORDS or w in TRAINING_WORDS
            for line in block
            for w in words(line)
        )
    return all(_short_items(x) and not date_line(x) and not job_heading(x) for x in block)


def _school_first(block: list[str]) -> bool:
    """A study opened by its school's name ("ÉCOLE D'INGÉNIEURS X, Town" / dates / "Programme
    - Ingénieur …"): the block is a study even when its programme holds a job word. The name
    stands alone on its line: "Acme School | Teacher" names a job at a school."""
    first = strip_bullet(clean(block[0]))
    return (
        name_line(block[0])
        and len(split_parts(first)) == 1
        and any(w in SCHOOL_WORDS for w in words(first))
    )


def _foreign(block: list[str]) -> bool:
    return any(job_heading(x) or date_line(x) or prose_line(x) for x in block)


def _name_lines(block: list[str]) -> bool:
    """A short block of names (an employer, a title) that may sit right above its dates."""
    return len(block) <= MAX_NAME_LINES and all(
        not is_bullet(x.strip())
        and len(x.split()) <= MAX_HEADING_WORDS
        and not clean(x).endswith(SENTENCE_END)
        and not _states_language(x)
        for x in block
    )


def _employer_lines(block: list[str]) -> bool:
    """Name lines that may be an employer's, not an item opening with its year ("2018 - Best
    poster award")."""
    return _name_lines(block) and not _YEAR_START_RE.match(strip_bullet(clean(block[0])))


def _job_line(line: str) -> bool:
    """A job's name or dates, or both on one line ("Vendeuse - Acme : Mai 2022-Août 2022")."""
    if job_heading(line) or date_line(line):
        return True
    return name_line(line) and dated_short_line(line) and strong_title_words(line) > 0


def _dated_job(block: list[str]) -> bool:
    """A job line and, on a line of its own, a short name with its dates ("Agent hospitalier"
    / "Centre de soins (2004/2005)")."""
    return any(job_heading(x) for x in block) and any(
        name_line(x) and dated_short_line(x) and not job_heading(x) for x in block
    )


def _dated_job_line(line: str) -> bool:
    """A job's title with its date on one short line ("Stage vendeur | Juin 2016"): the short
    name block above it is its employer's."""
    found = find_date_range(line)
    return found is not None and name_line(line) and job_heading(remove_span(line, found.span))


def _whole_head(found: list[list[str]], foreign: list[bool]) -> bool:
    """A short foreign block opened by a job's name and, in one of the next two blocks, a date
    range opening its block: a job's whole head (title, employer, dates), not a hobby that
    names a role."""
    for index, block in enumerate(found):
        if not foreign[index] or not job_heading(block[0]) or not _name_lines(block):
            continue
        if any(date_line(after[0]) for after in found[index + 1 : index + 3]):
            return True
    return False


def job_blocks(lines: list[str], kind: str) -> tuple[list[str], list[str]]:
    """(job lines, own lines) of a section of ``kind``; no job lines unless its foreign
    blocks hold both a job-title line (two for education, whose entries have dates of their
    own) and a date range."""
    found = blocks(lines)
    owned = [_own(block, kind) for block in found]
    foreign = [not own and _foreign(block) for block, own in zip(found, owned, strict=True)]
    strong = [any(_job_line(x) for x in block) for block in found]
    for index in range(len(found)):
        if foreign[index] and not strong[index] and not any(strong[:index]):
            foreign[index] = False  # sentences before any job line are the section's own
    moved = [line for block, out in zip(found, foreign, strict=True) if out for line in block]
    headings = sum(job_heading(line) for line in moved)
    if kind != "education" and not headings:
        # The title stayed above the heading: a date range alone in its block, and sentences.
        alone = any(len(block) == 1 and date_line(block[0]) for block in found)
        headings = alone and any(prose_line(line) for line in moved)
    dated = any(date_line(x) for x in moved) or any(
        _dated_job(block) for block, out in zip(found, foreign, strict=True) if out
    )
    # Education has dated entries of its own: there one whole job head is not enough.
    whole = kind != "education" and _whole_head(found, foreign)
    needed = 1 if kind in READ_ACROSS or whole else 2
    if headings < needed or not dated:
        return [], lines
    for index in range(len(found) - 1):
        after = found[index + 1]
        dated_next = foreign[index + 1] and (date_line(after[0]) or _dated_job_line(after[0]))
        if not foreign[index] and dated_next and _employer_lines(found[index]):
            foreign[index] = True  # "Acme S.r.l." on its own line above "May 2020 – Today"
    bridged = join_job_fields(found, foreign, owned)
    jobs: list[str] = []
    own: list[str] = []
    for index, (block, out) in enumerate(zip(found, foreign, strict=True)):
        if not out:
            own.extend([*block, ""])
            continue
        following = found[index + 1] if index + 1 < len(found) else []
        joined = index in bridged or (
            foreign[index + 1 : index + 2] == [True] and _heads(block, following)
        )
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
    dated = date_line(following[0]) or _dated_job_line(following[0])
    return dated and _name_lines(block) and not date_line(block[-1])
