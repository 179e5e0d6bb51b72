"""The worker's side of a mailbox read: which mailboxes are due, and what a read leaves on the
account (where to start next time, when, and the failure if any).

``claim_due`` takes at most ``PER_RUN`` mailboxes per scheduled run (one per user: a user has
one), least recently read first, and sets their next read at once, so a second scheduler does
not claim them too; the rest wait for the next run, as saved searches do.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import MailboxAccount

PER_RUN = 100  # mailboxes read per scheduled run, every user together
MESSAGES_PER_READ = 40  # messages of one mailbox per read (the rest at the next run)
RETRY_AFTER = timedelta(minutes=5)  # a read that stopped early (more waiting, time spent)


async def claim_due(
    db: AsyncSession, now: datetime, interval: timedelta, *, per_run: int = PER_RUN
) -> list[str]:
    """The user ids whose mailbox read is due, committed as claimed."""
    rows = await db.scalars(
        select(MailboxAccount)
        .where(
            MailboxAccount.password_encrypted != "",
            or_(MailboxAccount.next_check_at.is_(None), MailboxAccount.next_check_at <= now),
        )
        .order_by(MailboxAccount.next_check_at.asc().nulls_first(), MailboxAccount.id)
        .limit(per_run)
    )
    claimed = list(rows)
    for account in claimed:
        account.next_check_at = now + interval
    if claimed:
        await db.commit()
    return [account.user_id for account in claimed]


def record_read(
    account: MailboxAccount,
    now: datetime,
    *,
    uid_validity: int | None = None,
    last_uid: int | None = None,
    more: bool = False,
    error_code: str | None = None,
) -> None:
    """A read's outcome: where the next starts, and sooner when messages are left."""
    account.checked_at = now
    account.error_code = error_code
    if uid_validity is not None:
        account.uid_validity = uid_validity
    if last_uid is not None:
        account.last_uid = last_uid
    if more:
        account.next_check_at = now + RETRY_AFTER


def retry_soon(account: MailboxAccount, now: datetime) -> None:
    """A read that could not start (the user's fairness budget is spent): due again soon."""
    account.next_check_at = now + RETRY_AFTER
