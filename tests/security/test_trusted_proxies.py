"""The client address is read from ``X-Forwarded-For`` only when the peer is a trusted proxy
(``CVTAILOR_TRUSTED_PROXIES``, app/lib/proxies.py), whatever server runs the app: the per-client
limits cannot be dodged by sending the header from an untrusted peer."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis

from app.config import ConfigError, Settings, build_settings
from app.launcher import command
from tests.fixtures.live import serve


async def _sign_ups(settings: Settings, redis: Redis, addresses: list[str]) -> list[bytes]:
    """Sign up once from each (forwarded) address; the sign-up counters' keys name the client
    the app saw."""
    for key in await redis.keys("ratelimit:*"):
        await redis.delete(key)
    async for url in serve(settings):
        async with httpx.AsyncClient(base_url=url, timeout=30) as http:
            await http.get("/health")
            name = "".join(c for c in "-".join(addresses) if c.isalnum())
            for i, address in enumerate(addresses):
                answer = await http.post(
                    "/api/auth/register",
                    json={"email": f"{name}-{i}@example.com", "password": "long enough pw"},
                    headers={
                        "x-csrftoken": http.cookies["csrftoken"],
                        "x-forwarded-for": address,
                    },
                )
                assert answer.status_code == 201, answer.text
                # The next sign-up is a stranger's: no session, and a CSRF token of its own
                # (the one the sign-up set is bound to the session it made).
                http.cookies.clear()
                await http.get("/health")
    return sorted(await redis.keys("ratelimit:register:ip:*"))


@pytest.fixture
async def clean(redis: Redis, session_factory: Any) -> AsyncIterator[Redis]:
    """The test's Redis, with the database the servers use set up."""
    yield redis


async def test_forwarded_for_is_ignored_from_an_untrusted_peer(
    settings: Settings, clean: Redis
) -> None:
    keys = await _sign_ups(replace(settings, trusted_proxies=""), clean, ["10.7.0.1", "10.7.0.2"])
    assert keys == [b"ratelimit:register:ip:127.0.0.1"]


async def test_forwarded_for_is_read_from_a_trusted_peer(settings: Settings, clean: Redis) -> None:
    assert settings.trusted_proxies == "127.0.0.1,::1"  # the default: a proxy on this machine
    keys = await _sign_ups(settings, clean, ["10.7.0.1", "2001:db8:5:5::1"])
    assert keys == [b"ratelimit:register:ip:10.7.0.1", b"ratelimit:register:ip:2001:db8:5:5::/64"]
    other = replace(settings, trusted_proxies="10.0.0.0/8")  # loopback not trusted here
    assert await _sign_ups(other, clean, ["10.7.0.3"]) == [b"ratelimit:register:ip:127.0.0.1"]


def test_the_setting_is_checked_and_the_launcher_leaves_the_headers_to_the_app(
    tmp_path: Any,
) -> None:
    base = {"DATA_DIR": str(tmp_path), "SECRET_KEY": "x"}
    configured = build_settings({**base, "CVTAILOR_TRUSTED_PROXIES": " 10.0.0.0/8 , ::1 "})
    assert configured.trusted_proxies == "10.0.0.0/8,::1"
    assert build_settings({**base, "CVTAILOR_TRUSTED_PROXIES": ""}).trusted_proxies == ""
    with pytest.raises(ConfigError, match="CVTAILOR_TRUSTED_PROXIES"):
        build_settings({**base, "CVTAILOR_TRUSTED_PROXIES": "my-proxy.local"})
    assert "--no-proxy-headers" in command("web", configured, {})
