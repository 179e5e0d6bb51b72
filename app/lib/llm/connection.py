"""Endpoint checks for the admin page: list the models, test a connection (and re-probe)."""

from __future__ import annotations

import time
from dataclasses import dataclass, field

import openai

from app.lib.llm.errors import (
    LLMAuthError,
    LLMError,
    LLMTimeoutError,
    LLMUnreachableError,
    map_openai_error,
)
from app.lib.llm.modes import ModeCache, mode_cache, probe_structured_mode
from app.lib.llm.structured import StructuredMode
from app.lib.llm.transport import LLMEndpoint, get_client


@dataclass(frozen=True, slots=True)
class ConnectionReport:
    ok: bool
    error_code: str | None  # an LLMError.code when not ok
    message: str  # English, shown as is
    mode: StructuredMode | None
    latency_ms: int
    models: list[str] = field(default_factory=list)


async def list_models(endpoint: LLMEndpoint) -> list[str]:
    """Model ids served by the endpoint (``GET /models``), sorted."""
    try:
        page = await get_client(endpoint).models.list(timeout=endpoint.probe_timeout_s)
    except openai.OpenAIError as exc:
        raise map_openai_error(
            exc,
            base_url=endpoint.base_url,
            model=None,
            timeout_s=endpoint.probe_timeout_s,
            secret=endpoint.api_key,
        ) from exc
    return sorted(model.id for model in page.data)


async def test_connection(
    endpoint: LLMEndpoint, model: str, *, cache: ModeCache | None = None
) -> ConnectionReport:
    """List the models, then re-probe the structured mode of ``model`` (the result is remembered).

    Never raises an ``LLMError``: failures come back as ``ok=False`` with code and message.
    A missing ``/models`` route is tolerated (some servers lack it); the probe decides.
    """
    cache = mode_cache if cache is None else cache
    started = time.perf_counter()

    def elapsed_ms() -> int:
        return round((time.perf_counter() - started) * 1000)

    models: list[str] = []
    try:
        models = await list_models(endpoint)
    except (LLMAuthError, LLMUnreachableError, LLMTimeoutError) as exc:
        return ConnectionReport(False, exc.code, exc.message, None, elapsed_ms())
    except LLMError:
        pass

    cache.clear(endpoint.base_url, model)
    try:
        mode = await probe_structured_mode(endpoint, model, cache=cache)
    except LLMError as exc:
        return ConnectionReport(False, exc.code, exc.message, None, elapsed_ms(), models)
    message = f"Connected to {endpoint.base_url}; model '{model}' answers in {mode} mode"
    return ConnectionReport(True, None, message, mode, elapsed_ms(), models)


# The name starts with "test_": keep pytest from collecting it where it is imported.
test_connection.__test__ = False  # type: ignore[attr-defined]
