"""Turn a raw entry's heading lines into title / company / location (or degree / school).

Parts come from splitting the heading on separators. Keyword scores decide which part is a job
title, an employer or a degree; position decides otherwise (title first, as most CVs write it).
"""

from __future__ import annotations

import re

from app.lib.cv_content import Education, Experience, ExtraItem, Project
from app.lib.parsing.contact import URL_RE, link_for, looks_like_location
from app.lib.parsing.entries import RawEntry, parse_body
from app.lib.parsing.text import clean, fold, split_parts, word_set

TITLE_WORDS = word_set(
    """developpeur developpeuse developer engineer ingenieur ingenieure manager chef cheffe
    consultant consultante analyst analyste lead stagiaire intern internship stage directeur
    directrice director responsable head architect architecte designer scientist owner cto ceo
    cfo coo vp president presidente assistant assistante technicien technicienne technician
    commercial commerciale sales charge chargee officer specialist specialiste coordinator
    coordinateur coordinatrice administrateur administratrice administrator product project
    projet devops sre support teacher professeur enseignant enseignante formateur formatrice
    trainer researcher chercheur chercheuse doctorant doctorante postdoc accountant comptable
    auditor auditeur auditrice nurse infirmier infirmiere freelance founder fondateur
    fondatrice cofondateur cofondatrice co-founder associate partner associe associee junior
    senior principal staff executive representative agent operator operateur operatrice editor
    redacteur redactrice writer journalist journaliste buyer acheteur acheteuse recruiter
    recruteur recruteuse controller controleur controleuse supervisor superviseur vendeur
    vendeuse conseiller conseillere advisor adviser gestionnaire employe employee apprenti
    apprentie apprentice alternant alternante mentor benevole volunteer tech programmer
    programmeur programmeuse web fullstack full-stack backend frontend mobile data
    """
)
COMPANY_WORDS = word_set(
    """sas sa sarl sasu eurl inc inc. ltd ltd. llc gmbh corp corp. corporation group groupe
    company co plc ag bv nv srl spa bank banque agence agency studio labs lab technologies
    solutions consulting conseil services systems partners capital foundation
    fondation association ministere ministry mairie hopital hospital clinique clinic
    """
)
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
_AT_RE = re.compile(r"\s+(?:at|chez|@)\s+", re.IGNORECASE)
_PAREN_RE = re.compile(r"^(?P<main>[^()]+?)\s*\((?P<inner>[^()]+)\)$")


def _score(part: str, vocabulary: frozenset[str]) -> int:
    return sum(1 for word in re.split(r"[\s,/()'-]+", fold(part)) if word in vocabulary)


def _split_commas(text: str) -> list[str]:
    """Split on commas outside brackets ("Acme (Paris, France), Lyon" → 2 pieces)."""
    pieces, depth, current = [], 0, ""
    for char in text:
        depth += char == "("
        depth -= char == ")" and depth > 0
        if char == "," and depth == 0:
            pieces.append(current)
            current = ""
        else:
            current += char
    pieces.append(current)
    return [clean(p) for p in pieces if clean(p)]


def _split_part(part: str) -> list[str]:
    """One separator-free piece → its parts: "Title at Company", "Title, Company",
    "Company (City)". A piece that is a place as a whole stays whole, as written."""
    part = clean(part)
    if not part:
        return []
    if looks_like_location(part):
        return [part]  # "Paris, Île-de-France, France", "Toulouse (France)"
    at = [clean(p) for p in _AT_RE.split(part, maxsplit=1) if clean(p)]
    if len(at) == 2:
        return [p for piece in at for p in _split_part(piece)]
    pieces = _split_commas(part)
    if len(pieces) > 1:
        return [p for piece in pieces for p in _split_part(piece)]
    paren = _PAREN_RE.match(part)
    if paren and looks_like_location(paren.group("inner")):
        return [clean(paren.group("main")), clean(paren.group("inner"))]
    return [part]


def heading_parts(heading: list[str]) -> list[str]:
    parts: list[str] = []
    for line in heading:
        for part in split_parts(URL_RE.sub(" ", line)):
            parts += _split_part(part)
    return [p for p in parts if p]


def _assign(
    parts: list[str], words: frozenset[str], other: frozenset[str], *, guess_place: bool = True
) -> tuple[str, str, str, list[str]]:
    """(main, organisation, location, leftovers): the main part is the one scoring clearly best
    on ``words`` (else the first part that is not a place); places go to location; the next part
    is the organisation; anything else is returned so it is kept, not lost."""
    if not parts:
        return "", "", "", []
    scores = [_score(p, words) - _score(p, other) for p in parts]
    places = [i for i, p in enumerate(parts) if i > 0 and looks_like_location(p)]
    candidates = [i for i in range(len(parts)) if i not in places] or [0]
    best = max(candidates, key=lambda i: (scores[i], -i))
    if scores[best] <= scores[candidates[0]]:
        best = candidates[0]
    rest = [i for i in candidates if i != best]
    organisation = parts[rest[0]] if rest else ""
    leftovers = [parts[i] for i in rest[1:]]
    last_is_short = bool(leftovers) and len(leftovers[-1].split()) <= 3
    if guess_place and not places and last_is_short and len(parts) >= 3:
        places = [parts.index(leftovers.pop())]
    location = ", ".join(parts[i] for i in places)
    return parts[best], organisation, location, leftovers


def _dates(entry: RawEntry) -> tuple[str | None, str | None, bool]:
    if entry.dates is None:
        return None, None, False
    return entry.dates.start, entry.dates.end, entry.dates.current


def _with_leftovers(leftovers: list[str], description: str) -> str:
    return "\n".join(filter(None, [" — ".join(leftovers), description]))


def experience_from(entry: RawEntry) -> Experience:
    title, company, location, leftovers = _assign(
        heading_parts(entry.heading), TITLE_WORDS, COMPANY_WORDS
    )
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


def education_from(entry: RawEntry) -> Education:
    degree, institution, location, leftovers = _assign(
        heading_parts(entry.heading), DEGREE_WORDS, SCHOOL_WORDS, guess_place=False
    )
    if institution and _score(degree, SCHOOL_WORDS) > _score(institution, SCHOOL_WORDS):
        degree, institution = institution, degree
    if institution and _score(institution, DEGREE_WORDS) and not _score(institution, SCHOOL_WORDS):
        # "Master's degree, Computer Science": the second part is the field, not the school.
        leftovers.insert(0, institution)
        institution = ""
    field = leftovers.pop(0) if leftovers else ""
    body = parse_body(entry.body)
    start, end, _ = _dates(entry)
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
        description=_with_leftovers(leftovers, description),
    )


def project_from(entry: RawEntry) -> Project:
    parts = heading_parts(entry.heading)
    name = parts[0] if parts else ""
    role = parts[1] if len(parts) > 1 and _score(parts[1], TITLE_WORDS) else ""
    leftovers = parts[2:] if role else parts[1:]
    urls = [m.group(0) for line in [*entry.heading, *entry.body] for m in URL_RE.finditer(line)]
    body = parse_body([line for line in entry.body if not URL_RE.fullmatch(line.strip())])
    start, end, current = _dates(entry)
    if entry.dates is not None and entry.dates.single:
        end = None
    return Project(
        name=name or (body.bullets[0][:80] if body.bullets else ""),
        role=role,
        url=link_for(urls[0]).url if urls else "",
        start=start,
        end=end if not current else None,
        description=_with_leftovers(leftovers, body.description),
        bullets=body.bullets,
        skills=body.skills,
    )


def extra_from(entry: RawEntry) -> ExtraItem:
    parts = heading_parts(entry.heading)
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
