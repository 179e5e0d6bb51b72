"""Two readings of one PDF's education section, and the one whose entries hold together.

The import reads a PDF twice (its geometry, and the plain text order a copy-paste gives:
app/lib/parsing/entries/reading_choice.py does the same for jobs). A table or a sidebar can cut
an education entry in one reading (the school on a row of its own, the year in another cell)
and not in the other. Neither reading is right by being the one it is, and no word list says
which: the choice is by the entries' own shape. An entry holds together when it has a year
(unless neither reading found one: a section that prints none), a degree part and a school
part, and neither part is a whole line the other reading placed in another section (a job's
title or bullet, a certificate, a skill: an entry made of those is another section's lines
read as a degree). The second reading's section wins only when more of
its entries hold together and no more of them fall apart, and, between two readings of one
file, when it still holds each entry of the first that holds together.

Pure; the rules' reading in app/domain/cvs/rules_reading.py runs it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from app.lib.cv_content import CvContent, Education
from app.lib.parsing.report.placed_lines import word_list


def _spaced(text: str) -> str:
    return " ".join(word_list(text))


def _lines(texts: Iterable[str]) -> set[str]:
    return {_spaced(line) for text in texts for line in text.splitlines() if _spaced(line)}


def other_sections(content: CvContent) -> set[str]:
    """Every line a reading placed outside its education section, folded to its words."""
    header, extras = content.header, content.extras
    texts = [header.name, header.current_title, content.summary, *extras.interests]
    for job in content.experience:
        texts += [job.title, job.company, job.description, *job.bullets]
    for project in content.projects:
        texts += [project.name, project.role, project.description, *project.bullets]
    for item in (*extras.certifications, *extras.awards, *extras.volunteering):
        texts += [item.name, item.issuer, item.description]
    texts += [item.name for item in extras.publications]
    texts += [skill.name for skill in content.skills]
    texts += [language.name for language in content.languages]
    return _lines(texts)


def holds_together(entry: Education, elsewhere: set[str], undated: bool = False) -> bool:
    """A year, a degree part and a school part, neither a line of another section; no year
    where the section prints none (``undated``)."""
    parts = [_spaced(entry.degree), _spaced(entry.institution)]
    dated = undated or bool(entry.start or entry.end)
    return dated and all(parts) and not any(part in elsewhere for part in parts)


def _undated(*readings: Sequence[Education]) -> bool:
    """No reading found a date in the section: its entries are told apart by names alone."""
    return not any(entry.start or entry.end for entries in readings for entry in entries)


def _shape(
    entries: Sequence[Education], elsewhere: set[str], undated: bool = False
) -> tuple[int, int]:
    """(entries that hold together, entries that do not)."""
    whole = sum(holds_together(entry, elsewhere, undated) for entry in entries)
    return whole, len(entries) - whole


def _year(entry: Education) -> str:
    return (entry.end or entry.start or "")[:4]


def _names(entry: Education) -> set[str]:
    """The entry's distinctive words (four letters or more), wherever its reading put them."""
    texts = (entry.degree, entry.field, entry.institution, entry.description)
    return {word for text in texts for word in word_list(text) if len(word) >= 4}


def _holds_each(
    first: Sequence[Education],
    second: Sequence[Education],
    elsewhere: set[str],
    undated: bool = False,
) -> bool:
    """Each entry of ``first`` that holds together is in ``second`` too: the same year and a
    name word in common."""
    return all(
        any(_year(other) == _year(entry) and _names(entry) & _names(other) for other in second)
        for entry in first
        if holds_together(entry, elsewhere, undated)
    )


def choose_education(
    first: CvContent, second: CvContent, fewer_broken: bool = False, keep_whole: bool = False
) -> list[Education] | None:
    """The second reading's education entries where they hold together better than the
    first's (module doc), else None: the first's stay. ``fewer_broken``: as many entries
    holding together (one at least) and fewer falling apart is better too. ``keep_whole``:
    the second wins only holding every entry of the first that holds together (two readings
    of one file, as the jobs' choice asks: app/lib/parsing/entries/reading_choice.py); more
    entries whole is no gain when one of the first's is lost."""
    first_elsewhere = other_sections(second)
    undated = _undated(first.education, second.education)
    mine = _shape(first.education, first_elsewhere, undated)
    theirs = _shape(second.education, other_sections(first), undated)
    if keep_whole and not _holds_each(first.education, second.education, first_elsewhere, undated):
        return None
    if theirs[0] > mine[0] and theirs[1] <= mine[1]:
        return list(second.education)
    # A reading with no entry holding together is no better for having none broken (a model
    # that read no education at all).
    if fewer_broken and theirs[0] == mine[0] > 0 and theirs[1] < mine[1]:
        return list(second.education)
    return None
