"""Which CV and which offer a match analysis reads, loaded for the current user, then analysed
(through ``cache.ANALYSES``: the same inputs are not analysed twice)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TypeVar

from litestar.di import NamedDependency
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, JobOffer, User
from app.domain.achievements import services as achievements
from app.domain.cvs.services import get_cv, list_cvs
from app.domain.matching.cache import ANALYSES
from app.domain.matching.document import document_text
from app.domain.offers.services import get_offer
from app.lib.cv_content import CvContent
from app.lib.errors import Conflict, NotFound, ValidationFailed
from app.lib.i18n import N_, SUPPORTED_LOCALES
from app.lib.matching.analysis import OfferText
from app.lib.matching.model import MatchAnalysis, RequirementMatch
from app.lib.parsing.fields.languages import detect_language

IMPORTING = ("pending", "running")
# Where the last render's record lives in CvFile.generation_meta (app/domain/renders/services.py).
META_LAST_RENDER = "render"


MAX_STATEMENT_CHARS = 2_000  # as an achievement's story part (app/domain/achievements/)


@dataclass(frozen=True, slots=True)
class Match:
    """One analysis and what it was made from."""

    analysis: MatchAnalysis
    offer: JobOffer
    source: CvFile  # the CV read as the source (the generated one when its source is gone)
    generated: CvFile | None = None
    source_missing: bool = False  # a generated CV whose source CV was deleted


def offer_text(offer: JobOffer) -> OfferText:
    """The offer's columns as the matcher reads them. An offer saved without a language gets
    the one its text is written in (English when too short to tell), not English outright."""
    language = offer.language or detect_language(offer.description or "") or "en"
    return replace(OfferText.of(offer), language=language)


def hidden_bullets(cv: CvFile) -> list[str]:
    """Bullet keys the last render cut to fit the page budget (they are not in the PDF sent)."""
    record = (cv.generation_meta or {}).get(META_LAST_RENDER) or {}
    trimmed = record.get("trimmed") if isinstance(record, dict) else None
    return [str(t["key"]) for t in trimmed or [] if isinstance(t, dict) and t.get("key")]


_Read = TypeVar("_Read", CvFile, JobOffer)
# What a CV or an offer still being read answers: it cannot be matched yet.
_STILL_READING = {
    CvFile: (
        "match.cv_importing",
        N_("This CV is still being imported: try again when its import is over."),
    ),
    JobOffer: (
        "match.offer_extracting",
        N_("This offer is still being read: try again in a moment."),
    ),
}


def _ready(row: _Read) -> _Read:
    if row.extraction_status in IMPORTING:
        code, message = _STILL_READING[type(row)]
        raise Conflict(message, code=code)
    return row


def source_id_of(generated: CvFile) -> str:
    return str((generated.generation_meta or {}).get("source_cv_id") or "")


async def with_bank(session: AsyncSession, row: CvFile) -> CvContent:
    """The CV's content with the user's complete achievements linked to its experiences
    attached (app/domain/achievements/): the verified evidence tailoring may state, so the
    ceiling counts it, and a tailored CV's bullet made from it counts as supported."""
    content = CvContent.from_json(row.content)
    await achievements.attach_evidence(session, row, content)
    return content


async def tailored_match(
    generated: CvFile,
    offer: JobOffer,
    source: CvFile | None,
    base: CvContent | None,
    document: str = "",
) -> Match:
    """Before / ceiling from the source CV's content (``base``, with its achievements:
    ``with_bank``; ``document``: its file's text), after from the tailored content as
    rendered. With its source deleted, the tailored CV is read as its own source
    (``source_missing``)."""
    tailored = CvContent.from_json(generated.content)
    reference = base if source is not None and base is not None else tailored
    analysis = await ANALYSES.analysis(
        reference,
        offer_text(offer),
        tailored,
        hidden_bullets(generated),
        document=document if reference is base else "",
    )
    return Match(analysis, offer, source or generated, generated, source is None)


class MatchService:
    """Match analyses of one user's CVs and offers (404 for anything that is not theirs)."""

    def __init__(self, db: AsyncSession) -> None:
        self.db = db

    async def source_cvs(self, user: User) -> list[CvFile]:
        """The user's imported source CVs, most recent first (the default is the first)."""
        rows = await list_cvs(self.db, user.id, "source")
        return [cv for cv in rows if cv.extraction_status == "completed"]

    async def default_source(self, user: User, offer_id: str | None = None) -> CvFile:
        """The source CV last tailored for ``offer_id`` when it still exists, else the most
        recent one."""
        found = await self.source_cvs(user)
        if not found:
            raise NotFound(
                N_("No imported CV to compare with: import a CV first."),
                code="match.no_source_cv",
            )
        tailored_from = await self.last_tailored_source(user, offer_id) if offer_id else None
        return next((cv for cv in found if cv.id == tailored_from), found[0])

    async def last_tailored_source(self, user: User, offer_id: str) -> str | None:
        """The source CV of the user's most recent CV tailored to this offer, if any."""
        latest = await self.db.scalar(
            select(CvFile)
            .where(
                CvFile.user_id == user.id,
                CvFile.kind == "generated",
                CvFile.job_offer_id == offer_id,
            )
            .order_by(CvFile.created_at.desc())
            .limit(1)
        )
        if latest is None:
            return None
        return source_id_of(latest) or None

    async def for_offer(self, user: User, offer_id: str, cv_id: str | None = None) -> Match:
        """``cv_id`` (any of the user's CVs) against the offer; none → the source CV the user
        last tailored for this offer, else the most recent source."""
        offer = _ready(await get_offer(self.db, user.id, offer_id))
        source = (
            _ready(await get_cv(self.db, user.id, cv_id))
            if cv_id
            else await self.default_source(user, offer_id)
        )
        content = await with_bank(self.db, source)
        document = await document_text(self.db, source)
        analysis = await ANALYSES.analysis(content, offer_text(offer), document=document)
        return Match(analysis, offer, source)

    async def for_generated(self, user: User, cv_id: str) -> Match:
        """A tailored CV against its offer: before / ceiling from its source CV, after from the
        tailored content as rendered (the bullets the page budget cut do not count)."""
        generated = await get_cv(self.db, user.id, cv_id)
        if generated.kind != "generated":
            raise ValidationFailed(
                N_("This CV was not tailored to an offer: compare it from the offer's page."),
                code="match.not_generated",
            )
        if not generated.job_offer_id:
            raise NotFound(
                N_("The offer this CV was tailored to has been deleted."),
                code="match.offer_not_found",
            )
        offer = await get_offer(self.db, user.id, generated.job_offer_id)
        sources = await self._cvs(user.id, [source_id_of(generated)])
        source = sources.get(source_id_of(generated))
        base = await with_bank(self.db, source) if source is not None else None
        document = await document_text(self.db, source) if source is not None else ""
        return await tailored_match(generated, offer, source, base, document)

    async def generated_matches(self, user_id: str, cv_ids: Iterable[str]) -> dict[str, Match]:
        """Tailored CVs by id (the generation page's finished offers), read in three queries;
        a CV whose offer was deleted has none."""
        generated = await self._cvs(user_id, cv_ids)
        offer_ids = {cv.job_offer_id for cv in generated.values() if cv.job_offer_id}
        offers = {
            o.id: o
            for o in await self.db.scalars(
                select(JobOffer).where(JobOffer.id.in_(offer_ids), JobOffer.user_id == user_id)
            )
        }
        sources = await self._cvs(user_id, [source_id_of(cv) for cv in generated.values()])
        bases = {cv_id: await with_bank(self.db, row) for cv_id, row in sources.items()}
        documents = {cv_id: await document_text(self.db, row) for cv_id, row in sources.items()}
        return {
            cv.id: await tailored_match(
                cv,
                offers[cv.job_offer_id],
                sources.get(source_id_of(cv)),
                bases.get(source_id_of(cv)),
                documents.get(source_id_of(cv), ""),
            )
            for cv in generated.values()
            if cv.job_offer_id in offers
        }

    async def _cvs(self, user_id: str, cv_ids: Iterable[str]) -> dict[str, CvFile]:
        wanted = {i for i in cv_ids if i}
        if not wanted:
            return {}
        rows = await self.db.scalars(
            select(CvFile).where(CvFile.id.in_(wanted), CvFile.user_id == user_id)
        )
        return {cv.id: cv for cv in rows}

    async def scores(self, source: CvFile, offers: Iterable[JobOffer]) -> dict[str, int]:
        """Score of ``source`` against each offer that is read (offers still being read skip)."""
        content = CvContent.from_json(source.content)
        document = await document_text(self.db, source)
        return {
            offer.id: (await ANALYSES.analysis(content, offer_text(offer), document=document)).score
            for offer in offers
            if offer.extraction_status not in IMPORTING
        }


@dataclass(frozen=True, slots=True)
class Answered:
    """A requirement answered by the user: the achievement it made, and the match after it."""

    requirement_id: str
    achievement_id: str
    match: Match


def _answerable(match: Match, requirement_id: str) -> RequirementMatch:
    line = next(
        (m for m in match.analysis.requirements if m.requirement.id == requirement_id), None
    )
    if line is None:
        raise NotFound(
            N_("This offer has no such requirement: reload its match."),
            code="match.requirement_not_found",
        )
    if line.status == "supported":
        raise Conflict(
            N_("Your CV already shows this requirement."), code="match.requirement_supported"
        )
    return line


def _statement(text: str) -> str:
    statement = " ".join((text or "").split())
    if not statement:
        raise ValidationFailed(
            N_("Write what you did, in your own words."), code="match.statement_required"
        )
    if len(statement) > MAX_STATEMENT_CHARS:
        raise ValidationFailed(
            N_("Your answer is too long: keep it under 2,000 characters."),
            code="match.statement_too_long",
        )
    return statement


async def answer(
    matching: MatchService,
    user: User,
    offer_id: str,
    requirement_id: str,
    statement: str,
    experience_id: str | None = None,
    cv_id: str | None = None,
) -> Answered:
    """A requirement the CV does not show (missing or partial), answered with a fact of the
    user's own: it is *asked, never written* — the fact enters the achievements bank, linked
    to an experience of the source CV (the most recent one unless ``experience_id`` is
    given), as the verified evidence the next generation may state. The page, the JSON API
    and MCP all call this."""
    # Whose offer first: another user's id answers 404 whatever the body holds.
    found = await matching.for_offer(user, offer_id, cv_id)
    text = _statement(statement)
    line = _answerable(found, requirement_id)
    source = found.source
    if source.kind != "source":
        raise ValidationFailed(
            N_("Answer from the CV you imported, not from a tailored one."),
            code="match.not_source",
        )
    experiences = CvContent.from_json(source.content).experience
    chosen = next(
        (e for e in experiences if e.id == experience_id) if experience_id else iter(experiences),
        None,
    )
    if chosen is None:
        raise ValidationFailed(
            N_("Choose the experience of your CV where you did it."),
            code="match.experience_required",
        )
    # The generation uses an achievement written in the CV's language (bank.py): the answer's
    # own language when it can be told, else the CV's.
    language = detect_language(text) or source.language or "en"
    if language not in SUPPORTED_LOCALES:
        language = source.language if source.language in SUPPORTED_LOCALES else "en"
    created = await achievements.add_statement(
        matching.db,
        user.id,
        title=line.requirement.text,
        statement=text,
        language=language,
        cv_file_id=source.id,
        experience_id=chosen.id,
    )
    await matching.db.commit()
    after = await matching.for_offer(user, offer_id, source.id)
    return Answered(requirement_id, created.id, after)


async def provide_matching(db: NamedDependency[AsyncSession]) -> MatchService:
    return MatchService(db)
