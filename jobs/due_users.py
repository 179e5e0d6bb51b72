"""One job queued per user whose periodic work is due: the mailbox reads (jobs/mailbox.py) and
the posting checks (jobs/postings.py) claim their due users the same way and queue them alike."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models.base import utcnow
from app.job_names import Job, enqueue

# A user due, with the arguments its job takes after the user id.
Due = tuple[str, tuple[Any, ...]]
# The users due at ``now``, committed as claimed (next due after the interval).
ClaimDue = Callable[[AsyncSession, datetime, timedelta], Awaitable[Sequence[Due]]]


async def queue_due(
    ctx: dict[str, Any], job: Job, interval: timedelta, claim_due: ClaimDue
) -> list[str]:
    """Claim the users due ``job`` every ``interval`` and queue one job each; their job ids, each
    the job, the user and the minute (arq queues one job per id)."""
    now = utcnow()
    async with ctx["session_factory"]() as db:
        due = await claim_due(db, now, interval)
    job_ids = []
    for user_id, args in due:
        job_id = f"{job}:{user_id}:{now:%Y%m%d%H%M}"
        await enqueue(ctx["redis"], job, user_id, *args, _job_id=job_id)
        job_ids.append(job_id)
    return job_ids
