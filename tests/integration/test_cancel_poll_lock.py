"""A running generation polls whether it was cancelled (jobs/pipeline/watch.py) every 2 s.

On SQLite the worker's sessions take the write lock at their first statement; the poll only
reads, so it goes through the worker's observer sessions, which neither queue behind another
writer nor hold the lock themselves.
"""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import CvGenerationTask
from jobs.pipeline.orchestrator import Generation
from jobs.pipeline.watch import is_cancelled
from jobs.worker import shutdown, startup
from tests.conftest import register

# The poll answers in milliseconds; a poll queued behind the lock would wait for SQLite's
# busy_timeout (15 s, app/db/session.py) — far beyond this.
PATIENCE_S = 10


async def test_the_cancel_poll_neither_waits_for_nor_takes_the_write_lock(
    client: Any, db: AsyncSession, settings: Settings, redis: Any
) -> None:
    me = await register(client, "poll@example.com")
    task = CvGenerationTask(user_id=me["id"], status="running", total_offers=1, payload={})
    db.add(task)
    await db.commit()

    ctx: dict[str, Any] = {"settings": settings, "redis": redis}
    await startup(ctx)
    try:
        generation = Generation(ctx, task.id)
        assert generation.observer is ctx["observer_sessions"]
        holder = sqlite3.connect(settings.database_url.split("///", 1)[1], isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock meanwhile
        try:
            polled = await asyncio.wait_for(is_cancelled(generation.observer, task.id), PATIENCE_S)
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert polled is False
        task.status = "cancelled"
        await db.commit()
        assert await is_cancelled(generation.observer, task.id) is True
    finally:
        await shutdown(ctx)
