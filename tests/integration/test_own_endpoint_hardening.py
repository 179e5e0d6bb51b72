"""The account page's "Test the connection" and a user's own endpoint under the outbound policy
(app/lib/outbound/), through the real app, real loopback servers and real Redis: a limit per
user, a clear answer when ``/models`` is not JSON, a redirect refused without its body shown,
and an own endpoint's failure never shown as the site's last AI error."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.ai_endpoint.services import TESTS_PER_MINUTE
from app.lib.llm import LLMEndpoint
from app.lib.llm.errors import LLMError
from app.lib.llm.last_error import KEY, last_llm_error, record_llm_error
from app.lib.llm.transport import chat_once
from app.settings.service import update_setting
from tests.conftest import post_form, register
from tests.fakes import hostile_http as hostile

HTMX = {"HX-Request": "true", "accept-language": "en"}


@pytest.fixture
def hostile_endpoint() -> Iterator[hostile.Server]:
    routes: dict[str, hostile.Route] = {
        "/badjson/v1/models": hostile.text("{not json"),
        "/html/v1/models": hostile.text("<html>a login page</html>", "text/html"),
    }
    with hostile.serve("127.0.0.1", routes) as internal:
        routes["/moved/"] = hostile.redirect_to(f"{internal.base}/v1/models")
        yield internal


def _form(base_url: str) -> dict[str, str]:
    return {"ai_base_url": base_url, "ai_api_key": "", "ai_model_tailoring": "m"}


async def _test(client: AsyncTestClient[Litestar], base_url: str) -> str:
    answer = await post_form(client, "/account/ai-endpoint/test", _form(base_url), **HTMX)
    assert answer.status_code == 200, answer.text
    return answer.text


async def test_the_connection_test_answers_clearly_and_is_limited_per_user(
    client: AsyncTestClient[Litestar], db: AsyncSession, hostile_endpoint: hostile.Server
) -> None:
    await register(client, "tester@example.com")
    await update_setting(db, "allow_private_offer_urls", "true")  # the servers are on loopback
    await db.commit()
    base = hostile_endpoint.base
    for kind in ("badjson", "html"):  # a 500 before: the SDK's parser failed on the body
        assert 'data-error-code="not_openai"' in await _test(client, f"{base}/{kind}/v1")
    moved = await _test(client, f"{base}/moved/v1")
    assert 'data-error-code="redirect"' in moved and hostile.SECRET not in moved
    for _ in range(TESTS_PER_MINUTE - 3):
        assert "not_openai" in await _test(client, f"{base}/html/v1")
    sent = len(hostile_endpoint.hits)
    refused = await _test(client, f"{base}/html/v1")
    assert 'data-error-code="ai_endpoint.too_many_tests"' in refused
    assert "Too many connection tests" in refused
    assert len(hostile_endpoint.hits) == sent  # the refused test sent nothing


async def test_an_own_endpoints_failure_is_not_the_sites_last_error(
    redis: Redis, hostile_endpoint: hostile.Server
) -> None:
    await redis.delete(KEY)
    messages = [{"role": "user", "content": "hi"}]
    own = LLMEndpoint(base_url=f"{hostile_endpoint.base}/v1", api_key="k", users_own=True)
    with pytest.raises(LLMError) as caught:
        await chat_once(own, model="m", messages=messages, response_format=None, timeout_s=5)
    await record_llm_error(redis, caught.value, where="cv_import")
    assert await last_llm_error(redis) is None  # the user's server, the user's words
    site = LLMEndpoint(base_url=f"{hostile_endpoint.base}/v1", api_key="k")
    with pytest.raises(LLMError) as caught:
        await chat_once(site, model="m", messages=messages, response_format=None, timeout_s=5)
    await record_llm_error(redis, caught.value, where="cv_import")
    recorded = await last_llm_error(redis)
    assert recorded is not None and recorded["code"] == "server_error"
