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
from app.lib.parsing.entries.entry_lines import OPEN_WORD_RE
from app.lib.parsing.entries.entry_parts import Part, heading_parts
from app.lib.parsing.entries.entry_words import (
    DEGREE_WORDS,
    SCHOOL_WORDS,
    is_place,
    is_place_like,
    title_score,
)
from app.lib.parsing.entries.school_phrase import split_school
from app.lib.parsing.fields.contact import URL_RE, link_for
from app.lib.parsing.text.text import is_bullet
from app.lib.text_forms import fold

# Phrases whose words say the other role: "Classe préparatoire aux grandes écoles" and
# "Programme Grande École" are programmes; "École d'ingénieurs" is a school.
_PROGRAMME_RE = re.compile(r"\bgrandes?\s+ecoles?\b|\bpreparatoires?\b|\bpreparatory\b")
_SCHOOL_OF_DEGREE_RE = re.compile(
    r"\b(?:ecole|school|institut|institute)\s+(?:d['’]|de\s+|des\s+|of\s+)(?:ingenieurs?|engineers?)\b"
)


def _score(part: str, vocabulary: frozenset[str]) -> int:
    # "B.S.", "M.Sc", "B.Tech": an abbreviation's dots dropped so it reads as its word
    folded = re.sub(r"(?<=\w)\.(?=\w)|(?<=\w)\.(?=[\s,]|$)", "", fold(part))
    folded = _SCHOOL_OF_DEGREE_RE.sub(" ecole ", folded)
    folded = _PROGRAMME_RE.sub(" prepa ", folded)
    return sum(1 for word in re.split(r"[\s,/()'’-]+", folded) if word in vocabulary)


def _dates(entry: RawEntry) -> tuple[str | None, str | None, bool]:
    if entry.dates is None:
        return None, None, False
    return entry.dates.start, entry.dates.end, entry.dates.current


def _with_leftovers(leftovers: list[str], description: str) -> str:
    return "\n".join(filter(None, [" — ".join(leftovers), description]))


# A title's closing full stop after a word ("Stage de vente."), not an abbreviation's ("Sr.").
TITLE_FULL_STOP_RE = re.compile(r"(?<=[^\W\d_]{4})\.$")


def experience_from(entry: RawEntry) -> Experience:
    title, company, location, leftovers = assign_job(entry)
    body = parse_body(entry.body)
    start, end, current = _dates(entry)
    return Experience(
        title=TITLE_FULL_STOP_RE.sub("", title.rstrip()),
        company=company,
        location=location,
        start=start,
        end=end,
        current=current,
        description=_with_leftovers(leftovers, body.description),
        bullets=body.bullets,
        skills=body.skills,
    )


_PARTICLES = frozenset({"de", "du", "des", "d", "of", "the", "and", "et", "&", "la", "le", "l"})


def _name_shaped(text: str) -> bool:
    """Written as a proper name: no digit, every word capitalised but its particles."""
    found = re.findall(r"[^\W\d_]+|\d+|&", text)
    return (
        bool(found)
        and all(w[0].isupper() or fold(w) in _PARTICLES for w in found)
        and found[0][0].isupper()
    )


def _located(parts: list[Part], schools: set[int]) -> set[int]:
    """The parts that say where: a place, or a name of a place's shape right after the school
    or a place on its line ("University of Maine - Orono, Maine", "The Tech Academy, Portland
    OR"; not "Lycée X, Roubaix — Terminale générale")."""
    out: set[int] = set()
    for index, part in enumerate(parts):
        if index == 0:
            continue
        before = index - 1
        follows = parts[before].line == part.line and (before in schools or before in out)
        town = is_place_like(part.text) and _name_shaped(part.text)
        town = town and not _score(part.text, DEGREE_WORDS)  # "…University, B.S. Nursing"
        if part.place or is_place(part.text) or (follows and town):
            out.add(index)
    return out


def _assign_degree(parts: list[Part]) -> tuple[str, str, str, list[str]]:
    """(degree, school, location, leftovers). Each part takes the role its words give it,
    wherever the heading puts it: the part most written in school words is the school, the
    one most written in degree words the degree, a place (or a place-shaped name after the
    school on its line) the location, and what remains is the field. With no school word,
    a bare name is the school (before a place, or on a line of its own, else the part after
    the degree); with no degree word, the first part left is the degree."""
    texts = [p.text for p in parts]
    if not texts:
        return "", "", "", []
    degree_marks = [_score(t, DEGREE_WORDS) - _score(t, SCHOOL_WORDS) for t in texts]
    school_marks = [-mark for mark in degree_marks]
    school_like = {i for i, mark in enumerate(school_marks) if mark > 0}
    places = _located(parts, school_like)
    candidates = [i for i in range(len(texts)) if i not in places] or [0]
    schools = [i for i in candidates if i in school_like]
    school = max(schools, key=lambda i: (school_marks[i], -i)) if schools else None
    others = [i for i in candidates if i != school] or candidates
    degree = max(others, key=lambda i: (degree_marks[i], -i))
    if degree_marks[degree] <= degree_marks[others[0]]:
        degree = others[0]
    if school == degree:
        school = None
    rest = [i for i in candidates if i not in (degree, school)]
    if school is None and rest:
        # A bare name ("EEMI") is the school where it stands as a name does: before a place
        # on its line, or on a line of its own; a field follows its degree on the degree's.
        before_place = [i for i in rest if any(p > i and parts[p].line == parts[i].line
                                               for p in places)]  # fmt: skip
        own_line = [
            i
            for i in rest
            if parts[i].line != parts[degree].line
            and sum(p.line == parts[i].line for p in parts) == 1
            and _name_shaped(texts[i])
        ]
        school = (before_place or own_line or rest)[0]
        rest.remove(school)
    return (
        texts[degree],
        texts[school] if school is not None else "",
        ", ".join(texts[i] for i in sorted(places)),
        [texts[i] for i in rest],
    )


def _wraps_joined(lines: list[str]) -> list[str]:
    """Heading lines cut on a linking word joined with the line after, when it runs on in lower
    case ("Licence professionnelle en" / "logistique et transport"): one part, not a degree
    and a school ("… | February 2017 to" / "Present" is another column's date)."""
    out: list[str] = []
    for line in lines:
        cut = OPEN_WORD_RE.search(out[-1].rstrip()) if out else None
        if cut and cut.group(0).strip().islower() and line.strip()[:1].islower():
            out[-1] = f"{out[-1].rstrip()} {line.strip()}"
        else:
            out.append(line)
    return out


COLON_RE = re.compile(r"\s*:\s+")


def _colon_parted(line: str) -> str:
    """ "BSc Nursing : Valmont Academy": a colon before a school is the parts' separator (a
    tab); before anything else ("Licence : Économie") it stays, the subject of the degree."""
    _, colon, right = line.partition(":")
    if not colon or not right.strip() or not _score(right, SCHOOL_WORDS):
        return line
    return COLON_RE.sub("\t", line, count=1)


MAX_SCHOOL_LINE_WORDS = 8
MIN_ACRONYM = 3
BRACKETED_RE = re.compile(r"\([^)]*\)")


def _school_line(line: str) -> bool:
    """A short line naming a school and no degree: not a sentence, a bullet or a date. The
    school is named by a school's word, or is an acronym ("ENSIVAL, Lyon")."""
    text = line.strip()
    first = text.split(",")[0].strip()
    acronym = len(first) >= MIN_ACRONYM and first.isalpha() and first.isupper()
    return (
        bool(text)
        and not is_bullet(text)
        and not text.endswith((".", "!", "?", ":", ";"))
        and len(text.split()) <= MAX_SCHOOL_LINE_WORDS
        and not any(ch.isdigit() for ch in BRACKETED_RE.sub("", text))  # "Nancy (54)" stays
        and (acronym or bool(_score(text, SCHOOL_WORDS)))
        and not _score(text, DEGREE_WORDS)
    )


def education_from(entry: RawEntry) -> Education:
    heading = [_colon_parted(line) for line in _wraps_joined(entry.heading)]
    degree, institution, location, leftovers = _assign_degree(
        heading_parts(heading, every_comma=True)
    )
    if institution and _score(degree, SCHOOL_WORDS) > _score(institution, SCHOOL_WORDS):
        degree, institution = institution, degree
    if institution and _score(institution, DEGREE_WORDS) and not _score(institution, SCHOOL_WORDS):
        # "Master's degree, Computer Science": the second part is the field, not the school.
        leftovers.insert(0, institution)
        institution = ""
    # Text after the dates where a job's town stands ("2019 – 2022 — IUT de Valmont", "…,
    # Lyon"): a school there is the school when the heading named none, the rest the place.
    places = list(entry.places)
    school = next((p for p in places if _score(p, SCHOOL_WORDS)), "")
    if school and not _score(institution, SCHOOL_WORDS):
        places.remove(school)
        leftovers[:0] = [institution] if institution else []
        institution = school
    location = ", ".join(filter(None, [location, *places]))
    cut = split_school(degree) if not institution else None
    if cut:  # "Licence de psychologie à l'Université Rennes 2": one phrase, two roles
        degree, institution = cut
    body_lines = entry.body
    if not institution and degree and body_lines and _school_line(body_lines[0]):
        # "BAC S mention Bien" / "Lycée Sévigné, Rennes": the school on the line under the
        # degree (an undated entry's heading is its first line alone).
        school, *places_after = [p.text for p in heading_parts([body_lines[0]], every_comma=True)]
        institution, body_lines = school, body_lines[1:]
        location = ", ".join(filter(None, [location, *places_after]))
    field = leftovers.pop(0) if leftovers else ""
    body = parse_body(body_lines)
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
