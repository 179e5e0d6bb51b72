"""Start an ATS check: one ``AtsCheck`` + one ``BackgroundTask`` in one transaction, then the
arq job ``run_ats_check`` (jobs/ats_check.py). A request that cannot start (not a PDF, too
large, another user's CV, too many checks at once or today: limits.py) is refused whole.

A tailored CV is checked as its downloads render it (its design, language, page budget): the
render's cache key names that PDF. Asking again for the same render gives the check already
made (or running) for it, so two tabs showing the same generation start one check.
"""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import AtsCheck, AtsCheckStatus, User
from app.domain.ats.intake import PdfUpload
from app.domain.ats.lifecycle import ATS_TASK_TYPE, CHECK
from app.domain.ats.limits import counted_today, open_checks, refuse_past_at_once
from app.domain.cvs import services as cvs
from app.domain.renders import services as renders
from app.lib.dependencies import TaskQueue
from app.lib.i18n import N_
from app.lib.input_errors import InputError

KEPT_UPLOADS = 20  # checked uploads kept per user, the newest; a tailored CV keeps its latest
ENDED_BADLY = (AtsCheckStatus.FAILED, AtsCheckStatus.CANCELLED)


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
            task = await CHECK.open(
                session,
                check,
                ATS_TASK_TYPE,
                f"ATS check: {check.filename}"[:200],
                cap=settings.background_tasks_per_user,
                device_id=device_id,
            )
            await _forget_old(session, check)
            await session.commit()
    except BaseException:
        await session.rollback()  # no check, no task
        raise
    await CHECK.enqueue(session, queue, check, task)  # refused by Redis: failed, 503
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
