"""How many ATS checks one user may run: at once (queued or running) and per UTC day.

A check takes no slot (the check of a tailored CV starts by itself when its row is first shown:
it must not be refused because an import runs) and is free: without these caps one user's
requests could fill every job of the worker. Each check costs up to two limited child
processes (app/lib/ats_check/check.py), about a minute of CPU at worst. The numbers are kept
here, beside the one rule that reads them; the task kernel counts (app/tasks/caps.py). A refusal
is a 429 with its code and ``limit``, and creates nothing.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.ats.lifecycle import ATS_TASK_TYPE
from app.lib.i18n import N_
from app.tasks import caps
from app.tasks.caps import cap_refusal, open_tasks

AT_ONCE = 3
PER_DAY = 100

TOO_MANY_AT_ONCE = N_(
    "You already have %(limit)d ATS checks running; wait for one to finish or cancel it."
)
DAILY_LIMIT = N_(
    "You have run %(limit)d ATS checks today, the most one account may; try again tomorrow"
    " (the day counts in UTC)."
)


async def open_checks(session: AsyncSession, user_id: str) -> int:
    """The user's checks queued or running. Call it first in the transaction that creates a
    check: it takes the user's lock, which the day's count and the look-up of a check already
    made for the same render rely on, held until the commit."""
    return await open_tasks(session, user_id, ATS_TASK_TYPE)


def refuse_past_at_once(open_now: int) -> None:
    """429 ``ats.too_many_at_once`` when ``open_now`` checks already run."""
    if open_now >= AT_ONCE:
        raise cap_refusal(TOO_MANY_AT_ONCE, "ats.too_many_at_once", AT_ONCE)


def counted_today(redis: Redis, user_id: str) -> AbstractAsyncContextManager[None]:
    """Count one check on the user's day around the code that creates it (429
    ``ats.daily_limit`` past the limit); given back when that code raises."""
    return caps.counted_today(
        redis, ATS_TASK_TYPE, user_id, PER_DAY, DAILY_LIMIT, "ats.daily_limit"
    )
