"""Import misreads planted in the pair fuzzer's CVs (bench/tailor_fuzz.py): the one declaration
of the defect families, read by ``make bench-tailor-fuzz`` and by its quick unit test
(tests/unit/test_tailor_fuzz_misreads.py).

Each family plants one misread an import makes into the *source* CV of a clean pair
(``bench.tailor_fuzz.generate``): a place, the candidate's name or a section word read as the
headline; a street address, contact or personal data read as the profile; an e-mail, a web
address, an address, an age or "References upon request" read as a skill. The source holds the
misread, so no repair can put it right from the source: the contract of a sendable CV
(``jobs/pipeline/core/sendable_reader.py``) must flag it, and the "Before you send it" card
(``app/domain/renders/view.py``) must not say that every check passed. A family is *caught* on
a pair when the final CV's contract finds its code open (the card lists it), or — for the one
misread the generation repairs from the source's other sentences, the profile — when the
generation recorded the repair and the value is gone from the final CV (the card lists it as
put right). Anything else is a *miss*.

``LOOKALIKES`` plants the opposite: headlines, profiles and skills that only look like a
misread ("ISO 27001 Lead Auditor", "15 ans d'expérience", "C++", "AT&T"); those pairs must
stay clean (a finding there is a false alarm).

Values are templates: ``{name}``, ``{first}``, ``{surname}``, ``{SURNAME}`` (the candidate's),
``{town}`` (the contact's town), ``{place}`` (a place one of the CV's jobs names), ``{email}``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from app.lib.cv_content import CvContent, Skill
from app.lib.sendable_codes import SendableCode

HEADLINE, PROFILE, SKILLS = "headline", "profile", "skills"


@dataclass(frozen=True)
class Misread:
    """One family of planted misreads: where it goes, the contract's code that must flag it
    ("" for a lookalike: nothing may), and its values per CV language."""

    family: str
    where: str  # HEADLINE, PROFILE or SKILLS
    code: str
    values: dict[str, tuple[str, ...]]

    def pick(self, rng: random.Random, language: str) -> str:
        return rng.choice(self.values.get(language) or self.values["en"])


def _both(*values: str) -> dict[str, tuple[str, ...]]:
    return {"en": values, "fr": values}


FAMILIES: tuple[Misread, ...] = (
    Misread(
        "headline_place",
        HEADLINE,
        SendableCode.HEADLINE_NOT_A_TITLE,
        _both(
            "{town}", "{place}", "Springfield, IL", "Austin, TX 78701", "Lyon, France",
            "Bruxelles, Belgique", "69003 Lyon", "Paris (75)", "Manchester, United Kingdom",
        ),
    ),
    Misread(
        "headline_name",
        HEADLINE,
        SendableCode.HEADLINE_NOT_A_TITLE,
        _both("{name}", "{surname}", "{SURNAME} {first}", "{surname}, {first}", "{SURNAME}"),
    ),
    Misread(
        "headline_section",
        HEADLINE,
        SendableCode.HEADLINE_NOT_A_TITLE,
        {
            "en": ("Profile", "PROFESSIONAL EXPERIENCE", "Curriculum Vitae", "About me",
                   "Skills:", "Work Experience", "Résumé"),
            "fr": ("Profil", "EXPÉRIENCES PROFESSIONNELLES", "Curriculum Vitae", "Compétences :",
                   "À propos de moi", "Formation", "CV"),
        },
    ),
    Misread(
        "headline_contact",
        HEADLINE,
        SendableCode.HEADLINE_NOT_A_TITLE,
        _both("{email}", "+33 6 12 34 56 78", "www.{slug}.example", "06 12 34 56 78"),
    ),
    Misread(
        "profile_address",
        PROFILE,
        SendableCode.PROFILE_PERSONAL_DATA,
        {
            "en": ("42 Maple Street, Springfield, IL 62704.", "221B Baker Street, London.",
                   "Flat 2, 10 Downing Street, London SW1A 2AA."),
            "fr": ("12 rue des Lilas, 69003 Lyon.", "3 bis avenue Jean Jaurès, 75019 Paris.",
                   "27, boulevard de la Liberté 59000 Lille."),
        },
    ),
    Misread(
        "profile_contact",
        PROFILE,
        SendableCode.PROFILE_PERSONAL_DATA,
        {
            "en": ("{email} · +44 7700 900123.", "Phone: (555) 123-4567.",
                   "Portfolio: https://{slug}.example/work."),
            "fr": ("{email} · 06 12 34 56 78.", "Tél. : +33 6 12 34 56 78.",
                   "Portfolio : https://{slug}.example/travaux."),
        },
    ),
    Misread(
        "profile_personal",
        PROFILE,
        SendableCode.PROFILE_PERSONAL_DATA,
        {
            "en": ("Date of birth: 12 March 1990. Marital status: single. Nationality: British.",
                   "Born on 4 May 1988, married, two children.", "Nationality: Irish."),
            "fr": ("Né le 12/03/1990 à Lyon. Marié, deux enfants. Nationalité française.",
                   "Célibataire, permis B.", "Date de naissance : 04/05/1988.",
                   "Situation familiale : mariée."),
        },
    ),
    Misread(
        "skills_contact",
        SKILLS,
        SendableCode.SKILL_NOT_A_SKILL,
        _both("{email}", "https://{slug}.example", "www.{slug}.example", "+33 6 12 34 56 78"),
    ),
    Misread(
        "skills_address",
        SKILLS,
        SendableCode.SKILL_NOT_A_SKILL,
        _both("12 rue des Lilas", "42 Maple Street", "69003 Lyon", "Springfield, IL 62704",
              "3 bis avenue Jean Jaurès"),
    ),
    Misread(
        "skills_personal",
        SKILLS,
        SendableCode.SKILL_NOT_A_SKILL,
        {
            "en": ("33 years old", "References upon request", "References available on request",
                   "Married", "Date of birth: 12/03/1990", "Age: 33"),
            "fr": ("33 ans", "Références sur demande", "Né le 12/03/1990", "Célibataire",
                   "Nationalité française", "Âge : 33 ans"),
        },
    ),
)  # fmt: skip

# What only looks like a misread: must leave the pair clean.
LOOKALIKES: tuple[Misread, ...] = (
    Misread(
        "lookalike_headline",
        HEADLINE,
        "",
        {
            "en": ("ISO 27001 Lead Auditor", "Customer Experience Manager", "Head of Education",
                   "Skills Development Officer", "C++ Developer", "AT&T Network Technician"),
            "fr": ("Auditeur ISO 27001", "Responsable Expérience Client",
                   "Chargée de formation", "Responsable Contact Clients", "Développeur C++",
                   "Technicien réseau 3M"),
        },
    ),
    Misread(
        "lookalike_profile",
        PROFILE,
        "",
        {
            "en": ("Twelve years in operations, 3 sites and 40 people led.",
                   "Based in Lyon, open to travel across France.",
                   "Certified ISO 27001 Lead Auditor since 2019."),
            "fr": ("15 ans d'expérience en gestion de projet, dont 5 en management.",
                   "Basée à Lyon, mobile dans toute la France.",
                   "Certifiée ISO 27001 Lead Auditor depuis 2019."),
        },
    ),
    Misread(
        "lookalike_skills",
        SKILLS,
        "",
        _both("Node.js", "ASP.NET", "C++", "C#", "Microsoft 365", "ISO 27001", "AT&T VoIP",
              "Vue.js", "R&D", "3D Studio Max", "SAP S/4HANA"),
    ),
)  # fmt: skip

FAMILY_NAMES = tuple(f.family for f in (*FAMILIES, *LOOKALIKES))
BY_NAME = {f.family: f for f in (*FAMILIES, *LOOKALIKES)}


def _fields(cv: CvContent) -> dict[str, str]:
    name = cv.header.name.strip()
    first, _, surname = name.partition(" ")
    places = [e.location for e in cv.experience if e.location.strip()]
    town = cv.header.contact.location.split(",")[0].strip() or "Lyon"
    email = cv.header.contact.email or "jo@mail.example"
    return {
        "name": name,
        "first": first,
        "surname": surname or first,
        "SURNAME": (surname or first).upper(),
        "town": town,
        "place": places[-1] if places else town,
        "email": email,
        "slug": email.split("@")[0],
    }


def plant(
    cv: CvContent, misread: Misread, rng: random.Random, language: str
) -> tuple[CvContent, str]:
    """``cv`` with one value of ``misread`` planted where an import would put it, and the
    value."""
    value = misread.pick(rng, language).format(**_fields(cv))
    if misread.where == HEADLINE:
        header = cv.header.model_copy(update={"current_title": value})
        return cv.model_copy(update={"header": header}), value
    if misread.where == PROFILE:
        own = cv.summary.strip()
        if own and rng.random() < 0.5:  # read before or after the candidate's own profile
            summary = f"{value} {own}" if rng.random() < 0.5 else f"{own} {value}"
        else:
            summary = value
        return cv.model_copy(update={"summary": summary}), value
    skills = list(cv.skills)
    skills.insert(rng.randint(0, len(skills)), Skill(name=value))
    return cv.model_copy(update={"skills": skills}), value


def planted_in(cv: CvContent, where: str, value: str) -> bool:
    """Whether ``value`` is still where it was planted in ``cv`` (the final CV)."""
    if where == HEADLINE:
        return cv.header.current_title.strip() == value.strip()
    if where == PROFILE:
        return value.strip().rstrip(".") in cv.summary
    return any(s.name == value for s in cv.skills)
