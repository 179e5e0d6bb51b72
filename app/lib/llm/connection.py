"""Endpoint checks for the admin page: list the models, test a connection (and re-probe).

``test_connection`` sorts every outcome into a code the admin and account pages word (FR/EN):
``ok``, ``unreachable`` (DNS, refused, timeout), ``not_openai`` (no OpenAI-compatible API
answered: HTML pages, a ``/models`` that is not JSON, 404 on ``/models`` and
``/chat/completions``), ``auth`` (401/403), ``model_not_found`` (the server lists its models and
this one is not among them, or says so), ``blocked`` (the outbound policy refused the address or
the answer: app/lib/outbound/), ``redirect`` (an API answers, it does not redirect) and
``server_error`` (any other status). A report carries the status and a reason code, never the
server's words: an address behind the endpoint must not be read through this page.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import openai

from app.lib.llm.errors import (
    LLMAuthError,
    LLMBlockedError,
    LLMError,
    LLMModelNotFoundError,
    LLMRedirectError,
    LLMTimeoutError,
    LLMUnreachableError,
    map_openai_error,
)
from app.lib.llm.modes import ModeCache, mode_cache, probe_structured_mode
from app.lib.llm.structured import StructuredMode
from app.lib.llm.transport import LLMEndpoint, get_client

OK = "ok"
UNREACHABLE = "unreachable"
NOT_OPENAI = "not_openai"
AUTH = "auth"
MODEL_NOT_FOUND = "model_not_found"
BLOCKED = "blocked"
REDIRECT = "redirect"
SERVER_ERROR = "server_error"


@dataclass(frozen=True, slots=True)
class ConnectionReport:
    ok: bool
    error_code: str | None  # one of the codes above when not ok
    message: str  # English, for logs; the page words the code with ``params``
    mode: StructuredMode | None
    latency_ms: int
    models: list[str] = field(default_factory=list)
    params: dict[str, Any] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return OK if self.ok else (self.error_code or NOT_OPENAI)


class _NotAnAPI(LLMError):
    """``/models`` answered something that is not an OpenAI model list (an HTML page…)."""

    code = NOT_OPENAI


async def list_models(endpoint: LLMEndpoint) -> list[str]:
    """Model ids served by the endpoint (``GET /models``), sorted."""
    try:
        page = await get_client(endpoint).models.list(timeout=endpoint.probe_timeout_s)
        return sorted(str(model.id) for model in page.data)
    except openai.OpenAIError as exc:
        raise map_openai_error(
            exc,
            base_url=endpoint.base_url,
            model=None,
            timeout_s=endpoint.probe_timeout_s,
            secret=endpoint.api_key,
            users_own=endpoint.users_own,
        ) from exc
    # The SDK hands a body that is not JSON, or JSON of another shape, to its parser as is:
    # a JSONDecodeError (a ValueError), or an AttributeError on a str or list.
    except (ValueError, AttributeError, TypeError) as exc:
        raise _NotAnAPI("the /models answer is not a model list") from exc


def _failure(
    code: str, exc: LLMError, started: float, models: list[str] | None = None, **params: Any
) -> ConnectionReport:
    return ConnectionReport(False, code, exc.message, None, _ms(started), models or [], params)


def _refused(exc: LLMBlockedError | LLMRedirectError, started: float, url: str) -> ConnectionReport:
    if isinstance(exc, LLMRedirectError):
        return _failure(REDIRECT, exc, started, url=url, status=exc.status)
    return _failure(BLOCKED, exc, started, url=url, reason=exc.reason, **exc.values)


def _json_error(exc: LLMError) -> bool:
    """Did the server word its refusal as an OpenAI-style JSON error (not a bare 404 page)?"""
    cause = exc.__cause__
    return isinstance(cause, openai.APIStatusError) and isinstance(cause.body, dict)


def _ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)


async def test_connection(
    endpoint: LLMEndpoint, model: str, *, cache: ModeCache | None = None
) -> ConnectionReport:
    """List the models, then re-probe the structured mode of ``model`` (the result is remembered).

    Never raises an ``LLMError``: failures come back as ``ok=False`` with a code and params.
    A missing ``/models`` route is tolerated (some servers lack it) when chat completions work.
    """
    cache = mode_cache if cache is None else cache
    started = time.perf_counter()
    url = endpoint.base_url
    models: list[str] | None = None
    try:
        models = await list_models(endpoint)
    except (LLMUnreachableError, LLMTimeoutError) as exc:
        return _failure(UNREACHABLE, exc, started, url=url)
    except LLMAuthError as exc:
        return _failure(AUTH, exc, started, url=url, status=exc.status)
    except (LLMBlockedError, LLMRedirectError) as exc:
        return _refused(exc, started, url)
    except LLMError:
        models = None  # no model list: the chat probe decides
    if models is not None and models and model not in models:
        missing = LLMModelNotFoundError(model, url)
        return _failure(MODEL_NOT_FOUND, missing, started, models, model=model, served=models[:8])

    cache.clear(url, model)
    try:
        mode = await probe_structured_mode(endpoint, model, cache=cache)
    except (LLMUnreachableError, LLMTimeoutError) as exc:
        return _failure(UNREACHABLE, exc, started, url=url)
    except LLMAuthError as exc:
        return _failure(AUTH, exc, started, url=url, status=exc.status)
    except LLMModelNotFoundError as exc:
        if models is None and not _json_error(exc):  # no model list, a bare 404 on chat too
            return _failure(NOT_OPENAI, exc, started, url=url)
        return _failure(
            MODEL_NOT_FOUND, exc, started, models, model=model, served=(models or [])[:8]
        )
    except (LLMBlockedError, LLMRedirectError) as exc:
        return _refused(exc, started, url)
    except LLMError as exc:
        if models is None:
            return _failure(NOT_OPENAI, exc, started, url=url)
        status = getattr(exc, "status", None)
        return _failure(SERVER_ERROR, exc, started, models, url=url, status=status, reason=exc.code)
    message = f"Connected to {url}; model '{model}' answers in {mode} mode"
    return ConnectionReport(True, None, message, mode, _ms(started), models or [], {"model": model})


# The name starts with "test_": keep pytest from collecting it where it is imported.
test_connection.__test__ = False  # type: ignore[attr-defined]
