"""A user's own AI endpoint serves that user's generation, with that user's key and models, and
not another user's (two fake OpenAI-compatible servers over real HTTP, a real worker and Redis);
the account page then shows the calls and tokens on each endpoint."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest
from arq.worker import Worker
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.lib.llm import StructuredMode, mode_cache
from app.lib.llm.spend import spend_key
from app.lib.llm.usage import usage_summary
from app.settings.service import update_setting
from tests import factories
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer
from tests.fixtures.live import browser
from tests.integration.pipeline_helpers import wait_finished

OWN_KEY = "sk-own-key-of-ana-7f3e2d1c"
OWN_MODEL = "ana-tailor"
SITE_MODEL = "gpt-4o-mini"  # the admin's default for every phase


@pytest.fixture
def servers() -> Iterator[tuple[FakeOpenAIServer, FakeOpenAIServer]]:
    with (
        FakeOpenAIServer(
            default_reply=pipeline_llm.honest, api_key=OWN_KEY, models=(OWN_MODEL,)
        ) as own,
        FakeOpenAIServer(default_reply=pipeline_llm.honest, api_key="site-key") as site,
    ):
        # Skip the structured-output probe on the pipeline's calls (probed once each otherwise).
        mode_cache.set(own.base_url, OWN_MODEL, StructuredMode.JSON_SCHEMA)
        mode_cache.set(site.base_url, SITE_MODEL, StructuredMode.JSON_SCHEMA)
        yield own, site
        mode_cache.clear()


async def _form(client: httpx.AsyncClient, url: str, data: dict[str, str]) -> httpx.Response:
    token = client.cookies["csrftoken"]
    english = {"accept-language": "en"}
    return await client.post(
        url, data={**data, "_csrf_token": token}, headers=english, follow_redirects=True
    )


async def _generate(client: httpx.AsyncClient, source_id: str, offer_id: str) -> str:
    body = {"sourceCvFile": source_id, "jobOfferIds": [offer_id]}
    answer = await client.post(
        "/api/cv/generate-v2", json=body, headers={"x-csrftoken": client.cookies["csrftoken"]}
    )
    assert answer.status_code in (200, 201, 202), answer.text
    return str(answer.json()["taskId"])


async def _me(client: httpx.AsyncClient) -> str:
    return str((await client.get("/api/auth/me")).json()["id"])


async def test_own_endpoint_serves_its_user_and_not_another(
    live_server: str,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    redis: Redis,
    worker: Worker,
    servers: tuple[FakeOpenAIServer, FakeOpenAIServer],
) -> None:
    own, site = servers
    await update_setting(db, "llm_base_url", site.base_url)
    await update_setting(db, "llm_api_key", "site-key")
    await update_setting(db, "allow_private_offer_urls", "true")  # the fakes are on loopback
    await db.commit()
    ana = await browser(live_server, "ana-own@example.com")
    ben = await browser(live_server, "ben-site@example.com")
    try:
        saved = await _form(
            ana,
            "/account/ai-endpoint",
            {
                "ai_base_url": own.base_url,
                "ai_api_key": OWN_KEY,
                "ai_model_tailoring": OWN_MODEL,
            },
        )
        assert saved.status_code == 200 and "Your AI endpoint is saved" in saved.text
        ana_id, ben_id = await _me(ana), await _me(ben)
        runs = {}
        for who, client, user_id in (("ana", ana, ana_id), ("ben", ben, ben_id)):
            source = await factories.source_cv(db, user_id)
            offer = await factories.job_offer(db, user_id, title="Python Backend Developer")
            runs[who] = await _generate(client, source.id, offer.id)
        for task_id in runs.values():
            task = await wait_finished(session_factory, task_id)
            assert task.status == "completed", task.error

        own_calls = [r for r in own.chat_requests if pipeline_llm.phase_of(r)]
        site_calls = [r for r in site.chat_requests if pipeline_llm.phase_of(r)]
        assert own_calls and site_calls
        # Each server saw one user's work only: the CV of each generation names its owner's
        # offer and task nowhere, so tell them apart by what each server was sent with.
        assert {r.model for r in own_calls} == {OWN_MODEL}
        assert {r.headers.get("authorization") for r in own_calls} == {f"Bearer {OWN_KEY}"}
        assert {r.model for r in site_calls} == {SITE_MODEL}
        assert {r.headers.get("authorization") for r in site_calls} == {"Bearer site-key"}
        assert len(own_calls) == len(site_calls)  # one offer each: the same pipeline

        # Usage: Ana's calls on her endpoint, Ben's on the site's; Ana's tokens are not on the
        # site's daily budget.
        ana_usage = await usage_summary(redis, ana_id)
        ben_usage = await usage_summary(redis, ben_id)
        assert (ana_usage.today.own_calls, ana_usage.today.site_calls) == (len(own_calls), 0)
        assert (ben_usage.today.own_calls, ben_usage.today.site_calls) == (0, len(site_calls))
        assert ana_usage.today.own_tokens > 0 and ben_usage.today.site_tokens > 0
        day = datetime.now(UTC).date().isoformat()
        assert int(await redis.get(spend_key(ana_id, day)) or 0) == 0
        assert int(await redis.get(spend_key(f"{ana_id}:own", day)) or 0) > 0
        assert int(await redis.get(spend_key(ben_id, day)) or 0) > 0

        page = (await ana.get("/account", headers={"accept-language": "en"})).text
        cell = re.search(r'data-usage="today-own-calls">([^<]*)<', page)
        assert cell is not None and cell.group(1).strip() == str(len(own_calls))
        assert OWN_KEY not in page
    finally:
        await ana.aclose()
        await ben.aclose()
