"""The LLM letter engine through the real ``openai`` client against the fake server over HTTP:
an adversarial model's inventions never reach the letter, a repair that fixes them is kept,
and an answer that is no letter gives the offline one."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.lib.llm import LLMEndpoint, StructuredMode, mode_cache
from app.settings.service import update_setting
from jobs.letters.llm import LetterEngine
from jobs.letters.writer import letter_engine, write_letter
from tests.factories import EN_CV, FR_OFFER
from tests.fakes.openai_server import FakeOpenAIServer, RecordedRequest, Text
from tests.integration.pipeline_helpers import point_llm_at
from tests.letter_requests import letter_request, request_in

MODEL = "letter-model"
REPAIR_MARK = "Repair: parts of your letter were refused"

INTRO = "I am writing to apply for the Python Backend Developer position at Parcel Express."
INVENTED_EMPLOYER = "Before that, I spent years at Globex Corporation building its platform."
ACME = "At Acme Logistics, I cut API latency by 35% with Redis caching."
INVENTED_NUMBER = "I also grew the team's delivery rate by 48% in one year."
INVENTED_SKILL = "I run Kafka clusters in production every day."
HONEST_EXTRA = "I also mentored 4 junior developers."
END = "I would welcome the chance to discuss my application with you. Thank you for your time."
INVENTIONS = ("Globex", "48%", "Kafka", "Johnson")


def adversarial_letter() -> dict[str, Any]:
    return {
        "greeting": "Dear Ms Johnson,",
        "paragraphs": [
            f"{INTRO} {INVENTED_EMPLOYER}",
            f"{ACME} {INVENTED_NUMBER} {INVENTED_SKILL}",
            END,
        ],
        "closing": "Kind regards, Alex Martin",
    }


def repaired_letter() -> dict[str, Any]:
    return {
        "greeting": "Dear Hiring Manager,",
        "paragraphs": [INTRO, f"{ACME} {HONEST_EXTRA}", END],
        "closing": "Kind regards,",
    }


def is_repair(request: RecordedRequest) -> bool:
    return REPAIR_MARK in request.text


def model(first: Any, repair: Any) -> Callable[[RecordedRequest], Any]:
    return lambda request: repair if is_repair(request) else first


@pytest.fixture
async def server() -> AsyncIterator[FakeOpenAIServer]:
    async with FakeOpenAIServer() as fake:
        mode_cache.set(fake.base_url, MODEL, StructuredMode.JSON_SCHEMA)  # no probe call
        yield fake
        mode_cache.clear()


def engine_for(server: FakeOpenAIServer) -> LetterEngine:
    return LetterEngine(LLMEndpoint(base_url=server.base_url, api_key="k"), MODEL)


async def test_stubborn_inventions_never_reach_the_letter(server: FakeOpenAIServer) -> None:
    server.default_reply = model(
        adversarial_letter(), adversarial_letter()
    )  # repair changes nothing
    letter = await write_letter(request_in("en"), engine_for(server))
    text = letter.content.plain_text()
    for invention in INVENTIONS:
        assert invention not in text, invention
    assert letter.engine == "llm" and letter.language == "en"
    assert letter.content.paragraphs == [INTRO, ACME, END]
    assert letter.content.greeting == "Dear Hiring Manager,"  # the invented addressee went
    assert letter.content.closing == "Kind regards,"  # the name is the signature's
    assert letter.content.signature == "Alex Martin"
    meta = letter.meta
    assert meta["droppedClaims"] == 3 and meta["repairedClaims"] == 0
    assert meta["verifiedClaims"] == 4 and meta["model"] == MODEL
    dropped = {d["text"]: d for d in meta["dropped"]}
    assert dropped[INVENTED_EMPLOYER]["reason"] == "not_in_cv"
    assert "Globex" in dropped[INVENTED_EMPLOYER]["tokens"]
    assert "48" in dropped[INVENTED_NUMBER]["tokens"]
    assert dropped[INVENTED_SKILL]["reason"] in ("not_in_cv", "skill_not_in_cv")
    # One draft, one repair that named every refused word back to the model.
    calls = server.chat_requests
    assert [is_repair(r) for r in calls] == [False, True]
    repair_turn = calls[1].messages[-1]["content"]
    assert all(word in repair_turn for word in ("Globex", "48", "Kafka"))
    assert calls[0].model == MODEL
    assert (calls[0].body or {})["max_tokens"] == 1536  # room for a whole letter


async def test_a_repair_that_fixes_the_letter_is_kept(server: FakeOpenAIServer) -> None:
    server.default_reply = model(adversarial_letter(), repaired_letter())
    letter = await write_letter(request_in("en"), engine_for(server))
    assert letter.content.paragraphs == [INTRO, f"{ACME} {HONEST_EXTRA}", END]
    assert letter.meta["droppedClaims"] == 0
    assert letter.meta["repairedClaims"] == 1  # the mentoring sentence came with the repair
    assert letter.meta["verifiedClaims"] == 4
    assert not any(word in letter.content.plain_text() for word in INVENTIONS)


async def test_an_answer_that_is_no_letter_gives_the_offline_one(
    server: FakeOpenAIServer,
) -> None:
    server.default_reply = lambda request: Text("Sure! Here is a great letter for you.")
    letter = await write_letter(request_in("en"), engine_for(server))
    assert letter.engine == "offline" and letter.meta["fallback"] == "invalid_output"
    assert "Acme Logistics" in letter.content.plain_text()
    assert letter.meta["droppedClaims"] == 0


async def test_too_little_left_gives_the_offline_letter(server: FakeOpenAIServer) -> None:
    invented = {
        "greeting": "Dear team,",
        "paragraphs": [INVENTED_EMPLOYER, f"{INVENTED_NUMBER} {INVENTED_SKILL}"],
        "closing": "Best regards,",
    }
    server.default_reply = model(invented, invented)
    letter = await write_letter(request_in("en"), engine_for(server))
    assert letter.engine == "offline" and letter.meta["fallback"] == "too_little_left"
    assert letter.meta["droppedClaims"] == 3
    assert {d["text"] for d in letter.meta["dropped"]} >= {INVENTED_EMPLOYER, INVENTED_SKILL}
    assert not any(word in letter.content.plain_text() for word in INVENTIONS)


async def test_written_in_the_offer_language_and_one_language_only(
    server: FakeOpenAIServer,
) -> None:
    french = "Je vous adresse ma candidature au poste de Product Owner chez Mutuelle Ouest."
    acme = "Chez Acme Logistics, j'ai réduit la latence des API de 35 % grâce à Redis."
    english = "I also mentored 4 junior developers at Acme Logistics."
    end = "Je me tiens à votre disposition pour un entretien."
    server.default_reply = lambda request: {
        "greeting": "Madame, Monsieur,",
        "paragraphs": [french, f"{acme} {english}", end],
        "closing": "Cordialement,",
    }
    letter = await write_letter(letter_request(EN_CV, FR_OFFER), engine_for(server))
    assert letter.language == "fr" and letter.engine == "llm"
    assert letter.content.paragraphs == [french, acme, end]
    assert letter.meta["dropped"][0]["reason"] == "other_language"
    assert letter.content.subject == "Objet : candidature au poste de Product Owner"
    system = server.chat_requests[0].messages[0]["content"]
    assert "Write every sentence in French" in system


async def test_letter_engine_reads_the_endpoint_and_the_letter_model(
    db: AsyncSession, settings: Settings, server: FakeOpenAIServer, redis: Redis
) -> None:
    # No endpoint: the offline engine.
    assert await letter_engine(db, settings, user_id="u1", redis=redis) is None
    await point_llm_at(db, server.base_url)
    await update_setting(db, "model_cover_letter", MODEL)
    await db.commit()
    engine = await letter_engine(db, settings, user_id="u1", redis=redis)
    assert engine is not None and engine.model == MODEL
    assert engine.endpoint.base_url == server.base_url
