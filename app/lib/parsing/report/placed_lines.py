"""Whether a line the import placed nowhere is in the CV now, however the user put it there.

Placed by the review page's form, the line's text is in the CV as it was. Typed by hand, it may
differ in case and punctuation ("Python, Docker" typed as two skills), or be split over the short
fields it belongs in (a degree's name, its school, its years; a job's title, employer, place).
So a line counts as placed when its words, in order, are in one of the CV's texts (a bullet, a
description, the summary, an interest), or when every one of its words is among the short fields
of one part of the CV (the header, one entry, the skills, the languages). Its dates count
whatever their spelling: "Sept. 2019 – 2021" is typed as 2019-09 and 2021 in the date fields.
Words scattered over several entries, or over the sentences of one, do not place a line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from app.lib.cv_content import CvContent
from app.lib.parsing.dates.dates import find_date_range, remove_span
from app.lib.text_forms import fold

WORD_RE = re.compile(r"[^\W_]+")


def word_list(text: str) -> list[str]:
    """The words of ``text`` in order, folded (case and accents aside), punctuation dropped."""
    return WORD_RE.findall(fold(text))


def _words_of(parts: Iterable[object]) -> set[str]:
    return set(word_list(" ".join(str(part) for part in parts if part)))


@dataclass(frozen=True, slots=True)
class CvWords:
    texts: list[str]  # each long text as " word word … ", to find a line's words in order
    fields: list[set[str]]  # the words of each part's short fields


def cv_words(content: CvContent) -> CvWords:
    """The CV's long texts, and the words of each part's short fields."""
    header, extras = content.header, content.extras
    texts = [content.summary, *extras.interests]
    fields = [
        _words_of(
            (
                header.name,
                header.current_title,
                header.contact.email,
                header.contact.phone,
                header.contact.location,
                *(f"{link.label} {link.url}" for link in header.links),
            )
        )
    ]
    for job in content.experience:
        texts += [job.description, *job.bullets]
        fields.append(_words_of((job.title, job.company, job.location, job.start, job.end)))
        fields[-1] |= _words_of(job.skills)
    for project in content.projects:
        texts += [project.description, *project.bullets]
        fields.append(_words_of((project.name, project.role, project.url, project.start)))
        fields[-1] |= _words_of((project.end, *project.skills))
    for degree in content.education:
        texts.append(degree.description)
        fields.append(
            _words_of(
                (degree.degree, degree.field, degree.institution, degree.location, degree.start)
            )
            | _words_of((degree.end,))
        )
    for item in (
        *extras.certifications,
        *extras.awards,
        *extras.volunteering,
        *extras.publications,
    ):
        texts.append(item.description)
        fields.append(_words_of((item.name, item.issuer, item.date, item.url)))
    fields.append(_words_of(f"{s.name} {s.category} {s.level}" for s in content.skills))
    fields.append(_words_of(f"{lang.name} {lang.level}" for lang in content.languages))
    spaced = [f" {' '.join(word_list(text))} " for text in texts if text]
    return CvWords(texts=spaced, fields=fields)


def _without_dates(line: str) -> list[str]:
    """The line's words without its dates, unless it is nothing else."""
    found = find_date_range(line)
    if found is not None:
        rest = word_list(remove_span(line, found.span))
        if rest:
            return rest
    return word_list(line)


def placed_in(line: str, cv: CvWords) -> bool:
    """``line`` is in the CV (``cv_words``): its words in order in one text, or all of them
    among one part's short fields."""
    words = word_list(line)
    if not words:
        return True
    spaced = f" {' '.join(words)} "
    if any(spaced in text for text in cv.texts):
        return True
    wanted = set(_without_dates(line))
    return any(wanted <= part for part in cv.fields)
