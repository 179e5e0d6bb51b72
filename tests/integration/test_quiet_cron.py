"""The recovery sweep runs every 10 s: routine runs log at DEBUG, a run that recovered
something logs at INFO with its counts (jobs/quiet_cron.py, jobs/recovery.py)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

import pytest
from arq.worker import Worker
from redis.asyncio import Redis

from app.config import Settings
from tests.conftest import register
from tests.fixtures.cv_texts import TEXT_A

CRON = "cron:recover_lost_jobs"


def _cron_lines(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    """arq's start (→) and end (←) lines of the sweep's runs."""
    marks = (f"→ {CRON}(", f"← {CRON} ")
    return [
        r
        for r in caplog.records
        if r.name == "arq.worker" and any(m in r.getMessage() for m in marks)
    ]


async def _until(check: Any, timeout: float = 30.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if check():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("timed out")


async def _run_worker(settings: Settings, until: Any) -> None:
    from jobs.worker import worker_options

    options = {**worker_options(settings), "poll_delay": 0.05}
    arq_worker = Worker(**options, ctx={"settings": settings}, handle_signals=False)
    task = asyncio.create_task(arq_worker.async_run())
    try:
        await _until(lambda: until(arq_worker))
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        with contextlib.suppress(asyncio.CancelledError):
            await arq_worker.close()


async def test_a_routine_sweep_logs_nothing_at_info(
    settings: Settings, session_factory: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="arq.worker")
    await _run_worker(settings, lambda _: any("●" in r.getMessage() for r in _cron_lines(caplog)))
    lines = _cron_lines(caplog)
    assert len(lines) >= 2  # its start and its end
    assert all(r.levelno == logging.DEBUG for r in lines), [
        (r.levelname, r.getMessage()) for r in lines
    ]
    assert not [r for r in caplog.records if r.name == "jobs.recovery"]


async def test_routine_sweep_is_dropped_when_debug_is_off(
    settings: Settings, session_factory: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="arq.worker")
    # arq counts the sweep among completed jobs; its end line is not logged.
    await _run_worker(settings, lambda worker: worker.jobs_complete >= 1)
    assert not _cron_lines(caplog), [r.getMessage() for r in _cron_lines(caplog)]


async def test_a_sweep_that_recovers_says_so_at_info(
    api: Any, settings: Settings, redis: Redis, caplog: pytest.LogCaptureFixture
) -> None:
    await register(api, "quiet-cron@example.com")
    response = await api.post("/api/cvs", json={"text": TEXT_A})
    assert response.status_code == 202, response.text
    await redis.flushdb()  # Redis lost the queued import: the start-up sweep re-enqueues it
    caplog.set_level(logging.INFO)

    def recovered() -> list[logging.LogRecord]:
        return [r for r in caplog.records if r.name == "jobs.recovery" and "sweep" in r.message]

    await _run_worker(settings, lambda _: bool(recovered()))
    (line,) = recovered()
    assert line.levelno == logging.INFO
    assert "0 generation(s) resumed, 1 other task(s) recovered or ended" in line.getMessage()
    assert all(r.levelno == logging.DEBUG for r in _cron_lines(caplog))
