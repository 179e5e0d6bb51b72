"""The CV generation as a task kind (app/tasks/registry.py).

Its task-centre row mirrors a ``CvGenerationTask`` (linked by ``background_task_id``), which
holds the offers, the slot and the per-offer refunds: a cancel from the task centre ends that
generation. Its slot is held by the generation row and it is priced per offer, so
``create_generation`` (services.py) takes both itself rather than through ``reserve``. Its
recovery is its own too (a lease per running generation: jobs/recovery.py).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, CvGenerationTask
from app.db.models.base import now_ms
from app.db.models.status import TaskStatus
from app.domain.generation.services import (
    GENERATION_TASK_TYPE,
    JOB_NAME,
    SLOT_TYPE,
    generation_id_of_job,
)
from app.domain.generation.state import end_cancelled
from app.lib.i18n import N_
from app.tasks.lifecycle import claim
from app.tasks.registry import Ended, Price, TaskKind


async def generation_of(session: AsyncSession, task: BackgroundTask) -> CvGenerationTask | None:
    return await session.scalar(
        select(CvGenerationTask).where(CvGenerationTask.background_task_id == task.id)
    )


def link(task: BackgroundTask) -> tuple[str, str] | None:
    """The generation's page, cancelled or not (its offers done before the cancel are there).

    The task centre asks without a session, so the generation is named by the row's arq job
    (``job_id_for``: the job of generation X is ``cvgen:X``), not looked up by the column."""
    generation_id = generation_id_of_job(task.job_id)
    return (f"/generations/{generation_id}", N_("Open the generation")) if generation_id else None


async def cancel(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    """Cancel the generation: unfinished offers refunded, the slot freed, the row mirrored
    (state.py:cancel_task). The kernel (app/tasks/actions.py) commits, aborts the job and
    publishes ``task:updated`` and the events returned here."""
    generation = await generation_of(session, task)
    if generation is None:  # the generation is gone: only the row is left to end
        if not await claim(session, task.id):
            return None
        task.status, task.updated_at = TaskStatus.CANCELLED, now_ms()
        return Ended()
    return await end_cancelled(session, generation)


KIND = TaskKind(
    type=GENERATION_TASK_TYPE,
    label=N_("CV generation"),
    slot=SLOT_TYPE,
    # Per offer: create_generation (services.py) reads it when it debits the generation.
    price=Price(feature="gpt_cv_generation", default=1, description="Credits per tailored CV"),
    cancel=cancel,
    link=link,
    title_prefix="CV — ",
    job=JOB_NAME,  # recovered by its own lease, not by the kernel (jobs/recovery.py)
)
