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

from app.lib.camel_fields import camel_fields

RequirementKind = Literal["must", "nice"]
# The ledger's word for each requirement: the CV says it (a quote in the offer's terms), shows
# part of it (only implied, or some of its terms), or nothing in it shows it.
Status = Literal["supported", "partial", "missing"]
RequirementSource = Literal["skill", "requirement", "responsibility", "language"]
Strength = Literal["direct", "inferred"]

MUST_WEIGHT = 2.0
NICE_WEIGHT = 1.0
# What each status counts for in a coverage: the score is read off the ledger, nothing else.
CREDIT: dict[str, float] = {"supported": 1.0, "partial": 0.5, "missing": 0.0}

# Codes of pros, cons and gap closers (the UI translates them; params named in comments).
PRO_COVERED = "covered"  # {requirement, quote}
# {requirement, quote, title}: shown by an achievement of the user's bank (not yet in the CV)
PRO_BANK = "from_bank"
CON_MISSING = "missing"  # {requirement}
CON_IMPLIED_ONLY = (
    "implied_only"  # {requirement, quote}: supported, but not said in the offer's words
)
# {requirement, quote}: the CV holds some of the ad's words for it, not enough to say it
CON_PARTIAL = "partial"
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
    # The ad's own distinctive words (folded), for a requirement that names nothing the
    # vocabulary knows: it is looked for by those words (evidence.py), not dropped.
    terms: tuple[str, ...] = ()
    # False for a skill the offer's fields list but its ad never writes, in any of its forms:
    # tailoring weighs it, the ledger (which quotes the ad) leaves it out.
    in_ad: bool = True

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

    def place(self) -> dict[str, Any]:
        """Where the quote stands: section, item id, bullet index and the item's label."""
        return camel_fields(self, "section", "item_id", "index", "label")

    def as_json(self) -> dict[str, Any]:
        quoted = camel_fields(self, "quote", "section", "item_id", "index")
        return {**quoted, "where": self.label, "strength": self.strength}


@dataclass(frozen=True, slots=True)
class RequirementMatch:
    """One line of the ledger. ``status`` is "missing" exactly when there is no evidence."""

    requirement: Requirement
    evidence: list[Evidence] = field(default_factory=list)  # best first
    status: Status = "missing"
    # Whether tailoring could make the line supported: the source shows enough of what it asks
    # (an implied concept is named in the offer's words); a line that shows one of two things
    # asked together stays partial whatever the wording (evidence.py ``needed_to_support``).
    reachable: bool = True

    def __post_init__(self) -> None:
        if not self.evidence and self.status != "missing":
            object.__setattr__(self, "status", "missing")
        elif self.evidence and self.status == "missing":
            object.__setattr__(self, "status", "supported" if self.direct else "partial")

    @property
    def covered(self) -> bool:
        return bool(self.evidence)

    @property
    def credit(self) -> float:
        return CREDIT[self.status]

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
            "status": self.status,
            "quote": self.evidence[0].quote if self.evidence else None,
            "where": self.evidence[0].place() if self.evidence else None,
        }


def coverage(matches: list[RequirementMatch]) -> float:
    """The score of a ledger (0..1): supported counts whole, partial half, missing nothing;
    a must-have weighs twice a nice-to-have."""
    total = sum(m.requirement.weight for m in matches)
    if not total:
        return 0.0
    return sum(m.requirement.weight * m.credit for m in matches) / total


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
        """0–100, read off the ledger shown (``coverage``): the tailored CV's when there is
        one (then equal to ``after``), else the source's with the user's own statements from
        the bank (equal to ``before`` when the bank adds nothing)."""
        return round(100 * coverage(self.requirements))

    def counts(self) -> dict[str, int]:
        out = {"supported": 0, "partial": 0, "missing": 0}
        for m in self.requirements:
            out[m.status] += 1
        return out

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
            "ledger": self.counts(),
        }
