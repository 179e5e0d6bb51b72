"""The ATS check over HTTP with a real worker: an upload is checked in the background and its
findings come back (API and page, with page images); a tailored CV made by the offline pipeline
passes, its generation row starting the check by itself and then showing the verdict; another
user's check or CV answers 404; what cannot be checked is refused with nothing created."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import httpx
import pytest
from arq.worker import Worker
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import AtsCheck, BackgroundTask
from app.db.models.status import TaskStatus
from app.domain.ats.lifecycle import ATS_INPUT_GONE
from app.domain.ats.limits import AT_ONCE
from app.domain.ats.task_kind import KIND
from app.tasks.registry import Ended
from tests import factories
from tests.conftest import register
from tests.fixtures.ats_pdfs import misread_cv_pdf, two_column_pdf
from tests.fixtures.pdfs import NOT_A_PDF
from tests.integration.pipeline_helpers import count_now, generate, wait_finished
from tests.integration.test_html_validity import page_problems

FINISHED = ("completed", "failed", "cancelled")


async def wait_checked(api: Any, check_id: str, timeout: float = 120) -> dict[str, Any]:
    async with asyncio.timeout(timeout):
        while True:
            answer = await api.get(f"/api/ats/checks/{check_id}")
            assert answer.status_code == 200, answer.text
            if answer.json()["status"] in FINISHED:
                return dict(answer.json())
            await asyncio.sleep(0.1)


def upload(pdf: bytes, name: str = "my cv.pdf") -> dict[str, Any]:
    return {"files": {"file": (name, pdf, "application/pdf")}}


async def test_an_uploaded_pdf_is_checked_and_its_findings_shown(
    api: Any, worker: Worker, db: AsyncSession, tmp_path: Path
) -> None:
    await register(api, "ats-upload@example.com")
    sent = await api.post("/api/ats/checks", **upload(misread_cv_pdf()))
    assert sent.status_code == 202, sent.text
    assert sent.json()["taskId"] and sent.json()["status"] == "pending"
    detail = await wait_checked(api, sent.json()["id"])
    assert (detail["status"], detail["verdict"], detail["pages"]) == ("completed", "fix", 2)
    codes = {f["code"] for f in detail["findings"]}
    assert {"scanned_page", "unmapped_glyphs", "hidden_text", "columns_mixed"} <= codes
    for finding in detail["findings"]:
        assert finding["message"] and finding["advice"] and "%(" not in finding["message"]
    scan = next(f for f in detail["findings"] if f["code"] == "scanned_page")
    assert scan["values"] == {"page": 2} and scan["boxes"][0][0] == 2
    assert {a["page"]: a["columns"] for a in detail["agreement"]} == {1: 2, 2: 1}
    assert [f["values"]["company"] for f in detail["fields"] if f["key"] == "experience"] == [
        "Acme Logistics",
        "Blue Harbour Shipping",
    ]
    tasks = (await api.get("/api/background-tasks")).json()["tasks"]
    [task] = [t for t in tasks if t["type"] == "ats_check"]
    assert task["status"] == "completed" and task["result"]["verdict"] == "fix"

    page = await api.get(f"/ats/{detail['id']}")
    assert page.status_code == 200
    for code in ("scanned_page", "unmapped_glyphs", "hidden_text", "columns_mixed"):
        assert f'data-code="{code}"' in page.text
    assert 'class="finding error"' in page.text  # drawn over the page images
    image = await api.get(f"/ats/{detail['id']}/pages/2")
    assert image.status_code == 200 and image.headers["content-type"] == "image/png"
    assert (await api.get(f"/ats/{detail['id']}/pages/3")).status_code == 404
    listed = (await api.get("/ats")).text
    assert detail["id"] in listed and 'data-verdict="fix"' in listed
    pages = {"ats": "/ats", "ats-check": f"/ats/{detail['id']}"}
    assert await page_problems(api, pages, tmp_path) == {}  # valid HTML, every field labelled


async def test_a_tailored_cv_passes_and_its_row_starts_the_check_and_shows_the_verdict(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    me = await register(api, "ats-tailored@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    started = await generate(api, source.id, [offer.id])
    assert started.status_code == 200, started.text
    generation = await wait_finished(session_factory, started.json()["taskId"])
    assert generation.status == "completed", generation.error
    [tailored] = generation.generated_cv_ids
    row = (await api.get(f"/generations/{generation.id}")).text
    assert 'data-state="none"' in row and 'hx-trigger="load, submit"' in row  # not checked yet

    # What the row's form does by itself when it is shown (htmx, "load"): the answer is the
    # row's verdict, not a redirect.
    hx = {"HX-Request": "true"}
    first = await api.post("/ats/tailored", data={"cv_file_id": tailored}, headers=hx)
    assert first.status_code == 200 and 'data-testid="ats-verdict"' in first.text
    again = await api.post("/ats/tailored", data={"cv_file_id": tailored}, headers=hx)
    assert again.status_code == 200  # a second tab: the same check, none started
    assert await count_now(session_factory, AtsCheck, AtsCheck.cv_file_id == tailored) == 1
    check_id = (await api.get("/api/ats/checks")).json()[0]["id"]
    detail = await wait_checked(api, check_id)
    assert detail["verdict"] == "pass", [f["message"] for f in detail["findings"]]
    assert detail["cvFileId"] == tailored and detail["pages"] >= 1
    assert {f["severity"] for f in detail["findings"]} <= {"note"}
    assert all(a["score"] is not None and a["score"] > 0.85 for a in detail["agreement"])

    row = (await api.get(f"/generations/{generation.id}")).text
    assert 'data-state="pass"' in row and f'href="/ats/{check_id}"' in row
    # The live panel (the stream's and the polling fallback's render) carries the verdict.
    panel = await api.get(f"/generations/{generation.id}/panel")
    assert 'data-state="pass"' in panel.text and "hx-get" not in panel.text.split("ats-verdict")[1]
    # Asked for again (the picker, the API): the same render gives the check already made.
    same = await api.post("/api/ats/checks", json={"cvFileId": tailored})
    assert same.status_code == 202 and same.json()["id"] == check_id


@pytest.mark.usefixtures("backend")  # SQLite and PostgreSQL
async def test_another_users_check_and_cv_answer_404(
    api: Any, live_server: str, db: AsyncSession, session_factory: Any
) -> None:
    owner = await register(api, "ats-owner@example.com")
    source = await factories.source_cv(db, owner["id"])
    tailored = await factories.tailored_cv(db, source, await factories.job_offer(db, owner["id"]))
    check = AtsCheck(
        user_id=owner["id"],
        filename="owner.pdf",
        pdf=two_column_pdf(),
        status="completed",
        verdict="fix",
        report={"pages": 1, "findings": [], "boxes": []},
    )
    db.add(check)
    await db.commit()
    assert (await api.get(f"/ats/{check.id}/pages/1")).status_code == 200  # the owner's

    async with httpx.AsyncClient(base_url=live_server, timeout=30) as intruder:
        await register(intruder, "ats-intruder@example.com")
        intruder.headers["x-csrftoken"] = intruder.cookies["csrftoken"]
        for path in ("", "/status", "/verdict", "/pages/1"):
            assert (await intruder.get(f"/ats/{check.id}{path}")).status_code == 404, path
        read = await intruder.get(f"/api/ats/checks/{check.id}")
        assert read.status_code == 404 and read.json()["error"] == "ats.not_found"
        assert (await intruder.get("/api/ats/checks")).json() == []
        posted = await intruder.post("/api/ats/checks", json={"cvFileId": tailored.id})
        assert posted.status_code == 404 and posted.json()["error"] == "cv.not_found"
        form = await intruder.post("/ats/tailored", data={"cv_file_id": tailored.id})
        assert form.status_code == 404
    assert await count_now(session_factory, AtsCheck) == 1
    assert await count_now(session_factory, BackgroundTask) == 0


@pytest.mark.usefixtures("backend")
async def test_what_cannot_be_checked_is_refused_and_nothing_is_made(
    api: Any, db: AsyncSession, session_factory: Any
) -> None:
    me = await register(api, "ats-refused@example.com")
    source = await factories.source_cv(db, me["id"])
    not_pdf = await api.post("/api/ats/checks", **upload(NOT_A_PDF, "cv.pdf"))
    assert not_pdf.status_code == 422 and not_pdf.json()["error"] == "ats.not_pdf"
    empty = await api.post("/api/ats/checks", **upload(b""))
    assert empty.status_code == 422 and empty.json()["error"] == "ats.empty_file"
    source_cv = await api.post("/api/ats/checks", json={"cvFileId": source.id})
    assert source_cv.status_code == 422 and source_cv.json()["error"] == "ats.not_tailored"
    wrong = await api.post("/api/ats/checks", json={"cv": source.id})
    assert wrong.status_code == 422 and wrong.json()["error"] == "ats.invalid_body"
    assert await count_now(session_factory, AtsCheck) == 0
    # No worker here: the checks stay queued, and one past the cap is refused whole.
    for _ in range(AT_ONCE):
        assert (await api.post("/api/ats/checks", **upload(two_column_pdf()))).status_code == 202
    over = await api.post("/api/ats/checks", **upload(two_column_pdf()))
    assert over.status_code == 429 and over.json() == {
        "error": "ats.too_many_at_once",
        "detail": f"You already have {AT_ONCE} ATS checks running; wait for one to finish or "
        "cancel it.",
        "limit": AT_ONCE,
    }
    assert await count_now(session_factory, AtsCheck) == AT_ONCE
    # The form says why on the page it came from.
    api.headers["accept-language"] = "en"
    refused = await api.post("/ats/upload", **upload(NOT_A_PDF, "notes.pdf"))
    assert refused.status_code == 200 and re.search(
        r'role="alert"[^>]*>[^<]*not a PDF', refused.text
    )
    total = await db.scalar(select(func.count()).select_from(BackgroundTask))
    assert total == AT_ONCE


async def test_a_check_cancelled_from_the_task_centre_ends_and_says_so(api: Any) -> None:
    """No worker here: the check is still queued when it is cancelled (its job dropped)."""
    await register(api, "ats-cancel@example.com")
    api.headers["accept-language"] = "en"
    sent = (await api.post("/api/ats/checks", **upload(two_column_pdf()))).json()
    cancelled = await api.delete(f"/api/background-tasks/{sent['taskId']}")
    assert cancelled.status_code == 200, cancelled.text
    detail = (await api.get(f"/api/ats/checks/{sent['id']}")).json()
    assert (detail["status"], detail["error"], detail["findings"]) == (
        "cancelled",
        "ATS check cancelled.",
        [],
    )
    tasks = (await api.get("/api/background-tasks")).json()["tasks"]
    assert [t["status"] for t in tasks] == ["cancelled"]
    assert "ATS check cancelled." in (await api.get(f"/ats/{sent['id']}")).text


async def test_a_check_its_queue_lost_runs_again_or_ends_as_its_kind_says(
    api: Any, db: AsyncSession
) -> None:
    """No worker here: the kind's recovery (app/domain/ats/task_kind.py) runs an upload with its
    bytes again, ends one whose bytes are gone failed with its reason (once, no event), ends
    one recovered too often with the kernel's message, and links only a check not cancelled."""
    await register(api, "ats-lost@example.com")
    api.headers["accept-language"] = "en"
    lost = (await api.post("/api/ats/checks", **upload(two_column_pdf()))).json()
    again = (await api.post("/api/ats/checks", **upload(two_column_pdf()))).json()
    recovery = KIND.recovery
    assert recovery is not None and recovery.give_up is not None
    task = await db.get(BackgroundTask, lost["taskId"])
    assert task is not None and KIND.link(task) == (f"/ats/{lost['id']}", "Open the ATS check")
    assert (await recovery.find_input(db, task)).job_args == (lost["id"], task.id)

    check = await db.get(AtsCheck, lost["id"])
    assert check is not None
    check.pdf = None  # an upload's bytes gone: nothing to run again
    assert (await recovery.find_input(db, task)).job_args is None
    assert await recovery.fail_lost(db, task) == Ended()
    await db.commit()
    assert await recovery.fail_lost(db, task) is None  # ended already: nothing written
    other = await db.get(BackgroundTask, again["taskId"])
    assert other is not None
    assert await recovery.give_up(db, other, "Recovered too often.") == Ended()
    await db.commit()

    shown = [(await api.get(f"/api/ats/checks/{c['id']}")).json() for c in (lost, again)]
    assert [(c["status"], c["error"]) for c in shown] == [
        ("failed", ATS_INPUT_GONE),
        ("failed", "Recovered too often."),
    ]
    cancelled = await db.get(BackgroundTask, lost["taskId"])
    assert cancelled is not None
    cancelled.status = TaskStatus.CANCELLED
    assert KIND.link(cancelled) is None
