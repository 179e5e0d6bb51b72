"""One source item's text as the claim checks read it (``item_claims.py``, ``guards.py``): its
naming fields apart from what it says was done, its stems, n-grams and language, computed once.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from app.lib.cv_content import Education, Experience, ExtraItem, Project
from app.lib.matching.terms import stem_set, stem_share, stems
from app.lib.matching.vocabulary import Vocabulary
from app.lib.text_forms import squash
from jobs.pipeline.core.offer_copy import Gram, grams
from jobs.pipeline.core.text import guess_language


def item_header(item: Experience | Project | Education | ExtraItem) -> str:
    """The fields that name an item (title, employer, place, dates), not what was done there."""
    if isinstance(item, Experience):
        parts = [item.title, item.company, item.location]
    elif isinstance(item, Project):
        parts = [item.name, item.role, item.url]
    elif isinstance(item, Education):
        parts = [item.institution, item.degree, item.field, item.location]
    else:
        parts = [item.name, item.issuer, item.date or ""]
    dates = [getattr(item, "start", None) or "", getattr(item, "end", None) or ""]
    return "\n".join(p for p in [*parts, *dates] if p)


def item_text(item: Experience | Project | Education | ExtraItem) -> str:
    """Every field of one source item, one per line (dates included: "since 2021")."""
    if isinstance(item, Experience):
        parts = [item.title, item.company, item.location, item.description]
    elif isinstance(item, Project):
        parts = [item.name, item.role, item.url, item.description]
    elif isinstance(item, Education):
        parts = [item.institution, item.degree, item.field, item.location, item.description]
    else:
        parts = [item.name, item.issuer, item.date or "", item.description]
    dates = [getattr(item, "start", None) or "", getattr(item, "end", None) or ""]
    bullets = getattr(item, "bullets", [])
    skills = getattr(item, "skills", [])
    # An experience's achievements from the bank are its own source text, and no other item's.
    evidence = item.evidence_text() if isinstance(item, Experience) else []
    return "\n".join(p for p in [*parts, *dates, *bullets, *skills, *evidence] if p)


MIN_SAID_WORDS = 4  # a shorter description names a place or a team, not what was done


def says_nothing(item: Experience | Project) -> bool:
    """No bullets, no achievement from the bank and a description too short to say what was
    done."""
    if isinstance(item, Experience) and item.evidence:
        return False
    return not item.bullets and len(item.description.split()) < MIN_SAID_WORDS


@dataclass(frozen=True)
class ItemText:
    """One source item, prepared for the checks; ``header``: its naming fields
    (``item_header``), when the checks should tell them from what the item says was done."""

    text: str
    header: str = ""
    # The source says nothing of what was done there (no bullets, a description of a few
    # words): any sentence a model writes for it is made up (``says_nothing``).
    silent: bool = False

    @cached_property
    def header_stems(self) -> frozenset[str]:
        return stem_set(self.header)

    def activity_words(self, words: list[str]) -> list[str]:
        """The sentence's content words that are not the item's own name, title or place:
        what it says was done ("Participated in recruiting a team" under "Model, Agency X")."""
        return [w for w in words if not stems(w) & self.header_stems]

    @cached_property
    def squashed(self) -> str:
        return squash(self.text)

    @cached_property
    def stems(self) -> frozenset[str]:
        return stem_set(self.text)

    @cached_property
    def grams(self) -> frozenset[Gram]:
        return grams(self.text)

    @cached_property
    def language(self) -> str:
        return guess_language(self.text, "")  # "" when it cannot tell

    def share(self, words: list[str]) -> float:
        """Share of ``words`` (a sentence's content words) the item also uses, by stems."""
        return stem_share(words, self.stems)

    def holds(self, sentence: str) -> bool:
        """The sentence is the author's own wording of this item."""
        return bool(squash(sentence)) and squash(sentence) in self.squashed

    def concepts(self, vocabulary: Vocabulary) -> frozenset[str]:
        named = vocabulary.concepts_in(self.text)
        return named | vocabulary.implied(named)
