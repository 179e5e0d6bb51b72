"""Before an offer's phases run: the engine for the task, and the offer's ``OfferRun`` built
from its rows (the source CV, the job offer, the CV's language). The rows are read here and
copied into the core's plain data (``core/context.py``): no ORM object reaches the phases.
"""

from __future__ import annotations

from datetime import date

from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CvFile, CvGenerationOffer, CvGenerationTask, JobOffer
from app.db.models.status import GenerationStatus
from app.lib.cv_content import CvContent
from app.lib.i18n import N_
from app.settings.llm_endpoint import llm_endpoint, model_for_phase
from jobs.pipeline.bank import attach_bank
from jobs.pipeline.core.context import OfferBrief, OfferContext
from jobs.pipeline.core.fragments import rejoin_fragments
from jobs.pipeline.core.offline import OfflineEngine
from jobs.pipeline.core.phase import PhaseEngine
from jobs.pipeline.core.schemas import PHASE_SCHEMAS
from jobs.pipeline.core.text import guess_language
from jobs.pipeline.engine import LLMEngine
from jobs.pipeline.runner import OfferRun, TaskCancelled
from jobs.pipeline.template_mode import template_cv

# Stored as the offer's error once its retries are spent (orchestrator._user_message): catalogue
# sentences, so the page shows them in the reader's language.
SOURCE_CV_GONE = N_("The source CV no longer exists.")
JOB_OFFER_GONE = N_("The job offer no longer exists.")
# LLM calls of one offer, about (classify, the batches, skills, summary): what a generation's
# first call holds of the daily budget for the rest (app/lib/llm/spend.py).
CALLS_PER_OFFER = 6


async def build_engine(
    session: AsyncSession, settings: Settings, *, user_id: str, redis: Redis, offers: int = 1
) -> PhaseEngine:
    """The LLM engine with each phase's model, or the offline engine when no endpoint is set.
    Its calls count on ``user_id``'s daily budget (app/lib/llm/spend.py), its first one holding
    room for the calls of all ``offers``."""
    endpoint = await llm_endpoint(
        session, settings, user_id=user_id, redis=redis, work_calls=CALLS_PER_OFFER * offers
    )
    if endpoint is None:
        return OfflineEngine()
    models = {phase: await model_for_phase(session, phase, endpoint) for phase in PHASE_SCHEMAS}
    return LLMEngine(endpoint, models)


async def release_spend(engine: PhaseEngine) -> None:
    """The generation is over: free what its meter still holds of the user's daily budget."""
    meter = engine.endpoint.meter if isinstance(engine, LLMEngine) else None
    if meter is not None:
        await meter.release()


def offer_brief(row: JobOffer, language: str) -> OfferBrief:
    """The job offer as the pipeline sees it: a copy of the row's fields."""
    return OfferBrief(
        id=row.id,
        title=row.title,
        company=row.company,
        location=row.location,
        language=language,
        description=row.description,
        requirements=list(row.requirements or []),
        responsibilities=list(row.responsibilities or []),
        skills=list(row.skills or []),
        languages=list(row.languages or []),
    )


async def load_source(
    session: AsyncSession, task: CvGenerationTask
) -> tuple[CvContent, str | None]:
    """The task's source CV, with the achievements of the bank linked to its experiences, and
    its language (an empty CV for a generation from a template)."""
    if task.source_cv_file_id is None:
        return CvContent(), None
    row = await session.scalar(
        select(CvFile).where(CvFile.id == task.source_cv_file_id, CvFile.user_id == task.user_id)
    )
    if row is None:
        raise LookupError(SOURCE_CV_GONE)
    # Bullets an import split mid-sentence, joined again before anything reorders or cuts
    # them (jobs/pipeline/core/fragments.py).
    content = rejoin_fragments(CvContent.from_json(row.content))
    await attach_bank(session, row, content)  # the user's achievements of its experiences
    return content, row.language


async def prepare_offer_run(
    sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
    task_id: str,
    offer: CvGenerationOffer,
    engine: PhaseEngine,
) -> tuple[OfferRun, bool]:
    """One offer's run, and whether it is a generation from a template (no source CV)."""
    async with sessions() as session:
        task = await session.get(CvGenerationTask, task_id)
        assert task is not None
        if task.status == GenerationStatus.CANCELLED:
            raise TaskCancelled(task_id)
        source, source_language = await load_source(session, task)
        job = await session.scalar(
            select(JobOffer).where(
                JobOffer.id == offer.job_offer_id, JobOffer.user_id == task.user_id
            )
        )
        if job is None:
            raise LookupError(JOB_OFFER_GONE)
        payload = task.payload or {}
        offer_language = job.language or guess_language(
            job.description or job.title, source_language or "fr"
        )
        template = payload.get("mode") == "template"
        language = payload.get("language") or offer_language
        if engine.name == OfflineEngine.name and not template:
            # It cannot translate: the CV stays in its own language, titles and dates too.
            language = source_language or guess_language(source.full_text(), language)
        brief = offer_brief(job, offer_language)
        if template:
            source = await template_cv(session, task.user_id, brief)
        ctx = OfferContext(
            task_id=task.id,
            offer_row_id=offer.id,
            offer_index=offer.offer_index,
            total_offers=task.total_offers,
            user_id=task.user_id,
            source=source,
            offer=brief,
            language=language,
            today=date.today(),
        )
    run = OfferRun(ctx, engine, sessions, redis, source_cv_id=task.source_cv_file_id)
    return run, template
