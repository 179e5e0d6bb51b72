"""One user's saved searches share one budget, so a user with many searches cannot starve the
others' (the worker's search-run slots are shared by everyone: run.py).

- Concurrency: at most ``discovery_runs_per_user`` runs of one user at once, across every
  worker. A Redis sorted set per user holds the runs' leases (scored by their expiry, so a
  killed worker's lease lapses); taking one is a single script, so two workers cannot both take
  the last one. A run that finds its user's leases taken goes back to the queue before taking a
  worker slot, leaving the slot to another user's run.
- Time: ``discovery_seconds_per_user_hour`` seconds of fetching per user per hour, counted from
  the first second spent. A run checks what is left before each source and stops there when
  nothing is; the remaining sources are read at a later run.
"""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from jobs.fair_share import take

RUNS_PER_USER = 1
SECONDS_PER_USER_HOUR = 600.0
WINDOW_S = 3600
LEASE_S = 900  # longer than a run (the run lock's own expiry)


def budget(ctx: dict[str, Any]) -> tuple[int, float]:
    """(runs at once, seconds per hour) for one user, from the worker's settings."""
    settings = ctx.get("settings")
    return (
        int(getattr(settings, "discovery_runs_per_user", RUNS_PER_USER)),
        float(getattr(settings, "discovery_seconds_per_user_hour", SECONDS_PER_USER_HOUR)),
    )


def _leases(user_id: str) -> str:
    return f"cvtailor:discovery:user-runs:{user_id}"


def _spent(user_id: str) -> str:
    return f"cvtailor:discovery:user-seconds:{user_id}"


@asynccontextmanager
async def user_run(redis: Any, user_id: str, limit: int) -> AsyncIterator[bool]:
    """Whether one of the user's run leases was free (then held until the block ends)."""
    token = secrets.token_hex(8)
    taken = await take(redis, _leases(user_id), limit, LEASE_S, token)
    try:
        yield taken
    finally:
        if taken:
            await redis.zrem(_leases(user_id), token)


async def seconds_left(redis: Any, user_id: str, per_hour: float) -> float:
    if per_hour <= 0:  # 0 = no limit
        return float("inf")
    spent = await redis.get(_spent(user_id))
    return per_hour - float(spent or 0)


async def charge(redis: Any, user_id: str, seconds: float) -> None:
    """Count ``seconds`` of fetching against the user's hour (which starts at its first
    second spent)."""
    key = _spent(user_id)
    await redis.set(key, 0, nx=True, ex=WINDOW_S)
    await redis.incrbyfloat(key, max(seconds, 0.0))
