"""Redis connections for the web process (sessions, pub/sub, rate limits, arq enqueueing)."""

from __future__ import annotations

from arq.connections import RedisSettings
from redis.asyncio import Redis


def redis_from_url(url: str) -> Redis:
    return Redis.from_url(url, health_check_interval=30)


def arq_settings(url: str) -> RedisSettings:
    return RedisSettings.from_dsn(url)
