"""The inbox's TTL (the worker's daily cron, jobs/discovery/scheduler.py).

* Rejected items go 30 days after the decision (the issue's TTL): long enough to undo a
  mistaken reject, and their canonical URL keeps the offer from being filed again meanwhile.
* Pending items go 60 days after they were found: an offer nobody triaged in two months is
  almost always filled, and an unbounded pending list is what makes an inbox useless.
* Approved items stay: they point at the job offer made from them.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, delete, func, or_
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models.base import utcnow
from app.db.models.job_search import InboxItem, InboxStatus

REJECTED_DAYS = 30
PENDING_DAYS = 60


async def delete_expired(session: AsyncSession, now: datetime | None = None) -> int:
    """Delete the expired items of every user; the number deleted (committed)."""
    now = now or utcnow()
    rejected_before = now - timedelta(days=REJECTED_DAYS)
    pending_before = now - timedelta(days=PENDING_DAYS)
    result = await session.execute(
        delete(InboxItem)
        .where(
            or_(
                and_(
                    InboxItem.status == InboxStatus.REJECTED,
                    func.coalesce(InboxItem.decided_at, InboxItem.created_at) < rejected_before,
                ),
                and_(
                    InboxItem.status == InboxStatus.PENDING,
                    InboxItem.created_at < pending_before,
                ),
            )
        )
        .execution_options(synchronize_session=False)
    )
    await session.commit()
    return int(result.rowcount or 0)  # type: ignore[attr-defined]
