"""The daily LLM token budget per user (app/lib/llm/spend.py), with real Redis and the fake
OpenAI-compatible server: every call of a user's work is counted at the one round trip all calls
go through; past the budget new work is refused before anything is sent (imports and offer
extractions fall back to the rule-based readers), another user is not, the next UTC day starts
from zero, and parallel work overshoots by one call at most."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from pydantic import BaseModel
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CoverLetter, CvGenerationTask
from app.domain.cvs.extraction import extract
from app.domain.offers.extraction import SPEND_FALLBACK, extract_offer_fields
from app.lib.llm import LLMEndpoint, LLMSpendLimitError, SpendMeter, complete_structured
from app.lib.llm.last_error import KEY, last_llm_error
from app.lib.llm.spend import KEY_TTL_SECONDS, spend_key
from app.lib.llm.structured import StructuredMode
from app.settings.llm_endpoint import llm_endpoint
from app.settings.service import update_setting
from tests import factories
from tests.conftest import csrf_token, register
from tests.fakes.openai_server import FakeOpenAIServer
from tests.fakes.toy_schemas import toy_schema
from tests.integration.pipeline_helpers import count_now, generate
from tests.integration.test_cover_letters_api import balance
from tests.integration.test_extraction_llm_failure import CV_TEXT, OFFER_TEXT


class Word(BaseModel):
    word: str


toy_schema(Word)

PROMPT = [{"role": "user", "content": "Say one word. " * 40}]


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        server.script(None, reply={"word": "hello"})
        yield server


async def _use(db: AsyncSession, server: FakeOpenAIServer) -> None:
    await update_setting(db, "llm_base_url", server.base_url)
    await update_setting(db, "llm_api_key", "test-key")
    await db.commit()


async def _endpoint(
    db: AsyncSession, settings: Settings, redis: Redis, user_id: str, limit: int
) -> LLMEndpoint:
    endpoint = await llm_endpoint(
        db, replace(settings, llm_daily_tokens_per_user=limit), user_id=user_id, redis=redis
    )
    assert endpoint is not None and endpoint.meter is not None
    return endpoint


async def _ask(endpoint: LLMEndpoint) -> int:
    """One piece of work of one call (an explicit mode: no probe); its tokens as reported."""
    result = await complete_structured(
        endpoint,
        model="m",
        messages=PROMPT,
        schema=Word,
        schema_name="echo",
        mode=StructuredMode.JSON_SCHEMA,
    )
    return result.total_tokens


async def test_calls_are_counted_and_work_past_the_budget_is_refused_before_it_is_sent(
    db: AsyncSession, settings: Settings, redis: Redis, llm: FakeOpenAIServer
) -> None:
    await _use(db, llm)
    cost = await _ask(await _endpoint(db, settings, redis, "ana", 0))
    assert cost > 0
    today = datetime.now(UTC).date().isoformat()
    assert int(await redis.get(spend_key("ana", today)) or 0) == cost  # the server's own count
    assert 0 < await redis.ttl(spend_key("ana", today)) <= KEY_TTL_SECONDS  # keys expire

    limit = 2 * cost
    await _ask(await _endpoint(db, settings, redis, "ana", limit))  # used: 2 × cost = the limit
    sent = len(llm.chat_requests)
    with pytest.raises(LLMSpendLimitError) as refused:
        await _ask(await _endpoint(db, settings, redis, "ana", limit))
    assert (refused.value.code, refused.value.used, refused.value.limit) == (
        "spend_limit",
        2 * cost,
        limit,
    )
    assert len(llm.chat_requests) == sent  # nothing reached the server
    assert await _ask(await _endpoint(db, settings, redis, "ben", limit)) == cost  # another user


async def test_work_already_running_finishes_past_the_budget(
    db: AsyncSession, settings: Settings, redis: Redis, llm: FakeOpenAIServer
) -> None:
    await _use(db, llm)
    cost = await _ask(await _endpoint(db, settings, redis, "probe-user", 0))
    endpoint = await _endpoint(db, settings, redis, "ana", cost)
    await _ask(endpoint)  # the first call of this work: admitted, the budget is now used up
    await _ask(endpoint)  # the same work's next call (a generation's next phase) still runs
    with pytest.raises(LLMSpendLimitError):
        await _ask(await _endpoint(db, settings, redis, "ana", cost))  # new work does not


async def test_the_next_utc_day_starts_from_zero(
    db: AsyncSession, settings: Settings, redis: Redis, llm: FakeOpenAIServer
) -> None:
    await _use(db, llm)
    clock = [datetime(2026, 3, 1, 23, 59, tzinfo=UTC)]
    endpoint = await _endpoint(db, settings, redis, "ana", 1)

    def work() -> LLMEndpoint:  # a new piece of work on the injected clock
        return replace(endpoint, meter=SpendMeter(redis, "ana", 1, now=lambda: clock[0]))

    await _ask(work())
    with pytest.raises(LLMSpendLimitError):
        await _ask(work())
    clock[0] += timedelta(minutes=2)  # 00:01 UTC the next day
    await _ask(work())
    assert await redis.get(spend_key("ana", "2026-03-01")) is not None
    assert await redis.get(spend_key("ana", "2026-03-02")) is not None


async def test_parallel_work_overshoots_by_one_call_at_most(
    db: AsyncSession, settings: Settings, redis: Redis, llm: FakeOpenAIServer
) -> None:
    await _use(db, llm)
    cost = await _ask(await _endpoint(db, settings, redis, "probe-user", 0))
    llm.reset()
    llm.script(None, reply={"word": "hello"}, latency_ms=200)  # all in flight at once
    limit = 3 * cost  # one after another: exactly 3 calls
    endpoints = [await _endpoint(db, settings, redis, "ana", limit) for _ in range(20)]
    outcomes = await asyncio.gather(*(_ask(e) for e in endpoints), return_exceptions=True)

    done = [o for o in outcomes if isinstance(o, int)]
    refused = [o for o in outcomes if isinstance(o, LLMSpendLimitError)]
    assert len(done) + len(refused) == 20
    assert 1 <= len(done) <= 3 + 1
    assert len(llm.chat_requests) == len(done)  # a refused call sent nothing
    used = int(await redis.get(spend_key("ana", datetime.now(UTC).date().isoformat())) or 0)
    assert used == len(done) * cost < limit + cost + 1


async def test_an_offer_past_the_budget_is_filled_by_the_rules_and_says_why(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    redis: Redis,
    settings: Settings,
    llm: FakeOpenAIServer,
) -> None:
    me = await register(client, "offer-spent@example.com")
    await _use(db, llm)
    await redis.delete(KEY)
    today = datetime.now(UTC).date().isoformat()
    await redis.set(spend_key(me["id"], today), 10_000)
    tight = replace(settings, llm_daily_tokens_per_user=10_000)
    offer = await factories.job_offer(db, me["id"], title="", company="", description=OFFER_TEXT)

    summary = await extract_offer_fields(db, tight, offer, 1, 3, redis=redis)
    await db.commit()

    assert summary["parser"] == "rules" and offer.title
    assert offer.extraction_error == SPEND_FALLBACK
    assert llm.chat_requests == []  # nothing sent
    assert await last_llm_error(redis) is None  # the user's budget, not the admin's endpoint
    for language, sentence in (
        ("fr", "Votre budget quotidien d'IA est épuisé"),
        ("en", "Your daily AI budget is used up"),
    ):
        await client.post(
            "/locale",
            data={"locale": language, "next": "/"},
            headers={"x-csrftoken": client.cookies["csrftoken"]},
        )
        page = await client.get(f"/offers/{offer.id}")
        assert sentence in page.text.replace("&#39;", "'"), language

    other = await register(client, "offer-fresh@example.com")
    theirs = await factories.job_offer(db, other["id"], title="", description=OFFER_TEXT)
    await extract_offer_fields(db, tight, theirs, 1, 3, redis=redis)
    assert theirs.extraction_error is None and len(llm.chat_requests) >= 1  # not refused


async def test_a_cv_import_past_the_budget_uses_the_rules_and_says_why(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    redis: Redis,
    settings: Settings,
    llm: FakeOpenAIServer,
) -> None:
    me = await register(client, "cv-spent@example.com")
    await _use(db, llm)
    await redis.delete(KEY)
    await redis.set(spend_key(me["id"], datetime.now(UTC).date().isoformat()), 500)
    cv = await factories.source_cv(db, me["id"])
    cv.original_mime, cv.original_bytes = "text/plain", CV_TEXT.encode()
    await db.commit()

    tight = replace(settings, llm_daily_tokens_per_user=500)
    result = await extract(db, tight, cv, 1, 3, redis=redis)

    assert result.parser == "rules" and not result.content.is_empty()
    assert [(w["code"], w["values"]["limit"]) for w in result.warnings] == [
        ("llm_spend_limit", 500)
    ]
    assert llm.chat_requests == []
    assert await last_llm_error(redis) is None


async def test_generations_and_letters_past_the_budget_are_refused_before_any_debit(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    redis: Redis,
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    llm: FakeOpenAIServer,
) -> None:
    me = await register(client, "gen-spent@example.com")
    await _use(db, llm)
    limit = settings.llm_daily_tokens_per_user
    await redis.set(spend_key(me["id"], datetime.now(UTC).date().isoformat()), limit)
    cv = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    before = await balance(session_factory, me["id"])

    refused = await generate(client, cv.id, [offer.id])
    assert refused.status_code == 429, refused.text
    body = refused.json()
    assert (body["error"], body["used"], body["limit"]) == ("llm.spend_limit", limit, limit)
    token = await csrf_token(client)
    letter = await client.post(
        "/api/cover-letters",
        json={"cvFileId": cv.id, "jobOfferId": offer.id},
        headers={"x-csrftoken": token},
    )
    assert (letter.status_code, letter.json()["error"]) == (429, "llm.spend_limit")
    assert await balance(session_factory, me["id"]) == before  # no credit debited
    assert await count_now(session_factory, CvGenerationTask) == 0
    assert await count_now(session_factory, CoverLetter) == 0

    other = await register(client, "gen-fresh@example.com")  # another user: not refused
    their_cv = await factories.source_cv(db, other["id"])
    their_offer = await factories.job_offer(db, other["id"])
    accepted = await generate(client, their_cv.id, [their_offer.id])
    assert accepted.status_code < 300, accepted.text
