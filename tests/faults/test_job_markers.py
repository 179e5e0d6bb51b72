"""A worker SIGKILLed in the middle of a letter and a CV import: arq's in-progress marker of each
job expires after the job's own timeout + 10 s (jobs/job_markers.py), not after the
generation's hours, so the next worker re-delivers both and they end, their slots freed."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
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
    """A model whose first letter call and first CV reading never answer (the killed worker
    waits in both); every later call gets the schema's minimal answer (for the import, the
    rules' reading then stands)."""
    with FakeOpenAIServer() as server:
        server.script(LETTER_PROMPT, reply=Hang(600), times=1)
        server.script(IMPORT_PROMPT, reply=Hang(600), times=1)
        yield server


def _calls(server: FakeOpenAIServer, prompt: str) -> int:
    return len([r for r in server.chat_requests if prompt in r.text])


async def test_a_letter_and_an_import_killed_mid_call_are_redelivered_within_their_own_timeout(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    redis: Redis,
    hanging_once: FakeOpenAIServer,
    tmp_path: Path,
) -> None:
    server = hanging_once
    await point_llm_at(db, server.base_url)
    me = await register(api, "killed-mid-call@example.com")
    cv = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    env = {"CVTAILOR_JOB_TIMEOUT_SECONDS": str(JOB_TIMEOUT)}
    first = WorkerProcess(settings, tmp_path / "first.log", **env)
    second = WorkerProcess(settings, tmp_path / "second.log", **env)
    try:
        first.start()
        answer = await api.post(
            "/api/cover-letters", json={"cvFileId": cv.id, "jobOfferId": offer.id}
        )
        assert answer.status_code == 201, answer.text
        letter = answer.json()
        answer = await api.post("/api/cvs", json={"text": TEXT_CVS["fr_dates_first"].text})
        assert answer.status_code == 202, answer.text
        imported = answer.json()
        async with asyncio.timeout(120):  # a net: a loaded machine starts workers slowly
            while not (_calls(server, LETTER_PROMPT) and _calls(server, IMPORT_PROMPT)):
                await asyncio.sleep(0.05)
        for task_id in (letter["taskId"], imported["taskId"]):
            async with session_factory() as s:
                task = await s.get(BackgroundTask, task_id)
                assert task is not None and task.job_id
            # The job's marker lives its own timeout + 10 s, not the worker's longest timeout.
            marker_ms = await redis.pttl(in_progress_key_prefix + task.job_id)
            assert 0 < marker_ms <= (JOB_TIMEOUT + 10) * 1000, marker_ms
        first.kill()
        second.start()
        # Re-delivered once their markers expire: well within the net, hours before the
        # generation's timeout would have let them go.
        letter_body = await wait_letter(api, letter["id"], timeout=180)
        import_body = await wait_for_import(api, imported["id"], timeout=180)
        tail = second.tail()
    finally:
        first.stop()
        second.stop()
    assert letter_body["status"] in {"completed", "failed"}, tail
    assert import_body["extractionStatus"] in {"completed", "failed"}, tail
    for task_id, status in (
        (letter["taskId"], {letter_body["status"]}),
        (imported["taskId"], {"completed", "failed"}),
    ):
        async with session_factory() as s:
            task = await s.get(BackgroundTask, task_id)
            assert task is not None and task.status in status
    # The second calls were the re-delivered jobs', on the second worker.
    assert _calls(server, LETTER_PROMPT) >= 2 and _calls(server, IMPORT_PROMPT) >= 2
