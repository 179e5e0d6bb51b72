"""Phase 2 — recompose, without an LLM: the CV assembled by ``core/assemble.py`` is saved and
made available at once (``offer_completed`` + ``cv:list:changed``).
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import update

from app.db.models import CvFile, CvGenerationOffer, CvGenerationTask, CvVersion, JobOffer
from app.db.models.base import utcnow
from app.db.models.status import OFFER_FINISHED, OfferStatus, OfferStep
from app.domain.applications import services as applications
from app.domain.letters import services as letters
from app.domain.letters.lifecycle import announce as announce_letter
from app.events import CV_LIST_CHANGED, GENERATION_OFFER_COMPLETED, cv_list_changed
from app.lib.cv_content import CvContent
from app.lib.events import publish_event
from jobs.cover_letters import start_waiting_letters
from jobs.pipeline.core.assemble import cv_filename
from jobs.pipeline.core.fact_guard import GuardCounts
from jobs.pipeline.core.schemas import AdaptedSkills, Classification
from jobs.pipeline.core.sendable import Violation
from jobs.pipeline.runner import OfferRun, TaskCancelled


def build_cv_file(run: OfferRun, cv: CvContent, *, design: str, meta: dict[str, Any]) -> CvFile:
    """The generated CvFile, not yet saved (the PDF is rendered from it first)."""
    ctx = run.ctx
    return CvFile(
        user_id=ctx.user_id,
        kind="generated",
        filename=cv_filename(cv.header.name, ctx.offer.title, ctx.offer.company),
        content=cv.to_json(),
        extraction_status="completed",
        job_offer_id=ctx.offer.id,
        design=design,
        language=ctx.language,
        generation_meta=meta,
    )


async def save_generated_cv(run: OfferRun, cv_file: CvFile) -> CvFile:
    """Save the CvFile + CvVersion, complete the offer, track it (its application, see
    app/domain/applications/services.py) and, for a run started with ``withLetters``, add its
    letter waiting for the slot, in ONE transaction, unless the task was cancelled meanwhile
    (then nothing is written). A resumed run skips completed offers: a letter added after this
    commit would be lost with a worker killed in between."""
    ctx = run.ctx
    async with run.sessions() as session:
        session.add(cv_file)
        await session.flush()
        session.add(
            CvVersion(
                cv_file_id=cv_file.id,
                version=1,
                content=cv_file.content,
                created_by="gpt_cv_generation_v2",
            )
        )
        done = await session.execute(
            update(CvGenerationOffer)
            .where(
                CvGenerationOffer.id == ctx.offer_row_id,
                CvGenerationOffer.status.not_in(OFFER_FINISHED),
            )
            .values(
                status=OfferStatus.COMPLETED,
                current_step=OfferStep.RECOMPOSE,
                generated_cv_file_id=cv_file.id,
                completed_at=utcnow(),
            )
        )
        if done.rowcount != 1:  # type: ignore[attr-defined]
            # No explicit rollback: leaving the block closes the session, which rolls back
            # and runs to completion even when the job is being cancelled (SQLAlchemy's
            # AsyncSession.__aexit__), so no transaction can stay open.
            raise TaskCancelled(ctx.task_id)
        task = await session.get(CvGenerationTask, ctx.task_id, with_for_update=True)
        assert task is not None
        task.generated_cv_ids = [*task.generated_cv_ids, cv_file.id]
        task.completed_offers = task.completed_offers + 1
        application = None
        if cv_file.job_offer_id:  # the tracker's card for this offer, to apply, with its CV
            application = await applications.track_generated_cv(
                session, ctx.user_id, cv_file.job_offer_id, cv_file.id
            )
        letter = None
        if cv_file.job_offer_id and (task.payload or {}).get("withLetters"):
            offer = await session.get(JobOffer, cv_file.job_offer_id)
            if offer is not None:  # started by announce(), or by the recovery sweep
                letter = letters.add_for_generation(session, ctx.user_id, cv_file, offer)
        await session.commit()
    if application is not None:
        await applications.announce(run.redis, ctx.user_id, application)
    if letter is not None:
        await announce_letter(run.redis, letter)
    return cv_file


def record_page_check(cv_file: CvFile, found: list[Violation]) -> None:
    """Add the page invariants' findings (core/sendable.py) to the CV's record, beside what
    the contract repaired: ``generation_meta["sendable"]["page"]``."""
    meta = dict(cv_file.generation_meta or {})
    sendable = dict(meta.get("sendable") or {})
    sendable["page"] = [v.to_json() for v in found[:50]]
    meta["sendable"] = sendable
    cv_file.generation_meta = meta  # a new dict: JSON columns only notice reassignment


def generation_meta(
    run: OfferRun, classification: Classification, skills: AdaptedSkills, counts: GuardCounts
) -> dict[str, Any]:
    return {
        "source_cv_id": run.source_cv_id,
        "task_id": run.ctx.task_id,
        "offer_title": run.ctx.offer.title,
        "company": run.ctx.offer.company,
        "engine": run.engine.name,
        "classification": [
            d.model_dump() for d in classification.experiences + classification.projects
        ],
        "fact_guard": counts.as_meta(),
    }


async def announce(run: OfferRun, cv_file: CvFile) -> None:
    ctx = run.ctx
    await publish_event(
        run.redis,
        ctx.user_id,
        GENERATION_OFFER_COMPLETED,
        {
            "taskId": ctx.task_id,
            "offerId": ctx.offer_row_id,
            "offerIndex": ctx.offer_index,
            "generatedCvFileId": cv_file.id,
            "generatedCvFileName": cv_file.filename,
        },
    )
    await publish_event(run.redis, ctx.user_id, CV_LIST_CHANGED, cv_list_changed())
    if cv_file.job_offer_id:  # a run started with withLetters: start the letter it added
        await start_waiting_letters(run.sessions, run.redis, ctx.user_id)
