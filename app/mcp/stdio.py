"""``make mcp``: the agent API over stdio, for the agent that starts it, as the holder of the
personal API token in ``CVTAILOR_MCP_TOKEN``.

It works on the app's own database and Redis (same settings as ``make run``); the app's worker
does the work it starts (offer reading, generations, PDF renders), so the app must be running.
Standard output carries the protocol only: every message of ours goes to standard error.
"""

from __future__ import annotations

import os
import sys

import anyio
from redis.exceptions import RedisError

from app.config import Settings, get_settings
from app.lib.redis import redis_from_url
from app.mcp.backend import open_backend
from app.mcp.callers import McpCall, TokenCaller
from app.mcp.server import build_server
from app.task_kinds import register_task_kinds

TOKEN_VARIABLE = "CVTAILOR_MCP_TOKEN"  # noqa: S105 - the variable's name, not a token
# How long to wait for the app's Redis before saying so (the embedded one lives while
# `make run` does).
REDIS_WAIT_SECONDS = 5


def token_from(environ: dict[str, str]) -> str | None:
    token = environ.get(TOKEN_VARIABLE, "").strip()
    return token or None


async def redis_answers(settings: Settings) -> bool:
    client = redis_from_url(settings.effective_redis_url)
    try:
        with anyio.fail_after(REDIS_WAIT_SECONDS):
            return bool(await client.ping())
    except (RedisError, OSError, TimeoutError):
        return False
    finally:
        await client.aclose()


async def serve(settings: Settings, token: str) -> None:
    register_task_kinds()  # the per-kind caps and prices the services look up
    async with open_backend(settings) as backend:
        call = McpCall(backend, TokenCaller(token))
        await build_server(lambda _ctx: call).run_stdio_async()


def main() -> int:
    token = token_from(dict(os.environ))
    if token is None:
        print(
            f"Set {TOKEN_VARIABLE} to one of your personal API tokens "
            "(made on your account page, under Personal API tokens).",
            file=sys.stderr,
        )
        return 2
    settings = get_settings()
    if not anyio.run(redis_answers, settings):
        print(
            "The app's Redis does not answer: start the app first (make run), or set "
            "REDIS_URL (and DATABASE_URL) as the app has them.",
            file=sys.stderr,
        )
        return 1
    anyio.run(serve, settings, token)
    return 0
