"""Concepts found in a text: named skills, and job terms in English or French.

A concept is found when one of its forms is (see ``vocabulary_data.py`` for the tables): every
content word of the form within ``WINDOW`` words of the others, in any order, compared by stems
(``terms.py``). Known tool names go through the offer parser's own skill finder
(``app/lib/parsing/fields/skills_vocab.py``), which knows that "Go" or "Tableau" need context.
Implications (PostgreSQL → SQL) are followed to give what a text supports without saying it.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from app.lib.matching.terms import WORD_RE, content_words, stems, words
from app.lib.parsing.fields.skills_vocab import TECH, find_skills
from app.lib.parsing.fields.skills_vocab import _names as skill_names
from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

WINDOW = 6  # a form's words must all fall within this many consecutive words
SPAN_SLACK = 2  # a span may hold this many words beyond its form's ("gestion de la paie")
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
        self._concepts_cached = lru_cache(maxsize=20_000)(self._concepts_in)
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
        """Concepts the text names (directly, in either language). Cached: a CV's lines are
        read again for every offer it is matched with."""
        return self._concepts_cached(text)

    def _concepts_in(self, text: str) -> frozenset[str]:
        found = {self.concept_of_skill(name) for name in find_skills(text)}
        positions = _positions(text)
        for stem in list(positions):
            for form in self._forms_by_stem.get(stem, ()):
                if form.concept not in found and _within_window(form, positions):
                    found.add(form.concept)
        return frozenset(found)

    def spans_in(self, text: str) -> list[tuple[int, int, str]]:
        """Where the text names a concept by one of its forms (named tools aside: the skill
        finder has their spans): ``(start, end, concept)``, in text order, the longest of
        overlapping spans. A span runs from the form's first word to its last as the text
        has them, and holds at most ``SPAN_SLACK`` other words."""
        tokens = [(m.start(), m.end(), m.group()) for m in WORD_RE.finditer(fold(text))]
        if len(fold(text)) != len(text):  # a character that folds to two: offsets by word
            tokens = [(m.start(), m.end(), fold(m.group())) for m in WORD_RE.finditer(text)]
        positions: dict[str, list[int]] = {}
        for index, (_, _, token) in enumerate(tokens):
            for stem in stems(token):
                positions.setdefault(stem, []).append(index)
        found: list[tuple[int, int, str]] = []
        for stem in list(positions):
            for form in self._forms_by_stem.get(stem, ()):
                placed = _placed(form, positions)
                if placed and max(placed) - min(placed) < len(form.words) + SPAN_SLACK:
                    found.append((tokens[min(placed)][0], tokens[max(placed)][1], form.concept))
        spans: list[tuple[int, int, str]] = []
        for start, end, concept in sorted(found, key=lambda s: (s[0] - s[1], s[0])):
            if all(end <= s or start >= e for s, e, _ in spans):
                spans.append((start, end, concept))
        return sorted(spans)

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

    def label_in(self, concept: str, language: str) -> str | None:
        """A form of the concept fit for a CV in ``language``: the first that is not in the
        other language, French-marked forms first for French (English is the tables' default
        wording); None when every form is in the other language."""
        forms = self.labels.get(concept, [])
        marked = [f for f in forms if form_language(f) == language]
        neutral = [f for f in forms if form_language(f) == ""]
        if language == "fr":  # French CVs use English one-word terms ("Reporting", "Planning")
            loans = [f for f in forms if " " not in f.strip()]
            return next(iter(marked or neutral or loans), None)
        return next((f for f in forms if form_language(f) in ("", language)), None)

    def form_in(self, concept: str, text: str) -> str | None:
        """The concept's form as ``text`` words it (the CV's own word for it), if present."""
        if self.concept_of_skill(text) == concept:
            return text
        named = {fold(n) for n in find_skills(text)}
        positions = _positions(text)
        for form in self.labels.get(concept, []):
            if fold(form) in _skill_names_folded():
                if fold(form) in named:
                    return form
                continue
            parts = tuple(stems(w) for w in content_words(form))
            if parts and _within_window(Form(concept, form, parts), positions):
                return form
        return None

    def is_tool(self, concept: str) -> bool:
        """A technical tool's name: written the same in every language."""
        return any(fold(label) in _tool_names() for label in self.labels.get(concept, ()))


_FRENCH_WORDS = word_set("de des du d la le les l et en au aux pour par sur avec")
_ENGLISH_WORDS = word_set("of and the for with to in on")
# Word endings English job vocabulary hardly has ("vente", "acheteur", "informatique").
_FRENCH_ENDINGS = ("ente", "eur", "eurs", "euse", "aire", "aires", "ique", "iques", "isme", "eux")


def form_language(form: str) -> str:
    """ "fr", "en" or "" (written the same in both) for a vocabulary form: accents and small
    words tell; a bare technical word tells nothing."""
    if re.search(r"[àâçéèêëîïôûùüÿœ]", form.lower()):
        return "fr"
    tokens = re.split(r"[\s']+", form.lower())
    if any(t in _FRENCH_WORDS for t in tokens):
        return "fr"
    if any(t.endswith(_FRENCH_ENDINGS) for t in tokens):
        return "fr"
    if any(t in _ENGLISH_WORDS for t in tokens) or tokens[-1].endswith("ing"):
        return "en"
    return ""


@lru_cache(maxsize=1)
def _tool_names() -> frozenset[str]:
    return frozenset(fold(n.strip()) for n in TECH.replace("\n", "").split("|") if n.strip())


def _positions(text: str) -> dict[str, list[int]]:
    positions: dict[str, list[int]] = {}
    for index, token in enumerate(words(text)):
        for stem in stems(token):
            positions.setdefault(stem, []).append(index)
    return positions


@lru_cache(maxsize=1)
def _skill_names_folded() -> frozenset[str]:
    return frozenset(fold(n) for n in skill_names())


def _positions_of(stem_set: frozenset[str], positions: dict[str, list[int]]) -> list[int]:
    out: set[int] = set()
    for stem in stem_set:
        out.update(positions.get(stem, ()))
    return sorted(out)


def _within_window(form: Form, positions: dict[str, list[int]]) -> bool:
    return _placed(form, positions) is not None


def _placed(form: Form, positions: dict[str, list[int]]) -> list[int] | None:
    """The word positions of one occurrence of the form within ``WINDOW`` words, if any."""
    lists = [_positions_of(part, positions) for part in form.words]
    if any(not p for p in lists):
        return None
    if len(lists) == 1:
        return [lists[0][0]]
    for anchor in lists[0]:
        chosen = [anchor]
        for other in lists[1:]:
            # Only the slice within the window (the lists are sorted): a long text naming a
            # word thousands of times must not compare every pair of its positions.
            window = other[
                bisect_left(other, anchor - WINDOW + 1) : bisect_left(other, anchor + WINDOW)
            ]
            near = [p for p in window if p not in chosen]
            if not near:
                break
            chosen.append(min(near, key=lambda p: abs(p - anchor)))
        else:
            if max(chosen) - min(chosen) < WINDOW:
                return chosen
    return None


@lru_cache(maxsize=1)
def default_vocabulary() -> Vocabulary:
    from app.lib.matching.vocabulary_data import CONCEPTS, IMPLIES

    return Vocabulary(CONCEPTS, IMPLIES)
