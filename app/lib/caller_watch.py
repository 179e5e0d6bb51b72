"""Whether the caller who opened a long-lived response (an SSE stream) may still read it.

An event stream stays open for hours and authenticates only once, when it opens. It is asked
again periodically and before every event (``app/lib/stream_guard.py``): a browser's stream
ends once its session is signed out or ended (``session_watch`` in ``app/lib/sessions.py``), a
script's once its API token is gone — revoked, revoked by "sign out everywhere", or removed
with the account.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from litestar.connection import ASGIConnection
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import ApiToken
from app.lib import security
from app.lib.sessions import session_watch

StillValid = Callable[[], Awaitable[bool]]


def caller_watch(
    connection: ASGIConnection[Any, Any, Any, Any],
    redis: Redis,
    read_sessions: async_sessionmaker[AsyncSession],
    user_id: str,
) -> StillValid | None:
    """The check for this caller: by its session cookie, else by its Bearer token."""
    by_session = session_watch(connection, redis, user_id)
    if by_session is not None:
        return by_session
    header = connection.headers.get("authorization")
    if header is None:
        return None
    return token_watch(read_sessions, user_id, header.partition(" ")[2].strip())


def token_watch(
    read_sessions: async_sessionmaker[AsyncSession], user_id: str, token: str
) -> StillValid:
    """True while the token still exists and still belongs to ``user_id``."""
    digest = security.hash_api_token(token)

    async def still_valid() -> bool:
        try:
            async with read_sessions() as db:
                found = await db.scalar(
                    select(ApiToken.id).where(
                        ApiToken.token_hash == digest, ApiToken.user_id == user_id
                    )
                )
        except (SQLAlchemyError, OSError):
            return True  # the database is down: cannot tell; the stream waits for it to return
        return found is not None

    return still_valid
