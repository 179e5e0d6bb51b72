"""What must hold after any fault, once the system has settled.

``assert_invariants`` first waits (generously) until no row is left mid-flight, then checks:

1. every generation task, offer row, subtask, background task, imported CV and job offer is in a
   final state (no orphan ``pending``/``running``);
2. no LLM call of a subtask was made again after its completion was recorded (requests are
   attributed to subtasks at the fake LLM server: offer title + phase + item id);
3. every user's balance equals the sum of their ledger;
4. every generation was debited once; every failed or cancelled offer refunded exactly once,
   completed ones never; every failed (or cancelled) paid import/extraction refunded exactly once;
5. no concurrency slot is left in ``task_slot``;
6. no generation lease (and no import upload lock) is left in Redis.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime
from typing import Any

from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.credits.ledger import ledger_sum
from app.db.models import (
    BackgroundTask,
    CreditTransaction,
    CvFile,
    CvGenerationOffer,
    CvGenerationSubtask,
    CvGenerationTask,
    JobOffer,
    TaskSlot,
    User,
)
from app.db.models.status import FINISHED, GENERATION_FINISHED, OFFER_FINISHED
from app.domain.generation.state import cost_per_offer
from jobs.pipeline.lock import lease_key
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer, RecordedRequest

FINISHED_SUBTASK = ("completed", "failed", "cancelled")
UNFINISHED_EXTRACTION = ("pending", "running")
# A request landing this long after completed_at was sent after the completion was committed.
CLOCK_SLACK_SECONDS = 1.0


async def unfinished_rows(session: AsyncSession) -> list[str]:
    """Rows still mid-flight, described for an assertion message."""
    found: list[str] = []
    checks: list[tuple[Any, Any, tuple[str, ...]]] = [
        (CvGenerationTask, CvGenerationTask.status, GENERATION_FINISHED),
        (CvGenerationOffer, CvGenerationOffer.status, OFFER_FINISHED),
        (CvGenerationSubtask, CvGenerationSubtask.status, FINISHED_SUBTASK),
        (BackgroundTask, BackgroundTask.status, FINISHED),
    ]
    for model, column, final in checks:
        for row in await session.scalars(select(model).where(column.not_in(final))):
            found.append(f"{model.__name__} {row.id} is {row.status}")
    for model in (CvFile, JobOffer):
        rows = await session.scalars(
            select(model).where(model.extraction_status.in_(UNFINISHED_EXTRACTION))
        )
        found += [f"{model.__name__} {r.id} extraction {r.extraction_status}" for r in rows]
    return found


async def settle(sessions: async_sessionmaker[AsyncSession], timeout: float = 90) -> None:
    """Wait until nothing is mid-flight; fail with the stragglers after ``timeout``."""
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        async with sessions() as session:
            left = await unfinished_rows(session)
        if not left:
            return
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"not settled after {timeout:g}s: {left}")
        await asyncio.sleep(0.1)


def request_key(request: RecordedRequest) -> tuple[str, str] | None:
    """(offer title, phase:item id) of a pipeline call; None for probes and other requests."""
    if pipeline_llm.phase_of(request) is None:
        return None
    offer = pipeline_llm.block(request.messages[0]["content"], "job_offer") or {}
    return str(offer.get("title", "")), pipeline_llm.item_key(request)


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def _subtask_keys(session: AsyncSession) -> list[tuple[tuple[str, str], CvGenerationSubtask]]:
    titles = {
        offer.id: job.title
        for offer, job in (
            await session.execute(
                select(CvGenerationOffer, JobOffer).join(
                    JobOffer, JobOffer.id == CvGenerationOffer.job_offer_id
                )
            )
        ).all()
    }
    assert len(set(titles.values())) == len(titles) or not titles, (
        "give each offer of a scenario its own title, so LLM calls can be attributed"
    )
    keyed = []
    for row in await session.scalars(select(CvGenerationSubtask)):
        item = ""
        if row.type in ("batch_experience", "batch_project") and row.result:
            item = str(row.result.get("data", {}).get("id", ""))
        keyed.append(((titles.get(row.offer_id or "", ""), f"{row.type}:{item}"), row))
    return keyed


async def _check_llm_calls(session: AsyncSession, llm: FakeOpenAIServer) -> list[str]:
    problems: list[str] = []
    calls: dict[tuple[str, str], list[float]] = {}
    for request in list(llm.chat_requests):
        key = request_key(request)
        if key is not None:
            calls.setdefault(key, []).append(request.received_wall)
    for key, row in await _subtask_keys(session):
        if row.status != "completed" or row.completed_at is None:
            continue
        done = _aware(row.completed_at).timestamp() + CLOCK_SLACK_SECONDS
        later = [at for at in calls.get(key, []) if at > done]
        if later:
            problems.append(f"{key} called {len(later)} time(s) after its completion was recorded")
        if not calls.get(key):
            problems.append(f"{key} completed without any LLM call reaching the server")
    return problems


def _expected_input_refunds(task: BackgroundTask) -> set[int]:
    """How many refunds a paid import or offer extraction may have, by how it ended."""
    if task.status in ("failed", "cancelled"):
        return {1}  # never delivered (failed, cancelled, its CV or offer deleted): refunded once
    return {0}


async def _check_credits(session: AsyncSession) -> list[str]:
    problems: list[str] = []
    for user in await session.scalars(select(User)):
        total = await ledger_sum(session, user.id)
        if total != user.credit_balance:
            problems.append(f"user {user.email}: balance {user.credit_balance} != ledger {total}")
    entries = list(await session.scalars(select(CreditTransaction)))
    debits = Counter(e.meta.get("taskId") for e in entries if e.type == "debit")
    refunds = Counter(e.meta.get("offerId") for e in entries if e.type == "refund")
    refunded_charges = Counter(
        e.meta.get("originalTransactionId") for e in entries if e.type == "refund"
    )
    for task in await session.scalars(select(CvGenerationTask)):
        paid = cost_per_offer(task) > 0 and task.credit_transaction_id is not None
        if paid and debits[task.id] != 1:
            problems.append(f"generation {task.id} debited {debits[task.id]} times")
        offers = await session.scalars(
            select(CvGenerationOffer).where(CvGenerationOffer.task_id == task.id)
        )
        for offer in offers:
            expected = 1 if paid and offer.status in ("failed", "cancelled") else 0
            if refunds[offer.id] != expected:
                problems.append(
                    f"offer {offer.id} ({offer.status}) refunded {refunds[offer.id]} times, "
                    f"expected {expected}"
                )
    for task in await session.scalars(select(BackgroundTask)):
        charge = (task.progress or {}).get("creditTransactionId")
        if charge:
            expected = _expected_input_refunds(task)
            if refunded_charges[charge] not in expected:
                problems.append(
                    f"{task.type} task {task.id} ({task.status}) refunded "
                    f"{refunded_charges[charge]} times, expected {sorted(expected)}"
                )
    return problems


LEASE_RELEASE_TIMEOUT_S = 15.0  # the release follows the task's last commit, on a busy machine


async def _held_leases(session: AsyncSession, redis: Redis) -> list[str]:
    task_ids = list(await session.scalars(select(CvGenerationTask.id)))
    return [key for key in map(lease_key, task_ids) if await redis.exists(key)]


async def _check_redis(session: AsyncSession, redis: Redis) -> list[str]:
    """Leases and import locks left behind. A job releases its lease just after the commit that
    ends its task (jobs/pipeline/lock.py), so a lease still held is waited for a while first."""
    deadline = asyncio.get_running_loop().time() + LEASE_RELEASE_TIMEOUT_S
    leases = await _held_leases(session, redis)
    while leases and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.1)
        leases = await _held_leases(session, redis)
    locks = [key async for key in redis.scan_iter(match="cvtailor:cvimport:*", count=1000)]
    return [f"Redis key left behind: {key!r}" for key in [*leases, *locks]]


async def assert_invariants(
    sessions: async_sessionmaker[AsyncSession],
    redis: Redis,
    llm: FakeOpenAIServer | None = None,
    *,
    settle_timeout: float = 90,
) -> None:
    """Settle, then check every invariant; one AssertionError lists every violation."""
    await settle(sessions, settle_timeout)
    async with sessions() as session:
        problems = await _check_credits(session)
        slots = list(await session.scalars(select(TaskSlot)))
        problems += [f"slot {s.task_type} still held by task {s.task_id}" for s in slots]
        problems += await _check_redis(session, redis)
        if llm is not None:
            problems += await _check_llm_calls(session, llm)
    assert not problems, "invariants violated:\n" + "\n".join(problems)
