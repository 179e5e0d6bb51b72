"""Sign-in and sign-up limits under parallel requests, and no database lock held while hashing.

Requests go over a real socket (uvicorn in this event loop): the in-process test client serves
one request at a time, which would hide the races these tests are about. uvicorn trusts
``X-Forwarded-For`` from 127.0.0.1 (its default ``forwarded_allow_ips``), which lets one test
speak from several client addresses.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from collections.abc import AsyncIterator, Callable
from dataclasses import replace
from typing import Any

import httpx
import pytest
from redis.asyncio import Redis
from sqlalchemy import func, select, text
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import User
from app.db.session import create_engine
from app.lib import security
from tests.fixtures.live import serve

ACCOUNT_LIMIT = 5
IP_LIMIT = 12
SIGN_UP_LIMIT = 3
PASSWORD = "the right password"


@pytest.fixture
def limited(settings: Settings) -> Settings:
    return replace(
        settings,
        login_max_attempts=ACCOUNT_LIMIT,
        login_max_attempts_per_ip=IP_LIMIT,
        register_max_per_ip=SIGN_UP_LIMIT,
    )


@pytest.fixture
async def server(limited: Settings, session_factory: Any, redis: Redis) -> AsyncIterator[str]:
    # Counters live in the test session's Redis, which outlives one test.
    for key in await redis.keys("ratelimit:*"):
        await redis.delete(key)
    async for url in serve(limited):
        yield url


@pytest.fixture
async def http(server: str) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(base_url=server, timeout=60) as client:
        await client.get("/health")
        # Every request is a stranger's: the anonymous CSRF pair, never the session a sign-up
        # or sign-in just made (an explicit Cookie header keeps httpx's jar out of it).
        anonymous = client.cookies["csrftoken"]
        client.headers["x-csrftoken"] = anonymous
        client.headers["cookie"] = f"csrftoken={anonymous}"
        yield client


def _from(ip: str) -> dict[str, str]:
    return {"x-forwarded-for": ip}


async def _sign_up(http: httpx.AsyncClient, email: str, ip: str = "10.9.9.9") -> httpx.Response:
    return await http.post(
        "/api/auth/register", json={"email": email, "password": PASSWORD}, headers=_from(ip)
    )


async def _sign_in(
    http: httpx.AsyncClient, email: str, password: str, ip: str = "10.0.0.1"
) -> httpx.Response:
    # No session cookie sent along (the ``http`` fixture): each attempt is a stranger's.
    return await http.post(
        "/api/auth/login", json={"email": email, "password": password}, headers=_from(ip)
    )


async def test_parallel_guesses_from_many_addresses_check_at_most_the_account_limit(
    http: httpx.AsyncClient,
) -> None:
    assert (await _sign_up(http, "victim@example.com")).status_code == 201
    guesses = [
        _sign_in(http, "victim@example.com", f"guess number {i}", ip=f"10.1.0.{i}")
        for i in range(30)
    ]
    right = _sign_in(http, "victim@example.com", PASSWORD, ip="10.1.1.1")
    answers = await asyncio.gather(*guesses, right)
    codes = Counter(a.status_code for a in answers)
    # A 401 or a 200 is a password that was checked: never more than the limit, whatever the
    # interleaving; every other attempt was refused before its check.
    assert codes[401] + codes[200] <= ACCOUNT_LIMIT, codes
    assert codes[429] >= len(answers) - ACCOUNT_LIMIT, codes
    assert {a.json()["error"] for a in answers if a.status_code == 429} == {
        "auth.too_many_attempts"
    }
    if codes[200] == 0:  # the right one came late: still refused while the window lasts
        late = await _sign_in(http, "victim@example.com", PASSWORD, ip="10.1.1.2")
        assert late.status_code == 429 and late.json()["error"] == "auth.too_many_attempts"


async def test_the_right_password_is_refused_once_the_account_limit_is_hit(
    http: httpx.AsyncClient,
) -> None:
    assert (await _sign_up(http, "target@example.com")).status_code == 201
    answers = await asyncio.gather(
        *(_sign_in(http, "target@example.com", f"wrong {i}", ip=f"10.2.0.{i}") for i in range(30))
    )
    codes = Counter(a.status_code for a in answers)
    assert codes == {401: ACCOUNT_LIMIT, 429: 30 - ACCOUNT_LIMIT}, codes
    right = await _sign_in(http, "target@example.com", PASSWORD, ip="10.2.1.1")
    assert right.status_code == 429 and right.json()["error"] == "auth.too_many_attempts"


async def test_one_address_guessing_many_accounts_hits_the_ip_limit(
    http: httpx.AsyncClient,
) -> None:
    assert (await _sign_up(http, "bystander@example.com")).status_code == 201
    answers = await asyncio.gather(
        *(_sign_in(http, f"user{i}@example.com", "some guess", ip="10.3.0.1") for i in range(20))
    )
    codes = Counter(a.status_code for a in answers)
    assert codes == {401: IP_LIMIT, 429: 20 - IP_LIMIT}, codes
    # That address is blocked even for a real account; everyone else is not.
    blocked = await _sign_in(http, "bystander@example.com", PASSWORD, ip="10.3.0.1")
    assert blocked.status_code == 429
    elsewhere = await _sign_in(http, "bystander@example.com", PASSWORD, ip="10.3.0.2")
    assert elsewhere.status_code == 200


async def test_an_ipv6_slash_64_is_one_client(http: httpx.AsyncClient) -> None:
    """Whoever holds one address of a /64 holds them all: the IP limit counts the /64, and the
    sign-up limit too."""
    answers = [
        await _sign_in(http, f"user{i}@example.com", "some guess", ip=f"2001:db8:7:7::{i + 1:x}")
        for i in range(IP_LIMIT + 2)
    ]
    codes = Counter(a.status_code for a in answers)
    assert codes == {401: IP_LIMIT, 429: 2}, codes
    other_network = await _sign_in(http, "user0@example.com", "some guess", ip="2001:db8:7:8::1")
    assert other_network.status_code == 401
    sign_ups = [
        await _sign_up(http, f"v6farm{i}@example.com", ip=f"2001:db8:9:9:{i + 1:x}::1")
        for i in range(SIGN_UP_LIMIT + 1)
    ]
    assert [a.status_code for a in sign_ups] == [201] * SIGN_UP_LIMIT + [429]


async def test_a_success_resets_the_account_and_spends_nothing_of_the_ip_budget(
    http: httpx.AsyncClient,
) -> None:
    assert (await _sign_up(http, "typo@example.com")).status_code == 201
    for _ in range(2):
        for _ in range(ACCOUNT_LIMIT - 1):
            wrong = await _sign_in(http, "typo@example.com", "fat fingers", ip="10.4.0.1")
            assert wrong.status_code == 401
        assert (
            await _sign_in(http, "typo@example.com", PASSWORD, ip="10.4.0.1")
        ).status_code == 200
    # An office behind one address: many more sign-ins than the IP limit, all of them right.
    for _ in range(IP_LIMIT + 3):
        assert (
            await _sign_in(http, "typo@example.com", PASSWORD, ip="10.4.0.2")
        ).status_code == 200


async def test_parallel_sign_ups_from_one_address_stop_at_the_limit(
    http: httpx.AsyncClient,
    limited: Settings,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    answers = await asyncio.gather(
        *(_sign_up(http, f"farm{i}@example.com", ip="10.5.0.1") for i in range(20))
    )
    codes = Counter(a.status_code for a in answers)
    assert codes == {201: SIGN_UP_LIMIT, 429: 20 - SIGN_UP_LIMIT}, codes
    assert {a.json()["error"] for a in answers if a.status_code == 429} == {
        "auth.too_many_sign_ups"
    }
    async with session_factory() as db:
        accounts = await db.scalar(select(func.count()).select_from(User))
        credits = await db.scalar(select(func.sum(User.credit_balance)))
    assert accounts == SIGN_UP_LIMIT
    assert credits == SIGN_UP_LIMIT * limited.credits_new_user
    # The page form is held to the same limit.
    page = await http.post(
        "/register",
        data={
            "email": "farm-page@example.com",
            "password": PASSWORD,
            "_csrf_token": http.headers["x-csrftoken"],
        },
        headers=_from("10.5.0.1"),
    )
    assert page.status_code == 429 and 'data-error-code="auth.too_many_sign_ups"' in page.text
    assert (await _sign_up(http, "neighbour@example.com", ip="10.5.0.2")).status_code == 201


async def test_a_refused_form_does_not_use_up_the_sign_up_limit(http: httpx.AsyncClient) -> None:
    for _ in range(SIGN_UP_LIMIT + 2):
        short = await http.post(
            "/api/auth/register",
            json={"email": "careful@example.com", "password": "short"},
            headers=_from("10.6.0.1"),
        )
        assert short.json()["error"] == "auth.password_too_short"
    for i in range(SIGN_UP_LIMIT):
        assert (await _sign_up(http, f"careful{i}@example.com", ip="10.6.0.1")).status_code == 201


def _blocking_verify(
    started: threading.Event, release: threading.Event
) -> Callable[[str, str], bool]:
    real = security._verify

    def verify(password_hash: str, password: str) -> bool:
        started.set()
        release.wait(timeout=60)
        return real(password_hash, password)

    return verify


async def test_no_database_lock_is_held_while_a_password_is_checked(
    http: httpx.AsyncClient, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A sign-in waiting on argon2 must not make another user's write wait (SQLite's write lock
    is taken at BEGIN IMMEDIATE: app/db/session.py)."""
    assert (await _sign_up(http, "slow@example.com")).status_code == 201
    started, release = threading.Event(), threading.Event()
    monkeypatch.setattr(security, "_verify", _blocking_verify(started, release))
    sign_in = asyncio.create_task(_sign_in(http, "slow@example.com", PASSWORD))
    writer = create_engine(settings.database_url)  # BEGIN IMMEDIATE, like the app
    try:
        assert await asyncio.to_thread(started.wait, 30), "the sign-in never reached argon2"

        async def write() -> None:
            async with writer.begin() as conn:
                await conn.execute(text("UPDATE setting SET value = value WHERE 1 = 0"))

        # Needs milliseconds; a lock held by the sign-in would make it wait the 15 s busy
        # timeout and then fail (12 s: room for a busy machine, still short of that).
        await asyncio.wait_for(write(), timeout=12)
    finally:
        release.set()
        await writer.dispose()
        answer = (await asyncio.gather(sign_in, return_exceptions=True))[0]
    assert isinstance(answer, httpx.Response) and answer.status_code == 200
