"""Server-side sessions in Redis, with a fresh session id at every sign-in.

Litestar keeps whatever id the cookie carries; rotating it at sign-in stops session fixation
(an id planted in a victim's browser before login is worthless afterwards).

Each user has a session *generation* in Redis, copied into every session at sign-in. Changing
the password bumps it: every session holding an older number is refused from then on (the one
that made the change is given the new number), without having to find the others' ids.

Only a signed-in session is stored. A visitor's language and a refused form's message live in
cookies (app/lib/visitor_cookies.py, app/lib/form_flash.py), and nothing a visitor sends — the
language form in a loop, a refused sign-in, a made-up or expired session cookie — writes into
Redis: each would otherwise be a 14-day key.
"""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from typing import Any

from litestar.connection import ASGIConnection
from litestar.datastructures import Cookie, MutableScopeHeaders
from litestar.middleware.session.server_side import (
    ServerSideSessionBackend,
    ServerSideSessionConfig,
)
from litestar.stores.base import Store
from litestar.types import Empty, Message, ScopeSession
from litestar.utils.dataclass import extract_dataclass_items
from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.lib import csrf, visitor_cookies
from app.lib.session_keys import SESSION_USER_KEY

_ROTATE = "cvtailor.rotate_session"
_NEW_ID = "cvtailor.new_session_id"
_STORED = "cvtailor.session_stored"  # scope key: the request came with a stored session
_COOKIE_FIELDS = frozenset(Cookie.__dict__)  # as Litestar's own backend reads its config


def rotate_session_id(scope: Any) -> None:
    """Ask the session backend to store this response's session under a brand-new id, and
    sign its CSRF tokens with a new key (a token from before is refused after)."""
    scope[_ROTATE] = True
    csrf.rebind(scope)


def end_keeping_language(connection: ASGIConnection[Any, Any, Any, Any], fallback: Any) -> None:
    """Empty the caller's session and retire its id (the event streams opened with it end), but
    keep the reader's language (the session's choice, else ``fallback``) in the visitor's
    cookie: the pages that follow a sign-out — the sign-in page, its notice — stay in that
    language instead of the default one, and no session is left behind for it."""
    chosen = connection.session.get("locale") if "session" in connection.scope else None
    locale = chosen or fallback
    connection.clear_session()
    csrf.rebind(connection.scope)  # the signed-out pages' tokens are no longer the session's
    if isinstance(locale, str):
        visitor_cookies.remember_locale(connection.scope, locale)


class RotatingSessionBackend(ServerSideSessionBackend):
    async def load_from_connection(
        self, connection: ASGIConnection[Any, Any, Any, Any]
    ) -> dict[str, Any]:
        data = await super().load_from_connection(connection)
        connection.scope[_STORED] = bool(data)  # type: ignore[literal-required]
        return data

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
        stored = bool(connection.scope.get(_STORED)) and bool(old_id)
        store = self.config.get_store_from_app(connection.scope["app"])
        rotated = bool(connection.scope.get(_ROTATE))
        data = scope_session if isinstance(scope_session, dict) else {}  # Empty: signed out
        signed_in = bool(data.get(SESSION_USER_KEY))
        if stored and old_id:
            # Marked ended before it is deleted: a request still in flight with this id checks
            # the mark after its own write (below), so the session cannot come back either way.
            if rotated or scope_session is Empty:  # signed in again, or signed out
                await self._mark_ended(old_id, store)
            if rotated or not signed_in:
                await self.delete(old_id, store)
        if signed_in:
            # Signed out (or signed in again elsewhere) while this request ran: its copy of the
            # session, loaded before, must not bring the ended one back. It writes nothing and
            # sets no cookie, so the browser keeps the one the ending gave it (none, or the
            # new session's).
            resumed = old_id if stored and not rotated else None
            if resumed and await _is_ended(store, resumed):
                return
            await super().store_in_message(scope_session, message, connection)
            if resumed and await _is_ended(store, resumed):
                await self.delete(resumed, store)  # ended during the write itself
            return
        # Nothing to keep for a caller who is not signed in (a visitor, a static file, an API
        # token, a bot, a made-up or expired cookie): no session is stored for it. One kept
        # from before this rule (a visitor's language alone) leaves its language in the
        # visitor's cookie.
        if stored:
            locale = data.get("locale")
            if isinstance(locale, str):
                visitor_cookies.remember_locale(connection.scope, locale, overwrite=False)
        if old_id:
            self._drop_cookie(message)

    def _drop_cookie(self, message: Message) -> None:
        params = dict(
            extract_dataclass_items(self.config, exclude_none=True, include=_COOKIE_FIELDS)
        )
        params["max_age"] = 0  # the config's would keep the dropped cookie for 14 days
        expired = Cookie(value="", key=self.config.key, **params)
        MutableScopeHeaders.from_message(message).add("Set-Cookie", expired.to_header(header=""))

    async def _mark_ended(self, session_id: str, store: Store) -> None:
        """Remember that this id was ended on purpose, for the event streams still open with it
        (``session_watch``): a session missing from Redis may also be a Redis restart, which
        must not cut the streams."""
        await store.set(_ended_key(session_id), b"1", expires_in=self.config.max_age)


async def _is_ended(store: Store, session_id: str) -> bool:
    """The id was ended on purpose (``_mark_ended``)."""
    return await store.exists(_ended_key(session_id))


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
            if await _is_ended(store, session_id):
                return False
            return await session_generation(redis, user_id) == generation
        except (RedisError, OSError):
            return True  # Redis is down: cannot tell; the stream itself waits for it to return

    return still_valid
