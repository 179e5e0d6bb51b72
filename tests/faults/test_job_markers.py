"""A worker SIGKILLed in the middle of a letter or a CV import: arq's in-progress marker of the
job expires after the job's own timeout + 10 s (jobs/job_markers.py), not after the
generation's hours, so the next worker re-delivers it and it ends, its slot freed."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from arq.constants import in_progress_key_prefix
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import BackgroundTask
from tests import factories
from tests.conftest import register
from tests.fakes.openai_server import FakeOpenAIServer, Hang
from tests.faults.processes import WorkerProcess
from tests.fixtures.cv_texts import TEXT_CVS
from tests.integration.pipeline_helpers import point_llm_at
from tests.integration.test_cover_letters_api import wait_letter
from tests.integration.test_cv_import import wait_for_import

JOB_TIMEOUT = 15  # seconds: the letter's own timeout here (the generation's stays 3 hours)
LETTER_PROMPT = "<source_cv>"  # in the letter writer's prompt only
IMPORT_PROMPT = "<cv_text>"  # in the CV reader's prompt only


@pytest.fixture
def hanging_once() -> Iterator[FakeOpenAIServer]:
    """A model whose first letter call never answers (the killed worker waits in it); every
    later call gets the schema's minimal answer."""
    with FakeOpenAIServer() as server:
        server.script(LETTER_PROMPT, reply=Hang(600), times=1)
        yield server


async def kill_mid_call(
    settings: Settings,
    redis: Redis,
    session_factory: async_sessionmaker[AsyncSession],
    server: FakeOpenAIServer,
    prompt: str,
    logs: Path,
    start: Callable[[], Awaitable[str]],
    wait: Callable[[], Awaitable[dict[str, Any]]],
) -> tuple[dict[str, Any], str]:
    """Start a job (``start`` gives its task's id), kill its worker while its model call with
    ``prompt`` hangs, check the job's marker lived its own timeout + 10 s, start another worker
    and ``wait`` for the re-delivered job's end: its answer, and the second worker's log tail."""
    env = {"CVTAILOR_JOB_TIMEOUT_SECONDS": str(JOB_TIMEOUT)}
    first = WorkerProcess(settings, logs / "first.log", **env)
    second = WorkerProcess(settings, logs / "second.log", **env)
    try:
        first.start()
        task_id = await start()
        async with asyncio.timeout(120):  # a net: a loaded machine starts workers slowly
            while not [r for r in server.chat_requests if prompt in r.text]:
                await asyncio.sleep(0.05)
        async with session_factory() as s:
            task = await s.get(BackgroundTask, task_id)
            assert task is not None and task.job_id
            job_id = task.job_id
        # The job's marker lives its own timeout + 10 s, not the worker's longest timeout.
        marker_ms = await redis.pttl(in_progress_key_prefix + job_id)
        assert 0 < marker_ms <= (JOB_TIMEOUT + 10) * 1000, marker_ms
        first.kill()
        second.start()
        # Re-delivered once the marker expires: well within the net, hours before the
        # generation's timeout would have let it go.
        return await wait(), second.tail()
    finally:
        first.stop()
        second.stop()


async def test_a_letter_killed_mid_call_is_redelivered_within_its_own_timeout(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    redis: Redis,
    hanging_once: FakeOpenAIServer,
    tmp_path: Path,
) -> None:
    await point_llm_at(db, hanging_once.base_url)
    me = await register(api, "killed-letter@example.com")
    cv = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    created: dict[str, Any] = {}

    async def start() -> str:
        answer = await api.post(
            "/api/cover-letters", json={"cvFileId": cv.id, "jobOfferId": offer.id}
        )
        assert answer.status_code == 201, answer.text
        created.update(answer.json())
        return str(created["taskId"])

    body, tail = await kill_mid_call(
        settings, redis, session_factory, hanging_once, LETTER_PROMPT, tmp_path, start,
        lambda: wait_letter(api, created["id"], timeout=180),
    )  # fmt: skip
    assert body["status"] in {"completed", "failed"}, tail
    async with session_factory() as s:
        task = await s.get(BackgroundTask, created["taskId"])
        assert task is not None and task.status == body["status"]
    # The second call was the re-delivered job's, on the second worker.
    assert len([r for r in hanging_once.chat_requests if LETTER_PROMPT in r.text]) >= 2


@pytest.fixture
def import_hanging_once() -> Iterator[FakeOpenAIServer]:
    """A model whose first CV reading never answers; later calls get the minimal answer (the
    rules' reading then stands)."""
    with FakeOpenAIServer() as server:
        server.script(IMPORT_PROMPT, reply=Hang(600), times=1)
        yield server


async def test_an_import_killed_mid_call_is_redelivered_within_its_own_timeout(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    redis: Redis,
    import_hanging_once: FakeOpenAIServer,
    tmp_path: Path,
) -> None:
    server = import_hanging_once
    await point_llm_at(db, server.base_url)
    await register(api, "killed-import@example.com")
    created: dict[str, Any] = {}

    async def start() -> str:
        answer = await api.post("/api/cvs", json={"text": TEXT_CVS["fr_dates_first"].text})
        assert answer.status_code == 202, answer.text
        created.update(answer.json())
        return str(created["taskId"])

    body, tail = await kill_mid_call(
        settings, redis, session_factory, server, IMPORT_PROMPT, tmp_path, start,
        lambda: wait_for_import(api, created["id"], timeout=180),
    )  # fmt: skip
    assert body["extractionStatus"] in {"completed", "failed"}, tail
    async with session_factory() as s:
        task = await s.get(BackgroundTask, created["taskId"])
        assert task is not None and task.status in {"completed", "failed"}
    assert len([r for r in server.chat_requests if IMPORT_PROMPT in r.text]) >= 2
