"""Engine choice and per-phase models from the settings table, with the environment winning."""

from __future__ import annotations

from dataclasses import replace

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.lib.llm import complete_structured
from app.settings.llm_endpoint import engine_status, llm_endpoint, model_for_phase
from app.settings.service import update_setting
from tests.fakes.openai_server import FakeOpenAIServer
from tests.fakes.toy_schemas import toy_schema


class Echo(BaseModel):
    word: str


toy_schema(Echo)


async def test_offline_engine_when_nothing_is_configured(
    db: AsyncSession, settings: Settings
) -> None:
    status = await engine_status(db, settings)
    assert status.mode == "offline" and status.source == "none"
    assert await llm_endpoint(db, settings, user_id=None, redis=None) is None


async def test_settings_page_values_then_environment_override(
    db: AsyncSession, settings: Settings
) -> None:
    with FakeOpenAIServer() as server:
        await update_setting(db, "llm_base_url", server.base_url)
        await update_setting(db, "llm_api_key", "from-settings")
        await update_setting(db, "model_cv_batch_skills", "skills-model")
        await db.commit()
        status = await engine_status(db, settings)
        assert (status.mode, status.source, status.api_key) == ("llm", "settings", "from-settings")
        assert await model_for_phase(db, "batch_skills") == "skills-model"
        assert await model_for_phase(db, "classify") == "gpt-4o-mini"
        endpoint = await llm_endpoint(db, settings, user_id=None, redis=None)
        assert endpoint is not None
        server.script(reply={"word": "hello"})
        result = await complete_structured(
            endpoint,
            model=await model_for_phase(db, "batch_skills"),
            messages=[{"role": "user", "content": "Say hello"}],
            schema=Echo,
            schema_name="echo",
        )
        assert result.data.word == "hello"
        assert server.chat_requests[-1].model == "skills-model"

    env = replace(settings, llm_base_url="http://env.example/v1", llm_api_key="env-key")
    status = await engine_status(db, env)
    assert (status.base_url, status.api_key, status.source) == (
        "http://env.example/v1",
        "env-key",
        "environment",
    )
