"""analyse(): the match analysis of one (source CV, offer[, tailored CV]) pair. See model.py."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.matching.document_check import document_check, source_words
from app.lib.matching.evidence import BANK_SECTION, Stands, Unit, cv_fields, cv_units, match
from app.lib.matching.model import (
    CLOSE_EXPERIENCE,
    CLOSE_LANGUAGE,
    CLOSE_SKILL,
    CON_IMPLIED_ONLY,
    CON_MISSING,
    CON_PARTIAL,
    CREDIT,
    PRO_BANK,
    PRO_COVERED,
    Evidence,
    Gap,
    MatchAnalysis,
    Note,
    Requirement,
    RequirementMatch,
    coverage,
)
from app.lib.matching.quotes import holds
from app.lib.matching.requirements import offer_requirements
from app.lib.matching.vocabulary import Vocabulary, default_vocabulary

MAX_NOTES = 5


@dataclass(frozen=True, slots=True)
class OfferText:
    """The offer as the matcher reads it (built from a JobOffer row or the pipeline's brief)."""

    title: str = ""
    company: str = ""
    description: str = ""
    requirements: list[str] = field(default_factory=list)
    responsibilities: list[str] = field(default_factory=list)
    skills: list[str] = field(default_factory=list)
    languages: list[Any] = field(default_factory=list)  # strings or {"name", "level"} dicts
    language: str = "en"

    @classmethod
    def of(cls, fields: Any) -> OfferText:
        """From anything with the JobOffer attributes (a row, the pipeline's brief)."""
        return cls(
            title=str(getattr(fields, "title", "") or ""),
            company=str(getattr(fields, "company", "") or ""),
            description=str(getattr(fields, "description", "") or ""),
            requirements=[str(x) for x in getattr(fields, "requirements", None) or []],
            responsibilities=[str(x) for x in getattr(fields, "responsibilities", None) or []],
            skills=[str(x) for x in getattr(fields, "skills", None) or []],
            languages=list(getattr(fields, "languages", None) or []),
            language=str(getattr(fields, "language", "") or "en"),
        )


def _share(matches: list[RequirementMatch], credits: list[float]) -> float:
    """The weighted share of the requirements, each counting for its credit (0..1)."""
    total = sum(m.requirement.weight for m in matches)
    if not total:
        return 0.0
    return sum(m.requirement.weight * c for m, c in zip(matches, credits, strict=True)) / total


def _checked(found: RequirementMatch, cv: CvContent, units: list[Unit]) -> RequirementMatch:
    """The line with only quotes that are in the CV (or, for the user's bank, in the
    achievement): a quote the code cannot find there is not shown, and without one the
    requirement is missing."""
    bank = [p for u in units if u.section == BANK_SECTION for p in u.parts]
    fields = [f for f in cv_fields(cv) if f]
    kept = [
        e for e in found.evidence if holds(bank if e.section == BANK_SECTION else fields, e.quote)
    ]
    if len(kept) == len(found.evidence):
        return found
    return RequirementMatch(
        found.requirement, kept, found.status if kept else "missing", found.reachable
    )


def _ledger(
    requirements: list[Requirement],
    cv: CvContent,
    units: list[Unit],
    vocab: Vocabulary,
    stands: Stands = None,
) -> list[RequirementMatch]:
    return [_checked(match(r, units, vocab, stands), cv, units) for r in requirements]


def _close(req: Requirement) -> Note:
    if req.source == "language":
        return Note(CLOSE_LANGUAGE, {"language": req.text})
    if req.source == "skill":
        return Note(CLOSE_SKILL, {"skill": req.text})
    return Note(CLOSE_EXPERIENCE, {"requirement": req.text})


def _pro(req: Requirement, evidence: Evidence) -> Note:
    if evidence.section == BANK_SECTION:  # not the CV's words yet: the achievement's
        return Note(
            PRO_BANK, {"requirement": req.text, "quote": evidence.quote, "title": evidence.label}
        )
    return Note(PRO_COVERED, {"requirement": req.text, "quote": evidence.quote})


def _notes(
    shown: list[RequirementMatch], source: list[RequirementMatch]
) -> tuple[list[Note], list[Note]]:
    ordered = sorted(
        zip(shown, source, strict=True), key=lambda pair: pair[0].requirement.kind != "must"
    )
    pros = [_pro(m.requirement, m.evidence[0]) for m, _ in ordered if m.status == "supported"]
    # What the CV supports without saying it first: the gaps list already names what is missing.
    cons = [
        Note(
            CON_PARTIAL if m.requirement.terms else CON_IMPLIED_ONLY,
            {"requirement": m.requirement.text, "quote": m.evidence[0].quote},
        )
        for m, _ in ordered
        if m.status == "partial"
    ]
    cons += [
        Note(CON_MISSING, {"requirement": m.requirement.text})
        for m, s in ordered
        if not s.covered and m.requirement.kind == "must"
    ]
    return pros[:MAX_NOTES], cons[:MAX_NOTES]


def analyse(
    source: CvContent,
    offer: OfferText,
    tailored: CvContent | None = None,
    hidden: Collection[str] = (),
    vocabulary: Vocabulary | None = None,
    document: str = "",
) -> MatchAnalysis:
    """``hidden``: keys (``"<item id>:<index>"``, ``"skill:<i>"``, ``"interest:<i>"``) the
    render cut from ``tailored``: what the reader never sees does not count. ``document``:
    the text of the file the source was read from, as a reader of it copies it
    (app/domain/matching/document.py); a quote of the source's words is only what stands
    there as such (``document_check``)."""
    vocab = vocabulary or default_vocabulary()
    requirements = [r for r in offer_requirements(offer, vocab) if r.in_ad]
    source_units = cv_units(source, vocab)
    stands = document_check(source, document)
    # The achievements attached to the source (``Experience.evidence``) are what tailoring may
    # say: they raise the ceiling, not what the CV already says.
    own_units = [u for u in source_units if u.section != BANK_SECTION]
    before_matches = _ledger(requirements, source, source_units, vocab, stands)
    own_matches = (
        _ledger(requirements, source, own_units, vocab, stands)
        if len(own_units) < len(source_units)
        else before_matches
    )
    # The ceiling: all the source supports, once tailoring names it in the offer's words.
    ceiling = _share(
        before_matches,
        [(1.0 if m.reachable else CREDIT["partial"]) if m.covered else 0.0 for m in before_matches],
    )
    before = coverage(own_matches)
    shown = before_matches
    after: float | None = None
    if tailored is not None:
        units = cv_units(tailored, vocab, hidden)
        # Only what the source supports counts: anything else would be invented.
        shown = [
            t if s.covered else RequirementMatch(t.requirement, [])
            for t, s in zip(
                _ledger(requirements, tailored, units, vocab, source_words(source, stands)),
                before_matches,
                strict=True,
            )
        ]
        after = coverage(shown)
    gaps = [Gap(m.requirement, _close(m.requirement)) for m in before_matches if not m.covered]
    pros, cons = _notes(shown, before_matches)
    return MatchAnalysis(
        before=before,
        ceiling=ceiling,
        after=after,
        requirements=shown,
        gaps=gaps,
        pros=pros,
        cons=cons,
    )
