"""The invariants of a sendable CV as a recruiter reads it (declared in ``core/sendable.py``):
what an import misread may carry into the tailored CV, which no repair can put right from the
source (the source holds the misread too), so the "Before you send it" card shows it open:

- the headline is a headline: not contact data, the candidate's name (or part of it), a place
  or a section word;
- the profile holds no contact or personal data (an e-mail, a phone, a web address, a street
  address, a birth date, a marital status or a nationality);
- a skill is a skill: no contact data, no address, no sentence.

Each check is conservative: it names a value only on a shape no headline, profile or skill
has, so a CV read right never shows one.
"""

from __future__ import annotations

import re

from app.lib.text_forms import fold

EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
URL = re.compile(r"https?://|\bwww\.|\b[\w-]+\.(?:com|fr|org|net|io|be|ch)/", re.IGNORECASE)
# A phone number: "06 12 34 56 78", "+33 6 12 34 56 78", "(555) 123-4567", ten digits.
PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?\(?\d\)?|\b0\d)(?:[\s.-]?\d{2}){4}\b"
    r"|\(?\b\d{3}\)?[\s.-]\d{3}[\s.-]\d{4}\b|\b\d{10}\b"
)
STREET = re.compile(
    r"\b\d{1,4}\s*(?:bis|ter)?,?\s+(?:rue|avenue|av\.|boulevard|bd|chemin|all[ée]e|impasse|"
    r"place|route|quai|street|st\.|road|rd\.|lane|drive|way|court)\b",
    re.IGNORECASE,
)
POSTCODE_TOWN = re.compile(r"\b\d{5}\s+[A-ZÀ-Ý][\w' -]+$")
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
PERSONAL = re.compile(
    r"\bn[ée]e? le\b|date de naissance|\bborn (?:on|in)\b|date of birth|\bDOB\b|"
    r"\bmari[ée]e?\b|c[ée]libataire|\bmarried\b|nationalit[ée]|\bnationality\b|"
    r"situation familiale|marital status",
    re.IGNORECASE,
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


def headline_kind(headline: str, name: str, location: str) -> str | None:
    """Why ``headline`` is no headline ("contact", "name", "place", "section"), None when it
    reads as one."""
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
    town = fold(location.split(",")[0]).strip()
    if folded and (folded == fold(location).strip() or folded == town):
        return "place"
    if STREET.search(text) or POSTCODE_TOWN.search(text) or TOWN_STATE.match(text):
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
    if PERSONAL.search(text):
        return "personal"
    return None


def skill_kind(name: str) -> str | None:
    """Why ``name`` is no skill ("email", "link", "phone", "address", "personal",
    "sentence"), None when it reads as one."""
    found = personal_kind(name)
    if found:
        return found
    words = name.split()
    if len(words) > SKILL_MAX_WORDS or (len(words) > 5 and name.rstrip().endswith(".")):
        return "sentence"
    return None
