"""Which structured mode each (base_url, model) supports: a process-wide cache and the probe."""

from __future__ import annotations

import logging
import threading

from pydantic import BaseModel

from app.lib.llm.budget import max_tokens_for
from app.lib.llm.errors import LLMError, LLMRequestError, LLMServerError
from app.lib.llm.structured import (
    MODE_ORDER,
    StructuredMode,
    build_messages,
    parse_output,
    response_format_for,
)
from app.lib.llm.transport import LLMEndpoint, chat_once

log = logging.getLogger(__name__)


class ModeCache:
    """Remembered mode per (base_url, model); thread-safe (web app and worker threads share it)."""

    def __init__(self) -> None:
        self._modes: dict[tuple[str, str], StructuredMode] = {}
        self._lock = threading.Lock()

    def get(self, base_url: str, model: str) -> StructuredMode | None:
        with self._lock:
            return self._modes.get((base_url, model))

    def set(self, base_url: str, model: str, mode: StructuredMode) -> None:
        with self._lock:
            self._modes[(base_url, model)] = mode

    def clear(self, base_url: str | None = None, model: str | None = None) -> None:
        """Forget everything, or only the entries matching ``base_url`` and/or ``model``."""
        with self._lock:
            for key in list(self._modes):
                if (base_url is None or key[0] == base_url) and (model is None or key[1] == model):
                    del self._modes[key]

    def snapshot(self) -> dict[tuple[str, str], StructuredMode]:
        with self._lock:
            return dict(self._modes)


mode_cache = ModeCache()


class ProbeAnswer(BaseModel):
    ok: bool


PROBE_SCHEMA_NAME = "probe"
PROBE_MESSAGES: list[dict[str, object]] = [
    {"role": "system", "content": "You are a connectivity check. You answer in JSON."},
    {"role": "user", "content": 'Reply with exactly this JSON object: {"ok": true}'},
]


async def probe_structured_mode(
    endpoint: LLMEndpoint, model: str, *, cache: ModeCache | None = None
) -> StructuredMode:
    """Try each mode with a tiny real request; remember and return the first one that works.

    A refused request (4xx other than auth / unknown model) or a 5xx moves on to the next mode;
    a 200 whose text is not the expected JSON does too, except in ``prompt`` mode, the last
    resort, where the repair round has to cope. Auth, unknown model, unreachable, timeout and
    rate limiting are raised as is: they say nothing about the mode.
    """
    cache = mode_cache if cache is None else cache
    last_error: LLMError | None = None
    for mode in MODE_ORDER:
        messages = build_messages(mode, list(PROBE_MESSAGES), ProbeAnswer)
        try:
            reply = await chat_once(
                endpoint,
                model=model,
                messages=messages,
                response_format=response_format_for(mode, ProbeAnswer, PROBE_SCHEMA_NAME),
                timeout_s=endpoint.probe_timeout_s,
                max_tokens=max_tokens_for(PROBE_SCHEMA_NAME, messages),
            )
        except (LLMRequestError, LLMServerError) as exc:
            log.info(
                "LLM probe: %s mode refused by %s (%s): %s", mode, endpoint.base_url, model, exc
            )
            last_error = exc
            continue
        answer, errors = parse_output(ProbeAnswer, reply.text)
        if answer is None and mode is not StructuredMode.PROMPT:
            log.info("LLM probe: %s mode gave unusable output (%s)", mode, "; ".join(errors))
            continue
        cache.set(endpoint.base_url, model, mode)
        log.info("LLM probe: %s (%s) uses %s mode", endpoint.base_url, model, mode)
        return mode
    assert last_error is not None  # prompt mode only ends here through an exception
    raise last_error
