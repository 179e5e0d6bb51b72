"""Section headings of job offers, in French and English (matched by
``app.lib.parsing.sections.headings.match_heading(line, offer=True)``).

Job boards and employers word their headings freely ("The Qualifications We Need You to Possess",
"EN NOUS REJOIGNANT, VOUS SEREZ EN CHARGE DE :"), so besides the exact table below,
``HEADING_WORDS`` gives the words that tell a heading's section when the exact form is unknown
(used by ``app/lib/parsing/offers/offer_sections.py``).
"""

from __future__ import annotations

OFFER_HEADINGS: dict[str, tuple[str, ...]] = {
    "requirements": (
        "profil recherche", "profil", "votre profil", "le profil", "qualifications",
        "requirements", "required skills", "what we're looking for", "what we are looking for",
        "what you bring", "who you are", "about you", "must have", "must-have",
        "nice to have", "bonus", "competences requises", "exigences", "prerequis",
        "your profile", "you have", "ce que nous recherchons", "vous etes", "vous avez",
        "profile", "skills and experience", "experience and skills", "competences",
        "skills", "preferred qualifications", "minimum qualifications", "atouts",
        "le candidat ideal", "the ideal candidate", "education", "experience", "formation",
        "qualifications requises", "savoir-faire", "savoir-etre", "qualites",
        "basic qualifications", "desired skills", "technical skills", "soft skills",
        "your background", "your skills", "vos competences", "votre experience",
    ),
    "responsibilities": (
        "missions", "vos missions", "la mission", "mission", "responsabilites",
        "responsibilities", "what you'll do", "what you will do", "your role", "the role",
        "role", "le poste", "descriptif du poste", "description du poste", "job description",
        "your missions", "vos responsabilites", "tasks", "day to day", "au quotidien",
        "key responsibilities", "vos taches", "le role", "your responsibilities",
        "about the role", "about the job", "about the position", "the position",
        "description", "descriptif", "job summary", "position summary", "votre role",
        "missions principales", "activites principales", "what you'll be doing",
    ),
    "company": (
        "l'entreprise", "entreprise", "qui sommes-nous", "qui sommes nous", "about us",
        "about the company", "la societe", "company", "who we are", "notre entreprise",
        "a propos", "about", "le contexte", "contexte", "company description",
        "description de l'entreprise", "company overview", "our company", "our story",
        "our culture", "notre culture", "nos valeurs", "our values", "presentation",
    ),
    "benefits": (
        "avantages", "benefits", "perks", "ce que nous offrons", "ce que nous proposons",
        "what we offer", "pourquoi nous rejoindre", "why join us", "package",
        "remuneration", "salaire", "salary", "nos avantages", "compensation",
        "additional information", "informations complementaires", "infos complementaires",
        "conditions", "pay range", "pay transparency", "pourquoi nous choisir",
    ),
    "process": (
        "processus de recrutement", "hiring process", "recruitment process",
        "interview process", "deroulement des entretiens", "etapes",
        "equal opportunity", "equal employment opportunity", "eeo statement",
    ),
}  # fmt: skip

# Words that, in a heading the table does not know, name its section (folded, matched as whole
# words or word starts). Checked in this order: "benefits of working at X" is about benefits
# even though it names the company.
HEADING_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("process", (
        "equal", "eeo", "diversit", "recrutement en", "privacy", "handicap", "hiring process",
        "interview", "entretien", "processus de recrutement", "how to apply", "postuler",
    )),
    ("benefits", (
        "benefit", "avantage", "perks", "we offer", "offrons", "proposons", "offre",
        "pourquoi", "why join", "why you", "salaire", "salary", "pay", "remunerat",
        "compensation", "rejoindre l'aventure", "additional information", "you'll get", "you get",
        "we provide", "in return", "en retour", "package",
    )),
    ("requirements", (
        "qualification", "requirement", "require", "profil", "looking for", "you have",
        "you bring", "should apply", "ideal candidate", "candidat", "recherchons",
        "competence", "skills", "prerequis", "pre-requis", "must", "nice to have", "a fit",
        "perfect fit", "great fit", "good fit", "fit if", "right fit",
        "nice-to-have",
        "bonus", "background", "experience", "savoir", "qualites", "atouts", "exigences",
        "need", "you are", "vous etes", "attend", "preferred", "preference", "ideally", "bring",
        "apporterez",
    )),
    ("responsibilities", (
        "responsibilit", "mission", "day-to-day", "day to day", "you will", "you'll",
        "in this role", "the role", "taches", "en charge", "your role", "votre role",
        "activites", "what you", "poste", "job description", "quotidien", "ferez", "will do",
    )),
    ("company", (
        "about", "propos", "qui sommes", "who we are", "company", "entreprise", "societe",
        "culture", "valeurs", "values", "overview", "groupe", "our story",
    )),
)  # fmt: skip
