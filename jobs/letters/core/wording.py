"""The fixed words of a letter, in French and English: greetings, closings, the offline
engine's sentence frames, the date line and the subject.

Each frame names its slots (``{role}``, ``{company}``…); a frame is used only when every slot
has a value (``core/offline.py``), so no sentence has a hole. The frames claim nothing about
the candidate: what they say comes from the slots, and the slots from the CV or the offer.
French frames are written without gendered adjectives ("ravi", "fort de"): the CV does not say
which form the author uses.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Final

from jobs.letters.core.prose_case import prose_name, prose_title

LANGUAGES: Final = ("fr", "en")
LANGUAGE_NAMES: Final = {"fr": "French", "en": "English"}

WORDING: Final[dict[str, dict[str, str]]] = {
    "en": {
        "greeting.formal": "Dear Hiring Manager,",
        "greeting.warm": "Dear {company} team,",
        "greeting.warm_plain": "Hello,",
        "closing.formal": "Yours sincerely,",
        "closing.warm": "Kind regards,",
        "recipient": "Hiring team",
        "subject.role": "Application for the {role} position",
        "subject.plain": "Application",
        "intro.role_company": "I am writing to apply for the {role} position at {company}.",
        "intro.role": "I am writing to apply for the {role} position.",
        "intro.company": "I am writing to apply for a position at {company}.",
        "intro.plain": "I am writing to submit my application.",
        "current.formal": "With my experience as {title}, I would like to contribute to your team.",
        "current.warm": "With my experience as {title}, I would be glad to bring my work to your "
        "team.",
        "exp.first": "As {title} at {company}, my achievements include: {achievements}.",
        "exp.first_title": "As {title}, my achievements include: {achievements}.",
        "exp.first_company": "At {company}, my achievements include: {achievements}.",
        "exp.next": "As {title} at {company}, my achievements also include: {achievements}.",
        "exp.next_title": "As {title}, my achievements also include: {achievements}.",
        "exp.next_company": "At {company}, my achievements also include: {achievements}.",
        "project": "In the {name} project, my achievements include: {achievements}.",
        "skills": "My skills in {skills} match the requirements of the position.",
        "end.formal": "I would welcome the opportunity to discuss my application with you in an "
        "interview. Thank you for your time and consideration.",
        "end.warm": "I would be glad to talk with you about this role and what I could bring to "
        "your team. Thank you for reading my application.",
        "and": "and",
        "list_sep": "; ",
    },
    "fr": {
        "greeting.formal": "Madame, Monsieur,",
        "greeting.warm": "Bonjour,",
        "greeting.warm_plain": "Bonjour,",
        "closing.formal": "Je vous prie d'agréer, Madame, Monsieur, l'expression de mes "
        "salutations distinguées.",
        "closing.warm": "Bien cordialement,",
        "recipient": "Service recrutement",
        "subject.role": "Objet : candidature au poste de {role}",
        "subject.plain": "Objet : candidature",
        "intro.role_company": "Je vous adresse ma candidature au poste de {role} chez {company}.",
        "intro.role": "Je vous adresse ma candidature au poste de {role}.",
        "intro.company": "Je vous adresse ma candidature pour rejoindre {company}.",
        "intro.plain": "Je vous adresse ma candidature.",
        "current.formal": "Avec mon expérience de {title}, je souhaite mettre mes compétences au "
        "service de votre équipe.",
        "current.warm": "Avec mon expérience de {title}, j'aurais plaisir à mettre mes "
        "compétences au service de votre équipe.",
        "exp.first": "En tant que {title} chez {company}, mes réalisations comprennent "
        "notamment : {achievements}.",
        "exp.first_title": "En tant que {title}, mes réalisations comprennent notamment : "
        "{achievements}.",
        "exp.first_company": "Chez {company}, mes réalisations comprennent notamment : "
        "{achievements}.",
        "exp.next": "Par ailleurs, en tant que {title} chez {company}, mes réalisations "
        "comprennent : {achievements}.",
        "exp.next_title": "Par ailleurs, en tant que {title}, mes réalisations comprennent : "
        "{achievements}.",
        "exp.next_company": "Par ailleurs, chez {company}, mes réalisations comprennent : "
        "{achievements}.",
        "project": "Dans le projet {name}, mes réalisations comprennent : {achievements}.",
        "skills": "Mes compétences en {skills} répondent aux exigences du poste.",
        "end.formal": "Je me tiens à votre disposition pour un entretien afin de vous présenter "
        "ma candidature plus en détail. Je vous remercie de l'attention que vous porterez à ma "
        "demande.",
        "end.warm": "J'aurais plaisir à échanger avec vous sur ce poste et sur ce que je pourrais "
        "apporter à votre équipe. Merci de l'attention portée à ma candidature.",
        "and": "et",
        "list_sep": " ; ",
    },
}

MONTHS: Final = {
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
}

# Words every letter may use whatever the CV says (greetings, closings, the frames above, and
# the usual salutations a model writes): the fact guard allows them (``core/guard.py``).
SALUTATIONS: Final = (
    "Dear Sir or Madam Hiring Manager Recruiter Recruitment Team Human Resources HR "
    "Sincerely Best Kind Warm Regards Yours faithfully Respectfully Thank you "
    "Madame Monsieur Mesdames Messieurs Cher Chère Bonjour Cordialement Bien cordialement "
    "Sincères salutations Salutations distinguées Veuillez agréer Je vous prie"
)


# French drops the vowel of "de" and "que" before a vowel: "au poste d'acheteur", "en tant
# qu'ingénieur". Only before a slot: the frames' own words are written elided already.
ELIDING = re.compile(r"\b(d|qu)e \{(\w+)\}")
VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüÿæœAEIOUYÀÂÄÉÈÊËÎÏÔÖÙÛÜŸÆŒ")


def elide(frame: str, slots: dict[str, str]) -> str:
    def join(match: re.Match[str]) -> str:
        value = slots.get(match.group(2), "")
        if value[:1] in VOWELS:
            return f"{match.group(1)}'{{{match.group(2)}}}"
        return match.group(0)

    return ELIDING.sub(join, frame)


TITLE_SLOTS = ("role", "title")
NAME_SLOTS = ("company", "name")


def prose_slots(
    language: str,
    slots: dict[str, str],
    titles: tuple[str, ...] = TITLE_SLOTS,
    names: tuple[str, ...] = NAME_SLOTS,
) -> dict[str, str]:
    """Titles and names as a sentence writes them (``core/prose_case.py``); ``titles`` and
    ``names`` are the frames' slots of each kind (the pitches' frames name more of them)."""
    shown = dict(slots)
    for slot in titles:
        if shown.get(slot):
            shown[slot] = prose_title(shown[slot], language) or shown[slot]
    for slot in names:
        if shown.get(slot):
            shown[slot] = prose_name(shown[slot])
    return shown


def text(language: str, key: str, **slots: str) -> str:
    return filled(WORDING, language, key, prose_slots(language, slots))


def filled(
    wording: Mapping[str, Mapping[str, str]], language: str, key: str, slots: dict[str, str]
) -> str:
    """The frame ``key`` of ``wording`` in ``language`` with its slots filled (French elided
    before a vowel): the letters' and the pitches' fixed sentences alike."""
    frame = wording[language][key]
    if language == "fr":
        frame = elide(frame, slots)
    return frame.format(**slots)


def fixed_words(wording: Mapping[str, Mapping[str, str]], *more: str) -> str:
    """Every fixed word of ``wording``'s frames (and ``more``), for the guard's allowed text."""
    frames = [v for table in wording.values() for v in table.values()]
    return re.sub(r"\{\w+\}", " ", " ".join([*frames, *more]))


def vocabulary_text() -> str:
    """Every fixed word of the letters, for the guard's allowed text."""
    return fixed_words(WORDING, SALUTATIONS)


def date_line(language: str, today: datetime.date, city: str = "") -> str:
    """ "Lyon, le 3 mars 2026" / "Lyon, 3 March 2026" (without the city when there is none)."""
    month = MONTHS[language][today.month - 1]
    if language == "fr":
        day = "1er" if today.day == 1 else str(today.day)
        dated = f"le {day} {month} {today.year}"
        return f"{city}, {dated}" if city else dated[0].upper() + dated[1:]
    dated = f"{today.day} {month} {today.year}"
    return f"{city}, {dated}" if city else dated


def join_list(items: list[str], language: str) -> str:
    """ "A, B and C" / "A, B et C"."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {WORDING[language]['and']} {items[-1]}"
