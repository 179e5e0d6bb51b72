"""The invariants of a sendable CV as a recruiter reads it (declared in ``core/sendable.py``):
what an import misread may carry into the tailored CV, which no repair can put right from the
source (the source holds the misread too), so the "Before you send it" card shows it open:

- the headline is a headline: not contact data, the candidate's name (or part of it), a place
  or a section word;
- the profile holds no contact or personal data (an e-mail, a phone, a web address, a street
  address, a birth date, an age, a marital status or a nationality);
- a skill is a skill: no contact data, no address or place, no age, no "References upon
  request", no sentence.

Each check is conservative: it names a value only on a shape no headline, profile or skill
has, so a CV read right never shows one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from app.lib.text_forms import fold

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL = re.compile(r"https?://|\bwww\.|\b[\w-]+\.(?:com|fr|org|net|io|be|ch)/", re.IGNORECASE)
# A phone number: "06 12 34 56 78", "+33 6 12 34 56 78", "(555) 123-4567", ten digits.
PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?\(?\d\)?|\b0\d)(?:[\s.-]?\d{2}){4}\b"
    r"|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\b\d{10}\b"
)
# A street address: "12 rue des Lilas", "3 bis avenue …" (the number, then the kind of way), or
# "42 Maple Street", "221B Baker Street" (the number, one to three capitalised names, the kind:
# case-sensitive, so that no "12 people in a new way" reads as one).
STREET = re.compile(
    r"\b\d{1,4}\s*(?:bis|ter)?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|all[ée]e|impasse|"
    r"place|route|quai|street|st\.|road|rd\.|lane|drive|way|court)\b"
    r"|(?-i:\b\d{1,5}[A-Z]?\s+(?:[A-Z][\w'-]*\s+){1,3}"
    r"(?:Street|St\.|Road|Rd\.|Avenue|Ave\.|Lane|Boulevard|Blvd\.?)(?!\w))",
    re.IGNORECASE,
)
# A postcode and its town, alone or after a comma: "69003 Lyon", "…, 75019 Paris" (never a
# number inside a name: "ISO 27001 Lead Auditor").
POSTCODE_TOWN = re.compile(r"(?:^|,\s*)\d{5}\s+[A-ZÀ-Ý][\w'-]*(?:[ -][A-ZÀ-Ý][\w'-]*){0,3}\.?$")
US_STATES = (
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS",
    "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY",
    "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV",
    "WI", "WY", "DC",
)  # fmt: skip
# "Springfield, IL" or "Austin, TX 78701": a town and its state.
TOWN_STATE = re.compile(
    rf"^[A-ZÀ-Ý][\w'.-]*(?: [A-ZÀ-Ý][\w'.-]*){{0,2}},\s*(?:{'|'.join(US_STATES)})(?:\s+\d{{5}})?$"
)
COUNTRIES = (
    "France", "Belgique", "Belgium", "Suisse", "Switzerland", "Luxembourg", "Canada", "Québec",
    "Quebec", "USA", "U.S.A.", "United States", "UK", "U.K.", "United Kingdom", "England",
    "Scotland", "Wales", "Ireland", "Irlande", "Germany", "Allemagne", "Deutschland", "Spain",
    "Espagne", "España", "Italy", "Italie", "Italia", "Portugal", "Netherlands", "Pays-Bas",
    "Maroc", "Morocco", "Tunisie", "Tunisia", "Algérie", "Algeria", "Sénégal", "Senegal",
    "Côte d'Ivoire", "India", "Inde", "Australia", "Australie",
)  # fmt: skip
# A town's name: one word ("Saint-Étienne"), after an article or a "Saint", "New", "San" at most.
_PLACE_NAME = (
    r"(?:(?:Le|La|Les|L'|New|San|Santa|Saint|St\.?|Los|Las|El|Den|Bad) ?)?[A-ZÀ-Ý][\w'.-]*"
)
# "Lyon, France", "Manchester, United Kingdom": a town and its country.
TOWN_COUNTRY = re.compile(
    rf"^{_PLACE_NAME},\s*(?i:{'|'.join(re.escape(c) for c in COUNTRIES)})\.?$"
)
# "Paris (75)", "Lyon (69003)": a town and its département or postcode.
TOWN_DEPARTMENT = re.compile(rf"^{_PLACE_NAME}\s*\((?:\d{{2,3}}|\d{{5}}|2[AB])\)$")
PERSONAL = re.compile(
    r"\bn[ée]e? le\b|date de naissance|\bborn (?:on|in)\b|date of birth|\bDOB\b|"
    r"\bmari[ée]e?\b|c[ée]libataire|\bmarried\b|nationalit[ée]|\bnationality\b|"
    r"situation familiale|marital status",
    re.IGNORECASE,
)
# An age: "33 ans", "33 years old", "Âge : 33 ans", "Age: 33", "âgée de 33 ans" (never "15 ans
# d'expérience" or "20 years, three continents": a number of years followed by what they were
# spent on, nor "a team aged 25").
AGE = re.compile(
    r"^\s*\d{2}\s*ans\s*(?:[,.;]|$)|\b\d{2}[\s-]*(?:years?|yrs?)[\s-]old\b"
    r"|\b[âa]ge\s*:\s*\d{2}\b|\b[âa]g[ée]e?\s+de\s+\d{2}\s*ans\b",
    re.IGNORECASE,
)
# What a CV writes at its end, not a fact about the candidate: "References upon request".
REFERENCES = re.compile(
    r"\br[ée]f[ée]rences?\b.{0,30}\b(?:upon|on|sur)\s+(?:request|demande)\b", re.IGNORECASE
)
SECTION_WORDS = frozenset(
    fold(word)
    for word in (
        "profil", "profile", "summary", "résumé", "resume", "curriculum vitae", "cv",
        "expérience", "expériences", "expérience professionnelle", "expériences professionnelles",
        "experience", "work experience", "professional experience", "contact", "contacts",
        "about me", "à propos", "à propos de moi", "objective", "objectif", "compétences",
        "skills", "formation", "formations", "education", "langues", "languages",
        "centres d'intérêt", "interests", "coordonnées", "personal details",
    )
)  # fmt: skip
SKILL_MAX_WORDS = 8  # longer reads as a sentence, not a skill


def contact_kind(text: str) -> str | None:
    """The kind of contact data ``text`` holds: e-mail, link or phone; None without."""
    if EMAIL.search(text):
        return "email"
    if URL.search(text):
        return "link"
    if PHONE.search(text):
        return "phone"
    return None


def _place_forms(place: str) -> set[str]:
    """A place as a headline could repeat it: whole, and its town ("Lyon, France" → "lyon")."""
    whole = fold(place).strip(" .,")
    town = fold(place.split(",")[0]).strip(" .,")
    return {form for form in (whole, town) if form}


def is_place(text: str) -> bool:
    """``text`` is an address or a place by its shape alone: a street address, a postcode and
    its town, a town and its state, country or département."""
    text = text.strip()
    return bool(
        STREET.search(text)
        or POSTCODE_TOWN.search(text)
        or TOWN_STATE.match(text)
        or TOWN_COUNTRY.match(text)
        or TOWN_DEPARTMENT.match(text)
    )


def headline_kind(
    headline: str, name: str, location: str, places: Iterable[str] = ()
) -> str | None:
    """Why ``headline`` is no headline ("contact", "name", "place", "section"), None when it
    reads as one. ``places``: the other places the CV names (its entries' locations): a
    headline that is one of them is a place line read as the headline."""
    text = headline.strip()
    if not text:
        return None
    if contact_kind(text):
        return "contact"
    words = set(re.findall(r"[^\W\d_]+", fold(text)))
    name_words = set(re.findall(r"[^\W\d_]+", fold(name)))
    if words and name_words and words <= name_words:
        return "name"  # the name, "Surname, First name" or a bare surname
    folded = fold(text).strip(" .,")
    known = {form for place in (location, *places) if place for form in _place_forms(place)}
    if folded and folded in known:
        return "place"
    if is_place(text):
        return "place"
    if folded.strip(" :") in SECTION_WORDS:
        return "section"
    return None


def personal_kind(text: str) -> str | None:
    """The kind of contact or personal data ``text`` holds, None without."""
    found = contact_kind(text)
    if found:
        return found
    if STREET.search(text):
        return "address"
    if PERSONAL.search(text) or AGE.search(text):
        return "personal"
    if REFERENCES.search(text):
        return "references"
    return None


def skill_kind(name: str) -> str | None:
    """Why ``name`` is no skill ("email", "link", "phone", "address", "personal",
    "sentence"), None when it reads as one."""
    found = personal_kind(name)
    if found:
        return found
    if is_place(name):
        return "address"
    words = name.split()
    if len(words) > SKILL_MAX_WORDS or (len(words) > 5 and name.rstrip().endswith(".")):
        return "sentence"
    return None
