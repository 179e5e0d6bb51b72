"""LLM error types and the mapping from ``openai`` SDK exceptions onto them.

Every error carries a stable ``code`` (stored on generations, shown by the admin page) and an
English ``message`` for logs and the administrator: it may quote the server, so users are shown
the code's sentence (user_messages.py) or a status and a reason code, never the message.
``own_endpoint`` marks a failure of a user's own endpoint (never the site's last error).
"""

from __future__ import annotations

import email.utils
import re
import time
from collections.abc import Mapping, Sequence
from typing import Any

import httpx
import openai

from app.lib.outbound.errors import DeadlinePassed, OutboundRefused


class LLMError(Exception):
    """Base class: something went wrong talking to the LLM endpoint."""

    code: str = "llm_error"
    own_endpoint: bool = False

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class LLMAuthError(LLMError):
    code = "auth"

    def __init__(self, status: int = 401) -> None:
        super().__init__("The LLM endpoint rejected the API key")
        self.status = status


class LLMModelNotFoundError(LLMError):
    code = "model_not_found"

    def __init__(self, model: str, base_url: str) -> None:
        super().__init__(f"The model '{model}' is not available on the LLM endpoint {base_url}")
        self.model = model


class LLMUnreachableError(LLMError):
    code = "unreachable"

    def __init__(self, base_url: str) -> None:
        super().__init__(f"Could not connect to the LLM endpoint at {base_url}")
        self.base_url = base_url


class LLMRateLimitedError(LLMError):
    code = "rate_limited"

    def __init__(self, retry_after_s: float | None = None) -> None:
        hint = f"; retry after {retry_after_s:g} s" if retry_after_s is not None else ""
        super().__init__(f"The LLM endpoint is rate limiting requests{hint}")
        self.retry_after_s = retry_after_s


class LLMTimeoutError(LLMError):
    code = "timeout"

    def __init__(self, timeout_s: float) -> None:
        super().__init__(f"The LLM endpoint did not answer within {timeout_s:g} s")
        self.timeout_s = timeout_s


class LLMServerError(LLMError):
    code = "server_error"

    def __init__(self, status: int | None, detail: str = "") -> None:
        where = f"HTTP {status}" if status else "an unexpected response"
        suffix = f": {detail}" if detail else ""
        super().__init__(f"The LLM endpoint failed with {where}{suffix}")
        self.status = status


class LLMBlockedError(LLMError):
    """The outbound policy stopped the call (app/lib/outbound/): ``reason`` is its code
    (``not_allowed``, ``too_large``, ``bad_encoding``…), ``values`` its parameters."""

    code = "blocked"

    def __init__(self, reason: str, base_url: str, **values: Any) -> None:
        super().__init__(f"The call to the LLM endpoint {base_url} was refused: {reason}")
        self.reason = reason
        self.values = values


class LLMRedirectError(LLMError):
    """The endpoint answered with a redirect; an API call follows none (the address it points
    to is not checked, and a POST would turn into a GET)."""

    code = "redirect"

    def __init__(self, status: int) -> None:
        super().__init__(f"The LLM endpoint answered with a redirect (HTTP {status})")
        self.status = status


class LLMRequestError(LLMError):
    """Any other 4xx: the endpoint refused the request itself (context too long, bad params…)."""

    code = "bad_request"

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(f"The LLM endpoint refused the request (HTTP {status}): {detail}")
        self.status = status
        self.detail = detail


class LLMUnsupportedResponseFormatError(LLMRequestError):
    """A 400 saying the requested ``response_format`` is not supported; triggers a mode fallback."""

    code = "unsupported_response_format"


class LLMInvalidOutputError(LLMError):
    code = "invalid_output"

    def __init__(self, errors: Sequence[str], raw_text: str = "") -> None:
        listed = "; ".join(errors[:5]) + ("; …" if len(errors) > 5 else "")
        super().__init__(f"The model's answer did not match the expected format: {listed}")
        self.errors = list(errors)
        self.raw_text = raw_text


# Wording seen from OpenAI, vLLM, llama.cpp, Ollama, LiteLLM and LM Studio when a model is unknown
# or when ``response_format`` (or one of its types) is not understood.
_MODEL_MISSING = re.compile(
    r"model.{0,80}(not found|does not exist|not exist|no such|not available)"
    r"|(unknown|invalid|no such) model",
    re.IGNORECASE,
)
_FORMAT_WORDS = re.compile(r"response_format|json_schema|json_object|grammar", re.IGNORECASE)
_UNSUPPORTED = re.compile(
    r"not supported|unsupported|not support|invalid|unknown|unrecognized|not allowed|"
    r"extra inputs|not permitted|must be one of",
    re.IGNORECASE,
)


def _body_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, Mapping):
        msg = body.get("message") or body.get("detail") or body.get("error")
        if msg:
            return str(msg)
    if isinstance(body, str) and body:
        return body
    return exc.message


def is_unsupported_response_format(exc: openai.APIStatusError) -> bool:
    """Does this 400/422 say the server cannot do the ``response_format`` we asked for?"""
    if exc.status_code not in (400, 422):
        return False
    text = _body_message(exc)
    mentions_format = exc.param == "response_format" or bool(_FORMAT_WORDS.search(text))
    return mentions_format and bool(_UNSUPPORTED.search(text))


def parse_retry_after(headers: Mapping[str, str]) -> float | None:
    """``retry-after-ms`` / ``retry-after`` (seconds or HTTP date) → seconds, ``None`` if absent."""
    lowered = {k.lower(): v for k, v in headers.items()}
    for name, divisor in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        raw = lowered.get(name)
        if raw is None:
            continue
        try:
            return max(float(raw) / divisor, 0.0)
        except ValueError:
            parsed = email.utils.parsedate_tz(raw)
            if parsed is not None:
                return max(email.utils.mktime_tz(parsed) - time.time(), 0.0)
    return None


def redact(text: str, secret: str) -> str:
    """Servers quote the key they refuse; error messages are shown to users and stored."""
    return text.replace(secret, "[API key]") if secret else text


def _policy_refusal(exc: BaseException) -> OutboundRefused | None:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, OutboundRefused):
            return seen
        seen = seen.__cause__ or seen.__context__
    return None


def _transport_error(exc: BaseException, base_url: str, timeout_s: float) -> LLMError | None:
    """A failure below the HTTP answer: the outbound policy's refusal, a timeout, no server."""
    refused = _policy_refusal(exc)
    if refused is not None and refused.code == "dns":
        return LLMUnreachableError(base_url)
    if refused is not None:
        return LLMBlockedError(refused.code, base_url, **refused.values)
    if isinstance(exc, openai.APITimeoutError | DeadlinePassed | httpx.TimeoutException):
        return LLMTimeoutError(timeout_s)
    if isinstance(exc, openai.APIConnectionError | httpx.HTTPError):
        return LLMUnreachableError(base_url)
    return None


def map_openai_error(
    exc: openai.OpenAIError | httpx.HTTPError,
    *,
    base_url: str,
    model: str | None,
    timeout_s: float,
    secret: str = "",
    users_own: bool = False,
) -> LLMError:
    """Translate an SDK exception (or an ``httpx`` one, raised while a stream is read) into our
    error types (never raises, never quotes ``secret``)."""
    error = _map(exc, base_url=base_url, model=model, timeout_s=timeout_s, secret=secret)
    error.own_endpoint = users_own
    return error


def _map(
    exc: openai.OpenAIError | httpx.HTTPError,
    *,
    base_url: str,
    model: str | None,
    timeout_s: float,
    secret: str,
) -> LLMError:
    # APITimeoutError subclasses APIConnectionError: the transport's reading comes first.
    failed = _transport_error(exc, base_url, timeout_s)
    if failed is not None:
        return failed
    if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        return LLMAuthError(exc.status_code)
    if isinstance(exc, openai.RateLimitError):
        return LLMRateLimitedError(parse_retry_after(exc.response.headers))
    if isinstance(exc, openai.APIStatusError):
        status = exc.status_code
        if 300 <= status < 400:
            return LLMRedirectError(status)
        detail = redact(_body_message(exc), secret)
        if status >= 500:
            return LLMServerError(status, detail)
        if model is not None and status == 404:
            return LLMModelNotFoundError(model, base_url)
        # Format complaints often mention "model" too ("this model does not support…"),
        # so they are recognised before the model-missing wording.
        if is_unsupported_response_format(exc):
            return LLMUnsupportedResponseFormatError(status, detail)
        if model is not None and status in (400, 422) and _MODEL_MISSING.search(detail):
            return LLMModelNotFoundError(model, base_url)
        return LLMRequestError(status, detail)
    return LLMServerError(None, redact(str(exc), secret))


# Worth retrying later: the endpoint is busy, slow or away, not wrong about the request.
TRANSIENT_LLM_ERRORS = (LLMRateLimitedError, LLMTimeoutError, LLMUnreachableError, LLMServerError)


class TransientFailure(Exception):
    """A CV import or an offer extraction worth retrying later (the LLM endpoint is busy or
    unreachable): the worker re-queues the job instead of failing it."""
