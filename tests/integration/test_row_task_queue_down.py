"""A row task (app/tasks/row_kind.py) whose job Redis refuses: the request says why (503), the
letter ends failed with the queue's sentence, its task failed, its credit given back once under
its refund reason. The queue is a real arq client pointed at a port nothing listens on."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from arq.connections import ArqRedis
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import BackgroundTask, CoverLetter, CreditTransaction, User
from app.domain.letters import services as letters
from app.domain.letters.lifecycle import LETTER_QUEUE_DOWN
from app.lib.dependencies import TaskQueue
from app.lib.input_errors import InputError
from app.lib.refund_reasons import RefundReason
from tests import factories
from tests.conftest import register
from tests.integration.pipeline_helpers import count_now, read_now


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_a_letter_the_queue_refuses_ends_failed_and_refunded_once(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    redis: Redis,
) -> None:
    me = await register(api, "queue-down@example.com")
    cv = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    user = await db.get(User, me["id"])
    assert user is not None
    before = user.credit_balance
    dead = ArqRedis(host="127.0.0.1", port=_closed_port(), socket_connect_timeout=2)
    try:
        with pytest.raises(InputError) as refused:
            await letters.request_letter(
                db, TaskQueue(redis, dead), user,
                cv_file_id=cv.id, job_offer_id=offer.id, settings=settings,
            )  # fmt: skip
    finally:
        await dead.aclose()
    assert refused.value.code == "queue_unavailable" and refused.value.status_code == 503
    letter = await read_now(session_factory, select(CoverLetter))
    assert letter is not None and letter.status == "failed" and letter.error == LETTER_QUEUE_DOWN
    task = await read_now(session_factory, select(BackgroundTask))
    assert task is not None and task.status == "failed"
    paid_back = select(User.credit_balance).where(User.id == me["id"])
    assert await read_now(session_factory, paid_back) == before
    refund = CreditTransaction.type == "refund"
    assert await count_now(session_factory, CreditTransaction, refund) == 1
    reason = await read_now(session_factory, select(CreditTransaction.reason).where(refund))
    assert reason == RefundReason.LETTER_NOT_QUEUED
