"""The STAR coach over its JSON API, with a real worker and the fake OpenAI server streaming
its replies: the phases are the code's (a short or figure-less answer is asked again), the
reply arrives as ``coach:delta`` events before it is saved, the proposal keeps only what the
user wrote (a figure only the coach said is refused), accepting creates the achievement, and
the conversations are in the export and gone with the account. Without an LLM the same phases
run as the guided form."""

from __future__ import annotations

import asyncio
import io
import json
import re
import threading
import zipfile
from collections.abc import Iterator
from typing import Any

import pytest
from arq.worker import Worker
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import Achievement, CoachConversation
from app.events import COACH_DELTA, COACH_UPDATED
from tests import factories
from tests.conftest import register
from tests.fakes.openai_server import (
    FakeOpenAIServer,
    HttpError,
    RecordedRequest,
    Stream,
    default_reply,
)
from tests.integration.pipeline_helpers import EventLog, point_llm_at, read_now

COACH = {
    "Experience": "Hello! Which moment of this job are you proudest of? Tell me in a few words.",
    "Situation": "Good choice. What was going on then, and what was at stake? Give numbers.",
    "Task": "I see. What exactly was yours to handle, and how was success measured?",
    "Action": "Clear. What did you do yourself, step by step, and with which tools?",
    "Result": "Did it cut costs by 40%? Tell me what changed, with figures if you can.",
}
# The coach's words hold "40%"; the user never writes it: the proposal's sentence with it must
# be refused. "Kubernetes" likewise appears only here.
PROPOSAL = {
    "title": "Faster parcel tracking at Acme Logistics",
    "situation": "Our tracking API answered in 800 ms and customers complained every week.",
    "task": "I had to bring the tracking answers under 200 ms before the peak season.",
    "action": "I profiled the slow queries. I added Redis caching in front of PostgreSQL.",
    "result": "Answers fell to 150 ms. I cut costs by 40% with Kubernetes.",
    "skills": ["Redis", "PostgreSQL", "Kubernetes"],
}
ANSWERS = {
    "experience": "The parcel tracking API at Acme Logistics, my proudest project there.",
    "situation": "Our tracking API answered in 800 ms and customers complained every week.",
    "task": "I had to bring the tracking answers under 200 ms before the peak season.",
    "action": "I profiled the slow queries, then I added Redis caching in front of PostgreSQL.",
}


def coach_llm(request: RecordedRequest) -> Any:
    text = request.text
    if "Write the achievement" in text:
        return PROPOSAL
    step = re.search(r"The current step: (\w+)", text)
    if step is None:
        return default_reply(request)  # the structured mode's probe
    return Stream(COACH[step.group(1)])


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(default_reply=coach_llm) as server:
        yield server


async def wait_idle(api: Any, conversation_id: str, timeout: float = 60) -> dict[str, Any]:
    """The conversation once the coach's reply is saved (or failed)."""
    async with asyncio.timeout(timeout):
        while True:
            body = (await api.get(f"/api/coach/conversations/{conversation_id}")).json()
            if not body["writing"]:
                return dict(body)
            await asyncio.sleep(0.05)


async def say(api: Any, conversation_id: str, text: str) -> dict[str, Any]:
    sent = await api.post(
        f"/api/coach/conversations/{conversation_id}/messages", json={"text": text}
    )
    assert sent.status_code == 202, sent.text
    return await wait_idle(api, conversation_id)


async def test_a_full_star_conversation_streams_keeps_phases_and_refuses_the_coachs_figure(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    llm: FakeOpenAIServer,
    worker: Worker,
) -> None:
    me = await register(api, "coached@example.com")
    await point_llm_at(db, llm.base_url)
    cv = await factories.source_cv(db, me["id"])
    async with EventLog(settings.redis_url, me["id"]) as log:
        started = await api.post(
            "/api/coach/conversations",
            json={"cvFileId": cv.id, "experienceId": "exp_acme", "language": "en"},
        )
        assert started.status_code == 201, started.text
        conversation_id = started.json()["id"]
        assert started.json()["engine"] == "llm"
        body = await wait_idle(api, conversation_id)
        assert body["experienceLabel"] == "Senior Backend Engineer — Acme Logistics"
        assert [m["text"] for m in body["messages"]] == [COACH["Experience"]]

        # Token by token: several deltas, in order, whose text is the saved message, all
        # published before the conversation's update that saved it.
        first = [(t, p) for t, name, p in log.events if name == COACH_DELTA]
        assert len(first) >= 5
        assert "".join(p["text"] for _, p in first) == COACH["Experience"]
        assert [p["offset"] for _, p in first] == sorted(p["offset"] for _, p in first)
        saved_at = max(t for t, name, p in log.events if name == COACH_UPDATED)
        assert all(t <= saved_at for t, _ in first)

        # Not an answer: the phase stays, and the model is told to ask again.
        body = await say(api, conversation_id, "ok")
        assert body["phase"] == "experience"
        assert "too short or did not answer" in llm.chat_requests[-1].text

        for phase in ("experience", "situation", "task", "action"):
            body = await say(api, conversation_id, ANSWERS[phase])
            assert body["phase"] != phase, (phase, body["phase"])
        assert body["phase"] == "result"
        # A result without a figure is asked about once more.
        body = await say(api, conversation_id, "The customers stopped complaining about it.")
        assert body["phase"] == "result"
        assert "has no figure yet" in llm.chat_requests[-1].text
        body = await say(api, conversation_id, "Answers fell to 150 ms at the peak.")
        assert body["phase"] == "review"

    # The proposal: the user's facts kept, the coach's "40%" and "Kubernetes" refused.
    proposal = body["proposal"]
    assert proposal["action"].startswith("I profiled the slow queries")
    assert "40" not in json.dumps(proposal) and "Kubernetes" not in json.dumps(proposal)
    assert proposal["skills"] == ["Redis", "PostgreSQL"]
    refused = {(r["field"], r["text"]) for r in body["refused"]}
    assert ("result", "I cut costs by 40% with Kubernetes.") in refused
    assert ("skills", "Kubernetes") in refused
    assert any("40" in r["reason"] for r in body["refused"])
    # The proposal's prompt held the user's answers, not the coach's words.
    proposal_prompt = next(r for r in llm.chat_requests if "Write the achievement" in r.text)
    assert "40%" not in proposal_prompt.text

    # No silent creation: nothing in the bank until the user accepts.
    assert await read_now(session_factory, select(func.count()).select_from(Achievement)) == 0
    sent = await api.post(
        f"/api/coach/conversations/{conversation_id}/messages", json={"text": "One more thing"}
    )
    assert sent.status_code == 409, sent.text
    accepted = await api.post(
        f"/api/coach/conversations/{conversation_id}/accept",
        json={**proposal, "title": "Tracking API under 200 ms"},
    )
    assert accepted.status_code == 201, accepted.text
    achievement_id = accepted.json()["achievementId"]
    assert accepted.json()["conversation"]["status"] == "completed"
    async with session_factory() as session:
        achievement = await session.get(Achievement, achievement_id)
        assert achievement is not None
        assert achievement.title == "Tracking API under 200 ms"
        assert (achievement.cv_file_id, achievement.experience_id) == (cv.id, "exp_acme")
        assert achievement.status == "complete"
    again = await api.post(f"/api/coach/conversations/{conversation_id}/accept", json=proposal)
    assert again.status_code == 409

    # Resumed anywhere: the list and the conversation read back as they are.
    listed = (await api.get("/api/coach/conversations")).json()
    assert [c["id"] for c in listed] == [conversation_id]

    exported = await api.get("/api/account/export")
    assert exported.status_code == 200
    coach = json.loads(zipfile.ZipFile(io.BytesIO(exported.content)).read("coach.json"))
    assert [c["id"] for c in coach] == [conversation_id]
    assert coach[0]["answers"]["action"] == ANSWERS["action"]

    gone = await api.request("DELETE", "/api/account", json={"password": "correct horse"})
    assert gone.status_code in (200, 204), gone.text
    count = select(func.count()).select_from(CoachConversation)
    assert await read_now(session_factory, count) == 0


async def test_a_failed_reply_is_said_and_asked_again(
    api: Any, db: AsyncSession, llm: FakeOpenAIServer, worker: Worker
) -> None:
    await register(api, "coach-fails@example.com")
    await point_llm_at(db, llm.base_url)
    llm.script("The current step", reply=HttpError(400, "bad request"), times=1)
    started = await api.post("/api/coach/conversations", json={"language": "en"})
    assert started.status_code == 201, started.text
    conversation_id = started.json()["id"]
    body = await wait_idle(api, conversation_id)
    assert body["error"] and body["messages"] == []
    tasks = (await api.get("/api/background-tasks")).json()["tasks"]
    assert any(t["type"] == "coach_reply" and t["status"] == "failed" for t in tasks), tasks
    retried = await api.post(f"/api/coach/conversations/{conversation_id}/retry")
    assert retried.status_code == 202, retried.text
    body = await wait_idle(api, conversation_id)
    assert body["error"] is None
    assert [m["text"] for m in body["messages"]] == [COACH["Experience"]]


async def test_a_reply_stating_figures_instead_of_asking_gives_way_to_the_steps_question(
    api: Any, db: AsyncSession, llm: FakeOpenAIServer, worker: Worker
) -> None:
    """A small model answers its own question with invented figures: what is saved is the
    step's own question (jobs/coach/reply_guard.py), never the invented story."""
    await register(api, "coach-guard@example.com")
    await point_llm_at(db, llm.base_url)
    story = "Situation: the team size was 12 and the budget $90,000. The deadline was 30 days."
    llm.script("The current step", reply=Stream(story), times=1)
    started = await api.post("/api/coach/conversations", json={"language": "en"})
    assert started.status_code == 201, started.text
    body = await wait_idle(api, started.json()["id"])
    [message] = body["messages"]
    assert "12" not in message["text"] and "90,000" not in message["text"]
    assert "?" in message["text"]  # the guided form's question for the step


async def test_offline_guided_form_asks_one_step_at_a_time_and_proposes_the_users_words(
    api: Any, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    me = await register(api, "guided@example.com")
    cv = await factories.source_cv(db, me["id"])
    started = await api.post(
        "/api/coach/conversations", json={"cvFileId": cv.id, "experienceId": "exp_acme"}
    )
    assert started.status_code == 201, started.text
    body = started.json()
    conversation_id = body["id"]
    assert body["engine"] == "offline" and not body["writing"]
    # The experience is picked: its moment is asked, never which experience.
    assert [m["code"] for m in body["messages"]] == ["ask.moment"]

    async def answer(text: str) -> dict[str, Any]:
        sent = await api.post(
            f"/api/coach/conversations/{conversation_id}/messages", json={"text": text}
        )
        assert sent.status_code == 202, sent.text
        return dict(sent.json())

    empty = await api.post(
        f"/api/coach/conversations/{conversation_id}/messages", json={"text": "  "}
    )
    assert empty.status_code == 422 and empty.json()["error"] == "coach.empty"
    long = await api.post(
        f"/api/coach/conversations/{conversation_id}/messages", json={"text": "word " * 1000}
    )
    assert long.status_code == 422 and long.json()["error"] == "coach.too_long"
    body = (await api.get(f"/api/coach/conversations/{conversation_id}")).json()
    assert len(body["messages"]) == 1  # nothing written by the refused posts
    body = await answer("idk")
    assert body["phase"] == "experience" and body["messages"][-1]["code"] == "nudge.short"
    for phase in ("experience", "situation", "task", "action"):
        body = await answer(ANSWERS[phase])
        assert body["messages"][-1]["code"].startswith("ask."), body["messages"][-1]
    body = await answer("The customers stopped complaining about it.")
    assert body["messages"][-1]["code"] == "nudge.figure"
    body = await answer("Answers fell to 150 ms at the peak.")
    assert body["phase"] == "review" and body["messages"][-1]["code"] == "review"
    proposal = body["proposal"]
    assert proposal["title"] == "The customers stopped complaining about it"  # the result's
    assert proposal["situation"] == ANSWERS["situation"]
    assert proposal["result"] == (
        "The customers stopped complaining about it.\nAnswers fell to 150 ms at the peak."
    )
    assert body["refused"] == []
    assert await read_now(session_factory, select(func.count()).select_from(Achievement)) == 0
    accepted = await api.post(
        f"/api/coach/conversations/{conversation_id}/accept",
        json={**proposal, "skills": ["Redis"]},
    )
    assert accepted.status_code == 201, accepted.text
    async with session_factory() as session:
        achievement = await session.get(Achievement, accepted.json()["achievementId"])
        assert achievement is not None and achievement.skills == ["Redis"]


async def test_another_users_conversation_is_not_found(api: Any, db: AsyncSession) -> None:
    await register(api, "owner@example.com")
    started = await api.post("/api/coach/conversations", json={})
    conversation_id = started.json()["id"]
    await api.post("/api/auth/logout")
    await register(api, "stranger@example.com")
    for path in ("", "/abandon"):
        url = f"/api/coach/conversations/{conversation_id}{path}"
        response = await (api.get(url) if not path else api.post(url))
        assert response.status_code == 404, (path, response.text)
    bad = await api.post(
        "/api/coach/conversations", json={"cvFileId": "nope", "experienceId": "exp_acme"}
    )
    assert bad.status_code == 422 and bad.json()["error"] == "achievement.experience_not_found"


async def test_a_reply_cancelled_in_the_task_centre_leaves_the_conversation_waiting(
    api: Any, db: AsyncSession, llm: FakeOpenAIServer, worker: Worker
) -> None:
    await register(api, "coach-cancel@example.com")
    await point_llm_at(db, llm.base_url)
    gate = threading.Event()
    llm.script("The current step", reply=Stream(COACH["Experience"], pause_after=3, gate=gate))
    try:
        started = await api.post("/api/coach/conversations", json={"language": "en"})
        conversation_id = started.json()["id"]
        held = "Hello! Which moment "  # the first 3 words are out, the rest held
        async with asyncio.timeout(30):
            while (body := (await api.get(f"/api/coach/conversations/{conversation_id}")).json())[
                "partial"
            ] != held:
                await asyncio.sleep(0.05)
        assert body["writing"]
        cancelled = await api.delete(f"/api/background-tasks/{body['replyTaskId']}")
        assert cancelled.status_code == 200, cancelled.text
        url = f"/api/coach/conversations/{conversation_id}"
        body = (await api.get(url, headers={"accept-language": "en"})).json()
        assert not body["writing"] and body["messages"] == []
        assert body["error"] == "The coach's reply was cancelled."
    finally:
        gate.set()
    llm.rules.clear()
    retried = await api.post(f"/api/coach/conversations/{conversation_id}/retry")
    assert retried.status_code == 202, retried.text
    body = await wait_idle(api, conversation_id)
    assert [m["text"] for m in body["messages"]] == [COACH["Experience"]]
