"""Section headings of CVs and job offers, in French and English.

A heading is a short line whose folded text is a known heading ("EXPÉRIENCES PROFESSIONNELLES",
"Work history:", "— Compétences —", "Skills & Languages"), or such a heading followed by a colon
and content on the same line ("Langues : anglais courant"). The offer table lives in
``app/lib/parsing/offer_headings.py``.
"""

from __future__ import annotations

import re

from app.lib.parsing.offer_headings import OFFER_HEADINGS
from app.lib.parsing.text import fold

CV_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "profil", "profile", "profil professionnel", "professional profile", "resume",
        "resume professionnel", "summary", "professional summary", "career summary",
        "executive summary", "summary of qualifications", "a propos", "a propos de moi", "about",
        "about me", "objectif", "objectif professionnel", "objective", "career objective",
        "presentation", "synthese", "en bref", "accroche", "personal statement",
        "personal profile", "qui suis-je",
    ),
    "experience": (
        "experience", "experiences", "experience professionnelle",
        "experiences professionnelles", "work experience", "professional experience",
        "employment", "employment history", "work history", "career history", "career",
        "parcours", "parcours professionnel", "historique professionnel", "emplois",
        "postes occupes", "experiences significatives", "relevant experience",
        "experience pro", "professional background", "experience recente",
        "experiences recentes", "work",
    ),
    "education": (
        "formation", "formations", "education", "etudes", "diplomes", "diplome",
        "formation academique", "parcours academique", "parcours scolaire", "cursus",
        "academic background", "academic qualifications", "qualifications",
        "education and training", "training", "scolarite", "formation initiale",
        "formation continue",
    ),
    "skills": (
        "competences", "competence", "competences techniques", "competences cles",
        "competences professionnelles", "competences personnelles", "principales competences",
        "top skills", "savoir-faire", "savoir faire", "skills",
        "technical skills", "key skills", "core skills", "core competencies", "competencies",
        "hard skills", "soft skills", "expertise", "expertises", "domaines d'expertise",
        "areas of expertise", "outils", "tools", "technologies", "stack", "stack technique",
        "informatique", "logiciels", "software", "it skills", "computer skills",
        "connaissances", "connaissances techniques", "tech stack", "qualites", "savoir-etre",
        "strengths", "atouts", "competences informatiques",
    ),
    "languages": (
        "langues", "langue", "languages", "language", "langues etrangeres",
        "competences linguistiques", "language skills", "linguistic skills",
    ),
    "projects": (
        "projets", "projet", "projects", "project", "projets personnels", "personal projects",
        "side projects", "projets academiques", "academic projects", "realisations",
        "portfolio", "open source", "selected projects", "key projects", "projets marquants",
    ),
    "certifications": (
        "certifications", "certification", "certificats", "certificates", "certificat",
        "licences et certifications", "licenses and certifications", "accreditations",
        "habilitations",
    ),
    "awards": (
        "prix", "distinctions", "prix et distinctions", "awards", "honors", "honours",
        "awards and honors", "recompenses", "achievements", "accomplishments",
    ),
    "volunteering": (
        "benevolat", "volunteering", "volunteer", "volunteer experience", "volunteer work",
        "engagement associatif", "engagements", "activites associatives", "vie associative",
        "associatif", "community involvement",
    ),
    "publications": (
        "publications", "publication", "papers", "articles", "conferences", "talks",
    ),
    "interests": (
        "centres d'interet", "centre d'interet", "centres d'interets", "interets", "loisirs",
        "hobbies", "interests", "passions", "activites extra-professionnelles",
        "activites extra professionnelles", "extra-curricular activities", "activities",
        "activites", "divers", "personal interests", "hobbies and interests",
        "loisirs et centres d'interet",
    ),
    "contact": (
        "contact", "contacts", "coordonnees", "informations personnelles",
        "personal information", "personal details", "contact information", "contact details",
        "etat civil", "infos",
    ),
    "references": ("references", "referents", "recommandations", "recommendations"),
    # The job the CV is aimed at (Europass "Poste visé"): the header's current title.
    "target_title": (
        "poste vise", "poste recherche", "emploi recherche", "desired position",
        "target position", "position sought", "job applied for",
    ),
}  # fmt: skip


_DECORATION = re.compile(r"^[\s\d.)#*=_~|•·▪■►—–-]+|[\s:#*=_~|•·▪■►—–-]+$")
_JOINERS = re.compile(r"\s*(?:&|\+|/|,| et | and )\s*")
MAX_HEADING_WORDS = 6


def _index(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {variant: key for key, variants in table.items() for variant in variants}


_CV_INDEX = _index(CV_HEADINGS)
_OFFER_INDEX = _index(OFFER_HEADINGS)


def _key(text: str) -> str:
    folded = fold(text).replace("’", "'")
    return " ".join(_DECORATION.sub("", folded).split())


def _lookup(candidate: str, index: dict[str, str]) -> str | None:
    key = _key(candidate)
    if not key or len(key.split()) > MAX_HEADING_WORDS:
        return None
    if key in index:
        return index[key]
    # "Formation & certifications", "Skills / tools": the first part names the section.
    first = _JOINERS.split(key)[0].strip()
    if first != key and first in index:
        return index[first]
    return None


def match_heading(line: str, *, offer: bool = False) -> tuple[str, str] | None:
    """``(section, rest)`` when ``line`` is a heading; ``rest`` is content after a colon."""
    index = _OFFER_INDEX if offer else _CV_INDEX
    text = line.strip()
    if not text or len(text) > 70:
        return None
    section = _lookup(text, index)
    if section is not None:
        return section, ""
    head, colon, rest = text.partition(":")
    if colon and rest.strip() and len(head.split()) <= 4:
        section = _lookup(head, index)
        if section is not None:
            return section, rest.strip()
    return None
