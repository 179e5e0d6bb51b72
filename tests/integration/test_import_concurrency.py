"""CV imports under the per-type concurrency rule (app/tasks/slots.py), and cancelling one.

Every import (PDF, JSON Resume, pasted text) takes the user's ``pdf_import`` slot in the
transaction that creates it: a second one while it runs is refused with 429 and leaves nothing
behind. A cancel from the task centre really ends the import: the CV says so, a paid import is
refunded once, the slot is freed, and the worker answering late cannot undo any of it.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from arq import create_pool
from arq.jobs import Job, JobResult
from arq.worker import Worker
from markupsafe import escape
from redis.asyncio import Redis
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.credits.ledger import ledger_sum
from app.db.models import CreditTransaction, CvVersion, TaskSlot, User
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.redis import arq_settings
from app.settings.registry import feature_cost_setting
from app.settings.service import update_setting
from tests.fakes.openai_server import FakeOpenAIServer
from tests.fixtures import pdfs
from tests.fixtures.cv_texts import TEXT_A, TEXT_B, TEXT_C
from tests.fixtures.live import Browser, browser, second_live_server  # noqa: F401
from tests.integration.pipeline_helpers import EventLog
from tests.integration.test_cv_import import count_rows, headers, upload, wait_for_import
from tests.integration.test_cv_import_llm import use_llm

ENGLISH = {"accept-language": "en"}
ALREADY_RUNNING = "pdf_import_already_running"


@contextlib.asynccontextmanager
async def arq_worker(settings: Settings, **overrides: Any) -> AsyncIterator[Worker]:
    """A real arq worker in this loop, started when the test says (the ``worker`` fixture's
    settings, plus ``overrides``)."""
    from jobs.worker import worker_options

    options = {**worker_options(settings), "poll_delay": 0.05, **overrides}
    worker = Worker(**options, ctx={"settings": settings}, handle_signals=False)
    task = asyncio.create_task(worker.async_run())
    try:
        yield worker
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        with contextlib.suppress(asyncio.CancelledError):
            await worker.close()


@pytest.fixture
def gated_llm() -> Iterator[tuple[FakeOpenAIServer, threading.Event]]:
    """The fake LLM, whose CV extraction answers only once the test opens the gate: the import
    is then certainly running (its job waiting on the model) for as long as the test needs."""
    gate = threading.Event()

    def answer(request: Any) -> Any:
        gate.wait(30)  # blocks the fake server's own thread, not the test
        return parse_cv_text(TEXT_A).content.to_json()  # faithful to the pasted text

    with FakeOpenAIServer() as server:
        server.script("<cv_text>", reply=answer)
        try:
            yield server, gate
        finally:
            gate.set()


async def paid_imports(db: AsyncSession, cost: int = 1) -> None:
    await update_setting(db, feature_cost_setting("import_pdf"), str(cost))
    await db.commit()


async def import_text(client: Browser, text: str) -> Any:
    return await client.post("/api/cvs", json={"text": text}, headers=await headers(client))


async def credits_state(
    sessions: async_sessionmaker[AsyncSession], user_id: str
) -> tuple[int, int, int]:
    """(balance, ledger sum, number of refunds) of one user."""
    async with sessions() as s:
        user = await s.get(User, user_id)
        assert user is not None
        refunds = await s.scalar(
            select(func.count())
            .select_from(CreditTransaction)
            .where(CreditTransaction.user_id == user_id, CreditTransaction.type == "refund")
        )
        return user.credit_balance, await ledger_sum(s, user_id), int(refunds or 0)


async def slots(sessions: async_sessionmaker[AsyncSession]) -> list[tuple[str, str]]:
    async with sessions() as s:
        return [(r.task_type, r.task_id) for r in await s.scalars(select(TaskSlot))]


async def me(client: Browser) -> str:
    return str((await client.get("/api/auth/me")).json()["id"])


async def test_a_second_import_while_one_runs_is_refused_and_leaves_nothing(
    live_server: str,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
) -> None:
    await paid_imports(db)
    client = await browser(live_server, "one-at-a-time@example.com")
    user_id = await me(client)
    # No worker yet: the first import stays queued, holding the slot, for as long as we need.
    first = await import_text(client, TEXT_A)
    assert first.status_code == 202, first.text
    assert await slots(session_factory) == [("pdf_import", first.json()["taskId"])]
    rows, charged = await count_rows(db), await credits_state(session_factory, user_id)

    refused = await import_text(client, TEXT_B)
    assert refused.status_code == 429, refused.text
    assert refused.json()["error"] == ALREADY_RUNNING
    assert refused.json()["detail"] == (
        "A CV import is already running; wait for it to finish or cancel it."
    )
    # Every kind of import takes the same slot: a PDF file too.
    pdf = await upload(client, "cv.pdf", pdfs.cv_pdf("en_one_column"))
    assert pdf.status_code == 429 and pdf.json()["error"] == ALREADY_RUNNING

    # The paste form shows the message (in French by default) and keeps the pasted text.
    token = client.cookies["csrftoken"]
    page = await client.post("/cvs/text", data={"text": TEXT_B, "_csrf_token": token})
    assert page.status_code == 429
    assert "Un import de CV est déjà en cours" in page.text
    assert f'data-error-code="{ALREADY_RUNNING}"' in page.text
    assert str(escape(TEXT_B.strip())) in page.text
    # The upload form, in English.
    page = await client.post(
        "/cvs/upload",
        files={"file": ("cv.pdf", pdfs.cv_pdf("en_one_column"), "application/pdf")},
        data={"_csrf_token": token},
        headers=ENGLISH,
    )
    assert page.status_code == 429
    assert "A CV import is already running" in page.text

    # Nothing was half-created, nothing debited.
    assert await count_rows(db) == rows
    assert await credits_state(session_factory, user_id) == charged
    assert len(await slots(session_factory)) == 1

    async with arq_worker(settings):
        done = await wait_for_import(client, first.json()["id"])
        assert done["extractionStatus"] == "completed"
        assert await slots(session_factory) == []  # freed with the end of the import
        again = await import_text(client, TEXT_B)
        assert again.status_code == 202, again.text
        assert (await wait_for_import(client, again.json()["id"]))["extractionStatus"] == (
            "completed"
        )
    assert await slots(session_factory) == []
    balance, ledger, refunds = await credits_state(session_factory, user_id)
    assert balance == ledger == charged[0] - 1 and refunds == 0
    await client.aclose()


async def test_two_imports_at_the_same_moment_only_one_is_accepted(
    backend: str,
    live_server: str,
    second_live_server: str,  # noqa: F811 - the fixture imported above
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    redis: Redis,
) -> None:
    """Two tabs on two web processes import two different CVs at once."""
    await paid_imports(db)
    client = await browser(live_server, "same-moment@example.com")
    user_id = await me(client)
    start = await credits_state(session_factory, user_id)
    async with Browser(base_url=second_live_server, timeout=30) as second:
        await second.get("/health")
        login = await second.post(
            "/api/auth/login",
            json={"email": "same-moment@example.com", "password": "correct horse"},
            headers=await headers(second),
        )
        assert login.status_code == 200
        answers = await asyncio.gather(import_text(client, TEXT_B), import_text(second, TEXT_C))
    assert sorted(a.status_code for a in answers) == [202, 429], [a.text for a in answers]
    [accepted] = [a for a in answers if a.status_code == 202]
    [refused] = [a for a in answers if a.status_code == 429]
    assert refused.json()["error"] == ALREADY_RUNNING
    assert await count_rows(db) == (1, 1)
    assert await slots(session_factory) == [("pdf_import", accepted.json()["taskId"])]
    balance, ledger, _ = await credits_state(session_factory, user_id)
    assert balance == ledger == start[0] - 1  # one debit, for the accepted one
    # No worker ran: take the queued job away, so no later test's worker picks it up.
    [task] = (await client.get("/api/background-tasks")).json()["tasks"]
    await redis.zrem("arq:queue", task["jobId"])
    await redis.delete(f"arq:job:{task['jobId']}")
    await client.aclose()


@pytest.mark.parametrize("abortable", [True, False], ids=["aborted", "worker-answers-late"])
async def test_cancelling_a_running_import_ends_it_for_good(
    abortable: bool,
    live_server: str,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    gated_llm: tuple[FakeOpenAIServer, threading.Event],
) -> None:
    """``aborted``: the job is stopped mid-call. ``worker-answers-late``: a worker that ignores
    aborts gets the model's answer after the cancel; its save must not flip the CV back."""
    llm, gate = gated_llm
    await use_llm(db, llm)
    await paid_imports(db, cost=2)
    client = await browser(live_server, f"cancel-import-{abortable}@example.com")
    user_id = await me(client)
    start_balance = (await credits_state(session_factory, user_id))[0]
    async with arq_worker(settings, allow_abort_jobs=abortable):
        accepted = await import_text(client, TEXT_A)
        assert accepted.status_code == 202, accepted.text
        cv_id, task_id = accepted.json()["id"], accepted.json()["taskId"]
        async with asyncio.timeout(30):  # the job is waiting for the model
            while not any("<cv_text>" in r.text for r in llm.chat_requests):
                await asyncio.sleep(0.05)
        tasks = (await client.get("/api/background-tasks")).json()["tasks"]
        task = next(t for t in tasks if t["id"] == task_id)
        assert task["status"] == "running"
        job_id = task["jobId"]

        async with EventLog(settings.effective_redis_url, user_id) as log:
            cancel = await client.delete(
                f"/api/background-tasks/{task_id}", headers=await headers(client)
            )
            assert cancel.status_code == 200, cancel.text
            assert cancel.json()["cancelled"] is True
            assert cancel.json()["task"]["status"] == "cancelled"
            await log.wait_for("cv:list:changed")
            updates = await log.wait_for("task:updated")
        assert updates[-1]["id"] == task_id and updates[-1]["status"] == "cancelled"

        async def check_cancelled() -> None:
            cv = (await client.get(f"/api/cvs/{cv_id}")).json()
            assert cv["extractionStatus"] == "failed"
            assert [(e["code"], e["message"]) for e in cv["extractionErrors"]] == [
                ("cancelled", "Import cancelled.")
            ]
            assert cv["versions"] == [] and cv["content"] == {}
            tasks = (await client.get("/api/background-tasks")).json()["tasks"]
            assert next(t for t in tasks if t["id"] == task_id)["status"] == "cancelled"
            assert await slots(session_factory) == []
            balance, ledger, refunds = await credits_state(session_factory, user_id)
            assert balance == ledger == start_balance and refunds == 1

        await check_cancelled()
        page = await client.get(f"/cvs/{cv_id}", headers=ENGLISH)
        assert 'data-problem="cancelled"' in page.text and "Import cancelled." in page.text
        assert f'action="/cvs/{cv_id}/retry"' in page.text
        assert f'href="/cvs/{cv_id}/delete"' in page.text
        assert "Importing your CV" not in page.text

        gate.set()  # the model answers now
        info = await job_outcome(settings, job_id)
        if abortable:
            assert not info.success and isinstance(info.result, asyncio.CancelledError)
        else:  # the job ran to its end, found the task settled, and wrote nothing
            assert info.success and info.result == {"cvId": cv_id, "skipped": "settled"}
        await check_cancelled()
        assert await _count(session_factory, CvVersion) == 0

        # The failed state's retry runs the import again; the freed slot lets it start.
        retried = await client.post(
            f"/cvs/{cv_id}/retry", data={"_csrf_token": client.cookies["csrftoken"]}
        )
        assert retried.status_code == 303
        done = await wait_for_import(client, cv_id)
        assert done["extractionStatus"] == "completed" and done["taskId"] != task_id
    assert await slots(session_factory) == []
    balance, ledger, refunds = await credits_state(session_factory, user_id)
    assert balance == ledger == start_balance - 2 and refunds == 1
    await client.aclose()


async def job_outcome(settings: Settings, job_id: str) -> JobResult:
    """The arq result of ``job_id``, once it has one."""
    redis = await create_pool(arq_settings(settings.effective_redis_url))
    try:
        async with asyncio.timeout(30):
            while (info := await Job(job_id, redis).result_info()) is None:
                await asyncio.sleep(0.05)
        return info
    finally:
        await redis.aclose()


async def _count(sessions: async_sessionmaker[AsyncSession], model: Any) -> int:
    async with sessions() as s:
        return int(await s.scalar(select(func.count()).select_from(model)) or 0)
