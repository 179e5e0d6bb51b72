"""Pitches through the JSON API and the real worker: both lengths written by the model (the
fake OpenAI server) from the CV and the complete achievements, an invented figure kept out of
the stored pitch, the offline engine without a model, the one default pitch, edits, refusals
that create nothing, and deletion."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from arq.worker import Worker
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import Achievement, BackgroundTask, Pitch
from app.lib.speech import WORDS_PER_MINUTE, word_count
from app.settings.service import update_setting
from tests import factories
from tests.conftest import register
from tests.fakes.openai_server import FakeOpenAIServer, RecordedRequest, default_reply
from tests.fixtures.live import echo_csrf_cookie
from tests.integration.pipeline_helpers import point_llm_at, read_now
from tests.pitch_stories import EN_STORIES

FINISHED = {"completed", "failed", "cancelled"}
INVENTED = ("Globex", "47%", "Kubernetes")
# Honest sentences: the CV's (tests/factories.py EN_CV) and the achievements' own facts.
HONEST = [
    "Hello, I am Alex Martin, a backend engineer.",
    "At Acme Logistics I built Python and PostgreSQL services handling 2 million parcels a day.",
    "I cut API latency by 35% with Redis caching, before the holiday season.",
    "I mentored 4 junior developers, and all of them shipped to production in 11 weeks.",
    "At Beta Bank I developed payment APIs in Python with Django.",
    "I introduced automated tests and continuous integration for the Django code.",
]
LIES = [
    "At Globex Corporation I raised conversion by 47% for the whole company.",
    "I am an expert in Kubernetes and ran every cluster of my team.",
]


def adversarial(request: RecordedRequest) -> Any:
    """A pitch (first call and repair alike) with an invented employer, figure and skill beside
    honest sentences: a long one when 400 words are asked for."""
    text = "\n".join(str(m.get("content")) for m in request.messages)
    if "<achievements>" not in text:
        return default_reply(request)
    if "about 400 words" in text:
        return {"paragraphs": [" ".join(HONEST + LIES[:1]), *([" ".join(HONEST)] * 3), LIES[1]]}
    return {"paragraphs": [" ".join([*HONEST[:3], LIES[0], "I would be glad to tell you more."])]}


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(default_reply=adversarial) as server:
        yield server


async def achievements(db: AsyncSession, user_id: str, cv_id: str | None = None) -> None:
    for row in EN_STORIES:
        db.add(Achievement(user_id=user_id, status="complete", cv_file_id=None, **row))
    # A draft is not a checked story: its facts are never the pitch's.
    db.add(
        Achievement(
            user_id=user_id,
            title="Draft",
            situation="Globex hired me.",
            result="Grew sales by 47%.",
            status="draft",
        )
    )
    await db.commit()


async def inputs(db: AsyncSession, user_id: str) -> tuple[str, str]:
    cv = await factories.source_cv(db, user_id)
    offer = await factories.job_offer(db, user_id)
    await achievements(db, user_id)
    return cv.id, offer.id


async def wait_pitch(api: Any, pitch_id: str, timeout: float = 60) -> dict[str, Any]:
    async with asyncio.timeout(timeout):
        while True:
            body = (await api.get(f"/api/pitches/{pitch_id}")).json()
            if body["status"] in FINISHED:
                return dict(body)
            await asyncio.sleep(0.05)


async def written(api: Any, **fields: Any) -> dict[str, Any]:
    created = await api.post("/api/pitches", json=fields)
    assert created.status_code == 201, created.text
    assert created.json()["taskId"]
    return await wait_pitch(api, created.json()["id"])


async def test_model_writes_both_lengths_and_no_invented_fact_is_stored(
    api: Any, db: AsyncSession, llm: FakeOpenAIServer, worker: Worker
) -> None:
    me = await register(api, "pitcher@example.com")
    await point_llm_at(db, llm.base_url)
    cv_id, offer_id = await inputs(db, me["id"])
    short = await written(api, cvFileId=cv_id, jobOfferId=offer_id, kind="30s")
    long = await written(api, cvFileId=cv_id, jobOfferId=offer_id, kind="3min", language="en")
    asked = [r.text for r in llm.requests if "<achievements>" in r.text]
    assert asked and all("Faster parcel tracking" in text for text in asked)  # the bank is sent
    assert all("Draft" not in text.split("<achievements>")[1] for text in asked)
    for pitch, most in ((short, 90), (long, 450)):
        assert pitch["status"] == "completed" and pitch["engine"] == "llm", pitch
        assert 0 < pitch["words"] <= most and pitch["words"] == word_count(pitch["text"])
        assert pitch["wordsPerMinute"] == WORDS_PER_MINUTE
        assert pitch["seconds"] == round(pitch["words"] * 60 / WORDS_PER_MINUTE)
        assert pitch["meta"]["droppedClaims"] >= 1 and pitch["meta"]["verifiedClaims"] >= 3
        for made_up in INVENTED:
            assert made_up.lower() not in pitch["text"].lower(), (made_up, pitch["text"])
        assert "11 weeks" in pitch["text"] or pitch["kind"] == "30s"  # an achievement's figure
    assert short["kind"] == "30s" and long["kind"] == "3min" and long["targetWords"] == 400
    assert long["words"] > short["words"]
    dropped = {d["text"] for d in long["meta"]["dropped"]}
    assert LIES[0] in dropped and LIES[1] in dropped


async def test_offline_pitch_for_a_context_and_the_task_centre(
    api: Any, db: AsyncSession, worker: Worker
) -> None:
    me = await register(api, "offline-pitch@example.com")
    cv_id, _ = await inputs(db, me["id"])
    pitch = await written(api, cvFileId=cv_id, context="the Lyon Python meetup", kind="30s")
    assert pitch["engine"] == "offline" and pitch["language"] == "en"
    assert "the Lyon Python meetup" in pitch["text"] and pitch["jobOfferId"] is None
    assert 55 <= pitch["words"] <= 90, pitch
    assert pitch["meta"]["droppedClaims"] == 0 and pitch["meta"]["stories"] == 3
    [task] = (await api.get("/api/background-tasks")).json()["tasks"]
    assert task["type"] == "pitch" and task["status"] == "completed", task
    assert task["result"]["pitchId"] == pitch["id"] and task["result"]["words"] == pitch["words"]


async def test_one_default_pitch_edits_and_deletion(
    api: Any, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession], worker: Worker
) -> None:
    me = await register(api, "default-pitch@example.com")
    cv_id, offer_id = await inputs(db, me["id"])
    first = await written(api, cvFileId=cv_id, jobOfferId=offer_id, kind="30s")
    second = await written(api, cvFileId=cv_id, jobOfferId=offer_id, kind="3min")

    async def default_of(pitch_id: str, on: bool) -> dict[str, Any]:
        answer = await api.put(f"/api/pitches/{pitch_id}/default", json={"isDefault": on})
        assert answer.status_code == 200, answer.text
        return dict(answer.json())

    assert (await default_of(first["id"], True))["isDefault"] is True
    assert (await default_of(second["id"], True))["isDefault"] is True
    listed = (await api.get("/api/pitches")).json()
    assert [p["isDefault"] for p in listed] == [True, False]  # the default first
    assert listed[0]["id"] == second["id"]
    assert (await default_of(second["id"], False))["isDefault"] is False
    count = select(func.count()).select_from(Pitch).where(Pitch.is_default.is_(True))
    assert await read_now(session_factory, count) == 0

    edited = await api.put(f"/api/pitches/{first['id']}", json={"text": "  My own words.\n\nTwo. "})
    assert edited.status_code == 200 and edited.json()["text"] == "My own words.\n\nTwo."
    assert edited.json()["words"] == 4 and edited.json()["meta"]["edited"] is True
    empty = await api.put(f"/api/pitches/{first['id']}", json={"text": " \n "})
    assert empty.status_code == 422 and empty.json()["error"] == "pitch.empty"
    huge = await api.put(f"/api/pitches/{first['id']}", json={"text": "word " * 2000})
    assert huge.status_code == 422 and huge.json()["error"] == "pitch.too_long"
    assert (await api.get(f"/api/pitches/{first['id']}")).json()["text"] == "My own words.\n\nTwo."

    gone = await api.delete(f"/api/pitches/{first['id']}")
    assert gone.status_code == 200
    assert (await api.get(f"/api/pitches/{first['id']}")).status_code == 404
    assert [p["id"] for p in (await api.get("/api/pitches")).json()] == [second["id"]]


async def test_refusals_create_nothing_and_other_users_are_404(
    api: Any, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession], live_server: str
) -> None:
    me = await register(api, "refused-pitch@example.com")
    cv_id, offer_id = await inputs(db, me["id"])
    cases = [
        ({"cvFileId": cv_id, "kind": "30s"}, 422, "pitch.no_target"),
        ({"cvFileId": cv_id, "jobOfferId": offer_id, "context": "x"}, 422, "pitch.no_target"),
        ({"cvFileId": cv_id, "jobOfferId": offer_id, "kind": "1h"}, 422, "pitch.bad_kind"),
        ({"cvFileId": cv_id, "context": "x", "language": "de"}, 422, "pitch.bad_language"),
        ({"cvFileId": cv_id, "context": "y" * 121}, 422, "pitch.context_too_long"),
        ({"cvFileId": "nope", "context": "x"}, 404, None),
        ({"cvFileId": cv_id, "jobOfferId": "nope"}, 404, None),
    ]
    for body, status, code in cases:
        answer = await api.post("/api/pitches", json=body)
        assert answer.status_code == status, (body, answer.text)
        if code:
            assert answer.json()["error"] == code, answer.json()
    wrong_type = await api.post("/api/pitches", json={"cvFileId": 3, "context": "x"})
    assert wrong_type.status_code == 422
    # A cost set by an admin, a balance too low: refused whole too.
    await update_setting(db, "feature_cost_pitch", "1000")
    await db.commit()
    poor = await api.post("/api/pitches", json={"cvFileId": cv_id, "context": "x"})
    assert poor.status_code == 403 and poor.json()["error"] == "credits.insufficient"
    assert await read_now(session_factory, select(func.count()).select_from(Pitch)) == 0
    tasks = select(func.count()).select_from(BackgroundTask)
    assert await read_now(session_factory, tasks) == 0
    # Another user sees nothing of it.
    other = await factories.source_cv(db, me["id"])
    hooks = {"request": [echo_csrf_cookie]}
    async with httpx.AsyncClient(base_url=live_server, event_hooks=hooks) as stranger:
        await stranger.get("/health")
        await register(stranger, "stranger@example.com")
        answer = await stranger.post("/api/pitches", json={"cvFileId": other.id, "context": "x"})
        assert answer.status_code == 404
