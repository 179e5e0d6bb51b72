"""User event bus: the worker (or web) publishes, every web process streams to that user's tabs.

Redis pub/sub carries ``{"event": name, "data": payload}`` JSON on channel ``user:<id>``. Pub/sub
keeps no history, so a stream renders the current state from the DB when it connects.
"""

from __future__ import annotations

import json
from typing import Any

from redis.asyncio import Redis

# arq's ArqRedis is a Redis subclass: the worker publishes through its own connection.
Publisher = Redis


def user_channel(user_id: str) -> str:
    return f"user:{user_id}"


def encode_event(name: str, payload: dict[str, Any]) -> str:
    return json.dumps({"event": name, "data": payload}, default=str, separators=(",", ":"))


def decode_event(raw: bytes | str) -> tuple[str, dict[str, Any]]:
    message = json.loads(raw)
    return str(message["event"]), dict(message.get("data") or {})


async def publish_event(redis: Redis, user_id: str, name: str, payload: dict[str, Any]) -> None:
    """Publish one event to every open tab of ``user_id`` (in any web process)."""
    await redis.publish(user_channel(user_id), encode_event(name, payload))
