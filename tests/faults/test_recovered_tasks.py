"""Tasks the recovery sweep re-queued (app/tasks/recovery.py), driven through real workers, a
real Redis and a model that never answers.

- A pitch whose job arq's timeout killed is re-queued under a fresh job id (its own id is taken
  by the dead job's result); Cancel then stops *that* job, although it waits inside a model
  call that would hold its worker's slot for minutes.
- A task lost again and again is re-queued ``task_max_recoveries`` times, then ended failed
  with a stored code and refunded: never re-queued for ever.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Iterator
from dataclasses import replace
from typing import Any

import pytest
from arq import ArqRedis, create_pool
from arq.constants import in_progress_key_prefix, retry_key_prefix
from arq.jobs import Job, JobStatus
from arq.worker import Worker
from redis.asyncio import Redis
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import BackgroundTask, Pitch, User
from app.db.models.base import now_ms
from app.domain.pitches.lifecycle import job_id
from app.lib.redis import arq_settings
from app.settings.service import update_setting
from app.tasks.recovery import (
    GAVE_UP,
    GAVE_UP_ERROR,
    JOB_ENDED,
    JOB_ENDED_ERROR,
    recover_lost_tasks,
)
from tests import factories
from tests.conftest import register
from tests.fakes.openai_server import FakeOpenAIServer, Hang
from tests.integration.pipeline_helpers import point_llm_at, read_now

AN_HOUR_MS = 3_600_000


@pytest.fixture
def silent_llm() -> Iterator[FakeOpenAIServer]:
    """A model that takes every pitch request and never answers (the client's deadline, a
    minute here, is what would end the call)."""
    with FakeOpenAIServer() as server:
        server.script("<achievements>", reply=Hang(600))
        yield server


@pytest.fixture
async def queue(settings: Settings) -> AsyncIterator[ArqRedis]:
    """The arq connection the worker's sweep is given."""
    pool = await create_pool(arq_settings(settings.effective_redis_url))
    yield pool
    await pool.aclose()


@contextlib.asynccontextmanager
async def running(settings: Settings) -> AsyncIterator[Worker]:
    """A real arq worker in this event loop, configured by ``settings``, stopped on exit."""
    from jobs.worker import worker_options

    options = {**worker_options(settings), "poll_delay": 0.05}
    worker = Worker(**options, ctx={"settings": settings}, handle_signals=False)
    task = asyncio.create_task(worker.async_run())
    try:
        yield worker
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        with contextlib.suppress(asyncio.CancelledError):
            await worker.close()


async def _pitch(api: Any, db: AsyncSession, email: str) -> tuple[str, str, str]:
    """A signed-up user's pitch request: (user id, pitch id, task id)."""
    me = await register(api, email)
    cv = await factories.source_cv(db, me["id"])
    created = await api.post("/api/pitches", json={"cvFileId": cv.id, "context": "a meetup"})
    assert created.status_code == 201, created.text
    return me["id"], created.json()["id"], created.json()["taskId"]


async def _task(sessions: async_sessionmaker[AsyncSession], task_id: str) -> BackgroundTask:
    async with sessions() as session:
        task = await session.get(BackgroundTask, task_id)
    assert task is not None
    return task


async def _running_jobs(redis: Redis, task_id: str) -> list[str]:
    """The task's jobs a worker is running now, whatever their ids (arq's in-progress keys)."""
    keys = await redis.keys(f"{in_progress_key_prefix}{job_id(task_id)}*")
    return [key.decode().removeprefix(in_progress_key_prefix) for key in keys]


async def test_cancel_stops_the_job_recovery_queued_under_a_fresh_id(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    redis: Redis,
    silent_llm: FakeOpenAIServer,
) -> None:
    await point_llm_at(db, silent_llm.base_url)
    _, pitch_id, task_id = await _pitch(api, db, "recovered-pitch@example.com")
    first = job_id(task_id)
    # A worker whose job timeout (1 s) ends the pitch's job inside its model call: arq keeps a
    # failed result under the job's id, the task stays "running" with nothing running it.
    async with running(replace(settings, job_timeout_seconds=1)):
        async with asyncio.timeout(120):  # a net: a loaded machine starts workers slowly
            while await Job(first, redis).status() != JobStatus.complete:
                await asyncio.sleep(0.05)
    assert (await _task(session_factory, task_id)).status == "running"
    async with session_factory() as s:  # and silent for longer than any job may run
        await s.execute(
            update(BackgroundTask)
            .where(BackgroundTask.id == task_id)
            .values(updated_at=now_ms() - AN_HOUR_MS)
        )
        await s.commit()

    # The next worker's start-up sweep re-queues it: its own id is taken, so under a fresh one.
    # (On a loaded machine the first job may time out before it asked the model anything.)
    def asked() -> int:
        return len([r for r in silent_llm.chat_requests if "<achievements>" in r.text])

    before = asked()
    async with running(replace(settings, llm_timeout_seconds=120)):
        async with asyncio.timeout(120):  # the recovered job is waiting for the model
            while asked() <= before:
                await asyncio.sleep(0.05)
        [recovered] = await _running_jobs(redis, task_id)
        assert recovered != first
        task = await _task(session_factory, task_id)
        assert task.progress["jobIds"] == [recovered] and task.progress["recoveries"] == 1

        cancelled = await api.delete(f"/api/background-tasks/{task_id}")
        assert cancelled.status_code == 200 and cancelled.json()["cancelled"], cancelled.text
        async with asyncio.timeout(60):  # aborted: well before the model call's 120 s timeout
            while await _running_jobs(redis, task_id):
                await asyncio.sleep(0.05)
        assert await Job(recovered, redis).status() == JobStatus.complete
    assert (await _task(session_factory, task_id)).status == "cancelled"
    state = select(Pitch.status).where(Pitch.id == pitch_id)
    assert await read_now(session_factory, state) == "cancelled"


async def test_a_task_lost_again_and_again_is_failed_and_refunded_after_the_cap(
    backend: str,
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    redis: Redis,
    queue: ArqRedis,
) -> None:
    await update_setting(db, "feature_cost_pitch", "1")
    await db.commit()
    user_id, pitch_id, task_id = await _pitch(api, db, "lost-pitch@example.com")
    balance = select(User.credit_balance).where(User.id == user_id)
    assert await read_now(session_factory, balance) == 9
    cap = settings.task_max_recoveries

    async def sweep() -> int:
        await redis.flushdb()  # Redis restarted without persistence: the task's job is gone
        return await recover_lost_tasks(session_factory, queue, settings.job_timeout_seconds, cap)

    for recovery in range(1, cap + 1):
        assert await sweep() == 1
        task = await _task(session_factory, task_id)
        assert task.status == "queued" and task.progress["recoveries"] == recovery
        assert await redis.zcard("arq:queue") == 1  # queued again, once
    assert await sweep() == 1  # one loss too many: ended, not queued
    assert await redis.zcard("arq:queue") == 0
    task = await _task(session_factory, task_id)
    assert task.status == "failed" and task.error == GAVE_UP_ERROR
    assert task.result is not None
    assert task.result["failure"]["code"] == GAVE_UP
    assert task.result["failure"]["values"] == {"recoveries": cap}
    pitch = select(Pitch.status, Pitch.error).where(Pitch.id == pitch_id)
    async with session_factory() as s:
        assert tuple((await s.execute(pitch)).one()) == ("failed", GAVE_UP_ERROR)
    assert await read_now(session_factory, balance) == 10  # refunded once
    assert await sweep() == 0  # over: nothing more to do


async def test_a_task_whose_job_ended_without_it_is_ended_at_once_and_refunded(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    redis: Redis,
    queue: ArqRedis,
) -> None:
    """Its job is over (here arq refused it, its tries used up by workers that died under it),
    its result kept, the task still open: nothing will ever end it. The sweep does, at once
    (not after the job timeout), failed and refunded as its kind's failure would."""
    await update_setting(db, "feature_cost_pitch", "1")
    await db.commit()
    user_id, pitch_id, task_id = await _pitch(api, db, "ended-pitch@example.com")
    balance = select(User.credit_balance).where(User.id == user_id)
    assert await read_now(session_factory, balance) == 9
    first = job_id(task_id)
    await redis.set(retry_key_prefix + first, 5)  # five workers died running it
    async with running(settings):
        async with asyncio.timeout(60):
            while await Job(first, redis).status() != JobStatus.complete:
                await asyncio.sleep(0.05)
    assert not (await Job(first, redis).result_info()).success  # type: ignore[union-attr]
    await recover_lost_tasks(session_factory, queue, settings.job_timeout_seconds)
    task = await _task(session_factory, task_id)
    assert task.status == "failed" and task.error == JOB_ENDED_ERROR
    assert task.result is not None and task.result["failure"]["code"] == JOB_ENDED
    state = select(Pitch.status).where(Pitch.id == pitch_id)
    assert await read_now(session_factory, state) == "failed"
    assert await read_now(session_factory, balance) == 10  # refunded once
    assert await recover_lost_tasks(session_factory, queue, settings.job_timeout_seconds) == 0


async def test_a_timed_out_job_is_still_requeued_not_ended(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    redis: Redis,
    queue: ArqRedis,
    silent_llm: FakeOpenAIServer,
) -> None:
    """arq's timeout is the other way a job ends without its task: that one is re-queued (the
    work may succeed on a second run), as before."""
    await point_llm_at(db, silent_llm.base_url)
    _, _, task_id = await _pitch(api, db, "timed-out-pitch@example.com")
    first = job_id(task_id)
    async with running(replace(settings, job_timeout_seconds=1)):
        async with asyncio.timeout(120):
            while await Job(first, redis).status() != JobStatus.complete:
                await asyncio.sleep(0.05)
    async with session_factory() as s:  # and silent for longer than any job may run
        await s.execute(
            update(BackgroundTask)
            .where(BackgroundTask.id == task_id)
            .values(updated_at=now_ms() - AN_HOUR_MS)
        )
        await s.commit()
    await recover_lost_tasks(session_factory, queue, settings.job_timeout_seconds)
    task = await _task(session_factory, task_id)
    assert task.status != "failed" and task.progress["recoveries"] == 1
