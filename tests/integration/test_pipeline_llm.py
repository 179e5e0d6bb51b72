"""Pipeline v2 against an OpenAI-compatible fake over real HTTP, with a real worker and Redis."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from arq.worker import Worker
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.credits.ledger import ledger_sum
from app.db.models import (
    CreditTransaction,
    CvFile,
    CvGenerationOffer,
    CvGenerationSubtask,
    TaskSlot,
    User,
)
from app.lib.cv_content import CvContent
from app.lib.llm import StructuredMode, mode_cache
from app.lib.llm.user_messages import BUSY
from tests import factories
from tests.conftest import csrf_token, register
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer, HttpError, Text
from tests.integration.pipeline_helpers import EventLog, generate, point_llm_at, wait_finished

MODEL = "gpt-4o-mini"


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(default_reply=pipeline_llm.honest) as server:
        # Skip the structured-output probe: timings below measure the pipeline only.
        mode_cache.set(server.base_url, MODEL, StructuredMode.JSON_SCHEMA)
        yield server
        mode_cache.clear()


@pytest.fixture
async def llm_configured(db: AsyncSession, llm: FakeOpenAIServer) -> FakeOpenAIServer:
    await point_llm_at(db, llm.base_url)
    return llm


async def _user_with_cv(
    api: Any, db: AsyncSession, email: str, offers: int = 1
) -> tuple[dict[str, Any], CvFile, list[str]]:
    me = await register(api, email)
    source = await factories.source_cv(db, me["id"])
    ids = []
    for i in range(offers):
        row = await factories.job_offer(db, me["id"], title=f"Python Backend Developer {i + 1}")
        ids.append(row.id)
    return me, source, ids


def _pipeline_requests(server: FakeOpenAIServer) -> list[Any]:
    return [r for r in server.chat_requests if pipeline_llm.phase_of(r)]


async def test_dependency_order_and_parallel_batches(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm_configured: FakeOpenAIServer,
    worker: Worker,
) -> None:
    latency = 1.0
    llm_configured.latency_ms = latency * 1000
    # The batch calls' answers wait until all of them have arrived (4 experiences kept by the
    # honest model, 1 project, the extras): calls sent one after another would never all
    # arrive, so overlap is proven by arrival, not by how fast a busy machine sends them.
    batch_phases = {"batch_experience", "batch_project", "batch_extras"}
    llm_configured.gather(lambda r: pipeline_llm.phase_of(r) in batch_phases, count=6)
    _me, source, offer_ids = await _user_with_cv(api, db, "order@example.com")
    started = asyncio.get_running_loop().time()
    task = await wait_finished(
        session_factory, (await generate(api, source.id, offer_ids)).json()["taskId"]
    )
    elapsed = asyncio.get_running_loop().time() - started
    assert task.status == "completed", task.error
    reqs = _pipeline_requests(llm_configured)
    at = {pipeline_llm.item_key(r): r.received_at for r in reqs}
    by_phase: dict[str, list[Any]] = {}
    for r in reqs:
        by_phase.setdefault(pipeline_llm.phase_of(r) or "", []).append(r)
    # Order and overlap come from the fake server's own records (when each call arrived, when
    # its answer was ready): a busy machine delays both alike, and never reorders them.
    classify = by_phase["classify"][0]
    first_round = by_phase["batch_experience"] + by_phase["batch_project"]
    batches = first_round + by_phase["batch_extras"]
    # 4 experiences kept (honest model keeps all) + 1 project + extras, all at once.
    assert len(by_phase["batch_experience"]) == 4 and len(by_phase["batch_project"]) == 1
    assert len(by_phase["batch_extras"]) == 1
    assert min(r.received_at for r in batches) >= classify.answered_at
    # Every batch call arrived before the first batch answer was ready: all were in flight
    # together. Calls made one after another would each wait for the previous answer.
    assert max(r.received_at for r in batches) < min(r.answered_at for r in batches), (
        "batches must overlap"
    )
    skills, summary = by_phase["batch_skills"][0], by_phase["batch_summary"][0]
    assert skills.received_at >= max(r.answered_at for r in first_round)
    assert summary.received_at >= skills.answered_at
    assert summary.received_at >= by_phase["batch_extras"][0].answered_at
    # Critical path = 4 rounds (classify → batches → skills → summary), each at least one
    # latency at the fake server: a lower bound only, an upper one would measure the machine.
    assert elapsed > 4 * latency
    assert len(at) == len(reqs), "each subtask called exactly once"
    async with session_factory() as s:
        subtasks = list(await s.scalars(select(CvGenerationSubtask)))
    assert len(subtasks) == len(reqs)
    assert all(st.model_used == MODEL and st.prompt_tokens and st.duration_ms for st in subtasks)


async def test_events_and_first_cv_available_while_second_runs(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    llm_configured: FakeOpenAIServer,
    worker: Worker,
) -> None:
    # An offer is at least 4 rounds of calls: 1.6 s to read the status between the two CVs.
    llm_configured.latency_ms = 400
    me, source, offer_ids = await _user_with_cv(api, db, "events@example.com", offers=2)
    async with EventLog(settings.effective_redis_url, me["id"]) as log:
        task_id = (await generate(api, source.id, offer_ids)).json()["taskId"]
        first = (await log.wait_for("cv_generation_v2:offer_completed"))[0]
        status = (await api.get(f"/api/cv/generate-v2/{task_id}")).json()
        by_index = {o["offerIndex"]: o for o in status["offers"]}
        assert (
            by_index[0]["status"] == "completed"
            and by_index[0]["generatedCvFileId"] == first["generatedCvFileId"]
        )
        assert by_index[1]["status"] != "completed", (
            "the first CV must be available before the second ends"
        )
        await log.wait_for("cv_generation_v2:completed")
    created = log.named("cv_generation_v2:created")[0]
    assert created == {"taskId": task_id, "totalOffers": 2}
    progress = log.named("cv_generation_v2:offer_progress")
    assert set(progress[0]) == {"taskId", "offerId", "offerIndex", "totalOffers", "step", "status"}
    assert {p["step"] for p in progress} == {
        "classify",
        "experiences",
        "projects",
        "extras",
        "skills",
        "summary",
        "recompose",
    }
    completed_offers = log.named("cv_generation_v2:offer_completed")
    assert [set(c) for c in completed_offers] == [
        {"taskId", "offerId", "offerIndex", "generatedCvFileId", "generatedCvFileName"}
    ] * 2
    done = log.named("cv_generation_v2:completed")[0]
    assert set(done) >= {
        "taskId",
        "generatedCvIds",
        "totalGenerated",
        "totalFailed",
        "creditsRefunded",
    }
    assert done["totalGenerated"] == 2 and done["totalFailed"] == 0 and done["creditsRefunded"] == 0
    assert len(log.named("cv:list:changed")) >= 2
    # Offer 1's progress starts only after offer 0 completed (sequential by default).
    names = [(e, p.get("offerIndex")) for _, e, p in log.events]
    assert names.index(("cv_generation_v2:offer_completed", 0)) < names.index(
        ("cv_generation_v2:offer_progress", 1)
    )


async def test_concurrency_429_both_ways_and_release(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm_configured: FakeOpenAIServer,
    worker: Worker,
) -> None:
    llm_configured.latency_ms = 500  # the first task runs >= 2 s: the second request finds it
    me, source, offer_ids = await _user_with_cv(api, db, "slots@example.com")
    first = await generate(api, source.id, offer_ids)
    assert first.status_code == 200
    second = await generate(api, source.id, offer_ids)
    assert second.status_code == 429 and second.json()["error"] == "cv_generation_already_running"
    await wait_finished(session_factory, first.json()["taskId"])
    async with session_factory() as s:
        assert list(await s.scalars(select(TaskSlot))) == []
        for task_type in ("pdf_import", "cv_translation", "match_score"):
            s.add(TaskSlot(user_id=me["id"], task_type=task_type, task_id=task_type))
        await s.commit()
    third = await generate(api, source.id, offer_ids)
    assert third.status_code == 429 and third.json()["error"] == "max_concurrent_tasks_reached"
    async with session_factory() as s:
        await s.execute(TaskSlot.__table__.delete())
        await s.commit()
    again = await generate(api, source.id, offer_ids)
    assert again.status_code == 200
    await wait_finished(session_factory, again.json()["taskId"])


async def test_insufficient_credits_creates_nothing(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    me = await register(api, "poor@example.com")
    source = await factories.source_cv(db, me["id"])
    offers = [(await factories.job_offer(db, me["id"])).id for _ in range(me["creditBalance"] + 1)]
    response = await generate(api, source.id, offers)
    assert response.status_code == 403 and response.json()["error"] == "credits.insufficient"
    async with session_factory() as s:
        assert list(await s.scalars(select(CvGenerationOffer))) == []
        assert list(await s.scalars(select(TaskSlot))) == []
        user = await s.get(User, me["id"])
        assert user is not None and user.credit_balance == me["creditBalance"]
        assert await ledger_sum(s, me["id"]) == user.credit_balance


async def test_bad_input_is_refused_with_422(api: Any, db: AsyncSession) -> None:
    me = await register(api, "bad@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    cases = [
        ({"sourceCvFile": source.id, "jobOfferIds": []}, "generation.offer_count"),
        ({"sourceCvFile": source.id, "jobOfferIds": ["nope"]}, "generation.unknown_offers"),
        ({"sourceCvFile": "nope", "jobOfferIds": [offer.id]}, "generation.unknown_source"),
        (
            {"sourceCvFile": source.id, "jobOfferIds": [offer.id], "mode": "magic"},
            "generation.invalid_mode",
        ),
        (
            {"sourceCvFile": source.id, "jobOfferIds": [f"x{i}" for i in range(21)]},
            "generation.offer_count",
        ),
    ]
    token = await csrf_token(api)
    for body, code in cases:
        response = await api.post("/api/cv/generate-v2", json=body, headers={"x-csrftoken": token})
        assert response.status_code == 422 and response.json()["error"] == code, (
            body,
            response.text,
        )
    wrong_type = await api.post(
        "/api/cv/generate-v2", json={"jobOfferIds": "abc"}, headers={"x-csrftoken": token}
    )
    assert wrong_type.status_code in (400, 422)
    anonymous = await api.post("/api/auth/logout", headers={"x-csrftoken": token})
    assert anonymous.status_code == 200
    assert (await generate(api, source.id, [offer.id])).status_code == 401


async def test_an_offer_failing_every_attempt_is_refunded_once(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    llm_configured: FakeOpenAIServer,
    worker: Worker,
) -> None:
    me, source, offer_ids = await _user_with_cv(api, db, "refund@example.com", offers=2)
    # Every call about offer 2 fails: 1 try + 3 retries, then a refund; offer 1 succeeds.
    llm_configured.script("Python Backend Developer 2", reply=HttpError(500))
    async with EventLog(settings.effective_redis_url, me["id"]) as log:
        task = await wait_finished(
            session_factory, (await generate(api, source.id, offer_ids)).json()["taskId"]
        )
        await log.wait_for("cv_generation_v2:completed")
        # The web's debit and the worker's refund each reach the user's tabs after their commit.
        credits = await log.wait_for("credits:changed", 2)
    assert [c["balance"] for c in credits] == [me["creditBalance"] - 2, me["creditBalance"] - 1]
    assert task.status == "completed" and len(task.generated_cv_ids) == 1
    failed = log.named("cv_generation_v2:offer_failed")
    assert len(failed) == 1 and failed[0]["creditsRefunded"] == 1 and failed[0]["offerIndex"] == 1
    assert set(failed[0]) == {"taskId", "offerId", "offerIndex", "error", "creditsRefunded"}
    assert log.named("cv_generation_v2:completed")[0]["totalFailed"] == 1
    classify_calls = [
        r
        for r in llm_configured.chat_requests
        if "Developer 2" in r.text and pipeline_llm.phase_of(r) == "classify"
    ]
    assert len(classify_calls) == 4
    async with session_factory() as s:
        refunds = list(
            await s.scalars(select(CreditTransaction).where(CreditTransaction.type == "refund"))
        )
        user = await s.get(User, me["id"])
        assert user is not None
        assert len(refunds) == 1 and refunds[0].amount == 1
        assert refunds[0].meta["originalTransactionId"] == task.credit_transaction_id
        assert user.credit_balance == me["creditBalance"] - 1 == await ledger_sum(s, user.id)
        offer_rows = list(
            await s.scalars(select(CvGenerationOffer).order_by(CvGenerationOffer.offer_index))
        )
        assert [o.status for o in offer_rows] == ["completed", "failed"]
        assert list(await s.scalars(select(TaskSlot))) == []


async def test_every_offer_failing_fails_the_task(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm_configured: FakeOpenAIServer,
    worker: Worker,
) -> None:
    me, source, offer_ids = await _user_with_cv(api, db, "allfail@example.com")
    llm_configured.script(reply=HttpError(429, retry_after=0))
    task = await wait_finished(
        session_factory, (await generate(api, source.id, offer_ids)).json()["taskId"]
    )
    assert task.status == "failed"
    async with session_factory() as s:
        user = await s.get(User, me["id"])
        assert user is not None and user.credit_balance == me["creditBalance"] == await ledger_sum(
            s, user.id
        )
        offer = await s.scalar(select(CvGenerationOffer))
        assert offer is not None and offer.error == BUSY  # rate limited, told in words


async def test_malformed_json_is_repaired(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm_configured: FakeOpenAIServer,
    worker: Worker,
) -> None:
    _me, source, offer_ids = await _user_with_cv(api, db, "repair@example.com")
    llm_configured.script(
        "## Task: write the summary", reply=Text('{"summary": "Backend engi'), times=1
    )
    task = await wait_finished(
        session_factory, (await generate(api, source.id, offer_ids)).json()["taskId"]
    )
    assert task.status == "completed"
    summary_calls = [
        r for r in llm_configured.chat_requests if pipeline_llm.phase_of(r) == "batch_summary"
    ]
    assert len(summary_calls) == 2  # the broken answer, then the repair round
    async with session_factory() as s:
        row = await s.get(CvFile, task.generated_cv_ids[0])
        assert row is not None
        summary_task = await s.scalar(
            select(CvGenerationSubtask).where(CvGenerationSubtask.type == "batch_summary")
        )
        assert (
            summary_task is not None
            and summary_task.retry_count == 0
            and summary_task.status == "completed"
        )
    assert CvContent.from_json(row.content).summary.startswith(
        "Backend engineer building reliable Python services"
    )


async def test_an_answer_unusable_after_its_repair_falls_back_to_the_source_wording(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm_configured: FakeOpenAIServer,
    worker: Worker,
) -> None:
    """A small model running on until the token cap, twice: the offer is not failed (and its
    credit not refunded) for it; the summary is the rules' one, built from the source CV."""
    me, source, offer_ids = await _user_with_cv(api, db, "runaway@example.com")
    llm_configured.script(
        "## Task: write the summary", reply=Text('{"summary": "Backend backend backend'), times=2
    )
    task = await wait_finished(
        session_factory, (await generate(api, source.id, offer_ids)).json()["taskId"]
    )
    assert task.status == "completed" and len(task.generated_cv_ids) == 1
    summary_calls = [
        r for r in llm_configured.chat_requests if pipeline_llm.phase_of(r) == "batch_summary"
    ]
    assert len(summary_calls) == 2  # the answer and the client's repair round, no offer retry
    async with session_factory() as s:
        row = await s.get(CvFile, task.generated_cv_ids[0])
        assert row is not None
        subtask = await s.scalar(
            select(CvGenerationSubtask).where(CvGenerationSubtask.type == "batch_summary")
        )
        user = await s.get(User, me["id"])
    assert subtask is not None and subtask.status == "completed" and subtask.retry_count == 0
    assert subtask.result is not None
    assert any("could not be used" in n for n in subtask.result["guard"]["notes"])
    summary = CvContent.from_json(row.content).summary
    assert summary and "backend backend" not in summary.casefold()
    assert row.generation_meta["fact_guard"]["droppedClaims"] >= 1
    assert user is not None and user.credit_balance == me["creditBalance"] - 1


async def test_garbled_repairs_keep_what_the_first_answers_had_passed(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm: FakeOpenAIServer,
    llm_configured: FakeOpenAIServer,
    worker: Worker,
) -> None:
    llm.default_reply = pipeline_llm.adversarial
    llm.script(reply=Text('{"bullets": ["unfinished'), when=pipeline_llm.is_repair)
    _me, source, offer_ids = await _user_with_cv(api, db, "garbled@example.com")
    task = await wait_finished(
        session_factory, (await generate(api, source.id, offer_ids)).json()["taskId"]
    )
    assert task.status == "completed"
    assert any(pipeline_llm.is_repair(r) for r in llm.chat_requests)
    async with session_factory() as s:
        row = await s.get(CvFile, task.generated_cv_ids[0])
        assert row is not None
    text = CvContent.from_json(row.content).full_text()
    for invented in ("Kubernetes", "Google", "2031", "937"):
        assert invented not in text, invented
    assert row.generation_meta["fact_guard"]["repairedClaims"] == 0


async def test_a_garbled_translation_leaves_the_source_wording(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm_configured: FakeOpenAIServer,
    worker: Worker,
) -> None:
    """A French ad for the English CV: the sentences the model copies are sent to be translated
    one by one, and every translation comes back cut off."""
    me = await register(api, "garbled-translation@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], **factories.FR_OFFER)
    llm_configured.script("## Task: translate one sentence", reply=Text('{"text": "Conçu'))
    task = await wait_finished(
        session_factory, (await generate(api, source.id, [offer.id])).json()["taskId"]
    )
    assert task.status == "completed"
    translations = [
        r for r in llm_configured.chat_requests if pipeline_llm.phase_of(r) == "translate"
    ]
    assert translations  # asked, and refused without failing the offer
    async with session_factory() as s:
        row = await s.get(CvFile, task.generated_cv_ids[0])
        assert row is not None
    assert "Conçu" not in CvContent.from_json(row.content).full_text()


async def test_an_adversarial_model_cannot_invent(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm: FakeOpenAIServer,
    llm_configured: FakeOpenAIServer,
    worker: Worker,
) -> None:
    llm.default_reply = pipeline_llm.adversarial
    _me, source, offer_ids = await _user_with_cv(api, db, "adversary@example.com")
    task = await wait_finished(
        session_factory, (await generate(api, source.id, offer_ids)).json()["taskId"]
    )
    assert task.status == "completed"
    async with session_factory() as s:
        row = await s.get(CvFile, task.generated_cv_ids[0])
        assert row is not None
    cv = CvContent.from_json(row.content)
    text = cv.full_text()
    for invented in ("Kubernetes", "Google", "2031", "937"):
        assert invented not in text, invented
    # Employers, titles and dates are the source's; recent jobs survived the REMOVE attempt,
    # and the old unrelated one stays as one line the page budget may take out first.
    assert [e.company for e in cv.experience] == [
        "Acme Logistics",
        "Beta Bank",
        "Café Lumière",
        "Personal project",
    ]
    assert cv.experience[0].start == "2021-03"
    guard = row.generation_meta["fact_guard"]
    assert guard["repairedClaims"] >= 1  # experience bullets fixed by the repair round
    assert guard["droppedClaims"] >= 2  # the skill and the summary sentence fell back
    assert guard["verifiedClaims"] > 0
    repairs = [r for r in llm.chat_requests if pipeline_llm.is_repair(r)]
    assert repairs and "937%" in repairs[0].text


async def test_cancel_stops_llm_calls_and_refunds_unfinished_offers(
    live_server: str,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    settings: Settings,
    llm_configured: FakeOpenAIServer,
    worker: Worker,
) -> None:
    """Over a real socket, as a browser would (web and worker share this event loop)."""
    # Each offer is at least 4 rounds of calls (2 s): the cancel lands while offer 2 runs.
    llm_configured.latency_ms = 500
    async with httpx.AsyncClient(base_url=live_server, timeout=30) as browser:
        await browser.get("/health")
        token = browser.cookies["csrftoken"]
        headers = {"x-csrftoken": token}
        me = (
            await browser.post(
                "/api/auth/register",
                json={"email": "cancel@example.com", "password": "long enough pw"},
                headers=headers,
            )
        ).json()
        headers = {"x-csrftoken": browser.cookies["csrftoken"]}  # the signed-in session's own
        source = await factories.source_cv(db, me["id"])
        offer_ids = [
            (await factories.job_offer(db, me["id"], title=f"Dev {i}")).id for i in range(3)
        ]
        async with EventLog(settings.effective_redis_url, me["id"]) as log:
            created = await browser.post(
                "/api/cv/generate-v2",
                json={"sourceCvFile": source.id, "jobOfferIds": offer_ids},
                headers=headers,
            )
            task_id = created.json()["taskId"]
            await log.wait_for("cv_generation_v2:offer_completed")
            async with asyncio.timeout(30):  # offer 2 is mid-flight: its first call has arrived
                while not any("Dev 1" in r.text for r in llm_configured.chat_requests):
                    await asyncio.sleep(0.02)
            response = await browser.post(f"/api/cv/generate-v2/{task_id}/cancel", headers=headers)
            cancelled_at = asyncio.get_running_loop().time()
            assert response.status_code == 200, response.text
            assert response.json() == {"success": True, "status": "cancelled", "creditsRefunded": 2}
            await asyncio.sleep(2.0)  # a worker going on would start a round or more meanwhile
        # 0.3 s: a call sent just before the cancel may reach the fake server a little later
        # on a busy machine; a worker going on would start rounds well after that.
        after = [r for r in llm_configured.chat_requests if r.received_at > cancelled_at + 0.3]
        assert after == [], [pipeline_llm.item_key(r) for r in after]
        async with session_factory() as s:
            offers = list(
                await s.scalars(select(CvGenerationOffer).order_by(CvGenerationOffer.offer_index))
            )
            user = await s.get(User, me["id"])
            assert user is not None
            assert [o.status for o in offers] == ["completed", "cancelled", "cancelled"]
            assert user.credit_balance == me["creditBalance"] - 1 == await ledger_sum(s, user.id)
            assert list(await s.scalars(select(TaskSlot))) == []
        again = await browser.post(f"/api/cv/generate-v2/{task_id}/cancel", headers=headers)
        assert again.json()["creditsRefunded"] == 0
