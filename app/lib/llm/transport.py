"""One chat-completion round trip over a cached ``openai.AsyncOpenAI`` client.

Each round trip waits for a slot of its endpoint first (``slots``), so its timeout covers its
own answer only, and sends the endpoint's ``temperature`` and the caller's ``max_tokens``.

Every client sends through the outbound policy (app/lib/outbound/): the endpoint's address
checked at each request under its ``network`` policy, no redirect followed, at most
``MAX_ANSWER_BYTES`` decoded, and the call's timeout a deadline for the whole answer.

Everything above this module deals in ``LLMEndpoint`` / ``ChatReply`` / ``LLMError`` and never
sees SDK objects or SDK exceptions.
"""

from __future__ import annotations

import asyncio
import weakref
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, cast

import httpx
import openai

from app.lib.llm.answer_shape import NotACompletion, first_choice, model_name, token_counts
from app.lib.llm.errors import LLMError, LLMServerError, LLMUnreachableError, map_openai_error
from app.lib.llm.slots import UNLIMITED, endpoint_slot
from app.lib.llm.spend import Reservation, SpendMeter, estimate_tokens
from app.lib.outbound.addresses import FetchPolicy
from app.lib.outbound.transport import policy_client

# Local servers (Ollama, llama.cpp, vLLM…) need no key, but the SDK refuses to start without one.
_PLACEHOLDER_KEY = "no-key"
# A chat answer or a model list is kilobytes; the longest lists (routers serving hundreds of
# models) a few megabytes. Past this the answer is refused, whatever its compression.
MAX_ANSWER_BYTES = 8 * 1024 * 1024
# The site's endpoint is the administrator's choice, often a model server on the same host or
# network: private addresses are allowed, cloud metadata ones never (outbound/addresses.py).
SITE_NETWORK = FetchPolicy(allow_private=True)


@dataclass(frozen=True, slots=True)
class LLMEndpoint:
    """Where and how to reach one OpenAI-compatible server (built from settings by the caller)."""

    base_url: str
    api_key: str = field(repr=False)  # keep secrets out of logs and tracebacks
    timeout_s: float = 60.0  # per request, counted from when it holds a slot
    probe_timeout_s: float = 15.0
    # Low: the same CV and offer should give the same tailoring; ``None`` = the server's default.
    temperature: float | None = 0.2
    max_concurrency: int = UNLIMITED  # requests in flight per process (1 for a local server)
    # Whose work the calls are, and that user's daily token budget (spend.py); every endpoint
    # ``app.settings.llm_endpoint.llm_endpoint`` builds for a user's work has one.
    meter: SpendMeter | None = field(default=None, repr=False, compare=False)
    # A user's own endpoint: the models that user chose, by purpose ("tailoring", "import"…:
    # app/settings/user_endpoint.py). ``None``: the site's endpoint, the admin's models.
    user_models: Mapping[str, str] | None = field(default=None, compare=False)
    # Which addresses the calls may reach: a user's own endpoint gets the offer URLs' policy
    # (app/settings/user_endpoint.py), the site's ``SITE_NETWORK``.
    network: FetchPolicy = SITE_NETWORK
    # A user's own endpoint: its failures are that user's, never the site's "last AI service
    # error" (last_error.py).
    users_own: bool = False


@dataclass(frozen=True, slots=True)
class ChatReply:
    text: str | None
    model: str
    finish_reason: str | None
    prompt_tokens: int
    completion_tokens: int
    cached_tokens: int


# Clients (and their connection pools) are reused per (base_url, api_key, network). The pool
# belongs to the event loop that opened its sockets, so the cache is keyed by loop as well: the
# web app, the worker and pytest may each run their own loop in the same process.
_ClientKey = tuple[str, str, FetchPolicy]
_clients: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[_ClientKey, openai.AsyncOpenAI]]
_clients = weakref.WeakKeyDictionary()


def get_client(endpoint: LLMEndpoint) -> openai.AsyncOpenAI:
    """The cached SDK client for this endpoint in the running event loop."""
    per_loop = _clients.setdefault(asyncio.get_running_loop(), {})
    key = (endpoint.base_url, endpoint.api_key, endpoint.network)
    client = per_loop.get(key)
    if client is None:
        client = openai.AsyncOpenAI(
            base_url=endpoint.base_url,
            api_key=endpoint.api_key or _PLACEHOLDER_KEY,
            timeout=endpoint.timeout_s,
            max_retries=0,  # retries are a pipeline decision, never hidden in the SDK
            # Each call's deadline is its own timeout (the SDK sets it on every request). The
            # SDK's newest major types this as its own fork of httpx but takes an httpx client
            # too, the only kind the older majors allowed by pyproject.toml take.
            http_client=cast(
                Any,
                policy_client(
                    endpoint.network, max_bytes=MAX_ANSWER_BYTES, deadline_s=endpoint.timeout_s
                ),
            ),
        )
        per_loop[key] = client
    return client


async def aclose_clients() -> None:
    """Close the clients of the running loop (app/worker shutdown, test teardown)."""
    per_loop = _clients.pop(asyncio.get_running_loop(), {})
    for client in per_loop.values():
        await client.close()


async def chat_once(
    endpoint: LLMEndpoint,
    *,
    model: str,
    messages: list[dict[str, Any]],
    response_format: dict[str, Any] | None,
    timeout_s: float,
    max_tokens: int | None = None,
) -> ChatReply:
    """Send one non-streaming chat completion; SDK failures come out as ``LLMError``.

    Reserves the call on the user's daily budget first (``spend``; ``LLMSpendLimitError``
    when it is used up, nothing sent), then waits for a slot of the endpoint; ``timeout_s``
    starts once the slot is held."""
    extra = call_options(endpoint, max_tokens)
    if response_format is not None:
        extra["response_format"] = response_format
    meter = endpoint.meter
    reservation = await reserve_call(endpoint, messages, max_tokens)
    try:
        async with endpoint_slot(endpoint.base_url, endpoint.max_concurrency):
            completion = await get_client(endpoint).chat.completions.create(
                model=model,
                messages=cast(Any, messages),
                timeout=timeout_s,
                **extra,
            )
    except openai.OpenAIError as exc:
        raise await call_failed(exc, endpoint, model, timeout_s, reservation) from exc
    except (ValueError, AttributeError) as exc:
        # An answer that is not JSON (or JSON of another shape): the SDK's parser fails on it.
        raise not_a_completion(endpoint) from exc

    prompt_tokens, completion_tokens, cached_tokens = token_counts(
        getattr(completion, "usage", None)
    )
    if meter is not None and reservation is not None:
        await meter.settle(reservation, prompt_tokens + completion_tokens)
        await meter.record_call(prompt_tokens + completion_tokens)
    try:
        choice = first_choice(completion)
    except NotACompletion as exc:  # JSON of another shape, which the SDK does not check
        raise not_a_completion(endpoint) from exc
    if choice is None:
        raise unusable_answer(endpoint, "the response contained no choices")
    return ChatReply(
        text=choice.text,
        model=model_name(completion, model),
        finish_reason=choice.finish_reason,
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        cached_tokens=cached_tokens,
    )


def call_options(endpoint: LLMEndpoint, max_tokens: int | None) -> dict[str, Any]:
    """What every call sends besides its model and messages: the caller's ``max_tokens`` and
    the endpoint's ``temperature``, each only when set (else the server's default)."""
    options: dict[str, Any] = {}
    if max_tokens is not None:
        options["max_tokens"] = max_tokens
    if endpoint.temperature is not None:
        options["temperature"] = endpoint.temperature
    return options


async def reserve_call(
    endpoint: LLMEndpoint, messages: list[dict[str, Any]], max_tokens: int | None
) -> Reservation | None:
    """The call's estimate reserved on the user's daily budget before it is sent
    (``LLMSpendLimitError`` when that is used up); None for an endpoint without a meter."""
    if endpoint.meter is None:
        return None
    return await endpoint.meter.reserve(estimate_tokens(messages, max_tokens))


async def call_failed(
    exc: openai.OpenAIError | httpx.HTTPError,
    endpoint: LLMEndpoint,
    model: str,
    timeout_s: float,
    reservation: Reservation | None,
) -> LLMError:
    """The SDK's failure as an ``LLMError``; the reservation given back when nothing reached the
    server (unreachable), else the estimate stays spent."""
    error = map_openai_error(
        exc,
        base_url=endpoint.base_url,
        model=model,
        timeout_s=timeout_s,
        secret=endpoint.api_key,
        users_own=endpoint.users_own,
    )
    meter = endpoint.meter
    if meter is not None and reservation is not None and isinstance(error, LLMUnreachableError):
        await meter.cancel(reservation)
    return error


def unusable_answer(endpoint: LLMEndpoint, what: str) -> LLMServerError:
    """An answer that cannot be used (``what`` says how), whoever's endpoint sent it."""
    error = LLMServerError(None, what)
    error.own_endpoint = endpoint.users_own
    return error


def not_a_completion(endpoint: LLMEndpoint) -> LLMServerError:
    """An answer that is not JSON, or JSON of another shape."""
    return unusable_answer(endpoint, "the answer is not a chat completion")
