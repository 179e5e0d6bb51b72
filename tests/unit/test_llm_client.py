"""The LLM layer against the fake OpenAI-compatible server: real HTTP through the real SDK."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from pydantic import BaseModel, Field

from app.lib.llm import (
    LLMAuthError,
    LLMEndpoint,
    LLMError,
    LLMInvalidOutputError,
    LLMModelNotFoundError,
    LLMRateLimitedError,
    LLMServerError,
    LLMTimeoutError,
    LLMUnreachableError,
    LLMUnsupportedResponseFormatError,
    StructuredMode,
    aclose_clients,
    complete_structured,
    extract_json,
    list_models,
    mode_cache,
    probe_structured_mode,
    strict_schema,
    test_connection,
)
from app.lib.llm.transport import get_client
from tests.fakes.openai_server import (
    FakeOpenAIServer,
    Hang,
    HttpError,
    Text,
    strict_schema_problem,
)
from tests.fakes.toy_schemas import toy_schema


class Skill(BaseModel):
    name: str
    level: int = Field(ge=1, le=5)


class Tailored(BaseModel):
    title: str
    summary: str | None = None
    skills: list[Skill]
    primary: Skill | None = Field(default=None, description="The skill to put first")


toy_schema(Tailored)


GOOD: dict[str, Any] = {
    "title": "Backend engineer",
    "summary": None,
    "skills": [{"name": "Python", "level": 5}],
    "primary": None,
}
MESSAGES: list[dict[str, Any]] = [
    {"role": "system", "content": "You tailor CVs."},
    {"role": "user", "content": "Tailor this CV for the offer."},
]
MODEL = "fake-model"

ServerFactory = Callable[..., FakeOpenAIServer]


@pytest.fixture(autouse=True)
async def _isolated() -> AsyncIterator[None]:
    mode_cache.clear()
    yield
    mode_cache.clear()
    await aclose_clients()


@pytest.fixture
def make_server() -> Iterator[ServerFactory]:
    servers: list[FakeOpenAIServer] = []

    def factory(**options: Any) -> FakeOpenAIServer:
        servers.append(FakeOpenAIServer(**options).start())
        return servers[-1]

    yield factory
    for server in servers:
        server.stop()


@pytest.fixture
def server(make_server: ServerFactory) -> FakeOpenAIServer:
    return make_server()


def endpoint_for(server: FakeOpenAIServer, timeout_s: float = 5.0) -> LLMEndpoint:
    return LLMEndpoint(base_url=server.base_url, api_key="sk-test", timeout_s=timeout_s)


async def tailor(endpoint: LLMEndpoint, **kwargs: Any) -> Any:
    return await complete_structured(
        endpoint,
        model=MODEL,
        messages=kwargs.pop("messages", MESSAGES),
        schema=Tailored,
        schema_name="tailored_cv",
        **kwargs,
    )


def system_text(request: Any) -> str:
    return str(request.messages[0]["content"])


# ---------------------------------------------------------------------------- modes


@pytest.mark.parametrize(
    ("supports", "reply", "expected"),
    [
        (("json_schema", "json_object"), GOOD, StructuredMode.JSON_SCHEMA),
        (("json_object",), GOOD, StructuredMode.JSON_OBJECT),
        ((), Text(f"Sure! Here it is:\n```json\n{json.dumps(GOOD)}\n```\nGood luck."), "prompt"),
    ],
)
async def test_each_structured_mode_works(
    make_server: ServerFactory, supports: tuple[str, ...], reply: Any, expected: str
) -> None:
    server = make_server(supports=supports)
    server.script("Tailor this CV", reply=reply)

    result = await tailor(endpoint_for(server))

    assert result.mode == expected
    assert result.data == Tailored.model_validate(GOOD)
    assert not result.repaired
    assert result.model == MODEL
    last = server.chat_requests[-1]
    if expected == StructuredMode.JSON_SCHEMA:
        spec = (last.body or {})["response_format"]["json_schema"]
        assert spec["strict"] is True and spec["name"] == "tailored_cv"
        assert strict_schema_problem(spec["schema"]) is None
        assert "skills" not in system_text(last)  # the schema travels in response_format only
    else:
        assert last.response_format_type == (None if expected == "prompt" else "json_object")
        assert '"skills"' in system_text(last)  # schema appended to the system message
        assert system_text(last).startswith("You tailor CVs.")


async def test_probe_picks_mode_and_remembers_it(make_server: ServerFactory) -> None:
    server = make_server(supports=("json_object",))
    endpoint = endpoint_for(server)

    first = await tailor(endpoint)
    probe_types = [r.response_format_type for r in server.chat_requests]
    assert probe_types == ["json_schema", "json_object", "json_object"]  # 2 probes + the call
    assert mode_cache.get(server.base_url, MODEL) is StructuredMode.JSON_OBJECT
    assert first.mode is StructuredMode.JSON_OBJECT

    await tailor(endpoint)
    assert len(server.chat_requests) == 4  # no new probe

    mode_cache.clear()
    assert await probe_structured_mode(endpoint, MODEL) is StructuredMode.JSON_OBJECT


async def test_probe_falls_to_prompt_when_json_modes_give_prose(make_server: ServerFactory) -> None:
    # The server accepts response_format but the model ignores it: unusable → next mode.
    server = make_server()
    server.script("connectivity check", reply=Text("I am fine, thanks!"), times=2)
    assert await probe_structured_mode(endpoint_for(server), MODEL) is StructuredMode.PROMPT


async def test_remembered_json_schema_falls_back_on_400(make_server: ServerFactory) -> None:
    server = make_server()
    endpoint = endpoint_for(server)
    assert (await tailor(endpoint)).mode is StructuredMode.JSON_SCHEMA
    server.requests.clear()

    server.supports = ("json_object",)  # e.g. the admin switched the server's backend
    result = await tailor(endpoint)

    assert result.mode is StructuredMode.JSON_OBJECT
    assert [r.response_format_type for r in server.chat_requests] == ["json_schema", "json_object"]
    assert mode_cache.get(server.base_url, MODEL) is StructuredMode.JSON_OBJECT


async def test_explicit_mode_does_not_probe_or_fall_back(make_server: ServerFactory) -> None:
    server = make_server(supports=("json_object",))
    with pytest.raises(LLMUnsupportedResponseFormatError):
        await tailor(endpoint_for(server), mode=StructuredMode.JSON_SCHEMA)
    assert len(server.chat_requests) == 1
    assert mode_cache.get(server.base_url, MODEL) is None


# ---------------------------------------------------------------------------- repair


async def test_malformed_json_is_repaired_and_usage_summed(server: FakeOpenAIServer) -> None:
    broken = '{"title": "Backend engineer", "skills": ['
    server.script("Tailor this CV", reply=Text(broken), times=1)
    server.script("Tailor this CV", reply=GOOD)

    result = await tailor(endpoint_for(server), mode=StructuredMode.JSON_SCHEMA)

    assert result.repaired
    assert result.data.title == "Backend engineer"
    first, second = server.chat_requests
    assert second.messages[-2] == {"role": "assistant", "content": broken}
    assert "Invalid JSON" in second.messages[-1]["content"]
    assert result.prompt_tokens == len(first.text) // 4 + len(second.text) // 4
    assert result.completion_tokens == len(broken) // 4 + len(json.dumps(GOOD)) // 4
    assert result.raw_text == json.dumps(GOOD)


async def test_schema_violation_errors_are_sent_back(server: FakeOpenAIServer) -> None:
    server.script("Tailor this CV", reply={**GOOD, "skills": [{"name": "Go", "level": 9}]}, times=1)
    server.script("Tailor this CV", reply=GOOD)

    result = await tailor(endpoint_for(server), mode=StructuredMode.JSON_OBJECT)

    assert result.repaired
    assert "skills.0.level" in server.chat_requests[-1].messages[-1]["content"]


async def test_twice_invalid_raises_invalid_output(server: FakeOpenAIServer) -> None:
    server.script("Tailor this CV", reply=Text("no JSON here, sorry"))

    with pytest.raises(LLMInvalidOutputError) as caught:
        await tailor(endpoint_for(server), mode=StructuredMode.PROMPT)

    assert caught.value.code == "invalid_output"
    assert caught.value.errors == ["the answer contains no JSON object"]
    assert len(server.chat_requests) == 2


# ---------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    ("reply", "error_type", "code"),
    [
        (HttpError(401), LLMAuthError, "auth"),
        (HttpError(403), LLMAuthError, "auth"),
        (HttpError(404), LLMModelNotFoundError, "model_not_found"),
        (HttpError(400, "model 'fake-model' not found, try pulling it"), LLMModelNotFoundError,
         "model_not_found"),
        (HttpError(429, retry_after=7), LLMRateLimitedError, "rate_limited"),
        (HttpError(500), LLMServerError, "server_error"),
        (HttpError(503, "overloaded"), LLMServerError, "server_error"),
    ],
)  # fmt: skip
async def test_http_errors_are_mapped(
    server: FakeOpenAIServer, reply: HttpError, error_type: type[LLMError], code: str
) -> None:
    server.script(reply=reply)

    with pytest.raises(error_type) as caught:
        await tailor(endpoint_for(server), mode=StructuredMode.JSON_SCHEMA)

    error = caught.value
    assert error.code == code and error.message
    assert len(server.chat_requests) == 1  # max_retries=0: the SDK never retries
    if isinstance(error, LLMModelNotFoundError):
        assert MODEL in error.message
    if isinstance(error, LLMRateLimitedError):
        assert error.retry_after_s == 7
    if isinstance(error, LLMAuthError):
        assert error.message == "The LLM endpoint rejected the API key"

    with pytest.raises(error_type):  # the same error surfaces through the mode probe
        await tailor(endpoint_for(server))
    assert mode_cache.get(server.base_url, MODEL) is None


async def test_hang_past_timeout_raises_timeout(server: FakeOpenAIServer) -> None:
    server.script(reply=Hang())
    started = time.monotonic()

    with pytest.raises(LLMTimeoutError) as caught:
        await tailor(endpoint_for(server, timeout_s=0.5), mode=StructuredMode.JSON_SCHEMA)

    # The hang lasts an hour: given up at the 0.5 s timeout, with room for a busy machine.
    assert 0.45 <= time.monotonic() - started < 20
    assert caught.value.code == "timeout"


async def test_unreachable_port_raises_unreachable() -> None:
    with socket.socket() as sock:  # a port that was free a moment ago: nothing listens on it
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    endpoint = LLMEndpoint(base_url=f"http://127.0.0.1:{port}/v1", api_key="k", timeout_s=2)

    with pytest.raises(LLMUnreachableError) as caught:
        await tailor(endpoint)

    assert caught.value.code == "unreachable"
    assert endpoint.base_url in caught.value.message


# ---------------------------------------------------------------------------- usage & latency


async def test_cached_tokens_reported_for_shared_prefix(server: FakeOpenAIServer) -> None:
    system = {"role": "system", "content": "You tailor CVs. " + "Rule: be factual. " * 300}
    endpoint = endpoint_for(server)

    first = await tailor(endpoint, messages=[system, {"role": "user", "content": "Offer A"}])
    second = await tailor(endpoint, messages=[system, {"role": "user", "content": "Offer B"}])

    assert first.cached_tokens == 0
    shared_tokens = len(system["content"]) // 4
    assert shared_tokens - 32 <= second.cached_tokens <= second.prompt_tokens
    assert second.cached_tokens % 32 == 0


async def test_latency_injection_is_measurable(make_server: ServerFactory) -> None:
    server = make_server(latency_ms=150)
    server.script("Tailor this CV", reply=GOOD, latency_ms=100)
    started = time.monotonic()

    result = await tailor(endpoint_for(server), mode=StructuredMode.JSON_SCHEMA)

    assert time.monotonic() - started >= 0.25
    assert result.duration_ms >= 250
    assert server.chat_requests[0].received_at >= started


# ---------------------------------------------------------------------------- admin helpers


async def test_list_models_and_test_connection(make_server: ServerFactory) -> None:
    server = make_server(models=("b-model", "a-model"), supports=("json_object",))
    endpoint = endpoint_for(server)

    assert await list_models(endpoint) == ["a-model", "b-model"]
    report = await test_connection(endpoint, "a-model")
    assert report.ok and report.error_code is None
    assert report.mode is StructuredMode.JSON_OBJECT
    assert report.models == ["a-model", "b-model"]
    assert mode_cache.get(server.base_url, "a-model") is StructuredMode.JSON_OBJECT


async def test_connection_reports_bad_key_and_unknown_model(make_server: ServerFactory) -> None:
    server = make_server(api_key="right-key", reject_unknown_models=True)

    bad_key = LLMEndpoint(base_url=server.base_url, api_key="wrong-key")
    report = await test_connection(bad_key, MODEL)
    assert (report.ok, report.error_code, report.mode) == (False, "auth", None)

    good_key = LLMEndpoint(base_url=server.base_url, api_key="right-key")
    report = await test_connection(good_key, "no-such-model")
    assert (report.ok, report.error_code) == (False, "model_not_found")
    assert "no-such-model" in report.message and report.models == [MODEL]


async def test_default_reply_fits_the_schema(server: FakeOpenAIServer) -> None:
    for mode in StructuredMode:  # nothing scripted: the fake answers a minimal valid instance
        result = await tailor(endpoint_for(server), mode=mode)
        assert result.data.skills == [] and not result.repaired


async def test_client_is_cached_per_endpoint(server: FakeOpenAIServer) -> None:
    endpoint = endpoint_for(server)
    client = get_client(endpoint)
    assert get_client(LLMEndpoint(base_url=server.base_url, api_key="sk-test")) is client
    assert get_client(LLMEndpoint(base_url=server.base_url, api_key="other")) is not client
    assert client.max_retries == 0
    assert "sk-test" not in repr(endpoint)


# ---------------------------------------------------------------------------- pure helpers


def test_strict_schema_is_strict_and_keeps_optional_nullable() -> None:
    schema = strict_schema(Tailored)
    assert strict_schema_problem(schema) is None
    assert schema["required"] == ["title", "summary", "skills", "primary"]
    assert {"type": "null"} in schema["properties"]["summary"]["anyOf"]
    assert schema["$defs"]["Skill"]["additionalProperties"] is False
    assert "default" not in json.dumps(schema)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"a": 1}', '{"a": 1}'),
        ('```json\n{"a": "}"}\n```', '{"a": "}"}'),
        ('<think>maybe {"a": 0}</think>Answer: {"a": {"b": 2}} done {"c": 3}', '{"a": {"b": 2}}'),
        ('{"a": [1, 2', '{"a": [1, 2'),
        ("no json", None),
    ],
)
def test_extract_json(text: str, expected: str | None) -> None:
    assert extract_json(text) == expected
