"""Redis cannot grow without bound: the embedded one (``make run``) has a memory cap and evicts
nothing (app/lib/embedded_redis.py), and what the web app writes expires on its own.

Why no eviction at all rather than ``volatile-lru``: arq's job keys carry a TTL (checked here),
so a policy that evicts "only keys with a TTL" may still drop a queued job."""

from __future__ import annotations

import pytest
import redis as sync_redis
from arq import create_pool
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis

from app.config import Settings
from app.lib.embedded_redis import MAXMEMORY_ENV, EmbeddedRedisError, start_embedded_redis
from app.lib.redis import arq_settings
from tests.conftest import csrf_token, register

Client = AsyncTestClient[Litestar]
# Written for good on purpose: the queue itself, and a user's session generation (a few bytes
# per user who changed a password; were it to expire, that user's sessions would be refused).
PERMANENT = (b"arq:queue", b"arq:abort", b"cvtailor:session-generation:")


def _config(url: str, name: str) -> str:
    with sync_redis.Redis.from_url(url) as client:
        return str(client.config_get(name)[name])


def test_the_embedded_redis_is_capped_and_evicts_nothing(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    with start_embedded_redis(settings) as server:
        assert _config(server.url, "maxmemory") == str(256 * 1024 * 1024)
        assert _config(server.url, "maxmemory-policy") == "noeviction"
    monkeypatch.setenv(MAXMEMORY_ENV, "64MB")
    with start_embedded_redis(settings) as server:
        assert _config(server.url, "maxmemory") == str(64 * 1024 * 1024)
    monkeypatch.setenv(MAXMEMORY_ENV, "lots")
    with pytest.raises(EmbeddedRedisError, match=MAXMEMORY_ENV):
        start_embedded_redis(settings)


async def test_queued_jobs_carry_a_ttl_so_no_eviction_policy_is_safe(
    settings: Settings, redis: Redis
) -> None:
    pool = await create_pool(arq_settings(settings.effective_redis_url))
    try:
        job = await pool.enqueue_job("no_such_job")
        assert job is not None
        assert await redis.ttl(f"arq:job:{job.job_id}") > 0
    finally:
        await pool.aclose()


async def test_what_the_web_app_writes_expires(client: Client, redis: Redis) -> None:
    client.headers["accept-language"] = "en"

    async def post(path: str, data: dict[str, str]) -> None:
        token = await csrf_token(client)
        await client.post(path, data={**data, "_csrf_token": token}, follow_redirects=False)

    await client.get("/login")
    await post("/locale", {"locale": "fr", "next": "/"})
    await register(client, "first@example.com")
    await post("/logout", {})
    await post("/login", {"email": "first@example.com", "password": "not it"})
    await post("/login", {"email": "first@example.com", "password": "correct horse"})
    await post("/locale", {"locale": "en", "next": "/"})
    await post(
        "/account/password",
        {"current_password": "correct horse", "new_password": "correct horse 2"},
    )
    for page in ("/", "/account", "/offers", "/cvs"):
        await client.get(page)
    keys = [key async for key in redis.scan_iter("*")]
    assert any(b"sessions" in key for key in keys)  # the flow did write
    forever = [k for k in keys if not k.startswith(PERMANENT) and await redis.ttl(k) < 0]
    assert forever == []
