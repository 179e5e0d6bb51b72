"""Per-user caps of a task kind besides its slot (app/tasks/slots.py): how many of its tasks one
user may have open at once, and start per UTC day.

A kind whose tasks may run side by side (two pitches of different lengths) takes no slot; these
caps keep one user from filling every job of the worker (``CVTAILOR_MAX_JOBS``) with their own,
and give a free kind a quota. The feature reads the numbers from its settings and words the
refusal (app/domain/pitches/limits.py); the kernel only counts.

The day's count lives in Redis, like the LLM budget (app/lib/llm/spend.py): it outlives the
task rows, which the user may delete or purge, and a Redis restart forgets it only for that day.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime

from redis.asyncio import Redis
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.db.models.status import OPEN
from app.lib.input_errors import InputError
from app.tasks.slots import lock_user_tasks

DAY_KEY_PREFIX = "task_day"
DAY_KEY_TTL_SECONDS = 2 * 24 * 3600


async def open_tasks(session: AsyncSession, user_id: str, task_type: str) -> int:
    """The user's tasks of ``task_type`` queued or running, counted under the user's lock: the
    caller's transaction holds it until it commits, so two requests cannot both pass a cap."""
    await lock_user_tasks(session, user_id)
    count = await session.scalar(
        select(func.count())
        .select_from(BackgroundTask)
        .where(
            BackgroundTask.user_id == user_id,
            BackgroundTask.type == task_type,
            BackgroundTask.status.in_(OPEN),
        )
    )
    return int(count or 0)


def day_key(task_type: str, user_id: str, now: datetime | None = None) -> str:
    """The Redis counter of the user's tasks of ``task_type`` started on this UTC day."""
    day = (now or datetime.now(UTC)).strftime("%Y-%m-%d")
    return f"{DAY_KEY_PREFIX}:{task_type}:{user_id}:{day}"


async def take_one(redis: Redis, key: str, limit: int) -> bool:
    """Count one more task on ``key``; False, and nothing counted, when ``limit`` is reached.

    Two requests at the very limit may both be refused (each takes, sees too many and gives
    back): never both accepted."""
    async with redis.pipeline(transaction=True) as pipe:
        pipe.incr(key)
        pipe.expire(key, DAY_KEY_TTL_SECONDS)
        used, _ = await pipe.execute()
    if int(used) <= limit:
        return True
    await redis.decr(key)
    return False


async def give_back(redis: Redis, key: str) -> None:
    """Undo ``take_one``: the request was refused after all (nothing was created)."""
    await redis.decr(key)


def cap_refusal(template: str, code: str, limit: int) -> InputError:
    """A 429 naming the cap it hit: ``code`` and ``limit`` (the JSON API's fields beside
    "error" and "detail"), the message in the reader's language; nothing is created."""
    error = InputError(template, code=code, http_status=429, limit=limit)
    error.extra["limit"] = limit
    return error


@asynccontextmanager
async def counted_today(
    redis: Redis, task_type: str, user_id: str, limit: int, template: str, code: str
) -> AsyncIterator[None]:
    """Count one task of ``task_type`` on the user's day around the code that creates it: a
    ``cap_refusal`` when the day's tasks reach ``limit`` (0 or less: no limit), the count given
    back when that code raises (nothing was created). Call it under the user's lock
    (``open_tasks``), so that requests at once count one by one."""
    if limit <= 0:
        yield
        return
    key = day_key(task_type, user_id)
    if not await take_one(redis, key, limit):
        raise cap_refusal(template, code, limit)
    try:
        yield
    except BaseException:
        await give_back(redis, key)
        raise
