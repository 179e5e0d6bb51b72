"""What an offer asks for: its skills, the sentences of its profile and missions, its languages,
each must-have or nice-to-have, each reduced to the concepts the matcher can look for.

A sentence names nothing checkable ("you are curious and committed") → not a requirement: a
match score should not swing on words no CV can be searched for. A sentence whose concepts are
all skills the offer also lists stands aside for those skills (no double counting).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from app.lib.matching.model import Requirement, RequirementKind, RequirementSource
from app.lib.matching.vocabulary import Vocabulary
from app.lib.parsing.fields.languages import language_key
from app.lib.text_forms import fold

if TYPE_CHECKING:
    from app.lib.matching.analysis import OfferText

MAX_REQUIREMENTS = 40
MAX_SKILL_WORDS = 3
LANGUAGE_PREFIX = "language:"
# Said of what is welcome but not required (folded text).
NICE_CUE = re.compile(
    r"nice[ -]to[ -]have|\ba plus\b|an advantage|\bpreferred\b|\bdesirable\b|\bbonus\b"
    r"|\bideally\b|would be great|\boptional\b|is an asset|\bappreciated\b"
    r"|un plus\b|\bapprecie(?:e|s|es)?\b|\bsouhaite(?:e|s|es)?\b|\bsouhaitable\b"
    r"|\bidealement\b|\batouts?\b|de preference|\bserait un\b|\bfacultati"
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?;])\s+|\n+")


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped.split()) <= 6 and (stripped.endswith(":") or stripped.isupper())


def nice_lines(description: str) -> list[str]:
    """Folded lines of the ad that speak of nice-to-haves: a cue in the line, or under a
    nice-to-have heading ("Bonus :", "Atouts", "Nice to have") until the next heading."""
    out: list[str] = []
    in_nice = False
    for line in description.splitlines():
        folded = fold(line).strip()
        if not folded:
            continue
        if _is_heading(line):
            in_nice = bool(NICE_CUE.search(folded))
            continue
        if in_nice or NICE_CUE.search(folded):
            out.append(folded)
    return out


class _Builder:
    def __init__(self, offer: OfferText, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self.nice = nice_lines(offer.description)
        self.out: list[Requirement] = []
        self.seen: set[frozenset[str]] = set()
        self.mentions = [
            s for part in [*offer.requirements, offer.description] for s in _sentences(part)
        ]

    def kind_of(self, text: str) -> RequirementKind:
        folded = fold(text).strip()
        if NICE_CUE.search(folded) or any(folded in line or line in folded for line in self.nice):
            return "nice"
        return "must"

    def skill_kind(self, concepts: frozenset[str]) -> RequirementKind:
        """Must-have unless every sentence that names the skill says it is welcome only."""
        kinds = {
            self.kind_of(s) for s in self.mentions if concepts & self.vocabulary.concepts_in(s)
        }
        return "nice" if kinds == {"nice"} else "must"

    def add(
        self, text: str, kind: RequirementKind, source: RequirementSource, concepts: frozenset[str]
    ) -> None:
        if not concepts or concepts in self.seen or len(self.out) >= MAX_REQUIREMENTS:
            return
        self.seen.add(concepts)
        self.out.append(
            Requirement(
                id=f"r{len(self.out) + 1}",
                text=text.strip(),
                kind=kind,
                source=source,
                concepts=concepts,
            )
        )


def _sentences(text: str) -> list[str]:
    return [s.strip(" -•*\t") for s in _SENTENCE_SPLIT.split(text or "") if s.strip(" -•*\t")]


def _language_name(entry: Any) -> str:
    if isinstance(entry, dict):
        return str(entry.get("name") or entry.get("language") or "")
    return str(entry or "")


def language_concept(name: str) -> str | None:
    key = language_key(name.split()[0]) if name.strip() else None
    return LANGUAGE_PREFIX + key if key else None


def offer_requirements(offer: OfferText, vocabulary: Vocabulary) -> list[Requirement]:
    """Skills first (the offer's own names), then profile sentences, missions, languages."""
    return list(_requirements_cached(_Key(offer), vocabulary))


class _Key:
    """An offer's text as a cache key (OfferText holds lists, so it is not hashable)."""

    def __init__(self, offer: OfferText) -> None:
        self.offer = offer
        self.value = repr(offer)

    def __hash__(self) -> int:
        return hash(self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and other.value == self.value


@lru_cache(maxsize=512)
def _requirements_cached(key: _Key, vocabulary: Vocabulary) -> tuple[Requirement, ...]:
    return tuple(_build_requirements(key.offer, vocabulary))


def _build_requirements(offer: OfferText, vocabulary: Vocabulary) -> list[Requirement]:
    build = _Builder(offer, vocabulary)
    skill_concepts: set[str] = set()
    for skill in _unique(offer.skills):
        concepts = vocabulary.concepts_in(skill)
        # A skill entry names one thing in a few words; anything else is a phrase fragment.
        if len(concepts) == 1 and len(skill.split()) <= MAX_SKILL_WORDS:
            build.add(skill, build.skill_kind(concepts), "skill", concepts)
            skill_concepts |= concepts
    for sentence in _unique(s for r in offer.requirements for s in _sentences(r)):
        concepts = vocabulary.concepts_in(sentence)
        if concepts and not concepts <= skill_concepts:
            build.add(sentence, build.kind_of(sentence), "requirement", concepts - skill_concepts)
    for sentence in _unique(s for r in offer.responsibilities for s in _sentences(r)):
        concepts = vocabulary.concepts_in(sentence)
        if concepts and not concepts <= skill_concepts:
            build.add(sentence, "nice", "responsibility", concepts - skill_concepts)
    for entry in offer.languages:
        name = _language_name(entry)
        concept = language_concept(name)
        if concept:
            build.add(name, build.kind_of(str(entry)), "language", frozenset({concept}))
    return build.out


def _unique(items: Iterable[Any]) -> list[str]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        text = str(item or "").strip()
        if text and fold(text) not in seen:
            seen.add(fold(text))
            out.append(text)
    return out
