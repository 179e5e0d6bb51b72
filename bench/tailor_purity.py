"""Language purity of a tailored CV: the text the tailoring itself produced is in the CV's
language.

Units: the PDF's section headings and date words (they come from the design locale, so they are
read against the designs' own FR/EN vocabulary, ``app/lib/pdf_render/designs.py``), and every text of
the tailored CV not copied verbatim from the source (headline, summary sentences, one-line
entries, descriptions…), read by the pipeline's ``guess_language`` when it has at least
``MIN_WORDS`` words. Text copied from the source is the user's own and never counts.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from app.lib.cv_content import CvContent, Experience, Project
from app.lib.pdf_render.designs import CV_LOCALES, SECTION_TITLES, date_range
from app.lib.text_forms import squash
from jobs.pipeline.core.text import guess_language, sentences, words

MIN_WORDS = 4  # fewer words than this cannot tell French from English
HEADING_KEYS = {
    "summary": lambda cv: bool(cv.summary.strip()),
    "experience": lambda cv: bool(cv.experience),
    "projects": lambda cv: bool(cv.projects),
    "skills": lambda cv: bool(cv.skills),
    "education": lambda cv: bool(cv.education),
    "languages": lambda cv: bool(cv.languages),
    "certifications": lambda cv: bool(cv.extras.certifications),
    "awards": lambda cv: bool(cv.extras.awards),
    "volunteering": lambda cv: bool(cv.extras.volunteering),
    "publications": lambda cv: bool(cv.extras.publications),
    "interests": lambda cv: bool(cv.extras.interests),
}


@dataclass(frozen=True, slots=True)
class Unit:
    kind: str  # heading | date | title | summary | entry | description | bullet | …
    text: str
    language: str  # "fr" / "en"


@dataclass
class Purity:
    units: list[Unit] = field(default_factory=list)
    language: str = ""

    @property
    def offenders(self) -> list[Unit]:
        return [u for u in self.units if u.language != self.language]

    @property
    def pure(self) -> int:
        return len(self.units) - len(self.offenders)


def _plain(text: str) -> str:
    """Lower case, single spaces, accents kept: "Présent" (a user's word) is not "Present"."""
    return " ".join(text.lower().split())


def _pdf_lines(pdf_text: str) -> set[str]:
    return {_plain(line) for line in pdf_text.splitlines() if line.strip()}


def heading_units(tailored: CvContent, pdf_text: str) -> list[Unit]:
    """Each section heading the PDF shows, in the locale whose wording it has (headings both
    locales spell alike, "Certifications", tell nothing)."""
    lines = _pdf_lines(pdf_text)
    units: list[Unit] = []
    for key, present in HEADING_KEYS.items():
        titles = {lang: SECTION_TITLES[lang][key] for lang in CV_LOCALES}
        if not present(tailored) or len({_plain(t) for t in titles.values()}) < len(titles):
            continue
        units += [Unit("heading", t, lang) for lang, t in titles.items() if _plain(t) in lines]
    return units


def date_units(tailored: CvContent, pdf_text: str) -> list[Unit]:
    """Each dated entry whose date words (months, "present") the PDF shows in one locale."""
    plain = _plain(pdf_text)
    units: list[Unit] = []
    items = [(e.start, e.end, e.current) for e in tailored.experience]
    items += [(p.start, p.end, False) for p in tailored.projects]
    items += [(e.start, e.end, False) for e in tailored.education]
    for start, end, current in items:
        shown = {lang: date_range(start, end, current, lang) for lang in CV_LOCALES}
        if not all(shown.values()) or len({_plain(s) for s in shown.values()}) < len(shown):
            continue  # no date, or years only: no language in it
        units += [Unit("date", s, lang) for lang, s in shown.items() if _plain(s) in plain]
    return units


def produced_texts(source: CvContent, tailored: CvContent) -> list[tuple[str, str]]:
    """(kind, text) of the tailored CV's texts that are not in the source CV word for word."""
    corpus = squash(source.full_text())
    found: list[tuple[str, str]] = [("title", tailored.header.current_title)]
    found += [("summary", s) for s in sentences(tailored.summary)]
    entries: list[Experience | Project] = [*tailored.experience, *tailored.projects]
    for item in entries:
        head = (
            (item.title, item.company) if isinstance(item, Experience) else (item.name, item.role)
        )
        found += [("entry", " ".join(part for part in head if part))]
        found += [("description", s) for s in sentences(item.description)]
        found += [("bullet", b) for b in item.bullets]
    for edu in tailored.education:
        found += [("education", " ".join(p for p in (edu.degree, edu.field) if p))]
    found += [("interest", i) for i in tailored.extras.interests]
    return [(kind, text) for kind, text in found if text.strip() and squash(text) not in corpus]


def text_units(source: CvContent, tailored: CvContent) -> list[Unit]:
    units: list[Unit] = []
    for kind, text in produced_texts(source, tailored):
        if len(words(text)) < MIN_WORDS:
            continue
        language = guess_language(text, default="")  # a tie: the text does not tell
        if language:
            units.append(Unit(kind, text, language))
    return units


def purity(source: CvContent, tailored: CvContent, language: str, pdf_text: str) -> Purity:
    units = heading_units(tailored, pdf_text) + date_units(tailored, pdf_text)
    return Purity(units + text_units(source, tailored), language)
