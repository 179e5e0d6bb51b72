"""A job's heading line left at the top of its description: its real title under a bare
contract ("STAGIAIRE" over "Data engineer"), its employer under the contract ("alternance —
Acme Aviation, Toulouse"), a title with its duration ("Shift supervisor — 9 months"), a heading
in capitals where the CV prints its headings in capitals, a title that runs on into the
description ("Chargée d'études, experte des eaux pour le"). The title or the employer shown may
then be another line's: the flag points at the job.
"""

from __future__ import annotations

import re
from typing import Any

from app.lib.cv_content import CvContent, Experience
from app.lib.i18n import N_
from app.lib.parsing.entries.entry_words import TITLE_RANKS, strong_title_words, words
from app.lib.parsing.fields.contact import looks_like_location
from app.lib.parsing.misreads.shapes import DANGLING, WORD_RE, lexicon_word, reads_as_place
from app.lib.parsing.offers.places import is_known_place
from app.lib.parsing.report.report_entries import finding, label_of
from app.lib.parsing.report.report_values import fragment, looks_dated
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

# A contract or a rank: a title of these words alone names no job ("Stagiaire", "CDD").
CONTRACT_WORDS = TITLE_RANKS | word_set(
    "stage cdi cdd alternance interim freelance job internship intern trainee en de d"
)
PART_RE = re.compile(r"\s+[—–]\s+")  # how the reader joins the cells of one printed line
HEADING_WORDS = 8  # a heading line is short
CAPITAL_WORDS = 6
MIN_LETTERS = 4  # "CDI", "SQL": an acronym alone says nothing
CAPITALS_LOWER_SHARE = 0.3
END_MARKS = (".", ";", ":", "!", "?")
# "9 months", "1 an et 2 mois", "6 semaines" (folded text).
DURATION_RE = re.compile(
    r"^\d+\s*(?:mois|months?|ans?|annees?|years?|semaines|weeks?)"
    r"(?:\s*(?:et|and)?\s*\d+\s*(?:mois|months?))?\W*$"
)


def _first_line(job: Experience) -> str:
    return next((line.strip() for line in job.description.splitlines() if line.strip()), "")


def _contract_only(value: str) -> bool:
    found = words(value)
    return bool(found) and all(word in CONTRACT_WORDS for word in found)


def _capitals(value: str) -> bool:
    """In capitals, but for a few lowercase letters ("iOS ENGINEER"; some PDF fonts print a
    capital I as "i": "LOGiSTiCS COORDiNATOR")."""
    letters = [c for c in value if c.isalpha()]
    lower = sum(1 for c in letters if not c.isupper())
    return len(letters) >= MIN_LETTERS and lower <= CAPITALS_LOWER_SHARE * len(letters)


def _capital_headings(content: CvContent) -> bool:
    """The CV prints its job headings in capitals: half its named jobs have a title or an
    employer in capitals."""
    named = [j for j in content.experience if j.title.strip() or j.company.strip()]
    capital = sum(1 for j in named if _capitals(j.title) or _capitals(j.company))
    return len(named) >= 2 and 2 * capital >= len(named)


def _a_place_or_date(value: str) -> bool:
    return looks_dated(value) or reads_as_place(value) or is_known_place(value)


def _title_below_contract(job: Experience, line: str) -> bool:
    """ "Stagiaire" as the title, a short line under it: the job's title or employer."""
    short = len(line.split()) <= HEADING_WORDS and not line.endswith(END_MARKS)
    return _contract_only(job.title) and short and not _a_place_or_date(line)


def _employer_after_contract(parts: list[str]) -> bool:
    """ "alternance — Acme Aviation, Toulouse": a contract, then a name and its place."""
    if len(parts) < 2 or not _contract_only(parts[0]):
        return False
    name, _, place = parts[1].rpartition(",")
    place = place.strip()
    return (
        bool(name.strip())
        and not strong_title_words(name)
        and (looks_like_location(place) or is_known_place(place))
    )


def _capital_heading(job: Experience, part: str) -> bool:
    """A short line in capitals ("NORDLICHT", "CHEF D'ÉQUIPE") in a CV whose headings are in
    capitals; not a place, a date, a contract, an acronym or one common word ("EXPÉRIENCES"),
    not the job's own title or employer."""
    if not _capitals(part) or len(part.split()) > CAPITAL_WORDS or part.endswith(END_MARKS):
        return False
    if any(c.isdigit() for c in part) or fragment(part) or _a_place_or_date(part):
        return False
    found = words(part)
    if all(word in CONTRACT_WORDS for word in found):
        return False
    if not any(len(w) >= MIN_LETTERS for w in WORD_RE.findall(part)):
        return False
    if len(found) == 1 and lexicon_word(found[0]):
        return False
    return fold(part) not in (fold(job.title), fold(job.company))


def _title_and_duration(job: Experience, parts: list[str]) -> bool:
    """ "Shift supervisor — 9 months": a job's title and how long it lasted, a heading's line,
    under another title."""
    first = parts[0]
    durations = [part for part in parts[1:] if DURATION_RE.match(fold(part))]
    named = strong_title_words(first) > 0 and not _contract_only(first)
    return bool(durations) and named and fold(first) != fold(job.title)


def _title_runs_on(part: str) -> bool:
    """ "experte des eaux usées, pour le": a lowercase start and a cut end, the rest of a
    heading wrapped over two lines."""
    found = WORD_RE.findall(part)
    return (
        len(found) >= 3
        and part[:1].islower()
        and fold(found[-1]) in DANGLING
        and not part.endswith((".", ")"))
        and fold(found[0]) not in CONTRACT_WORDS
    )


def _cut(title: str) -> bool:
    """A title ending on "pour le": flagged as a sentence already (entry_fields.py)."""
    found = WORD_RE.findall(title)
    return bool(found) and fold(found[-1]) in DANGLING


def heading_line(job: Experience, capital_headings: bool) -> str | None:
    """The first line of ``job``'s description when it reads as a line of the job's heading."""
    line = _first_line(job)
    if not line:
        return None
    parts = [part.strip() for part in PART_RE.split(line)]
    if (
        _title_below_contract(job, line)
        or _employer_after_contract(parts)
        or _title_and_duration(job, parts)
        or (capital_headings and _capital_heading(job, parts[0]))
        or (_title_runs_on(parts[0]) and not _cut(job.title))
    ):
        return line
    return None


def heading_line_findings(content: CvContent) -> list[dict[str, Any]]:
    capital_headings = _capital_headings(content)
    out = []
    for index, job in enumerate(content.experience):
        line = heading_line(job, capital_headings)
        if line:
            out.append(
                finding(
                    "heading_in_description",
                    N_("Experience %(number)s (%(label)s): its description starts with a line "
                       "of a job's heading (“%(line)s”): the title or the employer may be "
                       "another line's."),
                    f"experience[{index}]", job.id, None,
                    number=index + 1, label=label_of(job.title, job.company), line=line[:80],
                )
            )  # fmt: skip
    return out
