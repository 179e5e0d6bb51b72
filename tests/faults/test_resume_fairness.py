"""A large generation resumed after a worker crash does not starve other users: another user's
generation started after the resumption shares the (single) LLM slot with it and finishes
first. (The resumed job is queued like any other, and sends a few calls at a time:
orchestrator.TASK_CALLS.)"""

from __future__ import annotations

import asyncio
import copy
from pathlib import Path
from typing import Any

from sqlalchemy import select

from app.config import Settings
from app.db.models import CvGenerationSubtask, CvGenerationTask
from app.settings.service import update_setting
from tests import factories
from tests.conftest import register
from tests.fakes import pipeline_llm
from tests.faults.conftest import Account, Scene
from tests.faults.processes import WorkerProcess
from tests.integration.pipeline_helpers import count_now, start_generation, wait_finished

EXPERIENCES = 40  # far more than a task may have in flight


def _large_cv() -> dict[str, Any]:
    cv = copy.deepcopy(factories.EN_CV)
    model = cv["experience"][0]
    cv["experience"] = [
        {
            **model,
            "id": f"exp_{i}",
            "company": f"Company {i}",
            "current": False,
            "start": f"{2000 + i % 20}-01",
            "end": f"{2000 + i % 20}-06",
        }
        for i in range(EXPERIENCES)
    ]
    return cv


async def _account(http: Any, scene: Scene, email: str, content: dict[str, Any]) -> Account:
    me = await register(http, email)
    source = await factories.source_cv(scene.db, me["id"], content)
    title = f"Backend role {email.split('@')[0]}"
    offer = await factories.job_offer(scene.db, me["id"], title=title)
    return Account(me, source.id, [offer.id], [title])


async def test_resumed_large_job_leaves_room_for_another_users_job(
    api: Any, scene: Scene, settings: Settings, tmp_path: Path
) -> None:
    scene.llm.latency_ms = 400
    await update_setting(scene.db, "llm_max_concurrency", "1")  # one LLM slot for everyone
    await scene.db.commit()
    large = await _account(api, scene, "fair-large@example.com", _large_cv())
    first = WorkerProcess(settings, tmp_path / "worker.log").start()
    second = WorkerProcess(settings, tmp_path / "worker.log")
    try:
        large_task = await start_generation(api, large.source_id, large.offer_ids)
        started = CvGenerationSubtask.type == "batch_experience"
        async with asyncio.timeout(60):  # classified, and adapting its experiences
            while await count_now(scene.sessions, CvGenerationSubtask, started) < 1:
                await asyncio.sleep(0.05)
        first.kill()
        await asyncio.sleep(settings.generation_lease_seconds)  # the dead worker's lease ends
        second.start()  # its start-up sweep resumes the large job
        resumed_at = len(scene.llm.chat_requests)
        async with asyncio.timeout(60):
            while len(scene.llm.chat_requests) < resumed_at + 2:
                await asyncio.sleep(0.05)
        # Another user starts a generation while the resumed job has many calls to go.
        other = await scene.account(api, "fair-small@example.com")
        small_task = await scene.start(api, other)
        # The large job is still running when the small one ends: only the state after both
        # have ended must pass the invariants (their settle step waits for every task).
        small_done = await wait_finished(scene.sessions, small_task, timeout=120)
        large_done = await scene.finished(large_task, timeout=240)
    finally:
        first.stop()
        second.stop()
    assert small_done.status == "completed" and large_done.status == "completed", second.tail()
    # The other user's job ran alongside the resumed one, not after it: its first call went
    # out while the large job still had experiences to send, and it finished first.
    requests = scene.llm.chat_requests
    small_first = next(i for i, r in enumerate(requests) if other.offer_titles[0] in r.text)
    large_experiences = [
        i
        for i, r in enumerate(requests)
        if large.offer_titles[0] in r.text and pipeline_llm.phase_of(r) == "batch_experience"
    ]
    assert [i for i in large_experiences if i > small_first], "the small job waited for all"
    assert small_done.completed_at and large_done.completed_at
    assert small_done.completed_at < large_done.completed_at
    async with scene.sessions() as s:
        tasks = {t.id: t for t in await s.scalars(select(CvGenerationTask))}
    assert (tasks[large_task].payload or {}).get("runs") == 2  # resumed once
