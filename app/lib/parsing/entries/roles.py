"""Turn raw entries into experiences, degrees, projects and extras.

Heading parts come from ``entry_parts.py``; which part of a job heading is the title, the
employer or the place is decided in ``entry_jobs.py``; degree and school here, by vocabulary
(the part scoring best on degree words is the degree, the next one the school).
"""

from __future__ import annotations

import re

from app.lib.cv_content import Education, Experience, ExtraItem, Project
from app.lib.parsing.entries.entries import RawEntry, parse_body
from app.lib.parsing.entries.entry_jobs import assign_job
from app.lib.parsing.entries.entry_parts import Part, heading_parts
from app.lib.parsing.entries.entry_words import is_place, title_score
from app.lib.parsing.fields.contact import URL_RE, link_for
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

DEGREE_WORDS = word_set(
    """master masters licence bachelor bachelors bts dut but diplome doctorat phd mba bac
    baccalaureat msc bsc ba ma bs ms meng beng mastere ingenieur certificate certificat degree
    associate cap bep hnd deug dea dess prepa cpge l3 m1 m2 magistere doctorate
    """
)
SCHOOL_WORDS = word_set(
    """universite university ecole school institut institute iut lycee college polytechnique
    insa hec essec escp academy academie faculte faculty conservatoire campus iae centrale
    mines telecom epitech epita cnam sorbonne
    """
)


def _score(part: str, vocabulary: frozenset[str]) -> int:
    return sum(1 for word in re.split(r"[\s,/()'-]+", fold(part)) if word in vocabulary)


def _dates(entry: RawEntry) -> tuple[str | None, str | None, bool]:
    if entry.dates is None:
        return None, None, False
    return entry.dates.start, entry.dates.end, entry.dates.current


def _with_leftovers(leftovers: list[str], description: str) -> str:
    return "\n".join(filter(None, [" — ".join(leftovers), description]))


def experience_from(entry: RawEntry) -> Experience:
    title, company, location, leftovers = assign_job(entry)
    body = parse_body(entry.body)
    start, end, current = _dates(entry)
    return Experience(
        title=title,
        company=company,
        location=location,
        start=start,
        end=end,
        current=current,
        description=_with_leftovers(leftovers, body.description),
        bullets=body.bullets,
        skills=body.skills,
    )


def _assign_degree(parts: list[Part]) -> tuple[str, str, str, list[str]]:
    """(degree, school, location, leftovers): the part scoring best on degree words (else the
    first that is not a place) is the degree; the next part is the school."""
    texts = [p.text for p in parts]
    if not texts:
        return "", "", "", []
    scores = [_score(t, DEGREE_WORDS) - _score(t, SCHOOL_WORDS) for t in texts]
    places = [i for i, t in enumerate(texts) if i > 0 and is_place(t)]
    candidates = [i for i in range(len(texts)) if i not in places] or [0]
    best = max(candidates, key=lambda i: (scores[i], -i))
    if scores[best] <= scores[candidates[0]]:
        best = candidates[0]
    rest = [i for i in candidates if i != best]
    school = texts[rest[0]] if rest else ""
    return texts[best], school, ", ".join(texts[i] for i in places), [texts[i] for i in rest[1:]]


def education_from(entry: RawEntry) -> Education:
    degree, institution, location, leftovers = _assign_degree(
        heading_parts(entry.heading, every_comma=True)
    )
    if institution and _score(degree, SCHOOL_WORDS) > _score(institution, SCHOOL_WORDS):
        degree, institution = institution, degree
    if institution and _score(institution, DEGREE_WORDS) and not _score(institution, SCHOOL_WORDS):
        # "Master's degree, Computer Science": the second part is the field, not the school.
        leftovers.insert(0, institution)
        institution = ""
    field = leftovers.pop(0) if leftovers else ""
    body = parse_body(entry.body)
    start, end, current = _dates(entry)
    if entry.dates is not None and entry.dates.single:
        start = None  # a single year on a degree is its graduation year
    description = "\n".join(filter(None, [*body.bullets, body.description]))
    return Education(
        institution=institution,
        degree=degree,
        field=field,
        location=location,
        start=start,
        end=end,
        current=current and not end,
        description=_with_leftovers(leftovers, description),
    )


MAX_NAME = 80
# "Route planner: a web app that…" / "Route planner – a web app…": the name before the colon.
NAMED_BULLET_RE = re.compile(r"^(?P<name>[^:–—]{2,60}?)\s*(?::|\s[–—-]\s)\s*\S")
NAME_WORDS = 8


def name_from_bullet(bullet: str) -> str:
    """A project with no heading is named by its first bullet: the phrase before its colon or
    dash when it has one, else the bullet itself, shortened at a word, never inside one."""
    text = " ".join(bullet.split())
    named = NAMED_BULLET_RE.match(text)
    if named and len(named["name"].split()) <= NAME_WORDS:
        return named["name"].strip()
    if len(text) <= MAX_NAME:
        return text
    return text[: MAX_NAME + 1].rsplit(" ", 1)[0].rstrip(" ,;:.–—-")


def project_from(entry: RawEntry) -> Project:
    parts = [p.text for p in heading_parts(entry.heading)]
    name = parts[0] if parts else ""
    role = parts[1] if len(parts) > 1 and title_score(parts[1]) else ""
    leftovers = parts[2:] if role else parts[1:]
    urls = [m.group(0) for line in [*entry.heading, *entry.body] for m in URL_RE.finditer(line)]
    body = parse_body([line for line in entry.body if not URL_RE.fullmatch(line.strip())])
    start, end, current = _dates(entry)
    if entry.dates is not None and entry.dates.single:
        end = None
    return Project(
        name=name or (name_from_bullet(body.bullets[0]) if body.bullets else ""),
        role=role,
        url=link_for(urls[0]).url if urls else "",
        start=start,
        end=end if not current else None,
        description=_with_leftovers(leftovers, body.description),
        bullets=body.bullets,
        skills=body.skills,
    )


def extra_from(entry: RawEntry) -> ExtraItem:
    parts = [p.text for p in heading_parts(entry.heading)]
    body = parse_body(entry.body)
    date = None
    if entry.dates is not None:
        date = entry.dates.start if entry.dates.single else entry.date_text
    description = "\n".join(filter(None, [*body.bullets, body.description]))
    return ExtraItem(
        name=parts[0] if parts else "",
        issuer=" — ".join(parts[1:]),
        date=date,
        description=description,
    )
