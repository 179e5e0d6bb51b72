"""A photo upload decodes under a budget and outside any transaction (app/lib/image_decode/,
app/domain/photos/): a progressive-JPEG scan bomb is refused from its headers at once while
other users keep writing, no transaction is open while a photo is decoded (SQLite: the write
lock is free; PostgreSQL: no session sits in a transaction), and a client that hangs up takes
its decoder down with it. Over a real socket (uvicorn), on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import io
import sqlite3
import sys
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pytest
from PIL import Image

import app.lib.image_decode.decode as decode_module
import app.lib.photo.clean as clean_module
from app.config import Settings
from tests.fixtures.image_bombs import scan_bomb, scan_count
from tests.fixtures.live import browser
from tests.unit.test_decode_sandbox import SLEEPER, all_gone, started_pids

EN = {"accept-language": "en"}
HEADER_SECONDS = 2.0  # decided on headers in milliseconds; generous for a busy machine


def photo_jpeg(size: tuple[int, int] = (900, 700)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (200, 150, 120)).save(out, format="JPEG", progressive=True)
    return out.getvalue()


async def send_photo(client: httpx.AsyncClient, data: bytes) -> httpx.Response:
    return await client.post(
        "/account/photo",
        files={"photo": ("me.jpg", data, "image/jpeg")},
        headers={"x-csrftoken": client.cookies["csrftoken"], **EN},
    )


async def timed(work: Awaitable[httpx.Response]) -> tuple[httpx.Response, float]:
    started = time.perf_counter()
    answer = await work
    return answer, time.perf_counter() - started


async def test_a_scan_bomb_is_refused_from_its_headers_while_others_write(
    live_server: str, backend: str
) -> None:
    bomb = scan_bomb()
    assert scan_count(bomb) > 800
    uploader = await browser(live_server, "bomb@example.com")
    other = await browser(live_server, "bystander@example.com")

    async def other_user_writes() -> list[int]:
        statuses = []
        for n in range(6):
            created = await other.post(
                "/api/tokens",
                json={"name": f"script {n}"},
                headers={"x-csrftoken": other.cookies["csrftoken"]},
            )
            statuses.append(created.status_code)
        return statuses

    (answer, seconds), statuses = await asyncio.gather(
        timed(send_photo(uploader, bomb)), other_user_writes()
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/account/photo"
    assert seconds < HEADER_SECONDS
    assert statuses == [201] * 6
    page = await uploader.get("/account/photo", headers=EN)
    assert "more than 64 passes" in page.text and 'class="alert error"' in page.text
    assert (await uploader.get("/account/photo/image")).status_code == 404  # nothing stored


async def _write_lock_free(database: str) -> bool:
    """SQLite: another connection can take the write lock at once."""

    def probe() -> bool:
        connection = sqlite3.connect(database, timeout=0.2, isolation_level=None)
        try:
            connection.execute("BEGIN IMMEDIATE")
            connection.execute("ROLLBACK")
            return True
        except sqlite3.OperationalError:
            return False
        finally:
            connection.close()

    return await asyncio.to_thread(probe)


async def _no_open_transaction(url: str) -> bool:
    """PostgreSQL: no other client session of this database is inside a transaction."""
    connection = await asyncpg.connect(url.replace("postgresql+asyncpg://", "postgresql://"))
    try:
        count = await connection.fetchval(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
            "AND pid <> pg_backend_pid() AND backend_type = 'client backend' "
            "AND xact_start IS NOT NULL"
        )
    finally:
        await connection.close()
    return count == 0


def _probe_for(settings: Settings) -> Callable[[], Awaitable[bool]]:
    url = settings.database_url
    if url.startswith("sqlite"):
        return lambda: _write_lock_free(url.split(":///", 1)[1])
    return lambda: _no_open_transaction(url)


async def test_no_transaction_is_open_while_a_photo_is_decoded(
    live_server: str, backend: str, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    probe = _probe_for(settings)
    seen: list[bool] = []
    real = clean_module.decode_photo

    async def probing(data: bytes, limits: Any) -> Any:
        seen.append(await probe())  # the moment the pixels are handed to the decoder
        return await real(data, limits)

    monkeypatch.setattr(clean_module, "decode_photo", probing)
    client = await browser(live_server, "decoded@example.com")
    for _ in range(2):  # the first upload, and one replacing it (a row to update)
        answer = await send_photo(client, photo_jpeg())
        assert answer.status_code == 303
        assert answer.headers["location"] == "/account/photo#crop"
    assert seen == [True, True]
    served = await client.get("/account/photo/image?kind=photo")
    assert served.status_code == 200 and served.content.startswith(b"\xff\xd8\xff")


async def test_a_client_that_hangs_up_takes_its_decoder_down(
    live_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The decoder is replaced by a child that never ends (a file that decodes forever): the
    client gives up after a second and closes the connection; the child is killed then, not
    at its deadline."""
    pid_file = tmp_path / "pids"

    def stuck(*_: object) -> list[str]:
        return [sys.executable, "-c", SLEEPER, str(pid_file)]

    monkeypatch.setattr(decode_module, "python_command", stuck)
    monkeypatch.setattr(decode_module, "TIMEOUT_S", 120.0)
    client = await browser(live_server, "leaver@example.com")
    upload = asyncio.create_task(send_photo(client, photo_jpeg()))
    pids = await started_pids(pid_file)
    upload.cancel()  # the client hangs up: httpx closes the connection
    with pytest.raises(asyncio.CancelledError):
        await upload
    await client.aclose()
    assert await all_gone(pids)
