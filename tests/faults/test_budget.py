"""A generation that runs too long: its time budget ends it (failed, refunded once, finished
offers kept), a cancel stops it at once and leaves the database writable, and a job resumed
after a restart past its budget (or its runs) is failed and refunded instead of run again."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from arq.worker import Worker
from sqlalchemy import select, update

from app.config import Settings
from app.db.models import (
    CreditTransaction,
    CvGenerationOffer,
    CvGenerationSubtask,
    CvGenerationTask,
    User,
)
from app.domain.generation.failures import BUDGET_EXCEEDED, GAVE_UP
from tests.fakes.openai_server import Hang
from tests.faults.conftest import Scene
from tests.faults.processes import WorkerProcess
from tests.integration.pipeline_helpers import EventLog, count_now, wait_finished

BUDGET_PER_OFFER = 12.0  # seconds: the quick offer needs ~2 s, with both cores busy ~6 s


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, generation_budget_seconds_per_offer=BUDGET_PER_OFFER)


def _budget_env(settings: Settings) -> dict[str, str]:
    budget = settings.generation_budget_seconds_per_offer
    return {
        "CVTAILOR_GENERATION_BUDGET_SECONDS_PER_OFFER": f"{budget:g}",
        "CVTAILOR_GENERATION_MAX_RUNS": str(settings.generation_max_runs),
    }


async def _offers(scene: Scene, task_id: str) -> list[CvGenerationOffer]:
    async with scene.sessions() as s:
        return list(
            await s.scalars(
                select(CvGenerationOffer)
                .where(CvGenerationOffer.task_id == task_id)
                .order_by(CvGenerationOffer.offer_index)
            )
        )


async def _refunds(scene: Scene, user_id: str) -> list[CreditTransaction]:
    async with scene.sessions() as s:
        rows = await s.scalars(
            select(CreditTransaction).where(
                CreditTransaction.user_id == user_id, CreditTransaction.type == "refund"
            )
        )
        return list(rows)


async def test_budget_exceeded_fails_unfinished_offers_once_and_keeps_finished_ones(
    api: Any, scene: Scene, settings: Settings, worker: Worker
) -> None:
    me = await scene.account(api, "budget@example.com", offers=2)
    # The second offer's classification never answers (the LLM timeout is longer than the
    # whole budget): only the budget can end it.
    scene.llm.script(lambda text: me.offer_titles[1] in text, reply=Hang())
    async with EventLog(settings.effective_redis_url, me.id) as events:
        task_id = await scene.start(api, me)
        task = await scene.finished(task_id, timeout=4 * 2 * BUDGET_PER_OFFER)
        await events.wait_for("cv_generation_v2:completed")
    assert task.status == "completed"  # one offer done: the task is not a total failure
    first, second = await _offers(scene, task_id)
    assert first.status == "completed" and first.generated_cv_file_id
    assert second.status == "failed"
    assert (second.batch_results or {})["failure"]["code"] == BUDGET_EXCEEDED
    assert second.error and "time budget" in second.error
    refunds = await _refunds(scene, me.id)
    assert [r.meta["offerId"] for r in refunds] == [second.id]  # once, and only the unfinished
    failed = events.named("cv_generation_v2:offer_failed")
    assert [(e["offerId"], e["errorCode"], e["creditsRefunded"]) for e in failed] == [
        (second.id, BUDGET_EXCEEDED, 1)
    ]
    (completed,) = events.named("cv_generation_v2:completed")
    assert completed["totalGenerated"] == 1 and completed["creditsRefunded"] == 1
    # The finished offer's CV stays downloadable.
    response = await api.get(f"/api/cvs/{first.generated_cv_file_id}/pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
    # The generation page says why, in the reader's language (French by default).
    page = await api.get(f"/generations/{task_id}", headers={"accept-language": "fr"})
    assert "budget de temps" in page.text


async def test_cancel_stops_a_slow_generation_and_the_database_stays_writable(
    api: Any, scene: Scene, settings: Settings, tmp_path: Path
) -> None:
    scene.llm.latency_ms = 5000  # every call is slow: the job is always mid-call
    me = await scene.account(api, "cancel-slow@example.com", offers=3)
    worker = WorkerProcess(settings, tmp_path / "worker.log", **_budget_env(settings)).start()
    try:
        task_id = await scene.start(api, me)
        running = CvGenerationSubtask.status == "running"
        async with asyncio.timeout(60):
            while await count_now(scene.sessions, CvGenerationSubtask, running) < 2:
                await asyncio.sleep(0.05)
        response = await api.post(f"/api/cv/generate-v2/{task_id}/cancel")
        assert response.status_code == 200 and response.json()["creditsRefunded"] == 3
        task = await scene.finished(task_id, timeout=60)
        assert task.status == "cancelled"
        # Right after, another write succeeds at once: no transaction was left open.
        _write_with_short_timeout(settings.database_url, me.id)
        # The worker sent nothing more to the model once its job ended.
        sent = len(scene.llm.chat_requests)
        await asyncio.sleep(3)
        assert len(scene.llm.chat_requests) == sent
        assert worker.alive(), worker.tail()
    finally:
        worker.stop()
    offers = await _offers(scene, task_id)
    assert [o.status for o in offers] == ["cancelled"] * 3


async def test_cancel_without_the_arq_abort_still_stops_the_job(
    api: Any, scene: Scene, settings: Settings, worker: Worker
) -> None:
    """The database says cancelled but arq was never asked to abort (e.g. Redis was away at
    that moment): the worker sees the status and stops within a few seconds."""
    from app.domain.generation.state import cancel_task

    scene.llm.latency_ms = 45_000  # each call takes longer than the wait below
    me = await scene.account(api, "cancel-flag@example.com", offers=2)
    task_id = await scene.start(api, me)
    running = CvGenerationSubtask.status == "running"
    async with asyncio.timeout(60):
        while await count_now(scene.sessions, CvGenerationSubtask, running) < 1:
            await asyncio.sleep(0.05)
    async with scene.sessions() as s:  # the web's cancel, minus the abort
        task = await s.get(CvGenerationTask, task_id)
        assert task is not None
        await cancel_task(s, task)
        await s.commit()
    async with asyncio.timeout(20):  # the job ends (poll: 2 s), well before its call would
        while worker.tasks:
            await asyncio.sleep(0.1)
    await scene.check_invariants()


def _write_with_short_timeout(database_url: str, user_id: str) -> None:
    path = database_url.split("///", 1)[1]
    with sqlite3.connect(path, timeout=2, isolation_level=None) as conn:
        conn.execute("BEGIN IMMEDIATE")  # raises "database is locked" past 2 s
        conn.execute("UPDATE user_account SET locale = locale WHERE id = ?", (user_id,))
        conn.execute("COMMIT")


async def test_recovery_fails_and_refunds_jobs_past_their_limits(
    api: Any, scene: Scene, settings: Settings, tmp_path: Path
) -> None:
    """Two generations run when their worker dies: one has been down past its time budget, the
    other was already run (and crashed) as often as allowed. The next worker's recovery sweep
    fails and refunds each with its own code instead of running it again."""
    scene.llm.latency_ms = 1000
    limits = {"budget": BUDGET_EXCEEDED, "runs": GAVE_UP}
    env = _budget_env(settings)
    first = WorkerProcess(settings, tmp_path / "worker.log", **env).start()
    second = WorkerProcess(settings, tmp_path / "worker.log", **env)
    users, task_ids, tasks = {}, {}, {}
    try:
        for limit in limits:  # each signs up (and in) on the one client, then generates
            users[limit] = await scene.account(api, f"recover-{limit}@example.com", offers=2)
            task_ids[limit] = await scene.start(api, users[limit])
        logs = {limit: EventLog(settings.effective_redis_url, me.id) for limit, me in users.items()}
        async with logs["budget"], logs["runs"]:
            for task_id in task_ids.values():
                running = CvGenerationSubtask.status == "running"
                mine = CvGenerationSubtask.task_id == task_id
                async with asyncio.timeout(60):
                    while await count_now(scene.sessions, CvGenerationSubtask, running, mine) < 1:
                        await asyncio.sleep(0.05)
            first.kill()
            async with scene.sessions() as s:
                for limit, task_id in task_ids.items():
                    task = await s.get(CvGenerationTask, task_id)
                    assert task is not None and task.status == "running"
                    payload = dict(task.payload or {})
                    if limit == "budget":  # it started long ago (the worker was down meanwhile)
                        payload["startedAt"] = float(payload["startedAt"]) - 3600
                    else:  # it has already been run (and crashed) as often as allowed
                        payload["runs"] = settings.generation_max_runs
                    await s.execute(
                        update(CvGenerationTask)
                        .where(CvGenerationTask.id == task_id)
                        .values(payload=payload)
                    )
                await s.commit()
            second.start()  # its recovery sweep finds the tasks once the dead lease expires
            for limit, task_id in task_ids.items():
                tasks[limit] = await wait_finished(scene.sessions, task_id, timeout=90)
                await logs[limit].wait_for("cv_generation_v2:completed")
            await scene.check_invariants()
    finally:
        first.stop()
        second.stop()
    for limit, me in users.items():
        task = tasks[limit]
        assert task.status == "failed", second.tail()
        offers = await _offers(scene, task.id)
        assert [o.status for o in offers] == ["failed", "failed"]
        assert {(o.batch_results or {})["failure"]["code"] for o in offers} == {limits[limit]}
        refunds = await _refunds(scene, me.id)
        assert sorted(r.meta["offerId"] for r in refunds) == sorted(o.id for o in offers)
        async with scene.sessions() as s:
            user = await s.get(User, me.id)
            assert user is not None and user.credit_balance == me.user["creditBalance"]
        failed = logs[limit].named("cv_generation_v2:offer_failed")
        assert sorted(e["offerId"] for e in failed) == sorted(o.id for o in offers)
