"""Cover letters written by the LLM engine (the fake OpenAI server) and by generations started
with ``withLetters``.

The adversarial model invents an employer, a number and a skill in every answer, repairs
included: none of them reaches the saved letter, its PDF or its Word file.
"""

from __future__ import annotations

import asyncio
import copy
import io
from collections.abc import Iterator
from typing import Any

import docx
import pdfplumber
import pytest
from arq.worker import Worker
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import BackgroundTask, CoverLetter, CvFile, User
from app.lib.cv_content import CvContent
from app.lib.letter_content import LetterContent
from tests import factories
from tests.conftest import register
from tests.fakes.openai_server import FakeOpenAIServer, RecordedRequest, default_reply
from tests.integration.pipeline_helpers import generate, point_llm_at, read_now, wait_finished
from tests.integration.test_cover_letters_api import wait_letter

INVENTED = ("Globex", "47%", "Kubernetes")


def adversarial(request: RecordedRequest) -> Any:
    """A letter draft (first call and repair alike) with an invented employer, number and skill
    beside honest sentences; anything else gets the schema's minimal answer."""
    if "<source_cv>" not in "\n".join(str(m.get("content")) for m in request.messages):
        return default_reply(request)
    return {
        "greeting": "Dear hiring team,",
        "paragraphs": [
            "I am applying for the Python Backend Developer role at Parcel Express.",
            "At Globex Corporation I raised conversion by 47% for the whole company.",
            "I built Python and PostgreSQL services handling 2 million parcels a day.",
            "I am an expert in Kubernetes and ran every cluster of my team.",
            "I would be glad to discuss how I can help your team.",
        ],
        "closing": "Kind regards,",
    }


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(default_reply=adversarial) as server:
        yield server


def pdf_text(data: bytes) -> str:
    with pdfplumber.open(io.BytesIO(data)) as document:
        return "\n".join(page.extract_text() or "" for page in document.pages)


async def test_invented_employer_number_and_skill_reach_no_letter_pdf_or_docx(
    api: Any, db: AsyncSession, llm: FakeOpenAIServer, worker: Worker
) -> None:
    me = await register(api, "adversary@example.com")
    await point_llm_at(db, llm.base_url)
    cv = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    created = await api.post("/api/cover-letters", json={"cvFileId": cv.id, "jobOfferId": offer.id})
    assert created.status_code == 201, created.text
    body = await wait_letter(api, created.json()["id"])
    assert body["status"] == "completed", body
    assert body["engine"] == "llm", body
    assert any("<source_cv>" in str(r.messages) for r in llm.requests)  # the model was asked
    text = LetterContent.from_json(body["content"]).plain_text()
    assert body["meta"]["droppedClaims"] >= 1, body["meta"]
    pdf = await api.get(f"/api/cover-letters/{body['id']}/pdf")
    word = await api.get(f"/api/cover-letters/{body['id']}/docx")
    assert pdf.status_code == 200 and word.status_code == 200
    word_text = "\n".join(p.text for p in docx.Document(io.BytesIO(word.content)).paragraphs)
    for made_up in INVENTED:
        for where, found in (("letter", text), ("pdf", pdf_text(pdf.content)), ("docx", word_text)):
            assert made_up.lower() not in found.lower(), (made_up, where, found)
    assert "Parcel Express" in text  # the offer's company is the one employer it may name


async def wait_letters(
    sessions: async_sessionmaker[AsyncSession], user_id: str, count: int, timeout: float = 90
) -> list[CoverLetter]:
    query = select(CoverLetter).where(CoverLetter.user_id == user_id)
    async with asyncio.timeout(timeout):
        while True:
            async with sessions() as session:
                rows = list(await session.scalars(query))
            finished = [r for r in rows if r.status in ("completed", "failed", "cancelled")]
            if len(rows) >= count and len(finished) == len(rows):
                return rows
            await asyncio.sleep(0.05)


async def test_generation_with_letters_writes_one_per_tailored_cv(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    me = await register(api, "with-letters@example.com")
    source = await factories.source_cv(db, me["id"])
    offers = [
        await factories.job_offer(db, me["id"]),
        await factories.job_offer(db, me["id"], title="Data Engineer", company="Rail Freight"),
    ]
    before = await read_now(session_factory, select(User.credit_balance).where(User.id == me["id"]))
    started = await generate(api, source.id, [o.id for o in offers], withLetters=True)
    assert started.status_code == 200, started.text
    task = await wait_finished(session_factory, started.json()["taskId"])
    assert task.status == "completed", task.error
    letters = await wait_letters(session_factory, me["id"], 2)
    assert {letter.status for letter in letters} == {"completed"}, [r.error for r in letters]
    async with session_factory() as session:
        generated = {
            cv.job_offer_id: cv.id
            for cv in await session.scalars(select(CvFile).where(CvFile.kind == "generated"))
        }
    # Each letter is written from the tailored CV of its own offer.
    assert {(r.job_offer_id, r.cv_file_id) for r in letters} == set(generated.items())
    after = await read_now(session_factory, select(User.credit_balance).where(User.id == me["id"]))
    assert before is not None and after == before - 2 - 2  # two tailored CVs, two letters


async def test_generation_letters_without_credits_fail_and_say_why(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    me = await register(api, "no-letter-credits@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    await db.execute(update(User).where(User.id == me["id"]).values(credit_balance=1))
    await db.commit()
    started = await generate(api, source.id, [offer.id], withLetters=True)
    assert started.status_code == 200, started.text
    task = await wait_finished(session_factory, started.json()["taskId"])
    assert task.status == "completed", task.error  # the CV is unaffected
    (letter,) = await wait_letters(session_factory, me["id"], 1)
    assert letter.status == "failed"
    assert letter.error == "Your credit balance was too low to write this letter."
    row = await read_now(
        session_factory,
        select(BackgroundTask).where(BackgroundTask.id == letter.background_task_id),
    )
    assert row is not None and row.type == "cover_letter" and row.status == "failed"
    assert row.error == letter.error


# A tailored CV whose line the source CV does not hold (an edit, a slip of the pipeline): the
# letter's guard checks its claims against the source CV the tailored one was made from.
TAILORED_LINE = "Cut API latency by 80% with Redis caching"


async def tailored_cv(db: AsyncSession, user_id: str, source_id: str) -> CvFile:
    content = copy.deepcopy(factories.EN_CV)
    content["experience"][0]["bullets"][1] = TAILORED_LINE
    row = CvFile(
        user_id=user_id,
        kind="generated",
        filename="tailored.json",
        content=CvContent.from_json(content).to_json(),
        extraction_status="completed",
        language="en",
        generation_meta={"source_cv_id": source_id},
    )
    db.add(row)
    await db.commit()
    return row


@pytest.mark.parametrize("source_deleted", [False, True])
async def test_a_tailored_cvs_letter_is_checked_against_its_source_cv(
    api: Any, db: AsyncSession, worker: Worker, source_deleted: bool
) -> None:
    me = await register(api, f"tailored-{source_deleted}@example.com")
    source = await factories.source_cv(db, me["id"])
    tailored = await tailored_cv(db, me["id"], source.id)
    offer = await factories.job_offer(db, me["id"])
    if source_deleted:
        await db.delete(source)
        await db.commit()
    created = await api.post(
        "/api/cover-letters", json={"cvFileId": tailored.id, "jobOfferId": offer.id}
    )
    assert created.status_code == 201, created.text
    body = await wait_letter(api, created.json()["id"])
    assert body["status"] == "completed" and body["engine"] == "offline", body
    text = LetterContent.from_json(body["content"]).plain_text()
    if source_deleted:  # the tailored CV's facts are all there is: its line is quoted
        assert "80%" in text, text
    else:
        assert "80%" not in text, text
        dropped = body["meta"]["dropped"]
        assert any("80" in entry["tokens"] for entry in dropped), dropped
