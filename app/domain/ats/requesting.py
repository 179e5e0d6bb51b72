"""Start an ATS check: one ``AtsCheck`` + one ``BackgroundTask`` in one transaction, then the
arq job ``run_ats_check`` (jobs/ats_check.py). A request that cannot start (not a PDF, too
large, another user's CV, too many checks at once or today: limits.py) is refused whole.

A tailored CV is checked as its downloads render it (its design, language, page budget): the
render's cache key names that PDF. Asking again for the same render gives the check already
made (or running) for it, so two tabs showing the same generation start one check.
"""

from __future__ import annotations

import logging

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from app import job_names
from app.config import Settings
from app.db.models import AtsCheck, AtsCheckStatus, BackgroundTask, User
from app.db.models.status import TaskStatus
from app.domain.ats.intake import PdfUpload
from app.domain.ats.lifecycle import ATS_JOB, ATS_QUEUE_DOWN, ATS_TASK_TYPE, end_check, job_id
from app.domain.ats.limits import counted_today, open_checks, refuse_past_at_once
from app.domain.cvs import services as cvs
from app.domain.renders import services as renders
from app.lib.dependencies import TaskQueue
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.tasks.lifecycle import create_task, reserve, save_and_publish

log = logging.getLogger(__name__)
KEPT_UPLOADS = 20  # checked uploads kept per user, the newest; a tailored CV keeps its latest
ENDED_BADLY = (AtsCheckStatus.FAILED, AtsCheckStatus.CANCELLED)


async def enqueue(
    session: AsyncSession, queue: TaskQueue, check: AtsCheck, task: BackgroundTask
) -> None:
    """Queue the job; if Redis refuses, the check ends failed and the request says why (503)."""
    try:
        await job_names.enqueue(queue.arq, ATS_JOB, check.id, task.id, _job_id=task.job_id)
    except Exception as exc:
        log.exception("Could not enqueue ATS check %s", check.id)
        await end_check(session, task, check, status=TaskStatus.FAILED, message=ATS_QUEUE_DOWN)
        await save_and_publish(session, queue.redis, task)
        raise InputError(ATS_QUEUE_DOWN, code="queue_unavailable", http_status=503) from exc
    await save_and_publish(session, queue.redis, task)


async def _forget_old(session: AsyncSession, check: AtsCheck) -> None:
    """A tailored CV keeps its newest check only; uploads, the newest ``KEPT_UPLOADS``."""
    older = select(AtsCheck.id).where(
        AtsCheck.user_id == check.user_id,
        AtsCheck.id != check.id,
        AtsCheck.status.not_in((AtsCheckStatus.PENDING, AtsCheckStatus.RUNNING)),
    )
    if check.cv_file_id is not None:
        older = older.where(AtsCheck.cv_file_id == check.cv_file_id)
    else:
        older = (
            older.where(AtsCheck.cv_file_id.is_(None))
            .order_by(AtsCheck.created_at.desc(), AtsCheck.id)
            .offset(KEPT_UPLOADS - 1)
        )
    ids = list(await session.scalars(older))
    if ids:
        await session.execute(delete(AtsCheck).where(AtsCheck.id.in_(ids)))


async def _create(
    session: AsyncSession,
    queue: TaskQueue,
    settings: Settings,
    user: User,
    check: AtsCheck,
    device_id: str | None,
) -> AtsCheck:
    try:
        async with counted_today(queue.redis, user.id):  # given back if refused
            session.add(check)
            await session.flush()
            task = await create_task(
                session,
                user.id,
                ATS_TASK_TYPE,
                f"ATS check: {check.filename}"[:200],
                cap=settings.background_tasks_per_user,
                device_id=device_id,
                progress={"step": "queued", "percent": 0, "checkId": check.id},
            )
            task.job_id = job_id(task.id)
            check.background_task_id = task.id
            await reserve(session, task, {"checkId": check.id, "taskId": task.id})
            await _forget_old(session, check)
            await session.commit()
    except BaseException:
        await session.rollback()  # no check, no task
        raise
    await enqueue(session, queue, check, task)
    return check


async def check_upload(
    session: AsyncSession,
    queue: TaskQueue,
    settings: Settings,
    user: User,
    upload: PdfUpload,
    device_id: str | None = None,
) -> AtsCheck:
    """Check an uploaded PDF (refused whole: 429 ``ats.too_many_at_once``/``ats.daily_limit``)."""
    try:
        refuse_past_at_once(await open_checks(session, user.id))
    except BaseException:
        await session.rollback()
        raise
    check = AtsCheck(user_id=user.id, filename=upload.filename, pdf=upload.data, report={})
    return await _create(session, queue, settings, user, check, device_id)


async def check_tailored(
    session: AsyncSession,
    queue: TaskQueue,
    settings: Settings,
    user: User,
    cv_file_id: str,
    device_id: str | None = None,
) -> AtsCheck:
    """Check the PDF of one of the user's tailored CVs as it renders now; the check already
    made or running for that very render when there is one (404 for another user's CV, 422
    for a CV that is not a tailored one)."""
    cv = await cvs.get_cv(session, user.id, cv_file_id)
    if cv.kind != "generated":
        raise InputError(
            N_("Choose one of your tailored CVs."), code="ats.not_tailored", where="cvFileId"
        )
    spec = await renders.spec_for(session, settings, cv, user)
    key = renders.spec_cache_key(spec)
    try:
        open_now = await open_checks(session, user.id)  # the lock: one check per render
        same = await session.scalar(
            select(AtsCheck)
            .where(
                AtsCheck.user_id == user.id,
                AtsCheck.cv_file_id == cv.id,
                AtsCheck.render_key == key,
                AtsCheck.status.not_in(ENDED_BADLY),
            )
            .order_by(AtsCheck.created_at.desc())
            .limit(1)
        )
        if same is None:
            refuse_past_at_once(open_now)
    except BaseException:
        await session.rollback()
        raise
    if same is not None:
        await session.commit()  # the user's lock, released
        return same
    check = AtsCheck(
        user_id=user.id,
        cv_file_id=cv.id,
        filename=renders.download_name(spec),
        render_key=key,
        report={},
    )
    return await _create(session, queue, settings, user, check, device_id)
