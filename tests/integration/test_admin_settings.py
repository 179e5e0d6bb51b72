"""Admin settings: 403 for members; models per phase saved and used by the next generation."""

from __future__ import annotations

from typing import Any

from arq.worker import Worker
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvGenerationSubtask, Setting
from app.lib.llm import StructuredMode, mode_cache
from app.settings.registry import AI_MODELS_STRUCTURE
from tests import factories
from tests.conftest import register
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer
from tests.integration.pipeline_helpers import wait_finished
from tests.prg import came_back


async def test_members_get_403_and_the_admin_sees_every_section(
    api: Any, another_client: Any
) -> None:
    await register(api, "admin@example.com")  # first account: admin
    page = await api.get("/admin/", headers={"Accept-Language": "en"})
    assert page.status_code == 200
    for marker in (
        'id="models"',
        'id="endpoint"',
        'id="health"',
        'id="stats"',
        'id="users"',
        "CV tailoring",  # the group of the pipeline's models, in words
    ):
        assert marker in page.text, marker
    async with another_client() as member:
        await register(member, "member@example.com")
        assert (await member.get("/admin/")).status_code == 403
        token = member.cookies["csrftoken"]
        denied = await member.post("/admin/models", data={"_csrf_token": token})
        assert denied.status_code == 403


async def test_api_key_is_write_only_and_urls_are_checked(api: Any, db: AsyncSession) -> None:
    await register(api, "keys@example.com")
    token = api.cookies["csrftoken"]
    form = {"llm_base_url": "http://llm.internal:8080/v1", "llm_api_key": "sk-secret-123456789"}
    refused = await api.post("/admin/endpoint", data={**form, "_csrf_token": token})
    assert refused.status_code == 200 and "data-not-saved" in refused.text  # the test failed
    saved = await api.post(
        "/admin/endpoint", data={**form, "save_anyway": "1", "_csrf_token": token}
    )
    assert saved.status_code == 200
    assert "sk-secret-123456789" not in saved.text and "6789" in saved.text  # masked tail only
    kept = await api.post(
        "/admin/endpoint",
        data={
            "llm_base_url": "http://llm.internal:8080/v1",
            "save_anyway": "1",
            "_csrf_token": token,
        },
    )
    assert kept.status_code == 200
    value = await db.scalar(select(Setting.value).where(Setting.setting_name == "llm_api_key"))
    assert value == "sk-secret-123456789"
    bad = await api.post(
        "/admin/endpoint", data={"llm_base_url": "file:///etc/passwd", "_csrf_token": token}
    )
    assert came_back(bad) and 'data-error-code="admin.url_invalid"' in bad.text
    report = await api.post("/admin/test-connection", data={"_csrf_token": token})
    assert report.status_code in (200, 201) and 'data-error-code="unreachable"' in report.text


async def test_models_saved_per_phase_are_used_by_the_next_generation(
    api: Any, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession], worker: Worker
) -> None:
    me = await register(api, "models@example.com")
    token = api.cookies["csrftoken"]
    models = {name: f"m-{name}" for group in AI_MODELS_STRUCTURE.values() for name in group}
    # The endpoint's save tests the saved classify model (the default): listed too.
    served = [*models.values(), "gpt-4o-mini"]
    with FakeOpenAIServer(default_reply=pipeline_llm.honest, models=served) as llm:
        await api.post("/admin/endpoint", data={"llm_base_url": llm.base_url, "_csrf_token": token})
        for model in models.values():
            mode_cache.set(llm.base_url, model, StructuredMode.JSON_SCHEMA)
        saved = await api.post("/admin/models", data={**models, "_csrf_token": token})
        assert saved.status_code == 200
        tested = await api.post("/admin/test-connection", data={"_csrf_token": token})
        assert 'data-mode="json_schema"' in tested.text
        source = await factories.source_cv(db, me["id"])
        offer = await factories.job_offer(db, me["id"])
        created = await api.post(
            "/api/cv/generate-v2", json={"sourceCvFile": source.id, "jobOfferIds": [offer.id]}
        )
        await wait_finished(session_factory, created.json()["taskId"])
        mode_cache.clear()
    async with session_factory() as s:
        used = {st.type: st.model_used for st in await s.scalars(select(CvGenerationSubtask))}
    assert used["classify"] == "m-model_cv_classify"
    assert used["batch_experience"] == "m-model_cv_batch_experience"
    assert used["batch_project"] == "m-model_cv_batch_projects"
    assert used["batch_skills"] == "m-model_cv_batch_skills"
    assert used["batch_summary"] == "m-model_cv_batch_summary"
    page = await api.get("/admin/")
    assert "m-model_cv_classify" in page.text and "batch_summary" in page.text  # statistics table


async def test_credit_grant_goes_through_the_ledger(api: Any, another_client: Any) -> None:
    await register(api, "granter@example.com")
    async with another_client() as member:
        who = await register(member, "grantee@example.com")
        granted = await api.post(
            f"/admin/users/{who['id']}/credits",
            data={"amount": "7", "reason": "beta tester", "_csrf_token": api.cookies["csrftoken"]},
        )
        assert granted.status_code == 200
        ledger = (await member.get("/api/credits")).json()
        assert ledger["balance"] == who["creditBalance"] + 7
        assert (
            ledger["transactions"][0]["type"] == "grant"
            and ledger["transactions"][0]["reason"] == "beta tester"
        )
        refused = await api.post(
            f"/admin/users/{who['id']}/credits",
            data={"amount": "-3", "_csrf_token": api.cookies["csrftoken"]},
        )
        assert came_back(refused)
