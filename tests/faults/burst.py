"""One user floods the worker, another works: the scenario of tests/faults/test_fair_share.py
and bench/fair_share_bench.py.

User A posts offers to read: some pasted at ~98 000 characters (the rules reader's worst
case), then, with an own AI endpoint that answers the connection test and then hangs on every
completion, the rest. Meanwhile user B imports a CV, reads an offer and runs a
generation; each of B's steps is timed from its request to its end.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

from arq.worker import Worker
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import BackgroundTask
from app.db.models.status import FINISHED
from tests.fakes.openai_server import FakeOpenAIServer, Hang
from tests.fixtures import pdfs
from tests.fixtures.live import Browser, browser
from tests.fixtures.offer_samples import EN_OFFER
from tests.integration.pipeline_helpers import wait_finished

HUGE_OFFER_CHARS = 98_000
OWN_MODEL = "hangs-after-probe"


def huge_offer(index: int) -> str:
    """A pasted offer of ~98 000 characters, unique per index (no duplicate is refused)."""
    head = f"Offer {index}: {EN_OFFER}\n"
    body = (EN_OFFER + "\n") * (HUGE_OFFER_CHARS // (len(EN_OFFER) + 1))
    return (head + body)[:HUGE_OFFER_CHARS]


def short_offer(index: int) -> str:
    return f"Offer {index}\n{EN_OFFER}"


@contextlib.asynccontextmanager
async def running_worker(settings: Settings, **ctx: Any) -> AsyncIterator[Worker]:
    """A real arq worker in this loop, with ``settings`` and extra ``ctx`` entries."""
    from jobs.worker import worker_options

    options = {**worker_options(settings), "poll_delay": 0.05}
    worker = Worker(**options, ctx={"settings": settings, **ctx}, handle_signals=False)
    task = asyncio.create_task(worker.async_run())
    try:
        yield worker
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        with contextlib.suppress(asyncio.CancelledError):
            await worker.close()


def _csrf(client: Browser) -> dict[str, str]:
    return {"x-csrftoken": client.cookies["csrftoken"], "accept-language": "en"}


async def _until(client: Browser, url: str, key: str, timeout: float) -> dict[str, Any]:
    async with asyncio.timeout(timeout):
        while True:
            answer = await client.get(url)
            assert answer.status_code == 200, answer.text
            body = dict(answer.json())
            if body[key] in {"completed", "failed"}:
                return body
            await asyncio.sleep(0.05)


@dataclass
class Timings:
    """Seconds of each of B's steps, and every HTTP status B and A were answered."""

    steps: dict[str, float] = field(default_factory=dict)
    statuses: list[int] = field(default_factory=list)


async def b_works(
    base_url: str, email: str, sessions: async_sessionmaker[AsyncSession], timeout: float
) -> Timings:
    """B imports a CV (PDF), reads a pasted offer, then generates a CV for it. The caller
    warms the worker up first (a first round of its own): a cold import loads its readers."""
    timings = Timings()
    b = await browser(base_url, email)
    cv_pdf = await asyncio.to_thread(pdfs.cv_pdf, "en_one_column")  # rendered once, untimed
    try:
        started = time.monotonic()
        answer = await b.post(
            "/api/cvs", files={"file": ("cv.pdf", cv_pdf, "application/pdf")}, headers=_csrf(b)
        )
        timings.statuses.append(answer.status_code)
        assert answer.status_code in (200, 201, 202), answer.text
        cv_id = str(answer.json()["id"])
        cv = await _until(b, f"/api/cvs/{cv_id}", "extractionStatus", timeout)
        assert cv["extractionStatus"] == "completed", cv
        timings.steps["cv_import"] = time.monotonic() - started

        started = time.monotonic()
        answer = await b.post("/api/job-offers", json={"text": short_offer(0)}, headers=_csrf(b))
        timings.statuses.append(answer.status_code)
        assert answer.status_code in (200, 201, 202), answer.text
        offer_id = str(answer.json()["id"])
        offer = await _until(b, f"/api/job-offers/{offer_id}", "extractionStatus", timeout)
        assert offer["extractionStatus"] == "completed", offer
        timings.steps["offer_reading"] = time.monotonic() - started

        started = time.monotonic()
        body = {"sourceCvFile": cv_id, "jobOfferIds": [offer_id]}
        answer = await b.post("/api/cv/generate-v2", json=body, headers=_csrf(b))
        timings.statuses.append(answer.status_code)
        assert answer.status_code in (200, 201, 202), answer.text
        task = await wait_finished(sessions, str(answer.json()["taskId"]), timeout=timeout)
        assert task.status == "completed", task.error
        timings.steps["generation"] = time.monotonic() - started
    finally:
        await b.aclose()
    return timings


async def a_floods(
    base_url: str, email: str, own: FakeOpenAIServer, offers: int, huge: int
) -> Browser:
    """A posts ``huge`` offers of ~98 000 characters (read by the rules, on the site without a
    model), then saves ``own`` as their own endpoint (it answers the connection test), which
    from then on hangs on every completion, and posts the other ``offers - huge`` offers.
    Returns A's browser (the caller closes it)."""
    a = await browser(base_url, email)

    async def post(index: int) -> None:
        text = huge_offer(index) if index <= huge else short_offer(index)
        answer = await a.post("/api/job-offers", json={"text": text}, headers=_csrf(a))
        assert answer.status_code in (200, 201, 202), answer.text

    await asyncio.gather(*(post(i) for i in range(1, huge + 1)))
    form = {
        "ai_base_url": own.base_url,
        "ai_api_key": "",
        "ai_model_tailoring": OWN_MODEL,
        "_csrf_token": a.cookies["csrftoken"],
    }
    saved = await a.post(
        "/account/ai-endpoint", data=form, headers={"accept-language": "en"}, follow_redirects=True
    )
    assert saved.status_code == 200 and "Your AI endpoint is saved" in saved.text, saved.text
    own.script(reply=Hang(seconds=3600))  # from now on, every completion hangs
    await asyncio.gather(*(post(i) for i in range(huge + 1, offers + 1)))
    return a


async def open_tasks(sessions: async_sessionmaker[AsyncSession], user_id: str) -> list[str]:
    async with sessions() as db:
        rows = await db.scalars(
            select(BackgroundTask.id).where(
                BackgroundTask.user_id == user_id, BackgroundTask.status.not_in(FINISHED)
            )
        )
        return list(rows)


async def running_tasks(sessions: async_sessionmaker[AsyncSession]) -> list[tuple[str, str]]:
    async with sessions() as db:
        rows = await db.execute(
            select(BackgroundTask.type, BackgroundTask.status).where(
                BackgroundTask.status.not_in(FINISHED)
            )
        )
        return [(str(t), str(s)) for t, s in rows]
