"""CV import through the JSON API and the real worker: PDFs, JSON Resume, text, bad input.

Tests that need the worker talk to a real uvicorn server (``live_server``) over HTTP: the
in-process test client blocks the test's event loop for the length of each request, and the
worker runs in that loop (a request waiting for a lock the worker holds would wait forever).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import BackgroundTask, CvFile, CvVersion
from app.lib.pdf_read.ocr_setup import ocr_status
from tests.conftest import csrf_token, register
from tests.fixtures import pdfs
from tests.fixtures.cv_samples import HIDDEN_INJECTION, SAMPLES, score
from tests.fixtures.cv_texts import JSON_RESUME, TEXT_CVS
from tests.fixtures.live import Browser, browser, second_live_server  # noqa: F401

Client = AsyncTestClient[Litestar] | Browser
OCR_HERE = ocr_status("fra+eng").available


async def headers(client: Client) -> dict[str, str]:
    return {"x-csrftoken": await csrf_token(client)}


async def upload(client: Client, name: str, data: bytes, mime: str = "application/pdf") -> Any:
    return await client.post(
        "/api/cvs", files={"file": (name, data, mime)}, headers=await headers(client)
    )


# A bound against a hang, not a speed target (bench/ holds those): on two cores busy with other
# work an import's readers (each a subprocess) took past 30 s.
async def wait_for_import(client: Client, cv_id: str, timeout: float = 120) -> dict[str, Any]:
    deadline = asyncio.get_running_loop().time() + timeout
    while True:
        body = (await client.get(f"/api/cvs/{cv_id}")).json()
        if body["extractionStatus"] in {"completed", "failed"}:
            return dict(body)
        assert asyncio.get_running_loop().time() < deadline, body
        await asyncio.sleep(0.1)


async def count_rows(db: AsyncSession) -> tuple[int, int]:
    cvs = await db.scalar(select(func.count()).select_from(CvFile))
    tasks = await db.scalar(select(func.count()).select_from(BackgroundTask))
    await db.rollback()  # SQLite: an open transaction holds the write lock
    return int(cvs or 0), int(tasks or 0)


async def count(db: AsyncSession, model: Any) -> int:
    value = await db.scalar(select(func.count()).select_from(model))
    await db.rollback()
    return int(value or 0)


@pytest.mark.parametrize("key", sorted(SAMPLES))
async def test_pdf_fixture_is_imported_with_every_section(
    live_server: str, worker: Worker, key: str
) -> None:
    client = await browser(live_server, f"{key}@example.com")
    response = await upload(client, f"{key}.pdf", pdfs.cv_pdf(key))
    assert response.status_code == 202, response.text
    accepted = response.json()
    assert accepted["duplicate"] is False and accepted["taskId"]
    body = await wait_for_import(client, accepted["id"])
    assert body["extractionStatus"] == "completed", body["extractionErrors"]
    from app.lib.cv_content import CvContent

    found = score(CvContent.from_json(body["content"]), SAMPLES[key].expected)
    assert all(hit == total for hit, total in found.values()), found
    assert [v["createdBy"] for v in body["versions"]] == ["import"]
    ids = [e["id"] for e in body["content"]["experience"]]
    assert len(set(ids)) == len(ids) and all(i.startswith("exp_") for i in ids)
    assert body["language"] == SAMPLES[key].language
    tasks = (await client.get("/api/background-tasks")).json()
    listed = tasks if isinstance(tasks, list) else tasks.get("tasks", [])
    task = next(t for t in listed if t["id"] == accepted["taskId"])
    assert task["status"] == "completed" and task["result"]["parser"] == "rules"


async def test_hidden_text_is_flagged_and_left_out(live_server: str, worker: Worker) -> None:
    client = await browser(live_server, "hidden@example.com")
    response = await upload(client, "cv.pdf", pdfs.hidden_text_pdf())
    body = await wait_for_import(client, response.json()["id"])
    assert body["extractionStatus"] == "completed"
    assert "quantum" not in json.dumps(body["content"]).lower()
    assert HIDDEN_INJECTION.lower() not in json.dumps(body["content"]).lower()
    warnings = [e for e in body["extractionErrors"] if e["code"] == "hidden_text"]
    samples = " ".join(s for w in warnings for s in w["samples"])
    assert HIDDEN_INJECTION in samples and "quantum computing" in samples
    assert all(w["severity"] == "warning" for w in warnings)


async def test_json_resume_and_text_imports(live_server: str, worker: Worker) -> None:
    client = await browser(live_server, "json@example.com")
    data = json.dumps(JSON_RESUME).encode()
    response = await upload(client, "resume.json", data, "application/json")
    assert response.status_code == 202, response.text
    body = await wait_for_import(client, response.json()["id"])
    assert body["extractionStatus"] == "completed"
    content = body["content"]
    assert content["header"]["name"] == JSON_RESUME["basics"]["name"]
    # The older field names (company, website) are understood.
    assert content["experience"][1]["company"] == JSON_RESUME["work"][1]["company"]
    exported = (await client.get(f"/api/cvs/{body['id']}/json-resume")).json()
    assert exported["work"][1]["name"] == JSON_RESUME["work"][1]["company"]
    assert exported["basics"]["email"] == JSON_RESUME["basics"]["email"]

    text = TEXT_CVS["fr_dates_first"].text
    response = await client.post("/api/cvs", json={"text": text}, headers=await headers(client))
    assert response.status_code == 202, response.text
    body = await wait_for_import(client, response.json()["id"])
    assert body["extractionStatus"] == "completed"
    assert [e["company"] for e in body["content"]["experience"]][:2] == [
        "AXA France",
        "BNP Paribas",
    ]


@pytest.mark.parametrize(
    ("name", "data", "mime", "status", "code"),
    [
        ("cv.pdf", pdfs.NOT_A_PDF, "application/pdf", 422, "cv.not_pdf"),
        ("notes.docx", pdfs.NOT_A_PDF, "application/octet-stream", 422, "cv.unsupported_type"),
        ("empty.pdf", b"", "application/pdf", 422, "cv.empty_file"),
        ("cv.json", b"%PDF-1.4 renamed", "application/json", 422, "cv.type_mismatch"),
        ("cv.json", b'{"basics": {"name": ', "application/json", 422, "cv.invalid_json"),
    ],
)
async def test_bad_files_are_refused_at_once_and_leave_nothing(
    client: Client, db: AsyncSession, name: str, data: bytes, mime: str, status: int, code: str
) -> None:
    await register(client, "bad@example.com")
    before = await count_rows(db)
    response = await upload(client, name, data, mime)
    assert response.status_code == status, response.text
    assert response.json()["error"] == code
    assert response.json()["detail"]
    assert await count_rows(db) == before


async def test_pdf_renamed_json_names_the_problem(client: Client) -> None:
    await register(client, "renamed@example.com")
    response = await upload(client, "cv.json", pdfs.cv_pdf("en_one_column"), "application/json")
    assert response.status_code == 422
    assert "cv.json" in response.json()["detail"] and "PDF" in response.json()["detail"]


async def test_json_resume_with_wrong_types_names_the_field(
    client: Client, db: AsyncSession
) -> None:
    await register(client, "types@example.com")
    before = await count_rows(db)
    cases = [
        ({"basics": {"name": 42}}, "basics.name"),
        ({"work": [{"name": "Acme", "startDate": 2019}]}, "work[0].startDate"),
        ({"work": [{"name": "Acme", "highlights": "not a list"}]}, "work[0].highlights"),
        ({"education": [{"institution": "X", "endDate": "June 2019"}]}, "education[0].endDate"),
        ({"skills": {"name": "Python"}}, "skills"),
    ]
    for document, field in cases:
        response = await upload(client, "r.json", json.dumps(document).encode(), "application/json")
        assert response.status_code == 422, response.text
        body = response.json()
        assert body["error"] == "cv.invalid_json_resume"
        assert field in body["detail"], (field, body["detail"])
    assert await count_rows(db) == before


async def test_empty_and_oversized_text_and_upload(
    client: Client, db: AsyncSession, settings: Settings
) -> None:
    await register(client, "sizes@example.com")
    before = await count_rows(db)
    for text, code in [
        ("", "cv.empty_text"),
        ("   \n ", "cv.empty_text"),
        ("Jean", "cv.text_too_short"),
        ("•\n" * 5_000, "cv.no_words"),  # a page of bullet marks: nothing to read
    ]:
        response = await client.post("/api/cvs", json={"text": text}, headers=await headers(client))
        assert response.status_code == 422 and response.json()["error"] == code
    big = b"%PDF-1.4\n" + b"0" * (50 * 1024 * 1024)
    response = await upload(client, "big.pdf", big)
    assert response.status_code == 413, response.text
    assert response.json()["error"] == "cv.too_large"
    assert "5" in response.json()["detail"]
    just_over = b"%PDF-1.4\n" + b"0" * settings.upload_max_bytes
    response = await upload(client, "over.pdf", just_over)
    assert response.status_code == 413 and response.json()["error"] == "cv.too_large"
    assert await count_rows(db) == before


@pytest.mark.parametrize(
    ("builder", "code", "words"),
    [
        (pdfs.encrypted_pdf, "encrypted", "password"),
        # A picture of text too small to recognise: OCR finds nothing (no OCR: no text layer).
        (pdfs.scanned_pdf, "ocr_empty" if OCR_HERE else "no_text_layer", "scan"),
        (pdfs.many_pages_pdf, "too_many_pages", "40 pages"),
        (pdfs.decompression_bomb_pdf, "too_complex", "memory"),
        (pdfs.truncated_pdf, "corrupt", "damaged"),
        (lambda: pdfs.text_only_pdf("Curriculum"), "empty_text", "almost no text"),
    ],
)
async def test_unreadable_pdfs_fail_with_a_clear_message(
    live_server: str, worker: Worker, db: AsyncSession, builder: Any, code: str, words: str
) -> None:
    client = await browser(live_server, f"{code}@example.com")
    response = await upload(client, f"{code}.pdf", builder())
    assert response.status_code == 202, response.text
    body = await wait_for_import(client, response.json()["id"])
    assert body["extractionStatus"] == "failed"
    assert body["content"] == {}
    assert body["versions"] == []  # never example data
    [problem] = body["extractionErrors"]
    assert problem["code"] == code and words in problem["message"]
    task = await db.get(BackgroundTask, body["taskId"])
    assert task is not None and task.status == "failed" and words in (task.error or "")
    await db.rollback()


async def test_the_same_upload_twice_at_once_gives_one_cv(
    backend: str,
    live_server: str,
    second_live_server: str,  # noqa: F811 - the fixture imported above
    worker: Worker,
    db: AsyncSession,
) -> None:
    """Two tabs on two web processes upload the same bytes at the same moment."""
    client = await browser(live_server, "twice@example.com")
    data = pdfs.cv_pdf("fr_one_column")
    async with Browser(base_url=second_live_server, timeout=30) as second:
        await second.get("/health")
        login = await second.post(
            "/api/auth/login",
            json={"email": "twice@example.com", "password": "correct horse"},
            headers=await headers(second),
        )
        assert login.status_code == 200
        first, other = await asyncio.gather(
            upload(client, "cv.pdf", data), upload(second, "cv.pdf", data)
        )
    assert first.status_code == other.status_code == 202
    ids = {first.json()["id"], other.json()["id"]}
    assert len(ids) == 1
    assert sorted([first.json()["duplicate"], other.json()["duplicate"]]) == [False, True]
    cv_id = ids.pop()
    assert await count(db, CvFile) == 1
    assert await count(db, BackgroundTask) == 1
    await wait_for_import(client, cv_id)
    again = await upload(client, "copy.pdf", data)  # later: still the same CV
    assert again.json()["id"] == cv_id and again.json()["duplicate"] is True


async def test_edit_export_delete_and_other_users_get_404(
    backend: str, live_server: str, worker: Worker, db: AsyncSession
) -> None:
    client = await browser(live_server, "owner@example.com")
    response = await upload(client, "cv.pdf", pdfs.cv_pdf("en_two_column"))
    cv_id = response.json()["id"]
    body = await wait_for_import(client, cv_id)
    content = body["content"]
    content["summary"] = "Frontend engineer, edited by hand."
    content["experience"].reverse()
    updated = await client.put(
        f"/api/cvs/{cv_id}", json={"content": content}, headers=await headers(client)
    )
    assert updated.status_code == 200, updated.text
    assert updated.json()["content"]["summary"] == "Frontend engineer, edited by hand."
    assert [v["createdBy"] for v in updated.json()["versions"]] == ["user_edit", "import"]
    bad = await client.put(
        f"/api/cvs/{cv_id}",
        json={"content": {"skills": [{"name": ""}]}},
        headers=await headers(client),
    )
    assert bad.status_code == 422 and "skills" in bad.json()["detail"]

    intruder = await browser(live_server, "intruder@example.com")
    token = await headers(intruder)
    assert (await intruder.get(f"/api/cvs/{cv_id}")).status_code == 404
    assert (await intruder.get(f"/api/cvs/{cv_id}/json-resume")).status_code == 404
    put = await intruder.put(f"/api/cvs/{cv_id}", json={"content": {}}, headers=token)
    assert put.status_code == 404
    assert (await intruder.delete(f"/api/cvs/{cv_id}", headers=token)).status_code == 404
    assert (await intruder.get("/api/cvs")).json() == []
    await intruder.aclose()

    listed = (await client.get("/api/cvs")).json()
    assert [c["id"] for c in listed] == [cv_id]
    deleted = await client.delete(f"/api/cvs/{cv_id}", headers=await headers(client))
    assert deleted.status_code == 200
    assert (await client.get(f"/api/cvs/{cv_id}")).status_code == 404
    assert await count(db, CvVersion) == 0


async def test_import_cost_is_debited_and_refunded_when_the_import_fails(
    live_server: str, worker: Worker, db: AsyncSession
) -> None:
    """Imports are free by default; when an admin sets a cost, a failed import gives it back."""
    from app.settings.registry import feature_cost_setting
    from app.settings.service import update_setting

    await update_setting(db, feature_cost_setting("import_pdf"), "2")
    await db.commit()
    client = await browser(live_server, "credits@example.com")
    start = (await client.get("/api/credits")).json()["balance"]
    failed = await upload(client, "locked.pdf", pdfs.encrypted_pdf())
    assert (await wait_for_import(client, failed.json()["id"]))["extractionStatus"] == "failed"
    ok = await upload(client, "cv.pdf", pdfs.cv_pdf("en_two_column"))
    assert (await wait_for_import(client, ok.json()["id"]))["extractionStatus"] == "completed"
    ledger = (await client.get("/api/credits")).json()
    assert ledger["balance"] == start - 2
    kinds = sorted(t["type"] for t in ledger["transactions"])
    assert kinds == ["debit", "debit", "grant", "refund"]

    await update_setting(db, feature_cost_setting("import_pdf"), "1000")
    await db.commit()
    before = await count_rows(db)
    refused = await upload(client, "other.pdf", pdfs.cv_pdf("fr_two_column"))
    assert refused.status_code == 403 and refused.json()["error"] == "credits.insufficient"
    assert await count_rows(db) == before
    await client.aclose()


async def test_retry_after_a_failure_runs_the_import_again(
    live_server: str, worker: Worker
) -> None:
    client = await browser(live_server, "retrypage@example.com")
    response = await upload(client, "locked.pdf", pdfs.encrypted_pdf())
    cv_id = response.json()["id"]
    first = await wait_for_import(client, cv_id)
    assert first["extractionStatus"] == "failed"
    retried = await client.post(
        f"/cvs/{cv_id}/retry", data={"_csrf_token": client.cookies["csrftoken"]}
    )
    assert retried.status_code == 303
    second = await wait_for_import(client, cv_id)
    assert second["taskId"] != first["taskId"]  # a new task, a new job
    assert second["extractionStatus"] == "failed"
    assert second["extractionErrors"][0]["code"] == "encrypted"
    await client.aclose()
