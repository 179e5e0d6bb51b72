"""Account deletion against the real server and worker: the export's JSON Resume re-imports into
a new account, queued jobs are aborted, open event streams stop."""

from __future__ import annotations

import asyncio
import io
import json
import zipfile
from collections.abc import AsyncIterator

import httpx
import pytest
from arq import create_pool
from arq.constants import abort_jobs_ss, default_queue_name
from arq.worker import Worker
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import BackgroundTask, User
from app.lib import sse as event_stream
from app.lib.pdf_render import renders_dir
from app.lib.redis import arq_settings
from tests.fixtures.cv_texts import JSON_RESUME
from tests.fixtures.live import Browser, browser

PASSWORD = "correct horse"


async def upload_resume(client: Browser, data: bytes) -> str:
    response = await client.post(
        "/api/cvs",
        files={"file": ("resume.json", data, "application/json")},
        headers={"x-csrftoken": client.cookies["csrftoken"]},
    )
    assert response.status_code == 202, response.text
    cv_id = str(response.json()["id"])
    for _ in range(600):  # up to 60 s: the worker shares two busy cores with the suite
        body = (await client.get(f"/api/cvs/{cv_id}")).json()
        if body["extractionStatus"] in {"completed", "failed"}:
            assert body["extractionStatus"] == "completed", body
            return cv_id
        await asyncio.sleep(0.1)
    raise AssertionError("the import did not finish")


async def delete_me(client: Browser) -> httpx.Response:
    return await client.request(
        "DELETE",
        "/api/account",
        json={"password": PASSWORD},
        headers={"x-csrftoken": client.cookies["csrftoken"]},
    )


async def test_export_delete_register_again_reimport(
    live_server: str, worker: Worker, settings: Settings
) -> None:
    """The PDF a worker really rendered is in the export, and its render cache entry (PDF, HTML,
    meta) goes with the account."""
    first = await browser(live_server, "again@example.com", PASSWORD)
    try:
        cv_id = await upload_resume(first, json.dumps(JSON_RESUME).encode())
        before = (await first.get(f"/api/cvs/{cv_id}/json-resume")).json()
        pdf = await first.get(f"/api/cvs/{cv_id}/pdf")
        assert pdf.status_code == 200, pdf.text
        renders = renders_dir(settings)
        assert {p.suffix for p in renders.iterdir()} == {".pdf", ".html", ".json"}
        export = await first.get("/api/account/export")
        assert export.status_code == 200
        archive = zipfile.ZipFile(io.BytesIO(export.content))
        # The CV's folder is named after it, then the start of its id (export_names.py).
        [folder] = {
            n.rsplit("/", 1)[0] for n in archive.namelist() if n.endswith(f"-{cv_id[:8]}/cv.pdf")
        }
        assert archive.read(f"{folder}/cv.pdf") == pdf.content
        resume = archive.read(f"{folder}/resume.json")
        assert json.loads(resume) == before
        assert (await delete_me(first)).status_code == 200
        assert list(renders.iterdir()) == []
    finally:
        await first.aclose()
    second = await browser(live_server, "again@example.com", PASSWORD)
    try:
        assert (await second.get("/api/cvs")).json() == []  # a new, empty account
        new_id = await upload_resume(second, resume)
        assert new_id != cv_id
        assert (await second.get(f"/api/cvs/{new_id}/json-resume")).json() == before
    finally:
        await second.aclose()


async def test_queued_jobs_are_aborted_before_the_rows_go(
    live_server: str, db: AsyncSession, settings: Settings
) -> None:
    """No worker runs here: the import's job stays queued, and deletion asks arq to drop it."""
    client = await browser(live_server, "queued@example.com", PASSWORD)
    arq = await create_pool(arq_settings(settings.effective_redis_url))
    try:
        me = (await client.get("/api/auth/me")).json()
        job = await arq.enqueue_job("noop_for_account_deletion_test", _job_id="acct-del-job")
        assert job is not None
        db.add(
            BackgroundTask(
                user_id=me["id"], type="cv_import", status="queued", job_id="acct-del-job"
            )
        )
        await db.commit()
        assert (await delete_me(client)).status_code == 200
        assert await arq.zscore(abort_jobs_ss, "acct-del-job") is not None
    finally:
        await arq.delete("arq:job:acct-del-job")  # no later worker may find it queued
        await arq.zrem(default_queue_name, "acct-del-job")
        await arq.zrem(abort_jobs_ss, "acct-del-job")
        await arq.aclose()
        await client.aclose()


@pytest.fixture
def quick_keepalive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(event_stream, "KEEPALIVE_SECONDS", 0.2)


async def _ends(lines: AsyncIterator[str]) -> list[str]:
    return [line async for line in lines]


async def test_open_event_streams_stop(live_server: str, quick_keepalive: None) -> None:
    tab = await browser(live_server, "streams@example.com", PASSWORD)
    other = httpx.AsyncClient(base_url=live_server, timeout=30)
    try:
        await other.get("/health")
        signed_in = await other.post(
            "/api/auth/login",
            json={"email": "streams@example.com", "password": PASSWORD},
            headers={"x-csrftoken": other.cookies["csrftoken"]},
        )
        assert signed_in.status_code == 200
        async with (
            tab.stream("GET", "/api/events") as mine,
            other.stream("GET", "/api/events") as theirs,
        ):
            streams = [mine.aiter_lines(), theirs.aiter_lines()]
            for lines in streams:
                assert (await anext(lines)).startswith("event:")  # subscribed and streaming
            assert (await delete_me(tab)).status_code == 200
            # Keep-alives every 0.2 s: both streams end at the next one, not run on.
            await asyncio.wait_for(asyncio.gather(*(_ends(s) for s in streams)), timeout=30)
    finally:
        await tab.aclose()
        await other.aclose()


async def test_two_admins_deleting_at_once_leave_one(
    live_server: str, db: AsyncSession, backend: str
) -> None:
    """Three accounts, two administrators who both delete theirs at the same moment: one goes,
    the other is refused as the last administrator (never none left while a member remains)."""
    first = await browser(live_server, "admin-a@example.com", PASSWORD)  # admin: first account
    second = await browser(live_server, "admin-b@example.com", PASSWORD)
    member = await browser(live_server, "member-c@example.com", PASSWORD)
    try:
        await db.execute(
            update(User).where(User.email == "admin-b@example.com").values(is_admin=True)
        )
        await db.commit()
        answers = await asyncio.gather(delete_me(first), delete_me(second))
        assert sorted(a.status_code for a in answers) == [200, 409], [a.text for a in answers]
        refused = next(a for a in answers if a.status_code == 409)
        assert refused.json()["error"] == "account.last_admin"
        admins = list(await db.scalars(select(User.email).where(User.is_admin)))
        await db.rollback()
        assert len(admins) == 1
    finally:
        for client in (first, second, member):
            await client.aclose()
