"""An endpoint whose answers are JSON of another shape than OpenAI's (``{"choices": "x"}``, a
message that is a number, token counts written as words), served over real HTTP: "Test the
connection" says so (the admin's and the account page's alike), and a worker's offer or CV
extraction falls back to the rules, as for any unusable answer (app/lib/llm/answer_shape.py).
Before, the SDK handed these through unchecked: a 500, and "failed unexpectedly"."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.domain.cvs.extraction import extract
from app.domain.offers.extraction import LLM_FALLBACK, extract_offer_fields
from app.settings.service import update_setting
from tests import factories
from tests.conftest import post_form, register
from tests.fakes import hostile_http as hostile

HTMX = {"HX-Request": "true", "accept-language": "en"}
MODELS = json.dumps({"object": "list", "data": [{"id": "m", "object": "model"}]})
SHAPES = {
    "choices-text": {"choices": "x"},
    "message-number": {"choices": [{"index": 0, "message": 5, "finish_reason": "stop"}]},
    "content-list": {"choices": [{"index": 0, "message": {"role": "assistant", "content": [1]}}]},
    "usage-words": {
        "choices": [{"index": 0, "message": {"role": "assistant", "content": 7}}],
        "usage": {"prompt_tokens": "many", "completion_tokens": "few"},
    },
}
OFFER_TEXT = "Backend developer\nAcme Corp — Lyon\nRequirements:\n- Python\n- PostgreSQL\n"
CV_TEXT = (
    "Camille Durand\ncamille@example.com\n\nExperience\nBackend developer, Acme Corp, 2020 - 2024"
    "\n- Built the billing service in Python\n\nSkills\nPython, PostgreSQL\n"
)


@pytest.fixture(scope="module")
def odd_endpoints() -> Iterator[hostile.Server]:
    routes: dict[str, hostile.Route] = {}
    for name, answer in SHAPES.items():
        routes[f"/{name}/v1/models"] = hostile.text(MODELS)
        routes[f"/{name}/v1/chat/completions"] = hostile.text(json.dumps(answer))
    with hostile.serve("127.0.0.1", routes) as server:
        yield server


async def test_the_connection_tests_say_the_answer_is_not_usable(
    client: AsyncTestClient[Litestar], db: AsyncSession, odd_endpoints: hostile.Server
) -> None:
    await register(client, "admin@example.com")  # the first account: the administrator
    await update_setting(db, "allow_private_offer_urls", "true")  # the servers are on loopback
    await db.commit()
    for name in SHAPES:
        base = f"{odd_endpoints.base}/{name}/v1"
        own = {"ai_base_url": base, "ai_api_key": "", "ai_model_tailoring": "m"}
        answer = await post_form(client, "/account/ai-endpoint/test", own, **HTMX)
        assert answer.status_code == 200, (name, answer.text[:300])
        assert 'data-error-code="server_error"' in answer.text, name
        site = {"llm_base_url": base, "llm_api_key": "k", "test_model": "m"}
        answer = await post_form(client, "/admin/test-connection", site, **HTMX)
        assert answer.status_code == 200, (name, answer.text[:300])
        assert 'data-error-code="server_error"' in answer.text, name


async def _site_endpoint(db: AsyncSession, base_url: str) -> None:
    await update_setting(db, "llm_base_url", base_url)
    await update_setting(db, "llm_api_key", "k")
    await db.commit()


@pytest.mark.parametrize("shape", list(SHAPES))
async def test_extractions_fall_back_to_the_rules(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    redis: Redis,
    settings: Settings,
    odd_endpoints: hostile.Server,
    shape: str,
) -> None:
    me = await register(client, "extract@example.com")
    await _site_endpoint(db, f"{odd_endpoints.base}/{shape}/v1")
    offer = await factories.job_offer(db, me["id"], title="", company="", description=OFFER_TEXT)
    summary = await extract_offer_fields(db, settings, offer, 3, 3, redis=redis)  # last try
    assert summary["parser"] == "rules" and offer.title
    assert offer.extraction_error == LLM_FALLBACK
    cv = await factories.source_cv(db, me["id"])
    cv.original_mime, cv.original_bytes = "text/plain", CV_TEXT.encode()
    await db.commit()
    result = await extract(db, settings, cv, 3, 3, redis=redis)
    assert result.parser == "rules"
    assert [w["code"] for w in result.warnings] == ["llm_failed"]
