"""The tracker and the worker: a generation that completes an offer tracks it (``to_apply``,
linked to its tailored CV), and a CV marked as sent is frozen: edited afterwards, the
application still serves the original content and PDF (read back by pdfplumber), rendered from
its own copy by a worker when the stored PDF and the render cache are both gone."""

from __future__ import annotations

import io
import shutil
from typing import Any

import pdfplumber
from arq.worker import Worker
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CvFile, SentDocument
from app.lib.pdf_render import renders_dir
from tests import factories
from tests.conftest import register
from tests.integration.pipeline_helpers import EventLog, generate, wait_finished


def pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


async def test_a_generation_tracks_its_offer_and_the_sent_copy_stays_frozen(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    worker: Worker,
) -> None:
    me = await register(api, "tracked@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], company="Acme Tracking")
    async with EventLog(settings.effective_redis_url, me["id"]) as log:
        response = await generate(api, source.id, [offer.id])
        assert response.status_code == 200, response.text
        task = await wait_finished(session_factory, response.json()["taskId"])
        await log.wait_for("application:updated")
    assert task.status == "completed"
    generated_id = task.generated_cv_ids[0]

    [tracked] = (await api.get("/api/applications")).json()
    assert tracked["status"] == "to_apply" and tracked["cvFileId"] == generated_id
    assert tracked["jobOfferId"] == offer.id and tracked["company"] == "Acme Tracking"
    # Tracking it by hand now returns the same application.
    again = await api.post("/api/applications", json={"jobOfferId": offer.id})
    assert again.status_code == 200 and again.json()["id"] == tracked["id"]

    sent = await api.patch(
        f"/api/applications/{tracked['id']}", json={"sentCvFileId": generated_id}
    )
    assert sent.status_code == 200, sent.text
    [document] = sent.json()["sentDocuments"]
    original = await api.get(document["pdfUrl"])
    assert original.status_code == 200 and original.headers["content-type"] == "application/pdf"
    assert "Alex Martin" in pdf_text(original.content)

    # The CV is edited afterwards: its own PDF changes, the sent copy does not.
    async with session_factory() as session:
        cv = await session.get(CvFile, generated_id)
        assert cv is not None
        content = dict(cv.content)
        content["header"] = {**content["header"], "name": "Renamed Person"}
        cv.content = content
        await session.commit()
    edited = await api.get(f"/api/cvs/{generated_id}/pdf")
    assert "Renamed Person" in pdf_text(edited.content)
    kept = await api.get(document["pdfUrl"])
    assert kept.content == original.content

    # Without the stored PDF and the render cache, a worker renders the copy, not the CV.
    async with session_factory() as session:
        await session.execute(update(SentDocument).values(pdf=None))
        await session.commit()
    shutil.rmtree(renders_dir(settings), ignore_errors=True)
    rendered = await api.get(document["pdfUrl"])
    assert rendered.status_code == 200, rendered.text
    text = pdf_text(rendered.content)
    assert "Alex Martin" in text and "Renamed Person" not in text
