"""What each user's AI work used, per UTC day: calls and tokens, on the site's endpoint and on
the user's own, for the account page.

Counted by ``transport.chat_once`` for every answered call of a user's work (its ``SpendMeter``
says whose work it is and on which endpoint). Keys: ``llm_usage:{user}:{YYYY-MM-DD}``, a hash
of ``site_calls``, ``site_tokens``, ``own_calls``, ``own_tokens``, kept ``KEEP_DAYS`` days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from redis.asyncio import Redis

KEY_PREFIX = "llm_usage"
KEEP_DAYS = 31
_TTL_SECONDS = (KEEP_DAYS + 1) * 24 * 3600


def usage_key(user_id: Any, day: str) -> str:
    return f"{KEY_PREFIX}:{user_id}:{day}"


async def record_call(
    redis: Redis, user_id: Any, *, own: bool, tokens: int, now: datetime | None = None
) -> None:
    """One answered call of ``user_id``'s work, ``tokens`` sent + received (0: not reported)."""
    day = (now or datetime.now(UTC)).astimezone(UTC).date().isoformat()
    key = usage_key(user_id, day)
    where = "own" if own else "site"
    async with redis.pipeline(transaction=True) as pipe:
        pipe.hincrby(key, f"{where}_calls", 1)
        pipe.hincrby(key, f"{where}_tokens", max(tokens, 0))
        pipe.expire(key, _TTL_SECONDS)
        await pipe.execute()


@dataclass(frozen=True, slots=True)
class Usage:
    site_calls: int = 0
    site_tokens: int = 0
    own_calls: int = 0
    own_tokens: int = 0

    def __add__(self, other: Usage) -> Usage:
        return Usage(
            self.site_calls + other.site_calls,
            self.site_tokens + other.site_tokens,
            self.own_calls + other.own_calls,
            self.own_tokens + other.own_tokens,
        )

    @property
    def calls(self) -> int:
        return self.site_calls + self.own_calls

    @property
    def tokens(self) -> int:
        return self.site_tokens + self.own_tokens


def _usage(raw: dict[Any, Any]) -> Usage:
    values = {(k.decode() if isinstance(k, bytes) else str(k)): int(v) for k, v in raw.items()}
    return Usage(**{name: values.get(name, 0) for name in Usage.__dataclass_fields__})


@dataclass(frozen=True, slots=True)
class UsageSummary:
    today: Usage
    last_days: Usage  # today and the days before, ``KEEP_DAYS`` - 1 of them at most
    days: int


async def usage_summary(
    redis: Redis, user_id: Any, *, days: int = 30, now: datetime | None = None
) -> UsageSummary:
    days = max(1, min(days, KEEP_DAYS))
    today = (now or datetime.now(UTC)).astimezone(UTC).date()
    keys = [usage_key(user_id, (today - timedelta(days=n)).isoformat()) for n in range(days)]
    async with redis.pipeline(transaction=False) as pipe:
        for key in keys:
            pipe.hgetall(key)
        rows = await pipe.execute()
    per_day = [_usage(row or {}) for row in rows]
    total = Usage()
    for usage in per_day:
        total = total + usage
    return UsageSummary(per_day[0], total, days)


async def forget_usage(redis: Redis, user_id: Any, now: datetime | None = None) -> None:
    """Drop every kept day of ``user_id``'s usage (the account is deleted)."""
    today = (now or datetime.now(UTC)).astimezone(UTC).date()
    days = [today - timedelta(days=n) for n in range(-1, KEEP_DAYS + 1)]  # tomorrow: a UTC edge
    await redis.delete(*(usage_key(user_id, day.isoformat()) for day in days))
