"""Section headings of job offers, in French and English (matched by
``app.lib.parsing.headings.match_heading(line, offer=True)``)."""

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
        "le candidat ideal", "the ideal candidate",
    ),
    "responsibilities": (
        "missions", "vos missions", "la mission", "mission", "responsabilites",
        "responsibilities", "what you'll do", "what you will do", "your role", "the role",
        "role", "le poste", "descriptif du poste", "description du poste", "job description",
        "your missions", "vos responsabilites", "tasks", "day to day", "au quotidien",
        "key responsibilities", "vos taches", "le role", "your responsibilities",
    ),
    "company": (
        "l'entreprise", "entreprise", "qui sommes-nous", "qui sommes nous", "about us",
        "about the company", "la societe", "company", "who we are", "notre entreprise",
        "a propos", "about", "le contexte", "contexte",
    ),
    "benefits": (
        "avantages", "benefits", "perks", "ce que nous offrons", "ce que nous proposons",
        "what we offer", "pourquoi nous rejoindre", "why join us", "package",
        "remuneration", "salaire", "salary", "nos avantages",
    ),
    "process": (
        "processus de recrutement", "hiring process", "recruitment process",
        "interview process", "deroulement des entretiens", "etapes",
    ),
}  # fmt: skip
