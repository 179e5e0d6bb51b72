"""Invitation links: made and revoked by admins, taken once by a sign-up in "invitation" mode.

The link carries a random token; the database keeps only its SHA-256 (a stolen copy of the
table opens nothing). Taking one is a single conditional UPDATE: of two sign-ups racing on the
same link, the second matches no row (on PostgreSQL it waits for the first's row lock, then
sees ``used_at`` set) and is refused.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Invitation, User
from app.db.models.base import utcnow
from app.lib.email_address import checked_email
from app.lib.errors import AppError, Forbidden, NotFound, ValidationFailed
from app.lib.i18n import N_
from app.lib.security import hash_random_token
from app.lib.single_use import take_once

MIN_DAYS, MAX_DAYS, DEFAULT_DAYS = 1, 90, 7
ACTIVE, USED, EXPIRED, REVOKED = "active", "used", "expired", "revoked"


def _aware(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back; every stored moment is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def status(invitation: Invitation, now: datetime | None = None) -> str:
    if invitation.used_at is not None:
        return USED
    if invitation.revoked_at is not None:
        return REVOKED
    if _aware(invitation.expires_at) <= (now or utcnow()):
        return EXPIRED
    return ACTIVE


async def create_invitation(
    session: AsyncSession, admin: User, email: str, days: int
) -> tuple[Invitation, str]:
    """A new link's row and its token (shown once: only the hash is kept)."""
    if not MIN_DAYS <= days <= MAX_DAYS:
        raise ValidationFailed(
            N_("An invitation lasts between 1 and 90 days."), code="invitations.days_invalid"
        )
    meant_for = checked_email(email) if email.strip() else None
    token = secrets.token_urlsafe(32)
    row = Invitation(
        token_hash=hash_random_token(token),
        prefix=token[:8],
        email=meant_for,
        created_by=admin.id,
        expires_at=utcnow() + timedelta(days=days),
    )
    session.add(row)
    await session.flush()
    return row, token


async def list_invitations(session: AsyncSession, limit: int = 100) -> list[Invitation]:
    rows = await session.scalars(
        select(Invitation).order_by(Invitation.created_at.desc()).limit(limit)
    )
    return list(rows)


async def revoke_invitation(session: AsyncSession, invitation_id: str) -> None:
    """Withdraw a link not used yet (a used one stays as the record of who came in by it).

    Conditional like the claim: a sign-up taking the link at the same moment wins or loses
    whole, never leaving a link both used and revoked."""
    withdrawn = await session.execute(
        update(Invitation)
        .where(
            Invitation.id == invitation_id,
            Invitation.used_at.is_(None),
            Invitation.revoked_at.is_(None),
        )
        .values(revoked_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    count = int(withdrawn.rowcount or 0)  # type: ignore[attr-defined]
    if not count and await session.get(Invitation, invitation_id) is None:
        raise NotFound(N_("No such invitation."), code="invitations.not_found")


async def find_invitation(session: AsyncSession, token: str) -> Invitation | None:
    if not token:
        return None
    return await session.scalar(
        select(Invitation).where(Invitation.token_hash == hash_random_token(token))
    )


def _used() -> Forbidden:
    return Forbidden(
        N_("This invitation link has already been used. Ask the administrator for a new one."),
        code="auth.invitation_used",
    )


def refusal(invitation: Invitation | None, email: str | None = None) -> AppError | None:
    """Why this invitation cannot open an account (for ``email`` when given), or None."""
    if invitation is None:
        return Forbidden(
            N_("This invitation link is not valid. Check that it was copied whole."),
            code="auth.invitation_unknown",
        )
    state = status(invitation)
    if state == USED:
        return _used()
    if state == REVOKED:
        return Forbidden(
            N_("This invitation link was withdrawn by the administrator."),
            code="auth.invitation_revoked",
        )
    if state == EXPIRED:
        return Forbidden(
            N_("This invitation link has expired. Ask the administrator for a new one."),
            code="auth.invitation_expired",
        )
    if email is not None and invitation.email and invitation.email != email:
        return Forbidden(
            N_("This invitation is for another email address."),
            code="auth.invitation_other_email",
        )
    return None


def invitation_required() -> Forbidden:
    return Forbidden(
        N_("Sign-up on this server is by invitation only. Open the link you were sent."),
        code="auth.invitation_required",
    )


async def claim_invitation(session: AsyncSession, token: str | None, email: str) -> Invitation:
    """Take the link for the account being made with ``email`` (normalised), or refuse.

    Runs inside the sign-up's write transaction: if the account is then refused (address
    taken), the rollback gives the link back.
    """
    if not token:
        raise invitation_required()
    invitation = await find_invitation(session, token)
    problem = refusal(invitation, email)
    if problem is not None or invitation is None:
        raise problem or invitation_required()
    unrevoked = Invitation.revoked_at.is_(None)
    if not await take_once(session, Invitation, invitation.id, utcnow(), unrevoked):
        raise _used()  # another sign-up took it between the read and the write
    return invitation


async def record_invitee(session: AsyncSession, invitation: Invitation, user: User) -> None:
    await session.execute(
        update(Invitation)
        .where(Invitation.id == invitation.id)
        .values(used_by=user.id)
        .execution_options(synchronize_session=False)
    )
