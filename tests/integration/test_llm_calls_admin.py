"""LLM call settings end to end: the admin page validates them (FR/EN), a generation's requests
carry them (temperature, max_tokens per phase, one request at a time), and a schema-repair round
is recorded on its subtask and counted on the admin statistics."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from arq.worker import Worker
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvGenerationSubtask, Setting
from app.domain.admin.stats import phase_stats
from app.lib.llm import StructuredMode, mode_cache
from app.lib.llm.budget import BUDGETS, max_tokens_for
from tests import factories
from tests.conftest import register
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer, RecordedRequest, Text
from tests.integration.pipeline_helpers import generate, point_llm_at, wait_finished
from tests.prg import came_back

MODEL = "gpt-4o-mini"


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(default_reply=pipeline_llm.honest, latency_ms=100) as server:
        mode_cache.set(server.base_url, MODEL, StructuredMode.JSON_SCHEMA)
        yield server
        mode_cache.clear()


async def stored(db: AsyncSession, name: str) -> str | None:
    await db.commit()  # a fresh snapshot: the web process wrote it
    return await db.scalar(select(Setting.value).where(Setting.setting_name == name))


async def save(api: Any, temperature: str, concurrency: str, language: str = "en") -> Any:
    return await api.post(
        "/admin/llm-calls",
        data={
            "llm_temperature": temperature,
            "llm_max_concurrency": concurrency,
            "_csrf_token": api.cookies["csrftoken"],
        },
        headers={"Accept-Language": language},
    )


async def test_the_llm_call_fields_validate_in_french_and_english(
    api: Any, db: AsyncSession, another_client: Any
) -> None:
    await register(api, "calls-admin@example.com")
    english = await api.get("/admin/", headers={"Accept-Language": "en"})
    assert 'id="llm-calls"' in english.text and "Temperature (0–2)" in english.text
    assert 'name="llm_temperature"' in english.text and 'value="0.2"' in english.text
    french = await api.get("/admin/", headers={"Accept-Language": "fr"})
    assert "Appels au LLM" in french.text and "Température (0–2)" in french.text
    assert "Requêtes simultanées par worker (0 = sans limite)" in french.text

    for temperature in ("2.5", "-0.1", "warm", "nan", ""):
        refused = await save(api, temperature, "1")
        assert came_back(refused), temperature
        assert 'data-error-code="admin.temperature_invalid"' in refused.text
    assert "between 0 and 2" in refused.text
    refused_fr = await save(api, "3", "1", language="fr")
    assert "La température doit être un nombre entre 0 et 2." in refused_fr.text
    for concurrency in ("17", "-1", "1.5", "one"):
        refused = await save(api, "0.2", concurrency)
        assert came_back(refused), concurrency
        assert 'data-error-code="admin.concurrency_invalid"' in refused.text
    refused_fr = await save(api, "0.2", "99", language="fr")
    assert "un nombre entier entre 0 (sans limite) et 16" in refused_fr.text
    assert await stored(db, "llm_temperature") == "0.2"  # nothing of a refused form is kept
    assert await stored(db, "llm_max_concurrency") == "0"

    saved = await save(api, "0,35", "1")  # a French decimal comma is understood
    assert saved.status_code == 200 and 'value="0.35"' in saved.text
    assert await stored(db, "llm_temperature") == "0.35"
    assert await stored(db, "llm_max_concurrency") == "1"

    async with another_client() as member:
        await register(member, "calls-member@example.com")
        denied = await member.post(
            "/admin/llm-calls",
            data={
                "llm_temperature": "1",
                "llm_max_concurrency": "4",
                "_csrf_token": member.cookies["csrftoken"],
            },
        )
        assert denied.status_code == 403
    assert await stored(db, "llm_temperature") == "0.35"


async def test_whether_the_model_reads_scans_is_chosen_and_checked(
    api: Any, db: AsyncSession
) -> None:
    await register(api, "vision-admin@example.com")
    page = await api.get("/admin/", headers={"Accept-Language": "en"})
    assert 'name="llm_vision"' in page.text and '<option value="auto" selected>' in page.text
    french = await api.get("/admin/", headers={"Accept-Language": "fr"})
    assert "CV scannés lus par le modèle" in french.text

    def form(vision: str) -> dict[str, str]:
        return {
            "llm_temperature": "0.2",
            "llm_max_concurrency": "0",
            "llm_vision": vision,
            "_csrf_token": api.cookies["csrftoken"],
        }

    refused = await api.post("/admin/llm-calls", data=form("maybe"))
    assert came_back(refused) and 'data-error-code="admin.vision_invalid"' in refused.text
    assert await stored(db, "llm_vision") == "auto"  # the seeded default, kept
    saved = await api.post("/admin/llm-calls", data=form("off"))
    assert saved.status_code == 200 and '<option value="off" selected>' in saved.text
    assert await stored(db, "llm_vision") == "off"


def overlapping(requests: list[RecordedRequest]) -> int:
    spans = sorted((r.received_at, r.answered_at or float("inf")) for r in requests)
    return sum(1 for i, (_, end) in enumerate(spans) for start, _ in spans[i + 1 :] if start < end)


async def test_a_generation_sends_the_settings_and_records_schema_repairs(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    llm: FakeOpenAIServer,
    worker: Worker,
) -> None:
    me = await register(api, "calls@example.com")
    await point_llm_at(db, llm.base_url)
    assert (await save(api, "0.35", "1")).status_code == 200
    # The first summary answer is cut off: the LLM layer asks once more (a schema repair).
    llm.script("## Task: write the summary", reply=Text('{"summary": "Backend engi'), times=1)
    source = await factories.source_cv(db, me["id"])
    offers = [(await factories.job_offer(db, me["id"], title=f"Python dev {i}")).id for i in (1, 2)]

    task = await wait_finished(
        session_factory, (await generate(api, source.id, offers)).json()["taskId"]
    )

    assert task.status == "completed"
    calls = [r for r in llm.chat_requests if pipeline_llm.phase_of(r)]
    assert len(calls) >= 10
    for request in calls:
        body, phase = request.body or {}, pipeline_llm.phase_of(request)
        assert phase is not None and body["temperature"] == 0.35
        assert 0 < body["max_tokens"] <= BUDGETS[phase].cap
        if not pipeline_llm.is_repair(request):
            assert body["max_tokens"] == max_tokens_for(phase, request.messages)
    # Limit 1: the parallel batch calls of both offers reached the server one at a time.
    assert overlapping(calls) == 0

    async with session_factory() as session:
        rows = list(await session.scalars(select(CvGenerationSubtask)))
        repairs = {(r.type, r.offer_id): r.schema_repairs for r in rows}
        stats = {s.phase: s for s in await phase_stats(session)}
    summaries = [n for (phase, _), n in repairs.items() if phase == "batch_summary"]
    assert sorted(summaries) == [0, 1]  # one offer's summary needed the repair round
    assert sum(repairs.values()) == 1
    assert stats["batch_summary"].schema_repairs == 1 and stats["classify"].schema_repairs == 0
    page = await api.get("/admin/", headers={"Accept-Language": "fr"})
    assert 'data-schema-repairs="batch_summary">1<' in page.text
    assert 'data-schema-repairs="classify">0<' in page.text
    assert "Réparations de schéma" in page.text
