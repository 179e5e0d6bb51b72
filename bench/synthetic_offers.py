"""Synthetic job ads of the shapes real ones take, with their truth: the offer reader's layout
fuzzer. Nothing here comes from a real ad: names are made of syllables, sentences of templates.

Each ad draws, independently: where the company is named (under the title, "Title at X", "X
recrute", only in the address, nowhere), what surrounds the header (job-board lines, breadcrumbs,
dates, applicant counts), where the requirements sit (a known heading, a heading no table knows,
no heading at all, a numbered list, "*" bullets glued on one line, after the benefits), and an
employer paragraph that speaks of the company's own experience. The truth is what was put in:
the company (or none) and the skills the requirements ask for.

    python -m bench.synthetic_offers 3      # print three ads with their truth
"""

from __future__ import annotations

import random
import sys
from dataclasses import dataclass, field

SYLLABLES = ("vel", "la", "cour", "bri", "ght", "wa", "ter", "nor", "dal", "mi", "ro", "zen",
             "tha", "quar", "lis", "ben", "ova", "kor", "sen", "tre", "mar", "do", "vik", "ula")  # fmt: skip
SUFFIXES = ("", "", " Labs", " Group", " Logistique", " Systems", " & Co", " SAS", " Solutions")
TITLES = {
    "en": ["Data Analyst", "Account Manager", "Quality Engineer", "Warehouse Supervisor",
           "HR Assistant", "Field Service Technician", "Project Coordinator", "Buyer"],
    "fr": ["Chargé de recrutement", "Technicien de maintenance", "Acheteur projet",
           "Assistant chef de projet", "Contrôleur de gestion", "Animateur qualité",
           "Agent d'exploitation", "Conseiller de vente"],
}  # fmt: skip
SKILLS = {
    "en": ["SQL", "Python", "Excel", "SAP", "Salesforce", "negotiation", "project management",
           "Power BI", "Lean", "customer service", "forecasting", "AutoCAD", "Jira", "budgeting",
           "stakeholder management", "data analysis", "ISO 9001", "recruitment"],
    "fr": ["SQL", "Excel", "SAP", "négociation", "gestion de projet", "Power BI", "Lean",
           "relation client", "planification", "AutoCAD", "comptabilité", "contrôle de gestion",
           "ISO 9001", "recrutement", "maintenance préventive", "Pack Office", "autonomie"],
}  # fmt: skip
# Sentence templates that ask for one skill; each keeps the skill as written.
ASK = {
    "en": ["Experience with {s} is required.", "Strong knowledge of {s}.", "You are fluent in {s}.",
           "{s} experience is a must.", "Proficiency in {s}.", "Hands-on {s} skills.",
           "You have worked with {s} before.", "Ability to work with {s}.",
           "Must be able to use {s} daily."],
    "fr": ["Maîtrise de {s} exigée.", "Vous avez une expérience en {s}.",
           "Bonne connaissance de {s}.", "Vous maîtrisez {s}.", "Des compétences en {s} sont "
           "indispensables.", "La pratique de {s} est un plus.", "Savoir utiliser {s}.",
           "Capacité à mettre en œuvre {s} au quotidien."],
}  # fmt: skip
MISSIONS = {
    "en": ["You will run the weekly review with the operations team.",
           "You will report to the head of the department.",
           "You will own the monthly closing of your area."],
    "fr": ["Vous animerez la revue hebdomadaire avec l'équipe.",
           "Vous serez rattaché au responsable du service.",
           "Vous assurerez le suivi mensuel de votre périmètre."],
}  # fmt: skip
EMPLOYER = {
    "en": "Founded in 1987, {c} has 35 years of experience in industrial services and employs "
    "1,200 people across Europe.",
    "fr": "Fondée en 1987, {c} compte 35 ans d'expérience dans les services industriels et "
    "emploie 1 200 personnes en Europe.",
}
BENEFITS = {
    "en": ["Benefits", "- Health insurance", "- 25 days of paid leave", "- Remote two days a week"],
    "fr": ["Avantages", "- Mutuelle", "- 25 jours de congés", "- Télétravail deux jours par semaine"],
}  # fmt: skip
KNOWN_HEADING = {"en": "Requirements", "fr": "Profil recherché"}
# Headings in sentence case that no table lists, standing alone between blank lines.
SENTENCE_CASE_HEADING = {"en": ["Skills we look for", "The experience you need"],
                         "fr": ["Les compétences attendues", "Votre expérience"]}  # fmt: skip
# French missions as infinitive clauses whose object is the skill ("Assurer la planification").
TASK = ["Assurer la {s} du site", "Réaliser la {s} des équipements", "Piloter le {s} au quotidien"]
TASK_SKILLS = ["planification", "maintenance préventive", "contrôle de gestion", "comptabilité",
               "relation client", "recrutement"]  # fmt: skip
UNKNOWN_HEADING = {"en": ["What you bring", "Your toolbox", "About you"],
                   "fr": ["Votre bagage", "Ce que vous apportez", "Vos atouts"]}  # fmt: skip
MISSION_HEADING = {"en": "Your missions", "fr": "Vos missions"}
BOARD_LINES = ["Posted 3 days ago", "Full-time", "48 applicants", "Home > Jobs > Operations",
               "Apply now", "Save this job"]  # fmt: skip
PLACES = {"en": ["London", "Manchester", "Austin, TX"], "fr": ["Lyon (69)", "Nantes", "Lille"]}
COMPANY_SHAPES = ("under_title", "at_title", "recruits", "url_only", "none")
REQUIREMENT_SHAPES = ("known_heading", "unknown_heading", "no_heading", "numbered", "glued",
                      "sentence_case", "flattened", "tasks")  # fmt: skip
# "flattened": the ad's body pasted as one line (its headings inline with a colon, its lists
# marked by recurring " - ", " * " or Word's " o "); "tasks": a French ad naming what it needs
# only in its infinitive missions.
FLAT_MARKERS = ("-", "*", "o")


HEADINGS = frozenset([*KNOWN_HEADING.values(), *MISSION_HEADING.values(),
                      *(b[0] for b in BENEFITS.values())])  # fmt: skip


@dataclass
class SyntheticAd:
    text: str
    url: str | None
    language: str
    title: str
    company: str  # "" when the ad names none
    skills: list[str]
    shapes: dict[str, str] = field(default_factory=dict)


def _name(rng: random.Random) -> str:
    word = "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))
    return word.capitalize() + rng.choice(SUFFIXES)


def _requirements(rng: random.Random, language: str, skills: list[str], shape: str) -> list[str]:
    asks = [rng.choice(ASK[language]).format(s=skill) for skill in skills]
    asks = [a[0].upper() + a[1:] for a in asks]
    if shape == "known_heading":
        return ["", KNOWN_HEADING[language], *[f"- {a}" for a in asks]]
    if shape == "flattened":  # cut into one line by ``_flattened``
        return ["", KNOWN_HEADING[language], *[f"- {a}" for a in asks]]
    if shape == "unknown_heading":
        return ["", rng.choice(UNKNOWN_HEADING[language]), *[f"• {a}" for a in asks]]
    if shape == "numbered":
        return ["", KNOWN_HEADING[language], *[f"{n}) {a}" for n, a in enumerate(asks, 1)]]
    if shape == "glued":
        return ["", " * ".join(asks)]
    if shape == "sentence_case":
        return ["", rng.choice(SENTENCE_CASE_HEADING[language]), "", *[f"- {a}" for a in asks]]
    return ["", " ".join(asks)]  # prose, no heading


def _flattened(rng: random.Random, body: list[str]) -> list[str]:
    """The body as one line: a heading gets a colon, every item the same recurring marker."""
    marker = rng.choice(FLAT_MARKERS)
    parts: list[str] = []
    for line in body:
        if line.startswith("- "):
            parts.append(f"{marker} {line[2:]}")
        elif line:
            parts.append(f"{line} :" if line in HEADINGS else line)
    return ["", " ".join(parts)]


def synthetic_ad(seed: int) -> SyntheticAd:
    rng = random.Random(seed)
    language = rng.choice(("en", "fr"))
    title = rng.choice(TITLES[language])
    company = _name(rng)
    company_shape = rng.choice(COMPANY_SHAPES)
    requirement_shape = rng.choice(REQUIREMENT_SHAPES)
    if requirement_shape == "tasks":
        language = "fr"
        title = rng.choice(TITLES[language])
    skills = rng.sample(SKILLS[language], rng.randint(3, 5))
    place = rng.choice(PLACES[language])
    board = rng.random() < 0.5
    lines: list[str] = []
    if board:
        lines += rng.sample(BOARD_LINES[3:], 1)
    lines.append(f"{title} at {company}" if company_shape == "at_title" else title)
    if company_shape == "under_title":
        lines.append(company)
    lines.append(place)
    if board:
        lines += rng.sample(BOARD_LINES[:3], 2)
    named = company_shape in ("under_title", "at_title", "recruits")
    lines.append("")
    if company_shape == "recruits":
        verb = "recrute un" if language == "fr" else "is hiring a"
        lines.append(f"{company} {verb} {title} {'à' if language == 'fr' else 'in'} {place}.")
    if named:
        lines.append(EMPLOYER[language].format(c=company))
    missions = MISSIONS[language]
    if requirement_shape == "tasks":
        skills = rng.sample(TASK_SKILLS, 3)
        missions = [task.format(s=skill) for task, skill in zip(TASK, skills, strict=True)]
    body = ["", MISSION_HEADING[language], *[f"- {m}" for m in missions]]
    benefits_first = rng.random() < 0.3
    if benefits_first:
        body += ["", *BENEFITS[language]]
    if requirement_shape == "tasks":  # a profile that names no skill
        body += ["", KNOWN_HEADING[language], "- Vous avez une première expérience réussie."]
    else:
        body += _requirements(rng, language, skills, requirement_shape)
    if not benefits_first:
        body += ["", *BENEFITS[language]]
    lines += _flattened(rng, body) if requirement_shape == "flattened" else body
    url = None
    if company_shape == "url_only":
        url = f"https://jobs.lever.co/{company.split()[0].lower()}/4f2a9c"
    elif board:
        url = "https://www.indeed.com/viewjob?jk=4f2a9c"
    return SyntheticAd(
        text="\n".join(lines) + "\n",
        url=url,
        language=language,
        title=title,
        company=company if named else company.split()[0] if company_shape == "url_only" else "",
        skills=skills,
        shapes={"company": company_shape, "requirements": requirement_shape},
    )


def synthetic_ads(count: int, start: int = 0) -> list[SyntheticAd]:
    return [synthetic_ad(seed) for seed in range(start, start + count)]


if __name__ == "__main__":
    for ad in synthetic_ads(int(sys.argv[1]) if len(sys.argv) > 1 else 3):
        print(ad.text, ad.url, ad.company or "(no company)", ad.skills, ad.shapes, "\n---")
