"""How many pitches one user may ask for: at once (queued or being written) and per UTC day.

A pitch takes no slot (a 30-second and a 3-minute pitch may be written together) and is free by
default: without these, one user's requests could fill every job of the worker while other
users' imports wait in the queue. Both numbers are settings (``pitches_at_once_per_user``,
``pitches_per_user_day`` in app/config.py; 0 = no limit), counted by the task kernel
(app/tasks/caps.py). A refusal is a 429 with its code and ``limit``, and creates nothing.
"""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.domain.pitches.lifecycle import PITCH_TASK_TYPE
from app.lib.i18n import N_
from app.tasks import caps
from app.tasks.caps import cap_refusal, open_tasks

TOO_MANY_AT_ONCE = N_(
    "You already have %(limit)d pitches being written; wait for one to finish or cancel it."
)
DAILY_LIMIT = N_(
    "You have asked for %(limit)d pitches today, the most one account may; try again tomorrow"
    " (the day counts in UTC)."
)


async def refuse_past_at_once(session: AsyncSession, user_id: str, settings: Settings) -> None:
    """429 ``pitch.too_many_at_once`` when the user's pitches queued or being written reach the
    limit. Call it first in the transaction that creates the pitch: it takes the user's lock
    (even without a limit), which the day's count (``counted_today``) relies on too."""
    limit = settings.pitches_at_once_per_user
    open_now = await open_tasks(session, user_id, PITCH_TASK_TYPE)
    if 0 < limit <= open_now:
        raise cap_refusal(TOO_MANY_AT_ONCE, "pitch.too_many_at_once", limit)


def counted_today(
    redis: Redis, user_id: str, settings: Settings
) -> AbstractAsyncContextManager[None]:
    """Count one pitch on the user's day around the code that creates it: 429
    ``pitch.daily_limit`` when the day's pitches reach the limit; given back when that code
    raises (nothing was created). A pitch deleted later still counts: it was asked for. Under
    the user's lock (``refuse_past_at_once``), so that requests at once count one by one."""
    limit = settings.pitches_per_user_day
    return caps.counted_today(
        redis, PITCH_TASK_TYPE, user_id, limit, DAILY_LIMIT, "pitch.daily_limit"
    )
