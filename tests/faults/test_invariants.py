"""The invariant checker itself: a consistent state passes, and each kind of damage a fault
could leave behind is reported (so a scenario that passes has really been checked)."""

from __future__ import annotations

import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from redis.asyncio import Redis
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.credits.ledger import debit, grant, refund
from app.db.models import (
    CvGenerationOffer,
    CvGenerationSubtask,
    CvGenerationTask,
    JobOffer,
    TaskSlot,
    User,
)
from app.db.models.base import utcnow
from jobs.pipeline.lock import lease_key
from tests.fakes.openai_server import FakeOpenAIServer, RecordedRequest
from tests.faults.invariants import assert_invariants


@dataclass
class Scene:
    """One user, one finished generation of one offer with one completed LLM call."""

    user_id: str
    task: CvGenerationTask
    offer_id: str
    llm: FakeOpenAIServer


def _classify_call(title: str, at: float) -> RecordedRequest:
    messages = [
        {"role": "system", "content": f'<job_offer>\n{{"title": "{title}"}}\n</job_offer>'},
        {"role": "user", "content": "## Task: classify experiences and projects"},
    ]
    body = {"model": "m", "messages": messages}
    return RecordedRequest("POST", "/v1/chat/completions", {}, body, time.monotonic(), at)


@pytest.fixture
async def scene(db: AsyncSession) -> Scene:
    user = User(email="checker@example.com", password_hash="x")
    db.add(user)
    await db.flush()
    await grant(db, user.id, 10, "welcome")
    job = JobOffer(user_id=user.id, title="Checked role", extraction_status="completed")
    db.add(job)
    task = CvGenerationTask(
        user_id=user.id, status="completed", total_offers=1, payload={"costPerOffer": 1}
    )
    db.add(task)
    await db.flush()
    entry = await debit(db, user.id, 1, "gpt_cv_generation", {"taskId": task.id})
    assert entry is not None
    task.credit_transaction_id = entry.id
    offer = CvGenerationOffer(
        task_id=task.id, job_offer_id=job.id, offer_index=0, status="completed"
    )
    db.add(offer)
    await db.flush()
    done_at = utcnow() - timedelta(seconds=10)
    db.add(
        CvGenerationSubtask(
            task_id=task.id,
            offer_id=offer.id,
            type="classify",
            status="completed",
            result={"data": {}},
            completed_at=done_at,
        )
    )
    await db.commit()
    llm = FakeOpenAIServer()
    llm.requests.append(_classify_call("Checked role", done_at.timestamp() - 1))
    return Scene(user.id, task, offer.id, llm)


async def _offer(db: AsyncSession, scene: Scene, status: str) -> None:
    await db.execute(
        update(CvGenerationOffer)
        .where(CvGenerationOffer.id == scene.offer_id)
        .values(status=status)
    )


async def _refund(db: AsyncSession, scene: Scene) -> None:
    meta = {"taskId": scene.task.id, "offerId": scene.offer_id}
    await refund(db, scene.user_id, 1, "refund", scene.task.credit_transaction_id, meta)


async def offer_left_running(db: AsyncSession, scene: Scene, redis: Redis) -> None:
    await _offer(db, scene, "batching")


async def balance_off_the_ledger(db: AsyncSession, scene: Scene, redis: Redis) -> None:
    await db.execute(update(User).where(User.id == scene.user_id).values(credit_balance=3))


async def failed_offer_not_refunded(db: AsyncSession, scene: Scene, redis: Redis) -> None:
    await _offer(db, scene, "failed")


async def failed_offer_refunded_twice(db: AsyncSession, scene: Scene, redis: Redis) -> None:
    await _offer(db, scene, "failed")
    await _refund(db, scene)
    await _refund(db, scene)


async def slot_left_behind(db: AsyncSession, scene: Scene, redis: Redis) -> None:
    db.add(TaskSlot(user_id=scene.user_id, task_type="cv_generation", task_id=scene.task.id))


async def lease_left_behind(db: AsyncSession, scene: Scene, redis: Redis) -> None:
    await redis.set(lease_key(scene.task.id), "token", ex=60)


async def call_repeated_after_completion(db: AsyncSession, scene: Scene, redis: Redis) -> None:
    scene.llm.requests.append(_classify_call("Checked role", time.time()))


Damage = Callable[[AsyncSession, Scene, Redis], Awaitable[None]]


async def test_a_consistent_state_passes(
    scene: Scene, session_factory: async_sessionmaker[AsyncSession], redis: Redis
) -> None:
    await assert_invariants(session_factory, redis, scene.llm, settle_timeout=1)


@pytest.mark.parametrize(
    ("damage", "reported"),
    [
        (offer_left_running, "not settled"),
        (balance_off_the_ledger, "!= ledger"),
        (failed_offer_not_refunded, "refunded 0 times, expected 1"),
        (failed_offer_refunded_twice, "refunded 2 times, expected 1"),
        (slot_left_behind, "slot cv_generation still held"),
        (lease_left_behind, "Redis key left behind"),
        (call_repeated_after_completion, "after its completion was recorded"),
    ],
)
async def test_each_kind_of_damage_is_reported(
    scene: Scene,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    redis: Redis,
    damage: Damage,
    reported: str,
) -> None:
    await damage(db, scene, redis)
    await db.commit()
    try:
        with pytest.raises(AssertionError, match=reported):
            await assert_invariants(session_factory, redis, scene.llm, settle_timeout=0.3)
    finally:
        await redis.delete(lease_key(scene.task.id))
