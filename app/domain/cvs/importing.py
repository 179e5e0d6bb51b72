"""Start a CV import: one ``CvFile`` + one ``BackgroundTask``, then an arq job (persisted and
retried by the worker, never fire-and-forget).

The same bytes uploaded twice by one user give one CV: a Redis lock on (user, SHA-256) is held
around the look-up and the insert, so two uploads arriving together cannot both insert.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import BackgroundTask, CvFile, User
from app.db.models.status import OPEN, TaskStatus
from app.domain.cvs.import_task import end_import
from app.domain.cvs.intake import Upload
from app.domain.cvs.services import (
    IMPORT_TASK_TYPE,
    latest_import_task,
)
from app.job_names import Job, enqueue
from app.lib import rate_limit
from app.lib.errors import TooManyRequests
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.problems import problem
from app.lib.redis_lock import held
from app.lib.refund_reasons import RefundReason
from app.tasks.lifecycle import check_room, open_input_task, save_and_publish

log = logging.getLogger(__name__)
LOCK_SECONDS = 30
LOCK_WAIT_SECONDS = 15.0
# Pictures of a CV one user may send that fail to decode, per window (image_decoding).
FAILED_IMAGES = 10
FAILED_IMAGES_WINDOW_S = 900
FAILED_IMAGES_KEY = "ratelimit:cv-image:"
IMPORT_JOB = Job.IMPORT_CV


@dataclass(frozen=True, slots=True)
class ImportStarted:
    cv: CvFile
    task: BackgroundTask | None
    duplicate: bool


@asynccontextmanager
async def image_decoding(session: AsyncSession, redis: Redis, user_id: str) -> AsyncIterator[None]:
    """Around decoding a picture of a CV (up to seconds of CPU): cost before work. Refused first
    when its import could not start anyway (an import running, credits short:
    ``check_room``), or past ``FAILED_IMAGES`` failed decodes of the user's in the window. Each
    decode is counted before it runs and given back when it succeeds (app/lib/rate_limit.py:
    counted first, so uploads arriving together cannot all pass)."""
    await check_room(session, user_id, IMPORT_TASK_TYPE)
    key = f"{FAILED_IMAGES_KEY}{user_id}"
    if await rate_limit.hit(redis, key, FAILED_IMAGES_WINDOW_S) > FAILED_IMAGES:
        raise TooManyRequests(
            N_("Too many pictures could not be read; try again in a few minutes."),
            code="cv.image_too_many_failures",
            extra={"limit": FAILED_IMAGES},
        )
    yield  # a refused picture (InputError) stays counted
    await rate_limit.refund(redis, key)


@asynccontextmanager
async def upload_lock(redis: Redis, user_id: str, content_hash: str) -> AsyncIterator[None]:
    """Hold ``cvimport:<user>:<hash>`` (SET NX with a TTL, released only by its holder)."""
    key = f"cvtailor:cvimport:{user_id}:{content_hash}"

    def busy() -> InputError:
        return InputError(
            N_("The same file is being imported right now; try again in a moment."),
            code="cv.import_busy",
            http_status=409,
        )

    async with held(redis, key, seconds=LOCK_SECONDS, wait=LOCK_WAIT_SECONDS, busy=busy):
        yield


async def _find_duplicate(session: AsyncSession, user_id: str, content_hash: str) -> CvFile | None:
    return await session.scalar(
        select(CvFile)
        .where(
            CvFile.user_id == user_id,
            CvFile.kind == "source",
            CvFile.content_hash == content_hash,
        )
        .order_by(CvFile.created_at)
        .limit(1)
    )


async def _new_task(
    session: AsyncSession, settings: Settings, cv: CvFile, device_id: str | None
) -> BackgroundTask:
    # One import at a time (429 otherwise), decided before the debit, in this transaction.
    return await open_input_task(
        session,
        cv.user_id,
        IMPORT_TASK_TYPE,
        f"Import: {cv.filename}",
        "cvId",
        cv.id,
        cap=settings.background_tasks_per_user,
        device_id=device_id,
    )


async def enqueue_import(
    session: AsyncSession, redis: Redis, arq: Any, cv: CvFile, task: BackgroundTask
) -> None:
    """Queue the job; if Redis refuses, the import ends failed (refunded, its slot freed)."""
    try:
        await enqueue(arq, IMPORT_JOB, cv.id, task.id, _job_id=task.job_id)
    except Exception as exc:
        log.exception("Could not enqueue the import of CV %s", cv.id)
        message = N_("The job queue is unavailable; try again in a moment.")
        await end_import(
            session,
            task,
            cv,
            status=TaskStatus.FAILED,
            failure=problem("queue_unavailable", message, "error"),
            refund_reason=RefundReason.IMPORT_NOT_QUEUED,
        )
        await save_and_publish(session, redis, task)
        raise InputError(message, code="queue_unavailable", http_status=503) from exc
    await save_and_publish(session, redis, task)  # tells other tabs the task exists


async def start_import(
    session: AsyncSession,
    redis: Redis,
    arq: Any,
    settings: Settings,
    user: User,
    upload: Upload,
    device_id: str | None = None,
) -> ImportStarted:
    content_hash = upload.content_hash
    # End the request's read transaction first: on SQLite it holds the write lock, and the
    # other upload holding the Redis lock needs that lock to insert.
    await session.commit()
    async with upload_lock(redis, user.id, content_hash):
        existing = await _find_duplicate(session, user.id, content_hash)
        if existing is not None:
            task = await latest_import_task(session, user.id, existing.id)
            return ImportStarted(existing, task, duplicate=True)
        cv = CvFile(
            user_id=user.id,
            kind="source",
            filename=upload.filename,
            original_bytes=upload.data,
            original_mime=upload.mime,
            content_hash=content_hash,
            extraction_status="pending",
            extraction_errors=[],
            content={},
        )
        session.add(cv)
        await session.flush()
        task = await _new_task(session, settings, cv, device_id)
        await session.commit()  # visible to the worker and to the next holder of the lock
    await enqueue_import(session, redis, arq, cv, task)
    return ImportStarted(cv, task, duplicate=False)


async def retry_import(
    session: AsyncSession, redis: Redis, arq: Any, settings: Settings, cv: CvFile
) -> BackgroundTask:
    """Run the import again (after a failure, or to re-extract with the current engine)."""
    current = await latest_import_task(session, cv.user_id, cv.id)
    if current is not None and current.status in OPEN:
        return current
    cv.extraction_status = "pending"
    cv.extraction_errors = []
    cv.import_report = None  # the next import writes its own
    task = await _new_task(session, settings, cv, None)
    await session.commit()
    await enqueue_import(session, redis, arq, cv, task)
    return task
