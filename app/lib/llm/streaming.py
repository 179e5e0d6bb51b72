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
from app.lib.llm.slots import endpoint_slot
from app.lib.llm.transport import (
    ChatReply,
    LLMEndpoint,
    call_failed,
    call_options,
    get_client,
    not_a_completion,
    reserve_call,
    unusable_answer,
)

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
    extra = {"stream_options": {"include_usage": True}, **call_options(endpoint, max_tokens)}
    meter = endpoint.meter
    reservation = await reserve_call(endpoint, messages, max_tokens)
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
        raise await call_failed(exc, endpoint, model, endpoint.timeout_s, reservation) from exc
    text = "".join(parts)
    prompt_tokens, completion_tokens, _cached = token_counts(usage)
    if meter is not None and reservation is not None:
        await meter.settle(reservation, prompt_tokens + completion_tokens)  # 0: estimate stays
    if not text and finish is None:
        raise unusable_answer(endpoint, "the stream ended without any text")
    return ChatReply(
        text=text,
        model=reported,
        finish_reason=finish,
        prompt_tokens=prompt_tokens,
        completion_tokens=completion_tokens,
        cached_tokens=0,
    )
