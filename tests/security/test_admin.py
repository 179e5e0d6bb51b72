"""Admin routes refuse members; the LLM API key is write-only.

The admin routes are found in the route table (under ``/admin`` or calling ``require_admin``),
so a new admin page is swept without editing this file.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import replace
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.lib.llm import mode_cache
from app.settings.registry import AI_MODELS_STRUCTURE, DEFAULT_MODEL
from tests.conftest import csrf_token, register
from tests.fakes.openai_server import FakeOpenAIServer, HttpError
from tests.security.objects import differences, snapshot
from tests.security.routes import endpoints, fillings, swept

Client = AsyncTestClient[Litestar]

# What an admin would post: valid, so that only the admin check can refuse it.
ADMIN_FORMS: dict[str, dict[str, str]] = {
    "/admin/models": {n: "gpt-4o" for names in AI_MODELS_STRUCTURE.values() for n in names},
    "/admin/endpoint": {"llm_base_url": "http://attacker.example/v1", "llm_api_key": "sk-mine"},
    "/admin/pipeline": {"pipeline_offer_concurrency": "10", "credits_new_user": "10000"},
    "/admin/llm-calls": {"llm_temperature": "1.5", "llm_max_concurrency": "16"},
    "/admin/users/{user_id:str}/credits": {"amount": "10000", "reason": "self-service"},
    "/admin/invitations": {"email": "friend@example.com", "days": "90"},
}


async def test_members_get_403_on_every_admin_route_and_change_nothing(
    app: Litestar,
    client: Client,
    another_client: Any,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    admin = await register(client, "admin@example.com")  # the first account is the admin
    async with another_client() as member_client:
        member = await register(member_client, "member@example.com")
        headers = {"x-csrftoken": await csrf_token(member_client)}
        before = await snapshot(session_factory)
        wrong = []
        lost = "the admin routes moved: update routes.ADMIN_PREFIXES"
        for endpoint in swept(app, lambda e: e.is_admin, at_least=6, lost=lost):
            for target in (admin["id"], member["id"]):
                url = endpoint.url(next(fillings(endpoint, {"user": [target]})))
                form = ADMIN_FORMS.get(endpoint.path) if endpoint.changes_state else None
                response = await member_client.request(
                    endpoint.method, url, data=form, headers=headers, follow_redirects=False
                )
                if response.status_code != 403 or "admin.forbidden" not in response.text:
                    wrong.append(f"{endpoint.method} {url}: {response.status_code}")
        assert not wrong, "\n".join(wrong)
        assert not differences(before, await snapshot(session_factory))


def _secret() -> str:
    return f"sk-test-{uuid.uuid4().hex}{uuid.uuid4().hex}"


def _leaks(secret: str, text: str) -> bool:
    """The key, or any 12-character piece of it (a mask may show the last 4 only)."""
    return any(secret[i : i + 12] in text for i in range(len(secret) - 11))


async def _every_readable_page(app: Litestar, client: Client) -> dict[str, str]:
    """Each GET route without a path parameter (streams aside), plus the connection test."""
    bodies: dict[str, str] = {}
    for endpoint in endpoints(app):
        if endpoint.method != "GET" or endpoint.params or endpoint.is_streaming:
            continue
        response = await client.get(endpoint.path_format, follow_redirects=False)
        bodies[endpoint.path] = response.text + str(response.headers)
    for path in ("/admin/?saved=endpoint", "/schema/openapi.json"):
        bodies[path] = (await client.get(path)).text
    token = await csrf_token(client)
    tested = await client.post("/admin/test-connection", data={"_csrf_token": token})
    bodies["POST /admin/test-connection"] = tested.text
    assert len(bodies) >= 15
    return bodies


@pytest.fixture
def llm_with_key() -> Any:
    secret = _secret()
    # It lists the model the admin page tests by default: the save's own test passes.
    with FakeOpenAIServer(api_key=secret, models=[DEFAULT_MODEL]) as server:
        yield server, secret
    mode_cache.clear()


async def _admin_saves_the_endpoint(
    client: Client, email: str, server: FakeOpenAIServer, secret: str
) -> Any:
    """``email`` signs up (the first account is the admin) and saves the endpoint with its key
    on the admin page; returns the page's answer."""
    await register(client, email)
    form = {"llm_base_url": server.base_url, "llm_api_key": secret}
    return await client.post(
        "/admin/endpoint", data={**form, "_csrf_token": await csrf_token(client)}
    )


async def test_the_api_key_set_on_the_admin_page_is_never_shown_again(
    app: Litestar, client: Client, llm_with_key: Any, caplog: pytest.LogCaptureFixture
) -> None:
    server, secret = llm_with_key
    caplog.set_level(logging.INFO)  # the app logs at INFO (the DB driver quotes SQL at DEBUG)
    saved = await _admin_saves_the_endpoint(client, "keys@example.com", server, secret)
    assert saved.status_code == 200 and secret[-4:] in saved.text  # the masked tail only
    bodies = await _every_readable_page(app, client)
    assert 'data-mode="' in bodies["POST /admin/test-connection"]  # the key was used: connected
    assert not [path for path, text in bodies.items() if _leaks(secret, text)]
    assert not _leaks(secret, caplog.text)


async def test_the_key_is_not_echoed_from_an_endpoints_error_message(
    app: Litestar, client: Client, llm_with_key: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """Servers quote the key they refuse ("Incorrect API key provided: sk-…")."""
    server, secret = llm_with_key
    caplog.set_level(logging.INFO)  # the app logs at INFO (the DB driver quotes SQL at DEBUG)
    await _admin_saves_the_endpoint(client, "echo@example.com", server, secret)
    token = await csrf_token(client)
    for status in (401, 400, 500):
        server.reset()
        server.script(reply=HttpError(status, message=f"Bad key provided: {secret}, go away"))
        tested = await client.post("/admin/test-connection", data={"_csrf_token": token})
        assert 'data-error-code="' in tested.text, tested.text
        assert not _leaks(secret, tested.text), f"HTTP {status}: {tested.text}"
    assert not _leaks(secret, caplog.text)


async def test_a_key_from_the_environment_is_never_shown_either(
    settings: Settings, session_factory: Any, caplog: pytest.LogCaptureFixture
) -> None:
    from app.asgi import create_app

    secret = _secret()
    caplog.set_level(logging.INFO)  # the app logs at INFO (the DB driver quotes SQL at DEBUG)
    configured = replace(settings, llm_base_url="http://127.0.0.1:9/v1", llm_api_key=secret)
    app = create_app(configured)
    async with AsyncTestClient(app=app) as client:
        await register(client, "env@example.com")
        bodies = await _every_readable_page(app, client)
    assert not [path for path, text in bodies.items() if _leaks(secret, text)]
    assert not _leaks(secret, caplog.text)
