"""No request holds the SQLite write lock across slow I/O.

On SQLite a write transaction holds the database's one write lock from its first statement
(app/db/session.py). A handler that looked the caller up, then waited on a client trickling
its body or on a slow offer URL, made every other user's write wait 15 s and fail with 500.
Here one user's request is kept waiting on purpose while another user writes: the write must
go through while the slow request is still open, and the slow request must then succeed too.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import sqlite3
from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Any

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.settings.service import update_setting
from tests import factories
from tests.fixtures.live import browser
from tests.fixtures.offer_samples import JOB_PAGE

# How long the slow side waits before giving up on the other user's write: far above what the
# write needs (milliseconds), far below nothing — the write has this long to go through.
PATIENCE_S = 60.0
SETTLE_S = 1.5  # lets the slow request reach its handler before the lock is probed


class SlowPage:
    """A web page that answers only when told to: an offer URL that is slow to fetch."""

    def __init__(self) -> None:
        self.requested = asyncio.Event()
        self.release = asyncio.Event()
        self._server: asyncio.Server | None = None

    @property
    def url(self) -> str:
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}/job"

    async def __aenter__(self) -> SlowPage:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.release.set()
        assert self._server is not None
        self._server.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while (await reader.readline()) not in (b"\r\n", b"\n", b""):
            pass
        self.requested.set()
        await self.release.wait()
        body = JOB_PAGE.encode()
        head = (
            "HTTP/1.1 200 OK\r\ncontent-type: text/html; charset=utf-8\r\n"
            f"content-length: {len(body)}\r\nconnection: close\r\n\r\n"
        )
        writer.write(head.encode() + body)
        with contextlib.suppress(ConnectionError):
            await writer.drain()
        writer.close()


def _database_file(settings: Settings) -> str:
    return settings.database_url.split("///", 1)[1]


def write_lock_is_free(path: str) -> bool:
    """Try to take the write lock without waiting, and give it back at once."""
    connection = sqlite3.connect(path, timeout=0, isolation_level=None)
    try:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("ROLLBACK")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        connection.close()


async def lock_stays_free(path: str, seconds: float) -> bool:
    """Probe the lock while the slow request waits; False the first time it is held."""
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    while loop.time() < end:
        if not await asyncio.to_thread(write_lock_is_free, path):
            # The worker-free app writes only for the two users here: a held lock is the slow
            # request's, unless a probe caught a quick write; look again to be sure.
            await asyncio.sleep(0.3)
            if not await asyncio.to_thread(write_lock_is_free, path):
                return False
        await asyncio.sleep(0.1)
    return True


class TrickledRequest:
    """A raw HTTP/1.1 request whose body is sent in two halves, the second when told."""

    def __init__(self, base_url: str, client: httpx.AsyncClient) -> None:
        self.host, port = base_url.removeprefix("http://").split(":")
        self.port = int(port)
        self.client = client
        self._writer: asyncio.StreamWriter | None = None
        self._reader: asyncio.StreamReader | None = None
        self._rest = b""

    async def start(self, method: str, path: str, body: bytes, content_type: str) -> None:
        cookies = "; ".join(f"{k}={v}" for k, v in self.client.cookies.items())
        head = (
            f"{method} {path} HTTP/1.1\r\nhost: {self.host}:{self.port}\r\n"
            f"cookie: {cookies}\r\nx-csrftoken: {self.client.cookies['csrftoken']}\r\n"
            f"content-type: {content_type}\r\ncontent-length: {len(body)}\r\n"
            "connection: close\r\n\r\n"
        )
        self._reader, self._writer = await asyncio.open_connection(self.host, self.port)
        half = len(body) // 2
        self._writer.write(head.encode() + body[:half])
        await self._writer.drain()
        self._rest = body[half:]

    async def finish(self) -> int:
        assert self._writer is not None and self._reader is not None
        self._writer.write(self._rest)
        await self._writer.drain()
        status_line = await asyncio.wait_for(self._reader.readline(), PATIENCE_S)
        self._writer.close()
        return int(status_line.split()[1])


@pytest.fixture
async def users(live_server: str, db: AsyncSession) -> AsyncIterator[dict[str, Any]]:
    slow = await browser(live_server, "slow@example.com")
    other = await browser(live_server, "other@example.com")
    me = (await other.get("/api/auth/me")).json()
    mine = (await slow.get("/api/auth/me")).json()
    offer = await factories.job_offer(db, me["id"], title="Other's offer")
    slow_offer = await factories.job_offer(db, mine["id"], title="Slow user's offer")
    await update_setting(db, "allow_private_offer_urls", "true")  # the slow page is on loopback
    await db.commit()
    yield {"slow": slow, "other": other, "offer": offer.id, "slow_offer": slow_offer.id}
    await slow.aclose()
    await other.aclose()


async def other_user_writes(users: dict[str, Any], title: str) -> int:
    other: httpx.AsyncClient = users["other"]
    response = await other.put(
        f"/api/job-offers/{users['offer']}",
        json={"title": title},
        headers={"x-csrftoken": other.cookies["csrftoken"]},
        timeout=PATIENCE_S,
    )
    return response.status_code


def _multipart_cv() -> tuple[bytes, str]:
    boundary = "cvtailorboundary"
    resume = {
        "basics": {"name": "Ada Example", "label": "Backend engineer"},
        "work": [
            {"name": f"Example Corp {i}", "position": "Engineer", "startDate": "2020-01"}
            for i in range(20)
        ],
    }
    body = (
        f'--{boundary}\r\ncontent-disposition: form-data; name="file"; '
        f'filename="resume.json"\r\ncontent-type: application/json\r\n\r\n'
        f"{json.dumps(resume)}\r\n--{boundary}--\r\n"
    ).encode()
    return body, f"multipart/form-data; boundary={boundary}"


def _trickled_cases(users: dict[str, Any]) -> dict[str, tuple[str, str, bytes, str]]:
    upload, upload_type = _multipart_cv()
    offer_text = json.dumps({"text": "Backend engineer at Example Corp. " * 40}).encode()
    return {
        "cv upload (API)": ("POST", "/api/cvs", upload, upload_type),
        "offer paste (API)": ("POST", "/api/job-offers", offer_text, "application/json"),
        "offer edit (API)": (
            "PUT",
            f"/api/job-offers/{users['slow_offer']}",
            json.dumps({"description": "Edited. " * 50}).encode(),
            "application/json",
        ),
        "offer edit (page)": (
            "POST",
            f"/offers/{users['slow_offer']}",
            b"title=Edited&company=Example+Corp&description=" + b"Edited+" * 60,
            "application/x-www-form-urlencoded",
        ),
    }


CASES = ["cv upload (API)", "offer paste (API)", "offer edit (API)", "offer edit (page)"]


@pytest.mark.parametrize("case", CASES)
async def test_a_trickled_body_does_not_block_another_users_write(
    case: str, live_server: str, settings: Settings, users: dict[str, Any]
) -> None:
    method, path, body, content_type = _trickled_cases(users)[case]
    slow = TrickledRequest(live_server, users["slow"])
    await slow.start(method, path, body, content_type)
    try:
        free = await lock_stays_free(_database_file(settings), SETTLE_S)
        wrote = await other_user_writes(users, f"Written during {case}")
    finally:
        status = await slow.finish()
    assert free, f"{case}: the write lock is held while the request body trickles in"
    assert wrote == 200, f"{case}: another user's write failed ({wrote}) behind a slow body"
    assert status < 400, f"{case}: the slow request itself failed ({status})"


async def _while_the_page_is_slow(
    users: dict[str, Any],
    settings: Settings,
    send: Callable[[str], Coroutine[Any, Any, httpx.Response]],
) -> tuple[bool, int, httpx.Response]:
    async with SlowPage() as page:
        adding = asyncio.create_task(send(page.url))
        await asyncio.wait_for(page.requested.wait(), PATIENCE_S)
        free = await lock_stays_free(_database_file(settings), SETTLE_S)
        wrote = await other_user_writes(users, "Written during a slow fetch")
        page.release.set()
        added = await adding
    return free, wrote, added


async def test_a_slow_offer_url_does_not_block_another_users_write(
    settings: Settings, users: dict[str, Any]
) -> None:
    slow: httpx.AsyncClient = users["slow"]

    async def send(url: str) -> httpx.Response:
        headers = {"x-csrftoken": slow.cookies["csrftoken"]}
        return await slow.post(
            "/api/job-offers", json={"url": url}, headers=headers, timeout=PATIENCE_S
        )

    free, wrote, added = await _while_the_page_is_slow(users, settings, send)
    assert free, "the write lock is held while the offer URL is fetched"
    assert wrote == 200, f"another user's write failed ({wrote}) behind a slow offer URL"
    assert added.status_code == 202, added.text


async def test_a_slow_offer_url_from_the_page_does_not_block_another_users_write(
    settings: Settings, users: dict[str, Any]
) -> None:
    slow: httpx.AsyncClient = users["slow"]

    async def send(url: str) -> httpx.Response:
        return await slow.post(
            "/offers/url",
            data={"url": url, "_csrf_token": slow.cookies["csrftoken"]},
            timeout=PATIENCE_S,
        )

    free, wrote, added = await _while_the_page_is_slow(users, settings, send)
    assert free, "the write lock is held while the offer URL is fetched (page)"
    assert wrote == 200, f"another user's write failed ({wrote}) behind a slow offer URL"
    assert added.status_code in (200, 303), added.text
