"""One tool call: the caller authenticated, counted against the per-minute limit, handed a
database session, and its answer or refusal put in JSON.

A refusal reaches the agent as a tool error (``isError``) whose text is the JSON API's error
body (``{"error": code, "detail": English sentence, ...}``): the codes a script of the JSON API
reads, so nothing about an error needs learning twice.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from mcp.server.mcpserver import Context
from mcp.types import CallToolResult, TextContent
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.lib import i18n, rate_limit
from app.lib.errors import AppError, TooManyRequests, Unauthenticated
from app.lib.i18n import N_
from app.mcp.backend import Backend
from app.mcp.callers import INVALID_TOKEN, McpCall

log = logging.getLogger(__name__)

WINDOW_SECONDS = 60
TOO_MANY_CALLS = N_("Too many tool calls: at most %(limit)s a minute. Try again in a minute.")
FAILED = N_("Something went wrong on our side.")  # the JSON API's words for a 500


CallSource = Callable[[Context], McpCall]
"""How a server finds the call behind a tool's context (``make mcp``: always the same one)."""


@dataclass(frozen=True, slots=True)
class ToolCall:
    """What a tool's work receives: the backend, its own session and the signed-in user."""

    backend: Backend
    db: AsyncSession
    user: User


Answer = dict[str, Any] | CallToolResult  # what a tool's work returns


def error_text(code: str, detail: str, extra: dict[str, Any] | None = None) -> str:
    return json.dumps({"error": code, "detail": detail, **(extra or {})}, ensure_ascii=False)


def answered(answer: Answer) -> CallToolResult:
    if isinstance(answer, CallToolResult):
        return answer
    text = json.dumps(answer, ensure_ascii=False)
    return CallToolResult(content=[TextContent(type="text", text=text)], structured_content=answer)


def refused(text: str) -> CallToolResult:
    return CallToolResult(content=[TextContent(type="text", text=text)], is_error=True)


async def count_call(backend: Backend, user_id: str) -> None:
    """Counted before the work (app/lib/rate_limit.py), per user over every door at once."""
    limit = backend.settings.mcp_calls_per_minute
    if limit <= 0:
        return
    count = await rate_limit.hit(backend.redis, f"ratelimit:mcp:{user_id}", WINDOW_SECONDS)
    if count > limit:
        raise TooManyRequests(
            TOO_MANY_CALLS % {"limit": limit},
            code="mcp.rate_limited",
            extra={"limit": limit, "windowSeconds": WINDOW_SECONDS},
        )


async def perform(
    call: McpCall, work: Callable[[ToolCall], Awaitable[Answer]], *, writes: bool = False
) -> CallToolResult:
    """Run ``work`` for the caller; ``writes`` picks the read-write session factory."""
    try:
        user_id = await call.caller.user_id(call.backend)
        await count_call(call.backend, user_id)
        sessions = call.backend.sessions if writes else call.backend.read_sessions
        async with sessions() as db:
            user = await db.get(User, user_id)
            if user is None:  # the account was deleted since the token was checked
                raise Unauthenticated(INVALID_TOKEN, code="auth.invalid_token")
            if user.locale:
                i18n.current_locale.set(user.locale)
            return answered(await work(ToolCall(call.backend, db, user)))
    except AppError as exc:
        return refused(error_text(exc.code, exc.detail, exc.extra))
    except Exception:
        log.exception("agent API tool failed")
        return refused(error_text("internal_error", FAILED))
