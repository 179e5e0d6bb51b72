"""Signing in and out: rate limiting, session handling (shared by the page and the JSON API)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar import Request
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import User
from app.domain.accounts import services
from app.domain.accounts.password_checks import PasswordChecks, too_many_sign_ins
from app.domain.accounts.services import authenticate, rehash_if_needed
from app.lib import rate_limit
from app.lib.current_user import SESSION_USER_KEY
from app.lib.dependencies import AppSettings, Db, ReadSessions, RedisClient
from app.lib.errors import TooManyRequests, Unauthenticated, ValidationFailed
from app.lib.i18n import N_, SUPPORTED_LOCALES
from app.lib.input_errors import InputError
from app.lib.sessions import (
    SESSION_GENERATION_KEY,
    end_keeping_language,
    next_session_generation,
    rotate_session_id,
    session_generation,
)
from app.lib.visitor_cookies import visitor_locale


@dataclass(frozen=True, slots=True)
class SignUp:
    email: str
    password: str
    display_name: str = ""
    locale: str | None = None
    invite: str | None = None  # an invitation link's token ("invitation" sign-up mode)


@dataclass(frozen=True, slots=True)
class Login:
    """Signing in, up and out for one request, as the page and the JSON API both do it.

    Handlers receive it as the ``login`` dependency (``provide_login``, declared by the accounts
    controllers): the request (its session cookie and client address), the database session,
    Redis (rate limits and session generations), read sessions (the password is checked
    outside the write transaction) and the settings (the limits).
    """

    request: Request[Any, Any, Any]
    db: AsyncSession
    settings: Settings
    redis: Redis
    read_sessions: async_sessionmaker[AsyncSession]

    @property
    def passwords(self) -> PasswordChecks:
        """This request's password checks, under the sign-in limits (password_checks.py)."""
        return PasswordChecks.of(self.request, self.redis, self.settings)

    async def sign_in(self, email: str, password: str) -> User:
        """Check the credentials, counted first under the per-account and per-client limits
        every password check shares (app/domain/accounts/password_checks.py)."""
        attempt = await self.passwords.count(email, too_many_sign_ins())
        async with self.read_sessions() as reader:
            user = await authenticate(reader, email, password)
        if user is None:
            raise Unauthenticated(N_("Wrong email or password."), code="auth.invalid_credentials")
        await attempt.succeeded()
        await rehash_if_needed(self.db, user, password)
        await self.db.commit()
        await self._start_session(user)
        return user

    async def sign_up(self, data: SignUp) -> User:
        """Create the account and sign it in, at most ``register_max_per_ip`` per IP and window.

        Counted before the work, like sign-in; a form error (invalid address, short password)
        gives the attempt back so a typo never locks anyone out. A taken address stays counted:
        probing which addresses have accounts is what the limit slows down.
        """
        settings, redis = self.settings, self.redis
        key = f"ratelimit:register:ip:{rate_limit.client_of(self.request)}"
        if await rate_limit.hit(redis, key, settings.register_window_seconds) > (
            settings.register_max_per_ip
        ):
            raise TooManyRequests(
                N_("Too many accounts created from this address. Try again later."),
                code="auth.too_many_sign_ups",
            )
        try:
            user = await services.register(
                self.db,
                settings,
                data.email,
                data.password,
                data.display_name,
                data.locale,
                data.invite,
            )
        except (ValidationFailed, InputError):  # InputError: a message with values in it
            await rate_limit.refund(redis, key)
            raise
        await self.db.commit()
        await self._start_session(user)
        return user

    async def _start_session(self, user: User) -> None:
        request = self.request
        locale = chosen_locale(request)
        generation = await session_generation(self.redis, user.id)
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

    async def end_other_sessions(self, user: User) -> None:
        """After a password change: every other session of the user is refused from now on
        (and their event streams stop); this one carries on under a fresh id."""
        generation = await next_session_generation(self.redis, user.id)
        if self.request.session.get(SESSION_USER_KEY) == user.id:
            self.request.session[SESSION_GENERATION_KEY] = generation
            rotate_session_id(self.request.scope)

    async def end_all_sessions(self, user: User) -> None:
        """Sign the user out everywhere, this browser included: the generation bump refuses
        every session made so far and stops their event streams at their next check
        (app/lib/sessions.py session_watch); this one is cleared as by a sign-out."""
        await next_session_generation(self.redis, user.id)
        end_session(self.request)


def provide_login(
    request: Request[Any, Any, Any],
    db: Db,
    settings: AppSettings,
    redis: RedisClient,
    read_sessions: ReadSessions,
) -> Login:
    return Login(request, db, settings, redis, read_sessions)


# The sign-in page's notice after "Sign out everywhere" (/login?signed_out=<key>).
SIGNED_OUT_NOTICES = {
    "everywhere": N_("You were signed out on every device, this one included."),
    "everywhere-tokens": N_(
        "You were signed out on every device, this one included, and your API tokens revoked."
    ),
    "deleted": N_("Your account and all its data were deleted."),
    "password-reset": N_(
        "Your password was changed and your account signed out everywhere. Sign in with the new"
        " password."
    ),
}


def chosen_locale(request: Request[Any, Any, Any]) -> str | None:
    """The language the caller picked before signing in or up: the session's (kept from
    before visitors' choices lived in a cookie), else the visitor's cookie."""
    chosen = request.session.get("locale") if "session" in request.scope else None
    return chosen if chosen in SUPPORTED_LOCALES else visitor_locale(request.cookies)


def end_session(request: Request[Any, Any, Any]) -> None:
    """Sign out, the reader's language kept (app/lib/sessions.py)."""
    user = request.scope.get("user")
    end_keeping_language(request, user.locale if isinstance(user, User) else None)
    request.scope["user"] = None


def safe_next(target: str | None) -> str:
    """Only same-site relative paths: never an open redirect."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target
