"""Server-side sessions in Redis, with a fresh session id at every sign-in.

Litestar keeps whatever id the cookie carries; rotating it at sign-in stops session fixation
(an id planted in a victim's browser before login is worthless afterwards).

Each user has a session *generation* in Redis, copied into every session at sign-in. Changing
the password bumps it: every session holding an older number is refused from then on (the one
that made the change is given the new number), without having to find the others' ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from typing import Any

from litestar.connection import ASGIConnection
from litestar.middleware.session.server_side import (
    ServerSideSessionBackend,
    ServerSideSessionConfig,
)
from litestar.stores.base import Store
from litestar.types import Empty, Message, ScopeSession
from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.lib import csrf
from app.lib.i18n import SUPPORTED_LOCALES

_ROTATE = "cvtailor.rotate_session"
_NEW_ID = "cvtailor.new_session_id"


def rotate_session_id(scope: Any) -> None:
    """Ask the session backend to store this response's session under a brand-new id, and
    sign its CSRF tokens with a new key (a token from before is refused after)."""
    scope[_ROTATE] = True
    csrf.rebind(scope)


def end_keeping_language(connection: ASGIConnection[Any, Any, Any, Any], fallback: Any) -> None:
    """Empty the caller's session and retire its id (the event streams opened with it end), but
    keep the reader's language (the session's choice, else ``fallback``) in a fresh session:
    the pages that follow a sign-out — the sign-in page, its notice — stay in that language
    instead of the default one."""
    chosen = connection.session.get("locale") if "session" in connection.scope else None
    locale = chosen or fallback
    connection.clear_session()
    if locale in SUPPORTED_LOCALES:
        rotate_session_id(connection.scope)
        connection.set_session({"locale": locale})


class RotatingSessionBackend(ServerSideSessionBackend):
    def get_session_id(self, connection: ASGIConnection[Any, Any, Any, Any]) -> str:
        state: dict[str, Any] = connection.scope  # type: ignore[assignment]
        if state.get(_ROTATE):
            if _NEW_ID not in state:
                state[_NEW_ID] = self.generate_session_id()
            return str(state[_NEW_ID])
        return super().get_session_id(connection)

    async def store_in_message(
        self,
        scope_session: ScopeSession,
        message: Message,
        connection: ASGIConnection[Any, Any, Any, Any],
    ) -> None:
        old_id = connection.cookies.get(self.config.key)
        if not old_id and scope_session is not Empty and not scope_session:
            # Nothing to keep for a caller without a session (a static file, an API token, a
            # bot): no session is created until something is stored in it.
            return
        store = self.config.get_store_from_app(connection.scope["app"])
        if old_id and message["type"] == "http.response.start":
            if connection.scope.get(_ROTATE):
                await self.delete(old_id, store)
                await self._mark_ended(old_id, store)
            elif scope_session is Empty:  # signed out
                await self._mark_ended(old_id, store)
        await super().store_in_message(scope_session, message, connection)

    async def _mark_ended(self, session_id: str, store: Store) -> None:
        """Remember that this id was ended on purpose, for the event streams still open with it
        (``session_watch``): a session missing from Redis may also be a Redis restart, which
        must not cut the streams."""
        await store.set(_ended_key(session_id), b"1", expires_in=self.config.max_age)


def _ended_key(session_id: str) -> str:
    # Hashed: the key shows no usable id, and is never the shape of one (ids are bare hex).
    return "ended:" + hashlib.sha256(session_id.encode()).hexdigest()


class RotatingSessionConfig(ServerSideSessionConfig):
    _backend_class = RotatingSessionBackend


SESSION_GENERATION_KEY = "auth_generation"


def _generation_key(user_id: str) -> str:
    return f"cvtailor:session-generation:{user_id}"


async def session_generation(redis: Redis, user_id: str) -> int:
    """The user's current generation; 0 until the first password change (sessions made before
    generations existed carry none, read as 0: valid until then)."""
    value = await redis.get(_generation_key(user_id))
    return int(value) if value is not None else 0


async def next_session_generation(redis: Redis, user_id: str) -> int:
    """Invalidate every session of the user made so far; return the number new ones carry."""
    return int(await redis.incr(_generation_key(user_id)))


def session_watch(
    connection: ASGIConnection[Any, Any, Any, Any], redis: Redis, user_id: str
) -> Callable[[], Awaitable[bool]] | None:
    """For a long-lived response (an SSE stream): a check that the session it was opened with
    was neither signed out (nor replaced by another sign-in) nor ended by a password change.
    None when the caller is not signed in by a session cookie (an API token)."""
    session_id = connection.cookies.get(RotatingSessionConfig.key)
    if connection.headers.get("authorization") is not None or not session_id:
        return None
    generation = connection.session.get(SESSION_GENERATION_KEY, 0)
    store = connection.app.stores.get(RotatingSessionConfig.store)

    async def still_valid() -> bool:
        try:
            if await store.exists(_ended_key(session_id)):
                return False
            return await session_generation(redis, user_id) == generation
        except (RedisError, OSError):
            return True  # Redis is down: cannot tell; the stream itself waits for it to return

    return still_valid
