"""The "forgot your password?" flow: the request is counted and answered at once; the rest
(finding the account, making the link, sending it) happens after the answer, so the page says
and takes the same whatever the address.

Counted per client (``login_max_attempts_per_ip`` per ``login_window_seconds``, past which the
page says to wait) and per address (``MAILS_PER_ADDRESS`` per window, past which nothing more
is sent, silently: a mailbox is never flooded, and the page still tells nothing).
"""

from __future__ import annotations

import logging

from redis.asyncio import Redis
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import User
from app.domain.accounts.password_reset import EMAIL_LINK_LIFETIME, issue_reset, reset_link
from app.lib import rate_limit, security
from app.lib.errors import TooManyRequests
from app.lib.i18n import N_, catalogue
from app.lib.mail import MailError, send_mail

MAILS_PER_ADDRESS = 3
log = logging.getLogger(__name__)

SUBJECT = N_("Reset your CV Tailor password")
BODY = N_(
    "Hello %(name)s,\n\n"
    "Someone (you, we hope) asked to reset the password of your CV Tailor account "
    "%(email)s.\n\n"
    "Open this link within an hour to choose a new password (it works once):\n"
    "%(link)s\n\n"
    "Using it signs your account out everywhere and revokes its API tokens.\n"
    "If you did not ask, ignore this email: your password stays as it is."
)


def too_many_requests() -> TooManyRequests:
    return TooManyRequests(
        N_("Too many reset requests from this address. Wait a few minutes and try again."),
        code="auth.too_many_reset_requests",
    )


async def count_request(redis: Redis, settings: Settings, client: str, email: str) -> bool:
    """Count one request; raise past the client's budget. Whether a mail may go to ``email``."""
    window = settings.login_window_seconds
    if await rate_limit.hit(redis, f"ratelimit:reset:ip:{client}", window) > (
        settings.login_max_attempts_per_ip
    ):
        raise too_many_requests()
    address = security.normalise_email(email)[:320]
    return await rate_limit.hit(redis, f"ratelimit:reset:account:{address}", window) <= (
        MAILS_PER_ADDRESS
    )


def _translated(locale: str, message: str, **variables: str) -> str:
    return catalogue(locale).get(message, message) % variables if variables else message


async def send_reset_mail(
    sessions: async_sessionmaker[AsyncSession], settings: Settings, email: str
) -> None:
    """Email a new link to the account of ``email``, in its language; nothing if there is none.
    Runs after the answer was sent: a failure is logged, never shown."""
    async with sessions() as db:
        user = await db.scalar(select(User).where(User.email == security.normalise_email(email)))
        if user is None:
            return
        token = await issue_reset(db, user, EMAIL_LINK_LIFETIME)
        await db.commit()
    locale = user.locale or settings.default_locale
    values = {
        "name": user.display_name or user.email,
        "email": user.email,
        "link": reset_link(settings.public_url, token),
    }
    subject = catalogue(locale).get(SUBJECT, SUBJECT)
    try:
        await send_mail(settings, user.email, subject, _translated(locale, BODY, **values))
    except MailError as exc:
        log.warning("password reset mail not sent (account %s): %s", user.id, exc)
