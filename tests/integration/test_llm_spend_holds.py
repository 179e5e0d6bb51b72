"""Several multi-call pieces of work started at once stay near the daily budget
(app/lib/llm/spend.py): each work's first call holds room for its other calls, in the same Redis
script as the check, so the next work's check sees it. Before, each work's first call passed
(the counter was still low), then every one of them ran to its end far past the limit.

Real Redis and the fake OpenAI-compatible server; all first calls are in flight together.
"""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import UTC, datetime

import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.lib.input_errors import InputError
from app.lib.llm import LLMSpendLimitError
from app.lib.llm.spend import estimate_tokens, spend_key
from app.settings.llm_endpoint import llm_endpoint, refuse_when_spent
from tests.fakes.openai_server import FakeOpenAIServer
from tests.integration.test_llm_spend import _ask, _endpoint, _use, llm  # noqa: F401

CALLS = 4  # calls of one piece of work
WORKS = 10


async def test_parallel_multi_call_work_stays_within_the_budget(
    db: AsyncSession,
    settings: Settings,
    redis: Redis,
    llm: FakeOpenAIServer,  # noqa: F811
) -> None:
    await _use(db, llm)
    await _ask(await _endpoint(db, settings, redis, "probe-user", 0))
    sent = llm.chat_requests[0].body or {}
    call = estimate_tokens(sent["messages"], sent.get("max_tokens"))  # what a call reserves
    llm.reset()
    llm.script(None, reply={"word": "hello"}, latency_ms=200)  # the first calls overlap
    limit = 2 * CALLS * call  # two pieces of work, by what they reserve
    limited = replace(settings, llm_daily_tokens_per_user=limit)

    async def work() -> int:
        endpoint = await llm_endpoint(db, limited, user_id="bo", redis=redis, work_calls=CALLS)
        assert endpoint is not None and endpoint.meter is not None
        spent = 0
        for _ in range(CALLS):
            spent += await _ask(endpoint)
        await endpoint.meter.release()
        return spent

    outcomes = await asyncio.gather(*(work() for _ in range(WORKS)), return_exceptions=True)
    done = [o for o in outcomes if isinstance(o, int)]
    refused = [o for o in outcomes if isinstance(o, LLMSpendLimitError)]
    assert len(done) + len(refused) == WORKS, outcomes
    # Work let through ran to its end (no half-made work); the rest sent nothing.
    assert len(llm.chat_requests) == len(done) * CALLS
    assert 1 <= len(done) <= 3, f"{len(done)} of {WORKS} works ran on a budget for 2"
    used = int(await redis.get(spend_key("bo", datetime.now(UTC).date().isoformat())) or 0)
    assert used == sum(done) <= limit + CALLS * call
    # Released: nothing is held any more, so the next work is judged on what was really spent.
    held = await redis.hvals(spend_key("bo", datetime.now(UTC).date().isoformat()) + ":held")
    assert held == []


async def test_a_hold_lapses_without_a_release(
    db: AsyncSession,
    settings: Settings,
    redis: Redis,
    llm: FakeOpenAIServer,  # noqa: F811
) -> None:
    """A work that died without releasing (a killed worker) holds its room only until
    ``HOLD_SECONDS`` after its last call: here the hold is moved into the past by hand."""
    await _use(db, llm)
    cost = await _ask(await _endpoint(db, settings, redis, "probe-user", 0))
    limited = replace(settings, llm_daily_tokens_per_user=3 * cost)
    crashed = await llm_endpoint(db, limited, user_id="cy", redis=redis, work_calls=10)
    assert crashed is not None
    await _ask(crashed)  # holds ~9 calls' room: far past the budget
    with_hold = await llm_endpoint(db, limited, user_id="cy", redis=redis)
    assert with_hold is not None
    with pytest.raises(LLMSpendLimitError):  # the crashed work's hold still counts
        await _ask(with_hold)
    with pytest.raises(InputError) as refused:  # and new work is refused before any debit
        await refuse_when_spent(db, limited, redis, "cy")
    assert refused.value.code == "llm.spend_limit"
    key = spend_key("cy", datetime.now(UTC).date().isoformat())
    assert crashed.meter is not None
    await redis.zadd(f"{key}:held-until", {crashed.meter.work_id: 1})  # lapsed long ago
    later = await llm_endpoint(db, limited, user_id="cy", redis=redis)
    assert later is not None
    assert await _ask(later) > 0
    await refuse_when_spent(db, limited, redis, "cy")  # nothing held: the real spend is below
