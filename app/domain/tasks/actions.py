"""What a user can do to their tasks: cancel, delete, purge. One place for the JSON API and the
HTML forms, so both behave the same and publish the same events to every tab."""

from __future__ import annotations

from typing import Any

from arq import ArqRedis
from sqlalchemy import delete as sql_delete
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, CvFile, JobOffer, User
from app.db.models.background_task import FINISHED_STATUSES
from app.db.models.base import now_ms
from app.domain.cvs.api import CV_LIST_CHANGED
from app.domain.cvs.input_tasks import (
    EXTRACTION_CANCELLED,
    IMPORT_CANCELLED,
    claim,
    end_import,
    end_offer_extraction,
)
from app.domain.cvs.services import IMPORT_TASK_TYPE
from app.domain.generation.services import cancel_generation
from app.domain.offers.api import OFFER_UPDATED
from app.domain.offers.services import OFFER_TASK_TYPE
from app.domain.tasks.abort import abort_job
from app.domain.tasks.services import TASK_UPDATED_EVENT, get_task, task_payload
from app.lib.errors import Conflict
from app.lib.events import publish_event
from app.lib.i18n import N_
from app.lib.problems import problem

TASK_DELETED_EVENT = "task:deleted"
TASKS_PURGED_EVENT = "tasks:purged"


async def cancel_background_task(
    db: AsyncSession, arq: ArqRedis, user: User, task_id: str
) -> BackgroundTask:
    """Stop a queued/running task (the work really stops); a finished one is left as it is."""
    task = await get_task(db, user.id, task_id)
    if task.status in FINISHED_STATUSES:
        return task
    generation_id = (task.result or {}).get("generationTaskId")
    if task.type == "cv_generation_v2" and generation_id:
        # Refunds, slot and the generation rows go with it; it publishes the task update too.
        await cancel_generation(db, arq, user, generation_id)
        await db.refresh(task)
        return task
    if task.type in (IMPORT_TASK_TYPE, OFFER_TASK_TYPE):
        return await _cancel_input(db, arq, task)
    if not await claim(db, task.id):  # finished meanwhile: leave it as it ended
        return await _as_it_ended(db, task)
    task.status, task.updated_at = "cancelled", now_ms()
    await db.commit()
    await abort_job(arq, task.job_id)
    await publish_event(arq, user.id, TASK_UPDATED_EVENT, task_payload(task))
    return task


async def _cancel_input(db: AsyncSession, arq: ArqRedis, task: BackgroundTask) -> BackgroundTask:
    """Cancel an import or offer extraction for good: the CV or offer shows it (with the
    retry/delete options of a failed import), a paid run is refunded once, the import's slot is
    freed (one transaction), then the job is aborted and every tab told."""
    if task.type == IMPORT_TASK_TYPE:
        event, key = CV_LIST_CHANGED, "cvId"
        source_id = str(task.progress.get(key) or "")
        cv = await db.get(CvFile, source_id) if source_id else None
        ended = await end_import(
            db,
            task,
            cv,
            status="cancelled",
            failure=problem("cancelled", IMPORT_CANCELLED, "error"),
            refund_reason="Refund: CV import cancelled",
        )
    else:
        event, key = OFFER_UPDATED, "offerId"
        source_id = str(task.progress.get(key) or "")
        offer = await db.get(JobOffer, source_id) if source_id else None
        ended = await end_offer_extraction(
            db,
            task,
            offer,
            status="cancelled",
            message=EXTRACTION_CANCELLED,
            refund_reason="Refund: offer extraction cancelled",
        )
    if not ended:  # the worker finished it first: its outcome stands
        return await _as_it_ended(db, task)
    await db.commit()
    # After the commit: a job that still runs finds the task settled at its next write.
    await abort_job(arq, task.job_id)
    await publish_event(arq, task.user_id, TASK_UPDATED_EVENT, task_payload(task))
    if source_id:
        await publish_event(arq, task.user_id, event, {key: source_id})
    return task


async def _as_it_ended(db: AsyncSession, task: BackgroundTask) -> BackgroundTask:
    # The claim changed nothing: reload the final state and end the transaction (a commit,
    # not a rollback, so the objects the page still shows are not expired).
    await db.refresh(task)
    await db.commit()
    return task


async def delete_background_task(db: AsyncSession, arq: ArqRedis, user: User, task_id: str) -> None:
    """Remove a finished task from the history (everywhere); a running one must be cancelled."""
    task = await get_task(db, user.id, task_id)
    if task.status not in FINISHED_STATUSES:
        raise Conflict(N_("Cancel this task before deleting it."), code="task.still_running")
    await db.delete(task)
    await db.commit()
    await publish_event(arq, user.id, TASK_DELETED_EVENT, {"id": task_id})


async def cancel_or_delete(
    db: AsyncSession, arq: ArqRedis, user: User, task_id: str
) -> dict[str, Any]:
    """The JSON API's DELETE: cancel when still queued/running, else delete the row."""
    task = await get_task(db, user.id, task_id)
    if task.status in FINISHED_STATUSES:
        await delete_background_task(db, arq, user, task_id)
        return {"success": True, "deleted": True}
    task = await cancel_background_task(db, arq, user, task_id)
    return {"success": True, "cancelled": True, "task": task_payload(task)}


async def purge_finished_tasks(db: AsyncSession, arq: ArqRedis, user: User) -> int:
    """Delete every finished task of the user; running ones stay. Returns how many went."""
    result = await db.execute(
        sql_delete(BackgroundTask).where(
            BackgroundTask.user_id == user.id, BackgroundTask.status.in_(FINISHED_STATUSES)
        )
    )
    await db.commit()
    await publish_event(arq, user.id, TASKS_PURGED_EVENT, {})
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
