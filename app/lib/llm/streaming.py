"""``chat_stream``: one chat completion streamed, each piece of text handed on as it arrives.

A conversation's reply (the STAR coach, app/domain/coach/) is plain text read by a person as it
is written, so it is streamed rather than asked for as a structured answer. Like ``chat_once``
it reserves the call on the user's daily budget, waits for a slot of the endpoint, and raises
only ``LLMError`` subclasses; the budget is settled with the usage the server sends last
(``stream_options.include_usage``); from a server that sends none, the estimate stays.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, cast

import httpx
import openai

from app.lib.llm.answer_shape import NotACompletion, chunk_choices, model_name, token_counts
from app.lib.llm.errors import LLMServerError, LLMUnreachableError, map_openai_error
from app.lib.llm.slots import endpoint_slot
from app.lib.llm.spend import estimate_tokens
from app.lib.llm.transport import ChatReply, LLMEndpoint, get_client, not_a_completion

OnDelta = Callable[[str], Awaitable[None]]


async def chat_stream(
    endpoint: LLMEndpoint,
    *,
    model: str,
    messages: list[dict[str, Any]],
    on_delta: OnDelta,
    max_tokens: int | None = None,
) -> ChatReply:
    """Stream one completion; ``on_delta`` gets each non-empty piece of text in order. The
    reply returned holds the whole text."""
    extra: dict[str, Any] = {"stream_options": {"include_usage": True}}
    if max_tokens is not None:
        extra["max_tokens"] = max_tokens
    if endpoint.temperature is not None:
        extra["temperature"] = endpoint.temperature
    meter = endpoint.meter
    reservation = None
    if meter is not None:
        reservation = await meter.reserve(estimate_tokens(messages, max_tokens))
    parts: list[str] = []
    finish: str | None = None
    reported = model
    usage: Any = None
    try:
        async with endpoint_slot(endpoint.base_url, endpoint.max_concurrency):
            stream = await get_client(endpoint).chat.completions.create(
                model=model,
                messages=cast(Any, messages),
                timeout=endpoint.timeout_s,
                stream=True,
                **extra,
            )
            async for chunk in stream:
                reported = model_name(chunk, reported)
                usage = getattr(chunk, "usage", None) or usage
                for choice in list(chunk_choices(chunk)):
                    if choice.text:
                        parts.append(choice.text)
                        await on_delta(choice.text)
                    finish = choice.finish_reason or finish
    except NotACompletion as exc:  # a chunk of another shape, which the SDK does not check
        raise not_a_completion(endpoint) from exc
    # httpx errors too: the stream's body is read after the SDK handed it over, and the
    # outbound policy's limits (app/lib/outbound/transport.py) stop it there.
    except (openai.OpenAIError, httpx.HTTPError) as exc:
        error = map_openai_error(
            exc,
            base_url=endpoint.base_url,
            model=model,
            timeout_s=endpoint.timeout_s,
            secret=endpoint.api_key,
            users_own=endpoint.users_own,
        )
        if meter is not None and reservation is not None and isinstance(error, LLMUnreachableError):
            await meter.cancel(reservation)
        raise error from exc
    text = "".join(parts)
    prompt_tokens, completion_tokens, _cached = token_counts(usage)
    if meter is not None and reservation is not None:
        await meter.settle(reservation, prompt_tokens + completion_tokens)  # 0: estimate stays
    if not text and finish is None:
        empty = LLMServerError(None, "the stream ended without any text")
        empty.own_endpoint = endpoint.users_own
        raise empty
    return ChatReply(
        text=text,
        model=reported,
        finish_reason=finish,
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        cached_tokens=0,
    )
