"""Skill names and categories a tailored CV may print: the source's, by exact term, never a
string that merely contains one.

A model's skill name is kept only when, once normalised (case, accents, punctuation), it *is* a
source skill (printed with the source's spelling), another name of the same concept in the job
vocabulary ("Postgres" for a listed "PostgreSQL"), or, for a skill the source does not list, a
term a source quote names. ``"Airflow — Nobel Prize"`` contains a listed skill and is none of
these. A category is the source's (for a listed skill, or any category the source uses) or one
of ``CATEGORIES`` in the CV's language; anything else prints the source's category or none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.lib.cv_content import Skill
from app.lib.matching.vocabulary import Vocabulary
from app.lib.text_forms import fold, squash
from jobs.pipeline.core.text import contains_phrase

MAX_TERM_WORDS = 4  # "Continuous integration and delivery": longer is a sentence, not a skill
MAX_TERM_CHARS = 40

# The closed list a model may file an added or regrouped skill under, in the CV's language
# (the same order in both: a category written in one language prints in the other's words).
CATEGORIES: dict[str, tuple[str, ...]] = {
    "en": (
        "Programming languages",
        "Frameworks",
        "Data",
        "Cloud & DevOps",
        "Tools",
        "Methods",
        "Management",
        "Business",
        "Design",
        "Languages",
        "Soft skills",
        "Other",
    ),
    "fr": (
        "Langages de programmation",
        "Frameworks",
        "Données",
        "Cloud et DevOps",
        "Outils",
        "Méthodes",
        "Management",
        "Métier",
        "Design",
        "Langues",
        "Savoir-être",
        "Autres",
    ),
}


def categories_in(language: str) -> tuple[str, ...]:
    return CATEGORIES.get(language, CATEGORIES["en"])


def term_key(text: str) -> str:
    """Case, accents and punctuation out ("Node.js" = "node js", "CI/CD" = "ci cd"); the marks
    that name a language stay ("C++", "C#")."""
    return " ".join(re.sub(r"[^\w+#]+", " ", fold(text)).split())


def is_term(text: str) -> bool:
    """A few words naming one thing, not a sentence or a list."""
    name = text.strip()
    return (
        0 < len(name) <= MAX_TERM_CHARS
        and len(name.split()) <= MAX_TERM_WORDS
        and not re.search(r"[.;:!?,()\[\]{}—–\"|]|\s-\s", name.rstrip("."))
    )


def vocabulary_concept(name: str, vocabulary: Vocabulary) -> str | None:
    """The concept ``name`` is exactly one form of ("Postgres" → PostgreSQL's), else None."""
    concepts = vocabulary.concepts_in(name)
    if len(concepts) != 1:
        return None
    (concept,) = concepts
    key = term_key(name)
    forms = vocabulary.labels.get(concept, [])
    return concept if any(term_key(form) == key for form in forms) else None


def quoted_term(name: str, quote: str, vocabulary: Vocabulary) -> bool:
    """``name`` is a term the quote names: verbatim, or as a vocabulary form of a concept the
    quote names or implies (a quote naming PostgreSQL shows SQL)."""
    if not is_term(name):
        return False
    if contains_phrase(squash(quote), name):
        return True
    concept = vocabulary_concept(name, vocabulary)
    if concept is None:
        return False
    shown = vocabulary.concepts_in(quote)
    return concept in shown | vocabulary.implied(shown)


@dataclass(frozen=True)
class Listed:
    name: str  # the source's spelling
    category: str  # the source's category ("" for a skill only an item lists)


class SkillTerms:
    """The source's skills (its list, then its items' skills), looked up by exact term."""

    def __init__(
        self, skills: Sequence[Skill], item_skills: Sequence[str], vocabulary: Vocabulary
    ) -> None:
        self.vocabulary = vocabulary
        self.by_key: dict[str, Listed] = {}
        for skill in skills:
            self.by_key.setdefault(term_key(skill.name), Listed(skill.name, skill.category))
        for name in item_skills:
            self.by_key.setdefault(term_key(name), Listed(name, ""))
        self.by_key.pop("", None)
        self.by_concept: dict[str, Listed] = {}
        for listed in self.by_key.values():
            concept = vocabulary_concept(listed.name, vocabulary)
            if concept is not None:
                self.by_concept.setdefault(concept, listed)
        self.categories = {term_key(s.category): s.category for s in skills if s.category.strip()}

    def listed(self, name: str) -> Listed | None:
        """The source skill ``name`` is, by its normalised spelling or as another form of the
        same vocabulary concept; None when it is not one."""
        found = self.by_key.get(term_key(name))
        if found is not None:
            return found
        concept = vocabulary_concept(name, self.vocabulary) if is_term(name) else None
        return self.by_concept.get(concept) if concept is not None else None

    def category(self, written: str, listed: Listed | None, language: str) -> str:
        """The model's category when it is one the source uses or one of ``CATEGORIES``
        (printed in the CV's language); else the source skill's own, else none."""
        key = term_key(written)
        if key and key in self.categories:
            return self.categories[key]
        closed = categories_in(language)
        for names in CATEGORIES.values():
            for index, name in enumerate(names):
                if key and term_key(name) == key:
                    return closed[index]
        return listed.category if listed is not None else ""
