"""Concepts found in a text: named skills, and job terms in English or French.

A concept is found when one of its forms is (see ``vocabulary_data.py`` for the tables): every
content word of the form within ``WINDOW`` words of the others, in any order, compared by stems
(``terms.py``). Known tool names go through the offer parser's own skill finder
(``app/lib/parsing/skills_vocab.py``), which knows that "Go" or "Tableau" need context.
Implications (PostgreSQL → SQL) are followed to give what a text supports without saying it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from app.lib.matching.terms import content_words, stems, words
from app.lib.parsing.skills_vocab import TECH, find_skills
from app.lib.parsing.skills_vocab import _names as skill_names
from app.lib.parsing.text import fold

WINDOW = 6  # a form's words must all fall within this many consecutive words
SKILL_PREFIX = "skill:"


@dataclass(frozen=True, slots=True)
class Form:
    concept: str
    text: str
    words: tuple[frozenset[str], ...]  # stems of each content word


class Vocabulary:
    def __init__(
        self, concepts: Mapping[str, Iterable[str]], implies: Mapping[str, Iterable[str]]
    ) -> None:
        self.labels: dict[str, list[str]] = {}
        self._skill_concept: dict[str, str] = {}
        self._forms_by_stem: dict[str, list[Form]] = {}
        skills = {fold(name): name for name in skill_names()}
        for concept, forms in concepts.items():
            for form in forms:
                self.labels.setdefault(concept, []).append(form)
                if fold(form) in skills:  # the skill finder finds it, with its context rules
                    self._skill_concept[fold(form)] = concept
                    continue
                self._add_form(concept, form)
        for folded, name in skills.items():
            concept = self._skill_concept.setdefault(folded, SKILL_PREFIX + folded)
            self.labels.setdefault(concept, []).append(name)
        known = set(concepts)
        self._implies = {
            self._resolve(k, known): tuple(self._resolve(t, known) for t in targets)
            for k, targets in implies.items()
        }

    def _resolve(self, name: str, known: set[str]) -> str:
        """An implication may name a concept id or a tool as the skill finder knows it."""
        return name if name in known else self.concept_of_skill(name)

    def _add_form(self, concept: str, text: str) -> None:
        parts = tuple(stems(w) for w in content_words(text))
        if not parts:
            return
        form = Form(concept, text, parts)
        for stem in parts[0]:
            self._forms_by_stem.setdefault(stem, []).append(form)

    def concept_of_skill(self, name: str) -> str:
        folded = fold(name)
        return self._skill_concept.get(folded, SKILL_PREFIX + folded)

    def concepts_in(self, text: str) -> frozenset[str]:
        """Concepts the text names (directly, in either language)."""
        found = {self.concept_of_skill(name) for name in find_skills(text)}
        tokens = words(text)
        positions: dict[str, list[int]] = {}
        for index, token in enumerate(tokens):
            for stem in stems(token):
                positions.setdefault(stem, []).append(index)
        for stem in list(positions):
            for form in self._forms_by_stem.get(stem, ()):
                if form.concept not in found and _within_window(form, positions):
                    found.add(form.concept)
        return frozenset(found)

    def implied(self, concepts: Iterable[str]) -> frozenset[str]:
        """Broader concepts the given ones support (transitively), not counting themselves."""
        start = set(concepts)
        seen: set[str] = set()
        todo = [t for c in start for t in self._implies.get(c, ())]
        while todo:
            concept = todo.pop()
            if concept in seen:
                continue
            seen.add(concept)
            todo.extend(self._implies.get(concept, ()))
        return frozenset(seen - start)

    def label(self, concept: str) -> str:
        forms = self.labels.get(concept)
        return forms[0] if forms else concept.removeprefix(SKILL_PREFIX)

    def is_tool(self, concept: str) -> bool:
        """A technical tool's name: written the same in every language."""
        return any(fold(label) in _tool_names() for label in self.labels.get(concept, ()))


@lru_cache(maxsize=1)
def _tool_names() -> frozenset[str]:
    return frozenset(fold(n.strip()) for n in TECH.replace("\n", "").split("|") if n.strip())


def _positions_of(stem_set: frozenset[str], positions: dict[str, list[int]]) -> list[int]:
    out: set[int] = set()
    for stem in stem_set:
        out.update(positions.get(stem, ()))
    return sorted(out)


def _within_window(form: Form, positions: dict[str, list[int]]) -> bool:
    lists = [_positions_of(part, positions) for part in form.words]
    if any(not p for p in lists):
        return False
    if len(lists) == 1:
        return True
    for anchor in lists[0]:
        chosen = [anchor]
        for other in lists[1:]:
            near = [p for p in other if abs(p - anchor) < WINDOW and p not in chosen]
            if not near:
                break
            chosen.append(min(near, key=lambda p: abs(p - anchor)))
        else:
            if max(chosen) - min(chosen) < WINDOW:
                return True
    return False


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    from app.lib.matching.vocabulary_data import CONCEPTS, IMPLIES

    return Vocabulary(CONCEPTS, IMPLIES)
