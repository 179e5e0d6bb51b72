"""A model that writes English for a French offer, in the first person, past the word limit,
cannot get that into the CV (fake server over real HTTP, real worker, real guards): the bullet
is repaired in the repair round, the summary and the certificate blurb fall back to the source,
and the CV's generation_meta counts the fallbacks."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from arq.worker import Worker
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvFile, CvGenerationSubtask
from app.lib.cv_content import CvContent
from app.lib.llm import StructuredMode, mode_cache
from jobs.pipeline.core.text import sentences
from jobs.pipeline.core.text_rules import first_person, wrong_language
from tests import factories
from tests.conftest import register
from tests.fakes import pipeline_llm, wrong_language_llm
from tests.fakes.openai_server import FakeOpenAIServer
from tests.integration.pipeline_helpers import generate, point_llm_at, wait_finished

MODEL = "gpt-4o-mini"
CERT_DESCRIPTION = "Certification Scrum obtenue en 2021 auprès de Scrum.org"
FR_CV_WITH_CERT = {
    **factories.FR_CV,
    "extras": {
        "certifications": [
            {
                "id": wrong_language_llm.CERT_ID,
                "name": "Professional Scrum Master I",
                "issuer": "Scrum.org",
                "date": "2021",
                "description": CERT_DESCRIPTION,
            }
        ],
        "interests": ["Voile"],
    },
}


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(default_reply=wrong_language_llm.wrong_language) as server:
        mode_cache.set(server.base_url, MODEL, StructuredMode.JSON_SCHEMA)
        yield server
        mode_cache.clear()


def _repair_asking(llm: FakeOpenAIServer, text: str) -> str:
    asks = [
        r.messages[-1]["content"]
        for r in llm.chat_requests
        if pipeline_llm.is_repair(r) and text in r.messages[-1]["content"]
    ]
    assert len(asks) == 1, asks
    return str(asks[0])


async def test_wrong_language_first_person_and_too_long_never_reach_the_cv(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm: FakeOpenAIServer,
    worker: Worker,
) -> None:
    await point_llm_at(db, llm.base_url)
    me = await register(api, "rules@example.com")
    source_row = await factories.source_cv(db, me["id"], FR_CV_WITH_CERT, language="fr")
    offer = await factories.job_offer(db, me["id"], **factories.FR_OFFER)
    task = await wait_finished(
        session_factory, (await generate(api, source_row.id, [offer.id])).json()["taskId"]
    )
    assert task.status == "completed", task.error
    async with session_factory() as s:
        row = await s.get(CvFile, task.generated_cv_ids[0])
        assert row is not None
        summary_row = await s.scalar(
            select(CvGenerationSubtask).where(CvGenerationSubtask.type == "batch_summary")
        )
        assert summary_row is not None and summary_row.result is not None
    # The subtask row keeps what fell back: a resumed offer reuses it and still counts it.
    assert "word_limit" in summary_row.result["data"]["fallbacks"]
    cv = CvContent.from_json(row.content)
    source = CvContent.from_json(FR_CV_WITH_CERT)
    assert row.language == "fr"

    # The English bullet was rewritten in French by the repair round.
    agence = next(e for e in cv.experience if e.id == wrong_language_llm.ITEM_ID)
    assert wrong_language_llm.ENGLISH_BULLET not in agence.bullets
    assert wrong_language_llm.SOURCE_BULLET in agence.bullets
    # The summary stayed English and first person after the repair: the source's own summary.
    assert cv.summary == source.summary
    # The blurb fell back to the certificate's source description.
    assert [c.description for c in cv.extras.certifications] == [CERT_DESCRIPTION]

    # Every text field of the final CV is French (or too short to tell), without "I"/"je".
    fields = [cv.summary, *sentences(cv.summary)]
    for item in [*cv.experience, *cv.projects]:
        fields += [item.description, *item.bullets]
    fields += [c.description for c in cv.extras.certifications]
    assert [f for f in fields if wrong_language(f, "fr") or first_person(f)] == []

    meta = row.generation_meta
    assert meta["language_fallbacks"] == 2, meta  # the summary and the blurb
    assert {"first_person", "word_limit", "self_praise"} <= set(meta["rule_fallbacks"])
    assert meta["fact_guard"]["repairedClaims"] >= 1  # the bullet

    # Each repair round said what to change, in words the model can act on.
    bullet_ask = _repair_asking(llm, wrong_language_llm.ENGLISH_BULLET)
    assert "is written in English: rewrite it in French from this source sentence" in bullet_ask
    summary_ask = _repair_asking(llm, "the summary has 90 words")
    assert "write at most 70 words" in summary_ask and "uses the first person" in summary_ask
    blurb_ask = _repair_asking(llm, wrong_language_llm.ENGLISH_BLURB)
    assert "mastery" in blurb_ask and "uses the first person (my, I)" in blurb_ask
