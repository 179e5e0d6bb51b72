"""Every check of a password, counted before argon2 runs, under two limits.

Per account (its normalised email, whoever asks and from wherever) and per client (its IPv4
address or IPv6 /64, app/lib/rate_limit.py ``client_key``; higher: one office behind one address
signs in many people). Signing in, changing the password and deleting the account all draw on
the same two budgets (``login_max_attempts`` and ``login_max_attempts_per_ip`` per
``login_window_seconds``), so a stolen session guesses no faster than a stranger at the sign-in
form. A right password resets the account's counter and gives its attempt back to the
client's, which so counts failures only.

``security.verify_password`` is called from here and from ``services.authenticate`` (sign-in,
counted by ``Login.sign_in`` first) only: tests/security/test_password_limits.py holds that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar import Request
from redis.asyncio import Redis

from app.config import Settings
from app.db.models import User
from app.lib import rate_limit, security
from app.lib.errors import TooManyRequests
from app.lib.i18n import N_


def too_many_sign_ins() -> TooManyRequests:
    return TooManyRequests(
        N_("Too many failed sign-in attempts. Wait a few minutes and try again."),
        code="auth.too_many_attempts",
    )


def too_many_wrong_passwords() -> TooManyRequests:
    return TooManyRequests(
        N_("Too many wrong passwords. Wait a few minutes and try again."),
        code="auth.too_many_password_attempts",
    )


@dataclass(frozen=True, slots=True)
class Attempt:
    """One counted password check; ``succeeded`` once the password proved right."""

    redis: Redis
    account_key: str
    client_key: str

    async def succeeded(self) -> None:
        await rate_limit.reset(self.redis, self.account_key)
        await rate_limit.refund(self.redis, self.client_key)


@dataclass(frozen=True, slots=True)
class PasswordChecks:
    redis: Redis
    settings: Settings
    client: str  # rate_limit.client_of(request)

    @classmethod
    def of(
        cls, request: Request[Any, Any, Any], redis: Redis, settings: Settings
    ) -> PasswordChecks:
        return cls(redis, settings, rate_limit.client_of(request))

    async def count(self, email: str, refusal: TooManyRequests | None = None) -> Attempt:
        """Count one check of ``email``'s password; raise ``refusal`` (by default "too many
        wrong passwords") when either budget is spent. Counted before the check: parallel
        guesses get distinct counts, and only the first ones are checked."""
        settings, redis = self.settings, self.redis
        window = settings.login_window_seconds
        attempt = Attempt(
            redis,
            account_key(email),
            f"ratelimit:login:ip:{self.client}",
        )
        refused = refusal or too_many_wrong_passwords()
        if await rate_limit.hit(redis, attempt.client_key, window) > (
            settings.login_max_attempts_per_ip
        ):
            raise refused
        if await rate_limit.hit(redis, attempt.account_key, window) > settings.login_max_attempts:
            raise refused
        return attempt

    async def verify(self, user: User, password: str) -> bool:
        """Whether ``password`` is ``user``'s, checked under the limits (raises 429 past them)."""
        attempt = await self.count(user.email)
        if not await security.verify_password(user.password_hash, password):
            return False
        await attempt.succeeded()
        return True


def account_key(email: str) -> str:
    return f"ratelimit:login:account:{security.normalise_email(email)}"


async def forgive_account(redis: Redis, email: str) -> None:
    """After a password reset: the account's failed checks no longer count (its owner, perhaps
    locked out by them, signs in with the new password at once)."""
    await rate_limit.reset(redis, account_key(email))
