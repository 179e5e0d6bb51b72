"""A job's failure handler whose own write is refused (SQLite's "database is locked" under a
burst) tries again in a new transaction rather than leaving its task "running"
(jobs/task_job.py ``settle_failed``). A real lock: another connection holds SQLite's write
lock; the job's connections wait 0.2 s for it instead of the app's 15 s."""

from __future__ import annotations

import logging
import sqlite3
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from app.config import Settings
from app.db.models import BackgroundTask
from app.db.models.status import TaskStatus
from app.db.session import create_engine, create_session_factory
from app.lib.problems import problem
from app.tasks.lifecycle import claim, create_task, save_and_publish
from jobs import task_job
from tests.conftest import register


def _impatient(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=200")
    cursor.close()


class _ReleaseOnRefusal(logging.Handler):
    """Frees the write lock once the handler has been refused (it logs each refusal)."""

    def __init__(self, lock: sqlite3.Connection, after: int) -> None:
        super().__init__()
        self.writer, self.after, self.refusals = lock, after, 0

    def emit(self, record: logging.LogRecord) -> None:
        if "write refused" in record.getMessage():
            self.refusals += 1
            if self.refusals == self.after and self.writer.in_transaction:
                self.writer.execute("ROLLBACK")


@pytest.mark.parametrize("freed_after", [1, None])
async def test_a_refused_failure_write_is_tried_again(
    settings: Settings,
    client: AsyncTestClient[Litestar],
    redis: Redis,
    monkeypatch: pytest.MonkeyPatch,
    freed_after: int | None,
) -> None:
    me = await register(client, "locked-out@example.com")
    monkeypatch.setattr(task_job, "FAIL_PAUSE_S", 0.05)
    engine = create_engine(settings.database_url)
    event.listen(engine.sync_engine, "connect", _impatient)  # after the app's own pragmas
    sessions = create_session_factory(engine)
    path = settings.database_url.split("///", 1)[1]
    lock = sqlite3.connect(path, isolation_level=None)
    watcher = _ReleaseOnRefusal(lock, freed_after or task_job.FAIL_TRIES + 1)
    logging.getLogger(task_job.__name__).addHandler(watcher)
    try:
        async with sessions() as db:
            task = await create_task(db, me["id"], "offer_extract", "Offer: locked", cap=100)
            task.status = TaskStatus.RUNNING
            await db.commit()
            task_id = task.id

            async def fail(failure: dict[str, Any]) -> None:  # as a kind's handler ends it
                assert await claim(db, task_id)
                await save_and_publish(db, redis, task, status=TaskStatus.FAILED, error="x")

            lock.execute("BEGIN IMMEDIATE")  # a burst's writer holds the lock
            failure = problem("unexpected", "Unexpected", "error")
            if freed_after is None:  # never freed: the job fails, the sweep ends the task
                with pytest.raises(OperationalError, match="locked"):
                    await task_job.settle_failed(db, (task,), fail, failure)
                assert watcher.refusals == task_job.FAIL_TRIES - 1
                return
            await task_job.settle_failed(db, (task,), fail, failure)
        assert watcher.refusals == freed_after
        async with sessions() as db:
            ended = await db.get(BackgroundTask, task_id)
            assert ended is not None and ended.status == TaskStatus.FAILED
    finally:
        logging.getLogger(task_job.__name__).removeHandler(watcher)
        if lock.in_transaction:
            lock.execute("ROLLBACK")
        lock.close()
        await engine.dispose()
