"""Redis connections for the web process (sessions, pub/sub, rate limits, arq enqueueing) and
the worker (arq's pool).

Both ride out a Redis restart: a command or a (re)connection that fails because Redis is
unreachable is retried with backoff (about 17 s per connection attempt; a Redis that stays down
surfaces as errors after a few minutes at most) instead of failing at once. Without this, arq's
poll loop dies on the first ``ConnectionError`` (taking the worker down), the pipeline fails
offers because an event could not be published, and the web's pub/sub listener stops for good
(no live event reaches a tab again).
"""

from __future__ import annotations

from arq.connections import RedisSettings
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import ExponentialBackoff
from redis.exceptions import ConnectionError, TimeoutError

# Pauses of 0.1, 0.2, 0.4, 0.8, then 1 s: about 17 s in all.
RETRY_TRIES = 20
# OSError: a refused connection surfaces as ConnectionRefusedError before redis-py wraps it.
RETRY_ON: list[type[Exception]] = [ConnectionError, TimeoutError, OSError]


def retry_policy() -> Retry:
    return Retry(ExponentialBackoff(cap=1.0, base=0.05), RETRY_TRIES)


def redis_from_url(url: str) -> Redis:
    return Redis.from_url(
        url, health_check_interval=30, retry=retry_policy(), retry_on_error=list(RETRY_ON)
    )


def arq_settings(url: str) -> RedisSettings:
    settings = RedisSettings.from_dsn(url)
    settings.retry = retry_policy()
    settings.retry_on_error = list(RETRY_ON)
    return settings
