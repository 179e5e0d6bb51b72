"""Who is calling: the user behind an API token or a session cookie, for every controller.

The lookups live here rather than in the accounts feature because every feature's controllers
(and the error pages) need the caller, and ``app/lib`` must not import a feature. Minting and
revoking tokens stays in ``app/domain/accounts/services.py``; both sides hash with
``app/lib/security.py``.
"""

from __future__ import annotations

from typing import Any

from litestar import Request
from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import ApiToken, User
from app.db.models.base import utcnow
from app.db.session import release_lock
from app.lib import i18n, security
from app.lib.csrf import BEARER_ONLY
from app.lib.dependencies import Db, RedisClient
from app.lib.errors import Unauthenticated
from app.lib.i18n import N_
from app.lib.session_keys import SESSION_USER_KEY
from app.lib.sessions import SESSION_GENERATION_KEY, end_keeping_language, session_generation

# A route marked ``BEARER_ONLY`` (app/lib/csrf.py) answers a caller without a token this 401.
TOKEN_REQUIRED = "auth.token_required"  # noqa: S105 (an error code)
TOKEN_ONLY = N_("The agent API takes a personal API token: send 'Authorization: Bearer <token>'.")

__all__ = [
    "SESSION_USER_KEY",
    "provide_optional_user",
    "provide_user",
    "resolve_user",
    "user_for_token",
]


async def user_for_token(session: AsyncSession, token: str) -> User | None:
    """The owner of an API token, its ``last_used_at`` set (the caller commits)."""
    row = await session.scalar(
        select(ApiToken).where(ApiToken.token_hash == security.hash_api_token(token))
    )
    if row is None:
        return None
    row.last_used_at = utcnow()
    return await session.get(User, row.user_id)


async def resolve_user(
    request: Request[Any, Any, Any], db: AsyncSession, redis: Redis
) -> User | None:
    """The caller: by Bearer token when an Authorization header is present, else by session."""
    if "user" in request.scope and request.scope["user"] is not None:
        cached: User = request.scope["user"]
        return cached
    header = request.headers.get("authorization")
    user: User | None = None
    if header is not None:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Unauthenticated(
                N_("Use 'Authorization: Bearer <token>'."), code="auth.bad_header"
            )
        user = await user_for_token(db, token.strip())
        if user is None:
            # A dependency that raises is not cleaned up by Litestar (the session closes only
            # when it is garbage-collected): end the transaction, and its SQLite write lock, now.
            await release_lock(db)
            raise Unauthenticated(N_("This API token is not valid."), code="auth.invalid_token")
        await db.commit()  # records last_used_at
    else:
        user_id = request.session.get(SESSION_USER_KEY) if "session" in request.scope else None
        if user_id and not await _session_is_current(request, redis, str(user_id)):
            # Ended by a password change or "sign out everywhere" in another session.
            end_keeping_language(request, None)
        elif user_id:
            user = await db.get(User, str(user_id))
    # Whatever the handler does next (fetch a URL, hash a password…) must not hold the
    # write lock this lookup took on SQLite.
    await release_lock(db)
    request.scope["user"] = user
    if user and user.locale:
        i18n.current_locale.set(user.locale)
    return user


async def _session_is_current(request: Request[Any, Any, Any], redis: Redis, user_id: str) -> bool:
    current = await session_generation(redis, user_id)
    return bool(request.session.get(SESSION_GENERATION_KEY, 0) == current)


async def provide_optional_user(
    request: Request[Any, Any, Any], db: Db, redis: RedisClient
) -> User | None:
    return await resolve_user(request, db, redis)


async def provide_user(request: Request[Any, Any, Any], db: Db, redis: RedisClient) -> User:
    bearer_only = bool(request.route_handler.opt.get(BEARER_ONLY))
    if bearer_only and "authorization" not in request.headers:
        # Its CSRF check is skipped (app/lib/csrf.py): the session must not sign anyone in.
        raise Unauthenticated(TOKEN_ONLY, code=TOKEN_REQUIRED)
    user = await resolve_user(request, db, redis)
    if user is None:
        if bearer_only:
            raise Unauthenticated(TOKEN_ONLY, code=TOKEN_REQUIRED)
        raise Unauthenticated(N_("Sign in first."))
    return user
