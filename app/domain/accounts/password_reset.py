"""One-time password-reset links: made by an admin, or emailed on request ("forgot password").

Like invitations (app/domain/invitations/services.py): the link carries 256 random bits, the
database keeps only their SHA-256, and taking a link is one conditional UPDATE, so two tabs
submitting the same link cannot both set a password. Using one ends every other open link of
the account; the caller then signs out all its sessions (app/lib/sessions.py).
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import ApiToken, PasswordReset, User
from app.db.models.base import utcnow
from app.lib import security
from app.lib.errors import AppError, Forbidden
from app.lib.i18n import N_
from app.lib.single_use import take_once

ADMIN_LINK_LIFETIME = timedelta(hours=72)  # handed over by a person: a weekend may pass
EMAIL_LINK_LIFETIME = timedelta(hours=1)  # read in a mailbox minutes after asking
RESET_PATH = "/password/reset"


def reset_link(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}{RESET_PATH}?token={token}"


def _aware(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back; every stored moment is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def issue_reset(
    db: AsyncSession, user: User, lifetime: timedelta, by: User | None = None
) -> str:
    """A new link's token for ``user`` (shown or sent once: only the hash is kept)."""
    token = secrets.token_urlsafe(32)
    db.add(
        PasswordReset(
            user_id=user.id,
            token_hash=security.hash_random_token(token),
            created_by=by.id if by else None,
            expires_at=utcnow() + lifetime,
        )
    )
    await db.flush()
    return token


def _refusal(row: PasswordReset | None) -> AppError | None:
    if row is None:
        return Forbidden(
            N_("This reset link is not valid. Check that it was copied whole."),
            code="auth.reset_unknown",
        )
    if row.used_at is not None:
        return reset_used()
    if _aware(row.expires_at) <= utcnow():
        return Forbidden(
            N_("This reset link has expired. Ask for a new one."), code="auth.reset_expired"
        )
    return None


def reset_used() -> Forbidden:
    return Forbidden(
        N_("This reset link was already used. Ask for a new one if you need it."),
        code="auth.reset_used",
    )


async def open_reset(db: AsyncSession, token: str) -> PasswordReset:
    """The link ``token`` opens, or the ``AppError`` that says why it opens nothing."""
    row = None
    if token:
        row = await db.scalar(
            select(PasswordReset).where(
                PasswordReset.token_hash == security.hash_random_token(token)
            )
        )
    problem = _refusal(row)
    if problem is not None or row is None:
        raise problem or reset_used()
    return row


async def use_reset(db: AsyncSession, token: str, password: str) -> User:
    """Take the link and set ``password`` (checked by the caller: ``validate_password``); the
    account's other links end and its API tokens are revoked. Commits; the caller then ends the
    account's sessions."""
    row = await open_reset(db, token)
    user_id = row.user_id
    await db.commit()  # no transaction (on SQLite, no write lock) while argon2 runs
    new_hash = await security.hash_password(password)
    now = utcnow()
    if not await take_once(db, PasswordReset, row.id, now):
        await db.rollback()
        raise reset_used()  # another tab took it between the read and the write
    await db.execute(
        update(PasswordReset)
        .where(PasswordReset.user_id == user_id, PasswordReset.used_at.is_(None))
        .values(used_at=now)
        .execution_options(synchronize_session=False)
    )
    await db.execute(
        update(User)
        .where(User.id == user_id)
        .values(password_hash=new_hash)
        .execution_options(synchronize_session=False)
    )
    await db.execute(delete(ApiToken).where(ApiToken.user_id == user_id))
    user = await db.get(User, user_id, populate_existing=True)
    await db.commit()
    if user is None:  # the account was deleted meanwhile (its links went with it)
        raise reset_used()
    return user
