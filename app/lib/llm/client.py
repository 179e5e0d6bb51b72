"""``complete_structured``: one validated pydantic object out of a chat completion.

Flow: pick the mode (explicit, remembered, or probed) → send → on "response_format unsupported"
fall down one mode and remember it → validate → at most one repair round → ``LLMResult``.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from typing import Any, Generic

from app.lib.llm.budget import max_tokens_for
from app.lib.llm.errors import LLMInvalidOutputError, LLMUnsupportedResponseFormatError
from app.lib.llm.field_checks import checks_of
from app.lib.llm.modes import ModeCache, mode_cache, probe_structured_mode
from app.lib.llm.structured import (
    StructuredMode,
    T,
    build_messages,
    next_mode,
    parse_output,
    repair_messages,
    response_format_for,
    salvage_truncated,
)
from app.lib.llm.transport import ChatReply, LLMEndpoint, chat_once

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class LLMResult(Generic[T]):
    data: T  # the validated pydantic instance
    model: str  # as reported by the server (falls back to the requested name)
    mode: StructuredMode
    prompt_tokens: int  # summed over the first call and the repair call
    completion_tokens: int
    cached_tokens: int
    duration_ms: int  # wall clock of the whole call: slot waits, probe, fallback, repair included
    repaired: bool  # the first answer failed the schema and a repair round was needed
    raw_text: str  # the text the data was parsed from
    salvaged: bool = False  # cut off at max_tokens; its finished part was kept (no new call)

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


async def _send_with_fallback(
    endpoint: LLMEndpoint,
    *,
    model: str,
    messages: list[dict[str, Any]],
    schema: type[T],
    schema_name: str,
    mode: StructuredMode,
    allow_fallback: bool,
    cache: ModeCache,
    max_tokens: int,
) -> tuple[ChatReply, StructuredMode, list[dict[str, Any]]]:
    """Send in ``mode``; if the server says it cannot, go down one mode and remember that."""
    while True:
        sent = build_messages(mode, messages, schema)
        try:
            reply = await chat_once(
                endpoint,
                model=model,
                messages=sent,
                response_format=response_format_for(mode, schema, schema_name),
                timeout_s=endpoint.timeout_s,
                max_tokens=max_tokens,
            )
        except LLMUnsupportedResponseFormatError as exc:
            lower = next_mode(mode)
            if not allow_fallback or lower is None:
                raise
            log.warning(
                "LLM %s (%s) refused %s mode (%s); falling back to %s",
                endpoint.base_url,
                model,
                mode,
                exc.detail,
                lower,
            )
            mode = lower
            cache.set(endpoint.base_url, model, mode)
            continue
        return reply, mode, sent


async def complete_structured(
    endpoint: LLMEndpoint,
    *,
    model: str,
    messages: list[dict[str, Any]],
    schema: type[T],
    schema_name: str,
    mode: StructuredMode | None = None,
    cache: ModeCache | None = None,
) -> LLMResult[T]:
    """Ask ``model`` for an answer matching ``schema`` and return it validated.

    ``mode=None`` uses the remembered mode for (base_url, model), probing on first use, and
    falls back (and remembers) when the server refuses that mode. An explicit ``mode`` is used
    as is: no probe, no fallback, nothing remembered.

    Raises an ``LLMError`` subclass; ``LLMInvalidOutputError`` after a failed repair round;
    ``UncheckedSchemaError`` (before any request) for a schema without declared field checks.
    """
    checks_of(schema)  # closed by default: no declared checks, no question (field_checks.py)
    started = time.perf_counter()
    cache = mode_cache if cache is None else cache
    # One budget for the first answer and its repair: the repair answers the same question.
    max_tokens = max_tokens_for(schema_name, messages)
    explicit = mode is not None
    if mode is None:
        mode = cache.get(endpoint.base_url, model)
        if mode is None:
            mode = await probe_structured_mode(endpoint, model, cache=cache)

    reply, mode, sent = await _send_with_fallback(
        endpoint,
        model=model,
        messages=messages,
        schema=schema,
        schema_name=schema_name,
        mode=mode,
        allow_fallback=not explicit,
        cache=cache,
        max_tokens=max_tokens,
    )
    replies = [reply]
    data, errors = parse_output(schema, reply.text)
    salvaged = False
    if data is None and reply.finish_reason == "length":
        # A small model that runs on repeats itself until the cap: what it finished before
        # (whole list elements) is kept rather than asked again at the same cost.
        data = salvage_truncated(schema, reply.text)
        salvaged = data is not None
        if salvaged:
            log.info(
                "LLM answer for %s cut off at %d tokens; kept its finished part",
                schema_name,
                max_tokens,
            )
        errors = ["the answer was cut off at the token limit; keep it shorter", *errors]
    if data is None:
        # One repair round: same mode, the bad answer and the validation errors appended.
        log.info("LLM answer for %s invalid (%s); asking for a repair", schema_name, errors[:3])
        reply = await chat_once(
            endpoint,
            model=model,
            messages=repair_messages(sent, reply.text, errors),
            response_format=response_format_for(mode, schema, schema_name),
            timeout_s=endpoint.timeout_s,
            max_tokens=max_tokens,
        )
        replies.append(reply)
        data, errors = parse_output(schema, reply.text)
        if data is None:
            invalid = LLMInvalidOutputError(errors, reply.text or "")
            invalid.own_endpoint = endpoint.users_own  # a user's model, not the site's fault
            raise invalid

    return LLMResult(
        data=data,
        model=reply.model or model,
        mode=mode,
        prompt_tokens=sum(r.prompt_tokens for r in replies),
        completion_tokens=sum(r.completion_tokens for r in replies),
        cached_tokens=sum(r.cached_tokens for r in replies),
        duration_ms=round((time.perf_counter() - started) * 1000),
        repaired=len(replies) > 1,
        raw_text=reply.text or "",
        salvaged=salvaged,
    )
