"""What a section whose heading names nothing holds, read from its content.

A CV whose headings are pictograms, or words no table knows ("Where I have been", "Mon
chemin"), still sets its jobs the way jobs are set: short lines with a date range, job titles
beside them. Such a section is filed as experience rather than left out of the CV; one whose
dated lines name studies or no job (talks, publications, club roles at a university) stays
apart for the import report.
"""

from __future__ import annotations

from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.entries.entry_words import words
from app.lib.parsing.entries.roles import SCHOOL_WORDS
from app.lib.parsing.sections.section_lines import DEGREE_ONLY, job_heading
from app.lib.parsing.sections.section_words import HEADING_NOUNS
from app.lib.parsing.text.text import clean

MIN_DATED_LINES = 2
MAX_DATED_LINE_WORDS = 12
NEAR = 3  # lines around a date range where its entry's title is


def _dated_lines(lines: list[str]) -> list[int]:
    found = []
    for index, line in enumerate(lines):
        text = clean(line)
        dates = find_date_range(text) if text else None
        if dates is not None and not dates.single and len(text.split()) <= MAX_DATED_LINE_WORDS:
            found.append(index)
    return found


def _degree(line: str) -> bool:
    return bool(set(words(line)) & DEGREE_ONLY)


def _school(line: str) -> bool:
    return bool(set(words(line)) & SCHOOL_WORDS)


def entries_kind(lines: list[str], heading: str = "") -> str | None:
    """ "experience" when the section's date ranges head entries that name jobs and none names
    studies (read on the lines around each range); ``None`` otherwise. Under a heading that
    names no section at all (a pictogram, "Mon chemin"), a school with a job's title beside it
    is where the job was ("ATSEM" / "École élémentaire Jaurès"); under one that names a section
    in words no table knows whole ("Activities and service"), it stays a study's or a club's."""
    dated = _dated_lines(lines)
    if len(dated) < MIN_DATED_LINES:
        return None
    unnamed = not set(words(heading)) & HEADING_NOUNS.keys()
    jobs = studies = 0
    for index in dated:
        around = [clean(x) for x in lines[max(0, index - NEAR) : index + NEAR + 1] if clean(x)]
        titled = any(job_heading(x) for x in around)  # the dated line is among them
        at_work = unnamed and titled
        if any(_degree(x) for x in around) or (any(_school(x) for x in around) and not at_work):
            studies += 1
        elif titled:
            jobs += 1
    # Studies are not inferred: an education section is named in words nearly always, and
    # "Activities" or "Positions of responsibility" held at a university are no degrees.
    if studies == 0 and jobs * 2 >= len(dated):
        return "experience"
    return None
