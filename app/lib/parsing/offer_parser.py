"""The offline (rule-based) job offer parser: text → title, company, location, requirements,
responsibilities, skills, languages with the offer's level wording, contract and remote policy.

Everything returned is copied from the offer text (whitespace and bullet marks aside).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.lib.parsing.contact import looks_like_location
from app.lib.parsing.entries import parse_body
from app.lib.parsing.headings import match_heading
from app.lib.parsing.languages import (
    CEFR_RE,
    LEVEL_WORDS,
    detect_language,
    has_level_wording,
    language_key,
)
from app.lib.parsing.skills_vocab import find_skills
from app.lib.parsing.text import clean, fold, normalise_text, split_items, word_count

LABELS: dict[str, tuple[str, ...]] = {
    "title": ("poste", "intitule du poste", "intitule", "job title", "title", "position", "role"),
    "company": ("entreprise", "societe", "company", "employeur", "employer", "client"),
    "location": ("lieu", "localisation", "location", "ville", "city", "lieu de travail"),
    "contract_type": (
        "type de contrat", "contrat", "contract", "contract type", "employment type",
        "job type", "type d'emploi",
    ),
    "remote": ("teletravail", "remote", "remote work", "work mode", "mode de travail"),
    "skills": ("competences", "skills", "stack", "stack technique", "technologies", "outils"),
}  # fmt: skip
LABEL_RE = re.compile(r"^\s*(?P<label>[^:]{2,30}?)\s*:\s*(?P<value>.+)$")
GENDER_RE = re.compile(
    r"\s*[(\[]?\b(?:h\s*/\s*f|f\s*/\s*h|m\s*/\s*f|f\s*/\s*m|m\s*/\s*w\s*/\s*d)\b[)\]]?",
    re.IGNORECASE,
)
HIRING_RE = re.compile(
    r"^(?P<company>[A-ZÀ-Ý][\w&'’ .-]{1,50}?)\s+(?:recrute|is hiring|is looking for|recherche)\b"
)
JOIN_RE = re.compile(
    r"\b(?:rejoignez|rejoindre|join)\s+(?P<company>[A-ZÀ-Ý][\w&'’.-]*(?:\s+[A-ZÀ-Ý][\w&'’.-]*){0,3})"
)
TITLE_AT_RE = re.compile(r"^(?P<title>.+?)\s+(?:at|chez|@)\s+(?P<company>.+)$", re.IGNORECASE)
CONTRACT_RE = re.compile(
    r"\b(CDI|CDD|VIE|V\.I\.E|[Ss]tage|[Ii]nternship|[Aa]lternance|[Aa]pprentissage|"
    r"[Aa]pprenticeship|[Ff]reelance|[Ii]nt[ée]rim|[Ff]ull[- ]time|[Pp]art[- ]time|"
    r"[Tt]emps (?:plein|partiel)|[Pp]ermanent(?: contract)?|[Ff]ixed[- ]term(?: contract)?|"
    r"[Cc]ontrat de professionnalisation|[Ii]nd[ée]pendant)\b"
)
REMOTE_RE = re.compile(
    r"(\d\s*(?:à|to|-)?\s*\d?\s*jours?\s+(?:de\s+)?t[ée]l[ée]travail(?:\s+par\s+semaine)?|"
    r"\d\s*(?:à|to|-)?\s*\d?\s*days?\s+(?:of\s+)?remote(?:\s+per\s+week)?|"
    r"(?:full|fully|100\s*%)\s*remote|remote[- ]first|"
    r"t[ée]l[ée]travail\s+(?:total|complet|partiel|possible|flexible)|full\s+t[ée]l[ée]travail|"
    r"hybride?|hybrid|on[- ]site|sur site|en pr[ée]sentiel|remote|t[ée]l[ée]travail)",
    re.IGNORECASE,
)


@dataclass
class OfferFields:
    title: str = ""
    company: str = ""
    location: str = ""
    language: str | None = None
    requirements: list[str] = field(default_factory=list)
    responsibilities: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    languages: list[dict[str, str]] = field(default_factory=list)
    contract_type: str | None = None
    remote: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "company": self.company,
            "location": self.location,
            "language": self.language,
            "requirements": self.requirements,
            "responsibilities": self.responsibilities,
            "skills": self.skills,
            "languages": self.languages,
            "contract_type": self.contract_type,
            "remote": self.remote,
        }


def clean_title(title: str) -> str:
    """ "Développeur Python (H/F)" → "Développeur Python": a CV headline has no gender mark."""
    return clean(GENDER_RE.sub("", title))


def _labelled(lines: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for line in lines:
        match = LABEL_RE.match(line)
        if not match:
            continue
        label = fold(match.group("label")).strip()
        for key, names in LABELS.items():
            if label in names and key not in found:
                found[key] = clean(match.group("value"))
    return found


def _is_labelled(line: str) -> bool:
    """ "Type de contrat : CDI" lines are fields, not requirement or mission items."""
    match = LABEL_RE.match(line)
    label = fold(match.group("label")).strip() if match else ""
    return any(label in names for names in LABELS.values())


def _items(lines: list[str]) -> list[str]:
    body = parse_body(lines)
    items = [*body.bullets]
    for paragraph in body.description.split("\n"):
        items += [clean(s) for s in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Ý])", paragraph) if clean(s)]
    return items


# Words that name a language only when capitalised ("Polish", not "polish your skills").
CAPITALISED_ONLY = {"polish", "latin", "breton", "basque", "malay", "creole"}


def find_languages(text: str) -> list[dict[str, str]]:
    """Spoken languages the offer mentions, with the level as the offer words it (or "")."""
    found: dict[str, dict[str, str]] = {}
    for line in text.split("\n"):
        for match in re.finditer(r"[^\W\d_]+", line):
            word = match.group(0)
            key = language_key(word)
            if key is None or key in found:
                continue
            if fold(word) in CAPITALISED_ONLY and not _named_as_language(line, match):
                continue
            if key == "latin" and re.match(
                r"\s*am[eé]rica|\s*am[eé]rique", line[match.end() :], re.I
            ):
                continue
            found[key] = {"name": word, "level": _level_near(line, match.start(), match.end())}
    return list(found.values())


def _named_as_language(line: str, match: re.Match[str]) -> bool:
    """ "Polish (B2)", "English and Polish" — not "Polish your skills" or "polish"."""
    word = match.group(0)
    if not word[0].isupper():
        return False
    after = line[match.end() :].lstrip()
    before = line[: match.start()].rstrip()
    starts_sentence = not before or before.endswith((".", "!", "?", ":", "•", "-"))
    return (
        not starts_sentence
        or after[:1] in {"(", ":", ",", "–", "—", ""}
        or has_level_wording(after[:25])
    )


def _level_words(words: list[str]) -> list[str]:
    level = []
    for word in words:
        if fold(word) not in LEVEL_WORDS:
            break
        level.append(word)
    return level


def _level_near(line: str, start: int, end: int) -> str:
    """The offer's level wording next to a language name: "anglais courant (C1)",
    "English: niveau B2", "fluent English", "maîtrise de l'anglais"."""
    after = line[end : end + 40]
    cefr = CEFR_RE.search(after)
    if cefr and cefr.start() <= 16 and not re.search(r"[;,.]", after[: cefr.start()]):
        stop = cefr.end() + (1 if after[cefr.end() : cefr.end() + 1] == ")" else 0)
        phrase = after[:stop].strip(" :–—-")
        if phrase.startswith("(") and phrase.endswith(")"):
            phrase = phrase[1:-1]
        return phrase.strip()
    adjacent = re.match(r"[\s:(–—-]*((?:[^\W\d_]+ ?)+)", after)
    if adjacent and (level := _level_words(adjacent.group(1).split())):
        return " ".join(level)
    before = line[max(0, start - 30) : start]
    cefr_before = re.search(r"\b([ABC][12])\s*$", before)
    if cefr_before:
        return cefr_before.group(1)
    words_before = [
        w for w in re.findall(r"[^\W\d_]+", before) if fold(w) not in {"de", "d", "l", "en", "in"}
    ]
    return " ".join(reversed(_level_words(list(reversed(words_before)))))


def _title_and_company(lines: list[str], labelled: dict[str, str]) -> tuple[str, str]:
    title = labelled.get("title", "")
    company = labelled.get("company", "")
    first = next((clean(line) for line in lines if clean(line)), "")
    if not title and first and word_count(first) <= 14 and not first.endswith("."):
        at = TITLE_AT_RE.match(first)
        dash = re.split(r"\s+[—–|-]\s+", first)
        if at:
            title, company = at.group("title"), company or clean(at.group("company"))
        elif len(dash) >= 2 and not match_heading(first, offer=True):
            title = dash[0]
            if not company and not looks_like_location(dash[1]):
                company = clean(dash[1])
        else:
            title = first
    if not company:
        # "Company — City" on one of the first lines.
        for line in lines[1:4]:
            parts = re.split(r"\s+[—–|·]\s+|\s+-\s+", clean(line), maxsplit=1)
            if len(parts) == 2 and word_count(parts[0]) <= 6 and looks_like_location(parts[1]):
                company = clean(parts[0])
                break
    if not company:
        for line in lines[:25]:
            hiring = HIRING_RE.match(line.strip()) or JOIN_RE.search(line)
            if hiring:
                company = clean(hiring.group("company"))
                break
    return clean_title(title), company


def _location(lines: list[str], labelled: dict[str, str]) -> str:
    if labelled.get("location"):
        return labelled["location"]
    for line in lines[:12]:
        for part in re.split(r"\s+[—–|·•-]\s+", line):
            if looks_like_location(part) and word_count(part) <= 4:
                return clean(part)
    return ""


def parse_offer_text(text: str) -> OfferFields:
    lines = normalise_text(text).split("\n")
    labelled = _labelled(lines)
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for line in lines:
        heading = match_heading(line, offer=True)
        if heading and (heading[1] == "" or heading[0] in {"requirements", "responsibilities"}):
            current = heading[0]
            sections.setdefault(current, [])
            if heading[1]:
                sections[current].append(heading[1])
            continue
        if current is not None and not _is_labelled(line):
            sections[current].append(line)
    title, company = _title_and_company(lines, labelled)
    skills = split_items(labelled["skills"]) if "skills" in labelled else []
    skills += [s for s in find_skills(text) if s.casefold() not in {k.casefold() for k in skills}]
    contract = labelled.get("contract_type") or next(
        (m.group(0) for m in [CONTRACT_RE.search(text)] if m), None
    )
    remote = labelled.get("remote") or next(
        (m.group(0) for m in [REMOTE_RE.search(text)] if m), None
    )
    return OfferFields(
        title=title,
        company=company,
        location=_location(lines, labelled),
        language=detect_language(text),
        requirements=_items(sections.get("requirements", [])),
        responsibilities=_items(sections.get("responsibilities", [])),
        skills=skills,
        languages=find_languages(text),
        contract_type=contract,
        remote=remote,
    )
