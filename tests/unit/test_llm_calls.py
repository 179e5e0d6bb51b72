"""What each LLM request carries (max_tokens, temperature) and the per-endpoint concurrency
limit, against the fake OpenAI-compatible server through the real SDK."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from pydantic import BaseModel

from app.lib.llm import (
    LLMEndpoint,
    LLMTimeoutError,
    StructuredMode,
    aclose_clients,
    complete_structured,
    mode_cache,
    probe_structured_mode,
)
from app.lib.llm.budget import BUDGETS, CHARS_PER_TOKEN, DEFAULT_BUDGET, max_tokens_for
from app.lib.llm.transport import chat_once
from tests.fakes.openai_server import FakeOpenAIServer, Hang, RecordedRequest, Text
from tests.fakes.toy_schemas import toy_schema


class Summary(BaseModel):
    summary: str


toy_schema(Summary)


MODEL = "fake-model"


def messages(user_text: str) -> list[dict[str, Any]]:
    return [
        {"role": "system", "content": "Rules, the source CV and the offer. " * 50},
        {"role": "user", "content": user_text},
    ]


@pytest.fixture(autouse=True)
async def _isolated() -> AsyncIterator[None]:
    mode_cache.clear()
    yield
    mode_cache.clear()
    await aclose_clients()


@pytest.fixture
def server() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as fake:
        yield fake


async def ask(
    endpoint: LLMEndpoint, schema_name: str = "batch_summary", user_text: str = "Summarise."
) -> Any:
    return await complete_structured(
        endpoint,
        model=MODEL,
        messages=messages(user_text),
        schema=Summary,
        schema_name=schema_name,
        mode=StructuredMode.JSON_SCHEMA,
    )


# ---------------------------------------------------------------------------- budgets


def test_budget_grows_with_the_user_text_never_with_the_system_text_and_is_capped() -> None:
    short, long = "Rewrite this item. " * 10, "Rewrite this item. " * 100
    small = max_tokens_for("batch_experience", messages(short))
    large = max_tokens_for("batch_experience", messages(long))
    assert small < large <= BUDGETS["batch_experience"].cap
    budget = BUDGETS["batch_experience"]
    assert small == budget.base + round(budget.per_input * -(-len(short) // CHARS_PER_TOKEN))
    bigger_system = [{"role": "system", "content": "x" * 50_000}, messages(short)[1]]
    assert max_tokens_for("batch_experience", bigger_system) == small
    assert max_tokens_for("batch_experience", messages("word " * 20_000)) == budget.cap
    # A summary is as long as it is, whatever it reads.
    assert max_tokens_for("batch_summary", messages(long)) == BUDGETS["batch_summary"].cap
    assert max_tokens_for("an_unlisted_schema", messages(short)) == DEFAULT_BUDGET.for_input(
        -(-len(short) // CHARS_PER_TOKEN)
    )


def test_every_schema_budget_leaves_room_for_its_measured_answers() -> None:
    # Longest plausible answers measured on the tailoring corpus (see app/lib/llm/budget.py).
    assert BUDGETS["batch_summary"].cap >= 2 * 133
    assert BUDGETS["batch_experience"].for_input(524) >= 2 * 338
    assert BUDGETS["cv_extraction"].for_input(1512) >= 2 * 1218


# ---------------------------------------------------------------------------- request fields


async def test_requests_carry_the_schema_budget_and_the_endpoint_temperature(
    server: FakeOpenAIServer,
) -> None:
    item = "Experience: " + "Built the billing service and its reports. " * 30
    endpoint = LLMEndpoint(base_url=server.base_url, api_key="k", temperature=0.35)

    await ask(endpoint, "batch_summary")
    await ask(endpoint, "batch_experience", item)

    summary, experience = (r.body or {} for r in server.chat_requests)
    assert summary["temperature"] == experience["temperature"] == 0.35
    assert summary["max_tokens"] == BUDGETS["batch_summary"].cap
    assert experience["max_tokens"] == max_tokens_for("batch_experience", messages(item))
    assert BUDGETS["batch_experience"].base < experience["max_tokens"]


async def test_a_cut_off_answer_is_repaired_within_the_same_budget(
    server: FakeOpenAIServer,
) -> None:
    # A runaway answer stops at max_tokens (finish_reason "length") and gets one repair round.
    server.script(reply=Text('{"summary": "again and again and again', "length"), times=1)
    server.script(reply={"summary": "Backend engineer, eight years of Python."})
    endpoint = LLMEndpoint(base_url=server.base_url, api_key="k")

    result = await ask(endpoint)

    assert result.repaired
    first, repair = server.chat_requests
    assert (first.body or {})["max_tokens"] == (repair.body or {})["max_tokens"] == 512
    assert "cut off at the token limit" in repair.text


class Skill(BaseModel):
    name: str
    evidence: str


class Skills(BaseModel):
    skills: list[Skill]


toy_schema(Skills)


async def test_a_list_cut_off_mid_element_keeps_its_finished_elements_without_a_new_call(
    server: FakeOpenAIServer,
) -> None:
    # The local 1.5B model once ran on inside one evidence quote until max_tokens: the skills it
    # had finished are kept, the unfinished one is dropped, and no repair round is paid for.
    runaway = "and again " * 40
    cut = (
        '{"skills": [{"name": "Python", "evidence": "Built APIs in Python."}, '
        '{"name": "SQL", "evidence": "Wrote SQL reports."}, '
        f'{{"name": "Kafka", "evidence": "{runaway}'
    )
    server.script(reply=Text(cut, "length"), times=1)
    endpoint = LLMEndpoint(base_url=server.base_url, api_key="k")

    result = await complete_structured(
        endpoint,
        model=MODEL,
        messages=messages("Skills."),
        schema=Skills,
        schema_name="batch_skills",
        mode=StructuredMode.JSON_SCHEMA,
    )

    assert [s.name for s in result.data.skills] == ["Python", "SQL"]
    assert result.salvaged and not result.repaired
    assert len(server.chat_requests) == 1


async def test_no_temperature_leaves_the_server_default_and_the_probe_is_small(
    server: FakeOpenAIServer,
) -> None:
    endpoint = LLMEndpoint(base_url=server.base_url, api_key="k", temperature=None)

    await probe_structured_mode(endpoint, MODEL)

    body = server.chat_requests[0].body or {}
    assert "temperature" not in body
    assert body["max_tokens"] == BUDGETS["probe"].cap


# ---------------------------------------------------------------------------- concurrency


def overlapping(requests: list[RecordedRequest]) -> int:
    """Pairs of requests whose time at the server (received → answered) intersect."""
    spans = sorted((r.received_at, r.answered_at or float("inf")) for r in requests)
    return sum(
        1
        for i, (_, end) in enumerate(spans)
        for later_start, _ in spans[i + 1 :]
        if later_start < end
    )


async def test_limit_one_never_overlaps_at_the_server(server: FakeOpenAIServer) -> None:
    server.latency_ms = 300
    limited = LLMEndpoint(base_url=server.base_url, api_key="k", max_concurrency=1)

    results = await asyncio.gather(*(ask(limited) for _ in range(4)))

    assert len(results) == 4 and len(server.chat_requests) == 4
    assert overlapping(server.chat_requests) == 0


async def test_without_a_limit_the_same_calls_overlap(server: FakeOpenAIServer) -> None:
    # The control: the fake answers 4 requests at once, so the check above can fail.
    server.latency_ms = 1000
    unlimited = LLMEndpoint(base_url=server.base_url, api_key="k")

    await asyncio.gather(*(ask(unlimited) for _ in range(4)))

    assert overlapping(server.chat_requests) == 6  # every pair


async def test_the_limit_is_per_endpoint(server: FakeOpenAIServer) -> None:
    server.latency_ms = 1000
    with FakeOpenAIServer(latency_ms=1000) as other:
        first = LLMEndpoint(base_url=server.base_url, api_key="k", max_concurrency=1)
        second = LLMEndpoint(base_url=other.base_url, api_key="k", max_concurrency=1)

        await asyncio.gather(ask(first), ask(second))

        (a,), (b,) = server.chat_requests, other.chat_requests
    assert overlapping([a, b]) == 1  # two endpoints, one slot each: both at once


async def test_a_queued_call_timeout_starts_when_it_is_sent(server: FakeOpenAIServer) -> None:
    # The first call holds the only slot for 2.5 s; the second waits that long, longer than its
    # own 1.5 s timeout, then answers at once: it must succeed.
    server.script("slow question", reply={"summary": "slow"}, latency_ms=2500)
    server.script("quick question", reply={"summary": "quick"})
    patient = LLMEndpoint(base_url=server.base_url, api_key="k", max_concurrency=1)
    hasty = LLMEndpoint(base_url=server.base_url, api_key="k", max_concurrency=1, timeout_s=1.5)
    started = time.monotonic()

    slow = asyncio.create_task(ask(patient, user_text="slow question"))
    await asyncio.sleep(0)  # the slow call takes the slot first
    quick = await ask(hasty, user_text="quick question")

    assert quick.data.summary == "quick" and (await slow).data.summary == "slow"
    first, second = server.chat_requests
    assert "slow question" in first.text and first.answered_at is not None
    assert second.received_at >= first.answered_at  # it really waited for the slot...
    assert second.received_at - started > hasty.timeout_s  # ...longer than its own timeout


async def test_a_timed_out_call_gives_its_slot_back(server: FakeOpenAIServer) -> None:
    server.script("hang", reply=Hang())
    endpoint = LLMEndpoint(base_url=server.base_url, api_key="k", max_concurrency=1)

    with pytest.raises(LLMTimeoutError):
        await chat_once(
            endpoint,
            model=MODEL,
            messages=messages("hang"),
            response_format=None,
            timeout_s=0.5,
        )
    # The slot was given back: the next call goes through.
    assert (await ask(endpoint)).data is not None
