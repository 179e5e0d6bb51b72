"""One of every object a user owns, made the way the app makes them, and DB snapshots.

``own_objects`` returns ids by the kinds of ``routes.PARAM_KINDS``; the sweeps fill path
parameters from it with ``routes.fillings``.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import (
    AtsCheck,
    BackgroundTask,
    Base,
    CoverLetter,
    CoverLetterVersion,
    MailReply,
    Pitch,
)
from app.db.models.base import utcnow
from app.domain.inbox.intake import Candidate, file_item
from app.tasks.lifecycle import create_task
from tests import factories

Objects = dict[str, list[str]]
INBOX_TEXT = "A Python developer for our parcel tracking APIs, with PostgreSQL and Redis."


async def own_objects(
    http: Any, db: AsyncSession, settings: Settings, me: dict[str, Any]
) -> Objects:
    """CV (+ a version), offer, API token, a running background task, a generation, the
    offer's application with the CV frozen as sent, a written cover letter, a written pitch,
    an achievement linked to an experience of the CV, a STAR coach conversation about it, and
    an ATS check of an uploaded file.

    ``http`` is the owner's signed-in client with the CSRF header preset. Without a worker the
    generation stays queued; callers that need its results run one and wait.
    """
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    edited = await http.put(f"/api/cvs/{source.id}", json={"content": factories.EN_CV})
    assert edited.status_code == 200, edited.text
    token = await http.post("/api/tokens", json={"name": "owner's laptop"})
    assert token.status_code == 201, token.text
    running = await create_task(
        db, me["id"], "cv_import", "An import still running", cap=settings.background_tasks_per_user
    )
    running.status = "running"
    await db.commit()
    generation = await http.post(
        "/api/cv/generate-v2", json={"sourceCvFile": source.id, "jobOfferIds": [offer.id]}
    )
    assert generation.status_code == 200, generation.text
    application = await http.post("/api/applications", json={"jobOfferId": offer.id})
    assert application.status_code == 201, application.text
    sent = await http.patch(
        f"/api/applications/{application.json()['id']}", json={"sentCvFileId": source.id}
    )
    assert sent.status_code == 200, sent.text
    search = await http.post(
        "/api/searches",
        # Paused: the worker's scheduler would otherwise move its next run during the sweep,
        # and the sweep reads any change to the owner's rows as another user's doing.
        json={
            "name": "Owner's search",
            "sources": ["https://jobs.example.com/rss"],
            "active": False,
        },
    )
    assert search.status_code == 201, search.text
    item = await file_item(
        db,
        me["id"],
        Candidate(url="https://jobs.example.com/1", title="Owner's offer", text=INBOX_TEXT),
        search=None,
        source=None,
        origin="feed",
    )
    assert item is not None
    letter = CoverLetter(  # a written letter (no worker here), with its first version
        user_id=me["id"],
        cv_file_id=source.id,
        job_offer_id=offer.id,
        status="completed",
        engine="offline",
        content={"greeting": "Dear team,", "paragraphs": ["The owner's letter."]},
        version=1,
    )
    db.add(letter)
    await db.flush()
    db.add(CoverLetterVersion(cover_letter_id=letter.id, number=1, content=letter.content))
    pitch = Pitch(  # a written pitch (no worker here)
        user_id=me["id"],
        cv_file_id=source.id,
        job_offer_id=offer.id,
        kind="30s",
        status="completed",
        engine="offline",
        text="The owner's pitch.",
    )
    db.add(pitch)
    check = AtsCheck(  # a finished ATS check of an upload (no worker here)
        user_id=me["id"],
        filename="owner.pdf",
        pdf=b"%PDF-1.4 the owner's file",
        status="completed",
        verdict="pass",
        report={"pages": 1, "findings": [], "boxes": []},
    )
    db.add(check)
    reply = MailReply(  # an employer's reply waiting for review (no mailbox read here)
        user_id=me["id"],
        application_id=application.json()["id"],
        message_key="1:1",
        sender="jobs@acme.example",
        subject="Interview invitation",
        quote="We would like to invite you to an interview.",
        kind="interview",
        target_status="interview",
        state="review",
        evidence=[{"code": "title_subject", "title": "Python Developer"}],
        created_at=utcnow(),
    )
    db.add(reply)
    await db.commit()
    achievement = await http.post(
        "/api/achievements",
        json={"title": "Owner's story", "cvFileId": source.id, "experienceId": "exp_acme"},
    )
    assert achievement.status_code == 201, achievement.text
    conversation = await http.post(  # the STAR coach's guided form (no LLM in these tests)
        "/api/coach/conversations", json={"cvFileId": source.id, "experienceId": "exp_acme"}
    )
    assert conversation.status_code == 201, conversation.text
    tasks = await db.scalars(select(BackgroundTask.id).where(BackgroundTask.user_id == me["id"]))
    return {
        "cv": [source.id],
        "cv_version": [v["id"] for v in edited.json()["versions"]],
        "offer": [offer.id],
        "api_token": [token.json()["id"]],
        "background_task": list(tasks),
        "generation": [generation.json()["taskId"]],
        "user": [me["id"]],
        "application": [application.json()["id"]],
        "sent_document": [d["id"] for d in sent.json()["sentDocuments"]],
        "search": [search.json()["id"]],
        "feed_source": [s["id"] for s in search.json()["sources"]],
        "inbox_item": [item.id],
        "letter": [letter.id],
        "pitch": [pitch.id],
        "achievement": [achievement.json()["id"]],
        "conversation": [conversation.json()["id"]],
        "ats_check": [check.id],
        "mail_reply": [reply.id],
    }


async def snapshot(sessions: async_sessionmaker[AsyncSession]) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in primary-key order: equal snapshots = nothing changed."""
    rows: dict[str, list[tuple[Any, ...]]] = {}
    async with sessions() as session:
        for table in Base.metadata.sorted_tables:
            result = await session.execute(select(table).order_by(*table.primary_key.columns))
            rows[table.name] = [tuple(row) for row in result.all()]
    return rows


def differences(before: dict[str, list[Any]], after: dict[str, list[Any]]) -> list[str]:
    return [
        f"{name}: {len(before[name])} rows before, {len(after[name])} after; "
        f"changed: {[r for r in after[name] if r not in before[name]][:3]}"
        for name in before
        if before[name] != after[name]
    ]
