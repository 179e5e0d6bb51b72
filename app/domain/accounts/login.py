"""Signing in and out: rate limiting, session handling (shared by the page and the JSON API)."""

from __future__ import annotations

from typing import Any

from litestar import Request
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import User
from app.domain.accounts.services import authenticate
from app.lib import rate_limit
from app.lib.errors import TooManyRequests, Unauthenticated
from app.lib.i18n import N_
from app.lib.security import normalise_email
from app.lib.sessions import rotate_session_id
from app.lib.web import SESSION_USER_KEY


def _limit_key(request: Request[Any, Any, Any], email: str) -> str:
    client = request.client.host if request.client else "unknown"
    return f"ratelimit:login:{normalise_email(email)}:{client}"


async def sign_in(
    request: Request[Any, Any, Any], db: AsyncSession, settings: Settings, email: str, password: str
) -> User:
    redis = request.app.state.redis
    key = _limit_key(request, email)
    if await rate_limit.is_limited(redis, key, settings.login_max_attempts):
        raise TooManyRequests(
            N_("Too many failed sign-in attempts. Wait a few minutes and try again."),
            code="auth.too_many_attempts",
        )
    user = await authenticate(db, email, password)
    if user is None:
        await rate_limit.record_hit(redis, key, settings.login_window_seconds)
        raise Unauthenticated(N_("Wrong email or password."), code="auth.invalid_credentials")
    await rate_limit.reset(redis, key)
    await db.commit()  # a rehashed password, if any
    start_session(request, user)
    return user


def start_session(request: Request[Any, Any, Any], user: User) -> None:
    locale = request.session.get("locale")
    request.clear_session()
    rotate_session_id(request.scope)
    request.set_session({SESSION_USER_KEY: user.id, "locale": user.locale or locale})
    request.scope["user"] = user


def end_session(request: Request[Any, Any, Any]) -> None:
    request.clear_session()
    request.scope["user"] = None


def safe_next(target: str | None) -> str:
    """Only same-site relative paths: never an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
