"""Cover letters through the JSON API and the real worker: asked for, written by the offline
engine, shown in the task centre, edited as versions, downloaded as PDF and Word (read back),
paid once, refunded once when they fail or are cancelled, refused whole without credits."""

from __future__ import annotations

import asyncio
import io
import re
from typing import Any

import docx
import pdfplumber
import pytest
from arq.worker import Worker
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import BackgroundTask, CoverLetter, CoverLetterVersion, CreditTransaction, User
from app.lib.docx_export import DOCX_MEDIA_TYPE
from app.lib.refund_reasons import RefundReason
from tests import factories
from tests.conftest import register
from tests.fixtures.live import echo_csrf_cookie
from tests.integration.pipeline_helpers import count_now, read_now

FINISHED = {"completed", "failed", "cancelled"}


def words(text: str) -> str:
    """Letters and digits only: line breaks and hyphenation of the PDF do not count."""
    return re.sub(r"[\W_]+", "", text.lower())


async def balance(sessions: async_sessionmaker[AsyncSession], user_id: str) -> int:
    return int(await read_now(sessions, select(User.credit_balance).where(User.id == user_id)) or 0)


async def set_balance(db: AsyncSession, user_id: str, amount: int) -> None:
    await db.execute(update(User).where(User.id == user_id).values(credit_balance=amount))
    await db.commit()


async def inputs(db: AsyncSession, user_id: str) -> tuple[str, str]:
    cv = await factories.source_cv(db, user_id)
    offer = await factories.job_offer(db, user_id)
    return cv.id, offer.id


async def ask(api: Any, cv_id: str, offer_id: str, **extra: Any) -> Any:
    return await api.post(
        "/api/cover-letters", json={"cvFileId": cv_id, "jobOfferId": offer_id, **extra}
    )


async def wait_letter(api: Any, letter_id: str, timeout: float = 60) -> dict[str, Any]:
    async with asyncio.timeout(timeout):
        while True:
            body = (await api.get(f"/api/cover-letters/{letter_id}")).json()
            if body["status"] in FINISHED:
                return dict(body)
            await asyncio.sleep(0.05)


async def test_letter_is_written_edited_and_downloaded(
    api: Any, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession], worker: Worker
) -> None:
    me = await register(api, "letter@example.com")
    before = await balance(session_factory, me["id"])
    cv_id, offer_id = await inputs(db, me["id"])
    created = await ask(api, cv_id, offer_id, tone="warm")
    assert created.status_code == 201, created.text
    letter_id, task_id = created.json()["id"], created.json()["taskId"]
    assert task_id
    body = await wait_letter(api, letter_id)
    assert body["status"] == "completed", body
    assert body["engine"] in {"offline", "template"}
    assert body["tone"] == "warm" and body["version"] == 1
    assert body["content"]["paragraphs"], body
    assert {"verifiedClaims", "droppedClaims"} <= set(body["meta"])
    # Charged once (1 credit by default), never refunded.
    assert await balance(session_factory, me["id"]) == before - 1
    debits = await count_now(
        session_factory, CreditTransaction, CreditTransaction.reason == "cover_letter"
    )
    assert debits == 1
    # The task centre shows the task, completed, linking to the letter.
    tasks = (await api.get("/api/background-tasks")).json()["tasks"]
    row = next(t for t in tasks if t["id"] == task_id)
    assert row["type"] == "cover_letter" and row["status"] == "completed"
    listed = (await api.get(f"/api/cover-letters?jobOfferId={offer_id}")).json()
    assert [item["id"] for item in listed] == [letter_id]
    assert (await api.get("/api/cover-letters?jobOfferId=other")).json() == []

    # An edit is the next version; a bad one is refused in words and stores nothing.
    edited = {**body["content"], "paragraphs": ["I would like to join your team.", "Thank you."]}
    saved = await api.put(f"/api/cover-letters/{letter_id}", json={"content": edited})
    assert saved.status_code == 200, saved.text
    assert saved.json()["version"] == 2
    too_long = {**edited, "paragraphs": ["x" * 2001]}
    refused = await api.put(f"/api/cover-letters/{letter_id}", json={"content": too_long})
    assert refused.status_code == 422
    assert "2000" in refused.json()["detail"]
    empty = await api.put(f"/api/cover-letters/{letter_id}", json={"content": {"paragraphs": []}})
    assert empty.status_code == 422 and "paragraph" in empty.json()["detail"]
    no_body = await api.put(f"/api/cover-letters/{letter_id}", json={"text": "hi"})
    assert no_body.status_code == 422 and "content" in no_body.json()["detail"]
    versions = (await api.get(f"/api/cover-letters/{letter_id}/versions")).json()
    assert [(v["number"], v["origin"], v["current"]) for v in versions] == [
        (2, "edited", True),
        (1, "generated", False),
    ]
    restored = await api.post(f"/api/cover-letters/{letter_id}/versions/1/restore")
    assert restored.status_code == 200 and restored.json()["version"] == 3
    assert restored.json()["content"] == body["content"]
    await api.put(f"/api/cover-letters/{letter_id}", json={"content": edited})

    # Both downloads carry the edited text.
    pdf = await api.get(f"/api/cover-letters/{letter_id}/pdf")
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["content-type"] == "application/pdf"
    with pdfplumber.open(io.BytesIO(pdf.content)) as document:
        assert len(document.pages) == 1
        pdf_text = "\n".join(page.extract_text() or "" for page in document.pages)
    word = await api.get(f"/api/cover-letters/{letter_id}/docx")
    assert word.status_code == 200, word.text
    assert word.headers["content-type"] == DOCX_MEDIA_TYPE
    word_text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    for paragraph in edited["paragraphs"]:
        assert words(paragraph) in words(pdf_text)
        assert words(paragraph) in words(word_text)
    assert factories.EN_CV["header"]["name"] in pdf_text
    assert factories.EN_CV["header"]["name"] in word_text

    deleted = await api.delete(f"/api/cover-letters/{letter_id}")
    assert deleted.status_code == 200
    assert (await api.get(f"/api/cover-letters/{letter_id}")).status_code == 404
    assert await count_now(session_factory, CoverLetterVersion) == 0


async def test_letter_not_written_yet_cannot_be_downloaded_or_edited(
    api: Any, db: AsyncSession
) -> None:
    me = await register(api, "pending@example.com")
    cv_id, offer_id = await inputs(db, me["id"])
    created = await ask(api, cv_id, offer_id)  # no worker: it stays queued
    assert created.status_code == 201, created.text
    letter_id = created.json()["id"]
    for suffix in ("pdf", "docx"):
        response = await api.get(f"/api/cover-letters/{letter_id}/{suffix}")
        assert response.status_code == 409
        assert response.json()["detail"] == "The letter is not written yet: wait for it to finish."
    put = await api.put(
        f"/api/cover-letters/{letter_id}", json={"content": {"paragraphs": ["Hello."]}}
    )
    assert put.status_code == 409
    # One letter at a time: the second is refused whole (no letter, no task, no debit).
    again = await ask(api, cv_id, offer_id)
    assert again.status_code == 429, again.text
    assert await db.scalar(select(func.count()).select_from(CoverLetter)) == 1
    await db.rollback()


@pytest.mark.parametrize(
    ("extra", "field"),
    [({"length": "huge"}, "length"), ({"tone": "angry"}, "tone"), ({"language": "de"}, "language")],
)
async def test_bad_options_are_refused_with_the_field(
    api: Any, db: AsyncSession, extra: dict[str, str], field: str
) -> None:
    me = await register(api, f"options-{field}@example.com")
    cv_id, offer_id = await inputs(db, me["id"])
    response = await ask(api, cv_id, offer_id, **extra)
    assert response.status_code == 422
    assert response.json()["field"] == field


async def test_without_credits_nothing_is_created(
    api: Any, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    me = await register(api, "poor@example.com")
    cv_id, offer_id = await inputs(db, me["id"])
    await set_balance(db, me["id"], 0)
    response = await ask(api, cv_id, offer_id)
    assert response.status_code == 403
    assert response.json()["error"] == "credits.insufficient"
    assert await count_now(session_factory, CoverLetter) == 0
    assert await count_now(session_factory, BackgroundTask) == 0


async def test_failed_letter_is_refunded_once(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from jobs.letters import writer

    async def broken(*_: Any, **__: Any) -> Any:
        raise RuntimeError("the writer broke")

    monkeypatch.setattr(writer, "write_letter", broken)
    me = await register(api, "broken@example.com")
    before = await balance(session_factory, me["id"])
    cv_id, offer_id = await inputs(db, me["id"])
    created = await ask(api, cv_id, offer_id)
    body = await wait_letter(api, created.json()["id"])
    assert body["status"] == "failed"
    assert body["error"] == ("The letter could not be written; any credits it took were refunded.")
    assert await balance(session_factory, me["id"]) == before
    refund = CreditTransaction.reason == RefundReason.LETTER_FAILED
    refunds = await count_now(session_factory, CreditTransaction, refund)
    assert refunds == 1
    task = await read_now(
        session_factory, select(BackgroundTask).where(BackgroundTask.id == created.json()["taskId"])
    )
    assert task is not None and task.status == "failed"
    # The slot is free again: the next letter may be asked for.
    assert (await ask(api, cv_id, offer_id)).status_code == 201


async def test_cancelled_letter_is_refunded_once(
    api: Any, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    me = await register(api, "cancel@example.com")
    before = await balance(session_factory, me["id"])
    cv_id, offer_id = await inputs(db, me["id"])
    created = (await ask(api, cv_id, offer_id)).json()
    assert await balance(session_factory, me["id"]) == before - 1
    cancelled = await api.delete(f"/api/background-tasks/{created['taskId']}")
    assert cancelled.status_code == 200, cancelled.text
    again = await api.delete(f"/api/background-tasks/{created['taskId']}")  # now a deletion
    assert again.status_code == 200
    body = (await api.get(f"/api/cover-letters/{created['id']}")).json()
    assert body["status"] == "cancelled" and body["error"] == "Letter cancelled."
    assert await balance(session_factory, me["id"]) == before
    # Deleting a letter still being written cancels it and refunds it too.
    second = (await ask(api, cv_id, offer_id)).json()
    assert (await api.delete(f"/api/cover-letters/{second['id']}")).status_code == 200
    assert await balance(session_factory, me["id"]) == before
    task = await read_now(
        session_factory, select(BackgroundTask).where(BackgroundTask.id == second["taskId"])
    )
    assert task is not None and task.status == "cancelled"


async def test_another_users_letter_is_not_found_on_every_route(
    api: Any, db: AsyncSession, live_server: str
) -> None:
    import httpx

    me = await register(api, "owner@example.com")
    cv_id, offer_id = await inputs(db, me["id"])
    letter_id = (await ask(api, cv_id, offer_id)).json()["id"]
    async with httpx.AsyncClient(
        base_url=live_server, timeout=30, event_hooks={"request": [echo_csrf_cookie]}
    ) as other:
        await other.get("/health")
        await register(other, "intruder@example.com")  # type: ignore[arg-type]
        base = f"/api/cover-letters/{letter_id}"
        for method, path, body in (
            ("GET", base, None),
            ("PUT", base, {"content": {"paragraphs": ["Mine now."]}}),
            ("GET", f"{base}/versions", None),
            ("POST", f"{base}/versions/1/restore", None),
            ("GET", f"{base}/pdf", None),
            ("GET", f"{base}/docx", None),
            ("DELETE", base, None),
        ):
            response = await other.request(method, path, json=body)
            assert response.status_code == 404, (method, path, response.text)
        # Nor can the intruder write a letter from the owner's CV or offer.
        stolen = await other.post(
            "/api/cover-letters", json={"cvFileId": cv_id, "jobOfferId": offer_id}
        )
        assert stolen.status_code == 404
        assert (await other.get("/api/cover-letters")).json() == []
    assert (await api.get(base)).json()["status"] == "pending"


async def test_letter_marked_sent_is_frozen_with_its_pdf_and_word_file(
    api: Any, db: AsyncSession, worker: Worker
) -> None:
    me = await register(api, "sent-letter@example.com")
    cv_id, offer_id = await inputs(db, me["id"])
    letter_id = (await ask(api, cv_id, offer_id)).json()["id"]
    assert (await wait_letter(api, letter_id))["status"] == "completed"
    sent_words = ["The letter as it was sent.", "Thank you for reading it."]
    await api.put(f"/api/cover-letters/{letter_id}", json={"content": {"paragraphs": sent_words}})
    tracked = await api.post("/api/applications", json={"jobOfferId": offer_id})
    application_id = tracked.json()["id"]
    marked = await api.patch(
        f"/api/applications/{application_id}", json={"sentLetterId": letter_id}
    )
    assert marked.status_code == 200, marked.text
    (document,) = [d for d in marked.json()["sentDocuments"] if d["kind"] == "letter"]
    # Later edits of the letter do not change what was sent.
    later = {"paragraphs": ["A later rewrite nobody received."]}
    assert (await api.put(f"/api/cover-letters/{letter_id}", json={"content": later})).is_success
    base = f"/api/applications/{application_id}/documents/{document['id']}"
    pdf = await api.get(f"{base}/pdf")
    assert pdf.status_code == 200, pdf.text
    with pdfplumber.open(io.BytesIO(pdf.content)) as opened:
        pdf_text = "\n".join(page.extract_text() or "" for page in opened.pages)
    word = await api.get(f"{base}/docx")
    assert word.status_code == 200, word.text
    word_text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    for text in (pdf_text, word_text):
        assert all(words(p) in words(text) for p in sent_words), text
        assert "later rewrite" not in text
        assert factories.EN_CV["header"]["name"] in text
    # A letter of another offer, or not written yet, is refused.
    other_offer = await factories.job_offer(db, me["id"], title="Other role")
    pending = (await ask(api, cv_id, other_offer.id)).json()["id"]
    wrong = await api.patch(f"/api/applications/{application_id}", json={"sentLetterId": pending})
    assert wrong.status_code == 422 and wrong.json()["field"] == "sentLetterId"
