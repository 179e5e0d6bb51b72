"""What a match analysis says about one (CV, offer) pair — the shapes every reader shares.

A requirement is one thing the offer asks for (a skill, a sentence of its profile, a mission, a
language), must-have or nice-to-have. Evidence is a quote from the CV that supports it, with
where it stands. Three coverages, each a weighted share of the requirements (must-haves weigh
``MUST_WEIGHT``):

* ``ceiling`` — what the source CV can truthfully support: evidence found anywhere in it, in its
  own words, by stem, synonym, FR↔EN translation or a narrower skill that implies the wanted one
  (PostgreSQL → SQL), and in the achievements of the user's bank attached to its experiences
  (``Experience.evidence``). No tailoring can honestly go above it.
* ``before`` — what the source CV's own text already states in the offer's terms (``direct``
  evidence only; its achievements are not in it yet).
* ``after`` — the same reading of the tailored CV, as sent (bullets the page budget cut do not
  count): tailoring raises it by keeping evidence and naming implied skills, never past the
  ceiling.

Pros, cons and the way to close a gap are codes with parameters, rendered in the reader's
language (``app/domain/matching/``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

RequirementKind = Literal["must", "nice"]
RequirementSource = Literal["skill", "requirement", "responsibility", "language"]
Strength = Literal["direct", "inferred"]

MUST_WEIGHT = 2.0
NICE_WEIGHT = 1.0

# Codes of pros, cons and gap closers (the UI translates them; params named in comments).
PRO_COVERED = "covered"  # {requirement, quote}
# {requirement, quote, title}: shown by an achievement of the user's bank (not yet in the CV)
PRO_BANK = "from_bank"
CON_MISSING = "missing"  # {requirement}
CON_IMPLIED_ONLY = (
    "implied_only"  # {requirement, quote}: supported, but not said in the offer's words
)
CLOSE_SKILL = "close_skill"  # {skill}: add it only if you have really used it, and say where
CLOSE_LANGUAGE = "close_language"  # {language}: state your level if you speak it
CLOSE_EXPERIENCE = "close_experience"  # {requirement}: describe a real task that shows it


@dataclass(frozen=True, slots=True)
class Requirement:
    id: str  # "r1", "r2"… in offer order, stable for one offer text
    text: str  # the offer's own words
    kind: RequirementKind
    source: RequirementSource
    concepts: frozenset[str] = frozenset()  # vocabulary concept ids (see vocabulary.py)

    @property
    def weight(self) -> float:
        return MUST_WEIGHT if self.kind == "must" else NICE_WEIGHT


@dataclass(frozen=True, slots=True)
class Evidence:
    quote: str  # the CV's own words
    # summary | experience | projects | education | skills | languages | extras | title, or
    # achievement: an achievement of the user's bank (``label`` is its title)
    section: str
    item_id: str | None = None
    index: int | None = None  # bullet index within the item, when a bullet
    label: str = ""  # "Data Analyst — Acme", "Skills"…
    strength: Strength = "direct"

    @property
    def key(self) -> str | None:
        """The page budget's key for a bullet (``"<item id>:<index>"``), else None."""
        if self.item_id is not None and self.index is not None:
            return f"{self.item_id}:{self.index}"
        return None

    def as_json(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "section": self.section,
            "itemId": self.item_id,
            "index": self.index,
            "where": self.label,
            "strength": self.strength,
        }


@dataclass(frozen=True, slots=True)
class RequirementMatch:
    requirement: Requirement
    evidence: list[Evidence] = field(default_factory=list)  # best first

    @property
    def covered(self) -> bool:
        return bool(self.evidence)

    @property
    def direct(self) -> bool:
        return any(e.strength == "direct" for e in self.evidence)

    def as_json(self) -> dict[str, Any]:
        req = self.requirement
        return {
            "id": req.id,
            "text": req.text,
            "kind": req.kind,
            "source": req.source,
            "covered": self.covered,
            "direct": self.direct,
            "evidence": [e.as_json() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Note:
    """A pro, a con or a way to close a gap: a code and its parameters, never a sentence."""

    code: str
    params: dict[str, str]

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params)}


@dataclass(frozen=True, slots=True)
class Gap:
    requirement: Requirement
    close: Note

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.requirement.id,
            "text": self.requirement.text,
            "kind": self.requirement.kind,
            "close": self.close.as_json(),
        }


@dataclass(frozen=True, slots=True)
class MatchAnalysis:
    before: float  # 0..1
    ceiling: float  # 0..1
    after: float | None  # 0..1, None without a tailored CV
    requirements: list[RequirementMatch]  # the tailored CV's evidence when there is one
    gaps: list[Gap]
    pros: list[Note]
    cons: list[Note]

    @property
    def score(self) -> int:
        """0–100: the tailored CV's coverage when there is one, else the source's."""
        return round(100 * (self.after if self.after is not None else self.before))

    def as_json(self) -> dict[str, Any]:
        return {
            "score": self.score,
            "ceiling": round(self.ceiling, 3),
            "before": round(self.before, 3),
            "after": None if self.after is None else round(self.after, 3),
            "requirements": [r.as_json() for r in self.requirements],
            "gaps": [g.as_json() for g in self.gaps],
            "pros": [p.as_json() for p in self.pros],
            "cons": [c.as_json() for c in self.cons],
        }
