"""Signing in and out: rate limiting, session handling (shared by the page and the JSON API)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar import Request
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import User
from app.domain.accounts import services
from app.domain.accounts.services import authenticate, rehash_if_needed
from app.lib import rate_limit
from app.lib.errors import TooManyRequests, Unauthenticated, ValidationFailed
from app.lib.i18n import N_
from app.lib.security import normalise_email
from app.lib.sessions import (
    SESSION_GENERATION_KEY,
    next_session_generation,
    rotate_session_id,
    session_generation,
)
from app.lib.web import SESSION_USER_KEY


@dataclass(frozen=True, slots=True)
class SignUp:
    email: str
    password: str
    display_name: str = ""
    locale: str | None = None
    invite: str | None = None  # an invitation link's token ("invitation" sign-up mode)


def _client_ip(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else "unknown"


def _too_many_sign_ins() -> TooManyRequests:
    return TooManyRequests(
        N_("Too many failed sign-in attempts. Wait a few minutes and try again."),
        code="auth.too_many_attempts",
    )


async def sign_in(
    request: Request[Any, Any, Any], db: AsyncSession, settings: Settings, email: str, password: str
) -> User:
    """Check the credentials under two limits, counted before the password is checked.

    Per account (the email alone, whatever IP guesses) and per client IP (higher: one office
    behind one address signs in many people). A success resets the account's counter and gives
    its own attempt back to the IP's, so the IP counter holds failures only.
    """
    redis = request.app.state.redis
    window = settings.login_window_seconds
    account_key = f"ratelimit:login:account:{normalise_email(email)}"
    ip_key = f"ratelimit:login:ip:{_client_ip(request)}"
    if await rate_limit.hit(redis, ip_key, window) > settings.login_max_attempts_per_ip:
        raise _too_many_sign_ins()
    if await rate_limit.hit(redis, account_key, window) > settings.login_max_attempts:
        raise _too_many_sign_ins()
    async with request.app.state.read_session_factory() as reader:
        user = await authenticate(reader, email, password)
    if user is None:
        raise Unauthenticated(N_("Wrong email or password."), code="auth.invalid_credentials")
    await rate_limit.reset(redis, account_key)
    await rate_limit.refund(redis, ip_key)
    await rehash_if_needed(db, user, password)
    await db.commit()
    await start_session(request, user)
    return user


async def sign_up(
    request: Request[Any, Any, Any],
    db: AsyncSession,
    settings: Settings,
    data: SignUp,
) -> User:
    """Create the account and sign it in, at most ``register_max_per_ip`` per IP and window.

    Counted before the work, like sign-in; a form error (invalid address, short password) gives
    the attempt back so a typo never locks anyone out. A taken address stays counted: probing
    which addresses have accounts is what the limit slows down.
    """
    redis = request.app.state.redis
    key = f"ratelimit:register:ip:{_client_ip(request)}"
    if await rate_limit.hit(redis, key, settings.register_window_seconds) > (
        settings.register_max_per_ip
    ):
        raise TooManyRequests(
            N_("Too many accounts created from this address. Try again later."),
            code="auth.too_many_sign_ups",
        )
    try:
        user = await services.register(
            db, settings, data.email, data.password, data.display_name, data.locale, data.invite
        )
    except ValidationFailed:
        await rate_limit.refund(redis, key)
        raise
    await db.commit()
    await start_session(request, user)
    return user


async def start_session(request: Request[Any, Any, Any], user: User) -> None:
    locale = request.session.get("locale")
    generation = await session_generation(request.app.state.redis, user.id)
    request.clear_session()
    rotate_session_id(request.scope)
    request.set_session(
        {
            SESSION_USER_KEY: user.id,
            "locale": user.locale or locale,
            SESSION_GENERATION_KEY: generation,
        }
    )
    request.scope["user"] = user


async def end_other_sessions(request: Request[Any, Any, Any], user: User) -> None:
    """After a password change: every other session of the user is refused from now on (and
    their event streams stop); this one carries on under a fresh id."""
    generation = await next_session_generation(request.app.state.redis, user.id)
    if request.session.get(SESSION_USER_KEY) == user.id:
        request.session[SESSION_GENERATION_KEY] = generation
        rotate_session_id(request.scope)


# The sign-in page's notice after "Sign out everywhere" (/login?signed_out=<key>).
SIGNED_OUT_NOTICES = {
    "everywhere": N_("You were signed out on every device, this one included."),
    "everywhere-tokens": N_(
        "You were signed out on every device, this one included, and your API tokens revoked."
    ),
    "deleted": N_("Your account and all its data were deleted."),
}


async def end_all_sessions(request: Request[Any, Any, Any], user: User) -> None:
    """Sign the user out everywhere, this browser included: the generation bump refuses every
    session made so far and stops their event streams at their next check
    (app/lib/sessions.py session_watch); this one is cleared as by a sign-out."""
    await next_session_generation(request.app.state.redis, user.id)
    end_session(request)


def end_session(request: Request[Any, Any, Any]) -> None:
    request.clear_session()
    request.scope["user"] = None


def safe_next(target: str | None) -> str:
    """Only same-site relative paths: never an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
