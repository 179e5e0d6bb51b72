"""A match analysis as the panel shows it: sentences in the reader's language, not codes.

The analysis stores codes and parameters (``app/lib/matching/model.py``); the sentences are
chosen here, when the page is rendered, so each reader gets their own language.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, User
from app.domain.cvs.view import cv_labels
from app.domain.matching.services import MatchService
from app.lib.cv_content import CvContent
from app.lib.cv_limits import SECTION_LABELS
from app.lib.errors import AppError
from app.lib.i18n import N_, gettext
from app.lib.matching.evidence import BANK_SECTION
from app.lib.matching.model import (
    CLOSE_EXPERIENCE,
    CLOSE_LANGUAGE,
    CLOSE_SKILL,
    CON_IMPLIED_ONLY,
    CON_MISSING,
    CON_PARTIAL,
    PRO_BANK,
    PRO_COVERED,
    Evidence,
    MatchAnalysis,
    Note,
    RequirementMatch,
)

SENTENCES = {
    PRO_COVERED: N_("Your CV shows “%(requirement)s”: “%(quote)s”."),
    PRO_BANK: N_(
        "Your achievement “%(title)s” shows “%(requirement)s”: “%(quote)s”. A tailored CV "
        "can say it."
    ),
    CON_MISSING: N_("Nothing in your CV shows “%(requirement)s”."),
    CON_IMPLIED_ONLY: N_(
        "Your CV supports “%(requirement)s” (“%(quote)s”) but not in the offer's words."
    ),
    CON_PARTIAL: N_("Your CV shows part of “%(requirement)s”: “%(quote)s”."),
    CLOSE_SKILL: N_("Add “%(skill)s” only if you have really used it, and say where."),
    CLOSE_LANGUAGE: N_("If you speak %(language)s, state your level."),
    CLOSE_EXPERIENCE: N_("If you have done it, describe a real task that shows “%(requirement)s”."),
}
# The CV sections an evidence can stand in, as the panel names them: the CV's own sections by
# their names on every page (app/lib/cv_limits.py), then its extras and its headline.
_OWN_SECTIONS = ("summary", "experience", "projects", "education", "skills", "languages")
SECTION_NAMES = {
    **{key: SECTION_LABELS[key] for key in _OWN_SECTIONS},
    "extras": N_("Extras"),
    "title": N_("Job title"),
    "interests": SECTION_LABELS["interests"],
}


def note_sentence(note: Note) -> str:
    """The sentence of a pro, a con or a gap closer in the current language. A code this
    version does not know shows the words it is about rather than nothing."""
    template = SENTENCES.get(note.code)
    params = dict(note.params)
    if template is not None:
        try:
            return gettext(template, **params)
        except (KeyError, TypeError, ValueError):
            pass  # parameters missing from a stored note: fall through to its words
    words = [params[k] for k in ("requirement", "skill", "language", "quote") if params.get(k)]
    return " — ".join(words)


def where(evidence: Evidence) -> str:
    """Where the quote stands in the CV: "Data Analyst — Acme, bullet 2", "Skills". Labels
    that are section keys ("skills", "interests") are named in the reader's language."""
    if evidence.section == BANK_SECTION:
        return gettext("Your achievement “%(title)s”", title=evidence.label)
    label = evidence.label or evidence.section
    place = gettext(SECTION_NAMES[label]) if label in SECTION_NAMES else label
    if evidence.index is not None:
        return gettext("%(place)s, bullet %(n)s", place=place, n=evidence.index + 1)
    return place


def percent(value: float | None) -> int | None:
    return None if value is None else round(100 * value)


@dataclass(frozen=True, slots=True)
class EvidenceLine:
    quote: str
    where: str
    direct: bool


@dataclass(frozen=True, slots=True)
class RequirementLine:
    id: str
    text: str
    covered: bool
    direct: bool  # said in the offer's words (not only implied)
    evidence: list[EvidenceLine]
    must: bool = False
    close: str = ""  # not covered: how to close the gap honestly
    status: str = "missing"  # supported | partial | missing (the ledger's)


@dataclass(frozen=True, slots=True)
class GapLine:
    text: str
    must: bool
    close: str


@dataclass(frozen=True, slots=True)
class MatchView:
    score: int
    before: int
    after: int | None
    ceiling: int
    must: list[RequirementLine]
    nice: list[RequirementLine]
    gaps: list[GapLine]
    pros: list[str]
    cons: list[str]
    covered: int = 0
    total: int = 0
    notices: list[str] = field(default_factory=list)
    missing: list[RequirementLine] = field(default_factory=list)  # not covered, with the gap
    met: list[RequirementLine] = field(default_factory=list)  # covered, with the CV's quote


def _line(match: RequirementMatch, closes: dict[str, str]) -> RequirementLine:
    return RequirementLine(
        id=match.requirement.id,
        text=match.requirement.text,
        covered=match.covered,
        direct=match.direct,
        evidence=[EvidenceLine(e.quote, where(e), e.strength == "direct") for e in match.evidence],
        must=match.requirement.kind == "must",
        close=closes.get(match.requirement.id, ""),
        status=match.status,
    )


def match_view(analysis: MatchAnalysis, *, source_missing: bool = False) -> MatchView:
    closes = {g.requirement.id: note_sentence(g.close) for g in analysis.gaps}
    lines = [_line(m, closes) for m in analysis.requirements]
    # The panel lists each requirement once, in two groups, must-haves first in each.
    ranked = sorted(lines, key=lambda line: not line.must)
    notices = []
    if source_missing:
        notices.append(
            gettext(
                "The CV this one was tailored from has been deleted: it is compared with "
                "itself, so “before” and the ceiling describe the tailored CV."
            )
        )
    return MatchView(
        score=analysis.score,
        before=percent(analysis.before) or 0,
        after=percent(analysis.after),
        ceiling=percent(analysis.ceiling) or 0,
        must=[
            line
            for line, m in zip(lines, analysis.requirements, strict=True)
            if m.requirement.kind == "must"
        ],
        nice=[
            line
            for line, m in zip(lines, analysis.requirements, strict=True)
            if m.requirement.kind != "must"
        ],
        gaps=[
            GapLine(g.requirement.text, g.requirement.kind == "must", note_sentence(g.close))
            for g in analysis.gaps
        ],
        pros=[note_sentence(n) for n in analysis.pros],
        cons=[note_sentence(n) for n in analysis.cons],
        missing=[line for line in ranked if not line.covered],
        met=[line for line in ranked if line.covered],
        covered=sum(1 for line in lines if line.covered),
        total=len(lines),
        notices=notices,
    )


@dataclass(frozen=True, slots=True)
class MatchSummary:
    """The compact form (generation rows): the score and the three figures, in percent."""

    score: int
    before: int
    after: int | None
    ceiling: int


def match_summary(analysis: MatchAnalysis) -> MatchSummary:
    return MatchSummary(
        score=analysis.score,
        before=percent(analysis.before) or 0,
        after=percent(analysis.after),
        ceiling=percent(analysis.ceiling) or 0,
    )


# Not the user's to choose around: the page itself answers 404 for these.
OWNERSHIP_CODES = frozenset({"offer.not_found"})


async def offer_match_context(
    matching: MatchService, user: User, offer_id: str, cv_id: str | None
) -> dict[str, Any]:
    """The panel and the CV choice of the offer page. Anything that keeps the analysis from
    being made (no CV yet, a CV still importing, the offer still being read) is said in the
    panel; another user's offer stays a 404."""
    sources = await matching.source_cvs(user)
    context: dict[str, Any] = {
        "match": None,
        "match_error": None,
        "source_cvs": sources,
        "cv_names": await cv_labels(matching.db, user.id, sources),
        "chosen_cv_id": cv_id or (sources[0].id if sources else None),
    }
    try:
        found = await matching.for_offer(user, offer_id, cv_id)
    except AppError as exc:
        if exc.code in OWNERSHIP_CODES:
            raise
        context["match_error"] = gettext(exc.detail)
        return context
    context["match"] = match_view(found.analysis)
    context["chosen_cv_id"] = found.source.id
    context["answer_to"] = answer_form(offer_id, found.source)
    return context


@dataclass(frozen=True, slots=True)
class AnswerForm:
    """Where the panel's "answer with a fact of your own" forms post, and the experiences of
    the source CV the fact may belong to (the first is the default)."""

    offer_id: str
    cv_id: str
    experiences: list[tuple[str, str]]  # (id, "Title — Company")


def answer_form(offer_id: str, source: CvFile) -> AnswerForm | None:
    if source.kind != "source":
        return None
    content = CvContent.from_json(source.content)
    experiences = [
        (e.id, " — ".join(p for p in (e.title, e.company) if p) or e.id) for e in content.experience
    ]
    return AnswerForm(offer_id, source.id, experiences) if experiences else None


async def generated_match_context(db: AsyncSession, user: User, cv: CvFile) -> dict[str, Any]:
    """The panel of a tailored CV against its offer (the changes view); none for a source CV,
    and a message instead when its offer was deleted."""
    context: dict[str, Any] = {"match": None, "match_error": None}
    if cv.kind != "generated":
        return context
    try:
        found = await MatchService(db).for_generated(user, cv.id)
    except AppError as exc:
        context["match_error"] = gettext(exc.detail)
    else:
        context["match"] = match_view(found.analysis, source_missing=found.source_missing)
    return context
