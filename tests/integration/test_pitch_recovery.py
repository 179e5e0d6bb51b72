"""Pitches whose arq job Redis lost (wiped while no worker ran): the worker's start-up sweep
(app/tasks/recovery.py, through the pitch kind's recovery) writes the one whose CV is still
there and fails, with the reason, the one whose CV was deleted meanwhile."""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any

from arq.worker import Worker
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import BackgroundTask, Pitch
from app.domain.pitches.lifecycle import PITCH_INPUT_GONE
from tests import factories
from tests.conftest import register

FINISHED = {"completed", "failed", "cancelled"}


async def _statuses(
    sessions: async_sessionmaker[AsyncSession], pitch_ids: list[str]
) -> dict[str, Pitch]:
    async with sessions() as session:
        return {i: p for i in pitch_ids if (p := await session.get(Pitch, i)) is not None}


async def test_lost_pitch_jobs_are_written_or_failed_with_the_reason(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    redis: Redis,
) -> None:
    me = await register(api, "lost-pitch@example.com")
    kept_cv = await factories.source_cv(db, me["id"])
    gone_cv = await factories.source_cv(db, me["id"])
    made = []
    for cv in (kept_cv, gone_cv):
        created = await api.post("/api/pitches", json={"cvFileId": cv.id, "context": "a meetup"})
        assert created.status_code == 201, created.text
        made.append((created.json()["id"], created.json()["taskId"]))
    deleted = await api.delete(f"/api/cvs/{gone_cv.id}")
    assert deleted.status_code == 200, deleted.text
    await redis.flushdb()  # Redis restarted without persistence: the queued jobs are gone

    from jobs.worker import worker_options

    options = {**worker_options(settings), "poll_delay": 0.05}
    worker = Worker(**options, ctx={"settings": settings}, handle_signals=False)
    running = asyncio.create_task(worker.async_run())
    try:
        async with asyncio.timeout(90):
            while True:
                pitches = await _statuses(session_factory, [p for p, _ in made])
                if all(p.status in FINISHED for p in pitches.values()):
                    break
                await asyncio.sleep(0.1)
    finally:
        running.cancel()
        await asyncio.gather(running, return_exceptions=True)
        with contextlib.suppress(asyncio.CancelledError):
            await worker.close()
    (kept_id, kept_task), (gone_id, gone_task) = made
    assert pitches[kept_id].status == "completed" and "a meetup" in pitches[kept_id].text
    assert pitches[gone_id].status == "failed" and pitches[gone_id].error == PITCH_INPUT_GONE
    async with session_factory() as session:
        tasks = {t: await session.get(BackgroundTask, t) for t in (kept_task, gone_task)}
    assert tasks[kept_task] is not None and tasks[kept_task].status == "completed"
    assert tasks[gone_task] is not None and tasks[gone_task].status == "failed"
    assert tasks[gone_task].error == PITCH_INPUT_GONE
