"""Saving one's own AI endpoint tests it first (app/domain/ai_endpoint/pages.py): an unreachable
one is not saved and the page says why, with "Save anyway"; that second post saves it (asking
for a key typed before again, since the key is never kept); a working one is saved and said to
work; and the saves count against the connection test's limit. Real HTTP and Redis."""

from __future__ import annotations

import re
import socket

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.ai_endpoint.services import TESTS_PER_MINUTE
from app.settings.service import update_setting
from tests.conftest import post_form, register
from tests.fakes.openai_server import FakeOpenAIServer

Client = AsyncTestClient[Litestar]
EN = {"accept-language": "en"}
KEY = "sk-own-Save7Test3Key9"


def _closed_port() -> int:
    """A loopback port nothing listens on: a connection there is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _form(base_url: str, key: str = KEY) -> dict[str, str]:
    return {"ai_base_url": base_url, "ai_api_key": key, "ai_model_tailoring": "own-tailor"}


async def _save(client: Client, form: dict[str, str]) -> str:
    answer = await post_form(client, "/account/ai-endpoint", form)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/account")
    return (await client.get("/account", headers=EN)).text


def _state(page: str) -> str:
    found = re.search(r'data-ai-endpoint="([a-z]+)"', page)
    assert found is not None
    return found.group(1)


async def _signed_in(client: Client, db: AsyncSession, email: str) -> None:
    await register(client, email)
    await update_setting(db, "allow_private_offer_urls", "true")  # the servers are on loopback
    await db.commit()


async def test_an_unreachable_endpoint_is_saved_only_on_a_second_explicit_post(
    client: Client, db: AsyncSession
) -> None:
    await _signed_in(client, db, "save-tests@example.com")
    dead = f"http://127.0.0.1:{_closed_port()}/v1"
    page = await _save(client, _form(dead))
    assert _state(page) == "none"  # nothing saved…
    assert "Not saved: the test of this endpoint failed." in page  # …and said why
    assert 'data-result="unreachable"' in page and 'data-testid="ai-save-anyway"' in page
    assert f'value="{dead}"' in page and KEY not in page  # the URL is kept, never the key

    # "Save anyway" without typing the key again would drop it silently: refused.
    anyway = {**_form(dead, key=""), "ai_save_untested": "1", "ai_key_again": "1"}
    refused = await _save(client, anyway)
    assert "Type the API key again to save it anyway" in refused and _state(refused) == "none"
    assert 'data-testid="ai-save-anyway"' in refused and 'name="ai_key_again"' in refused
    saved = await _save(client, {**anyway, "ai_api_key": KEY})
    assert _state(saved) == "set" and "Your AI endpoint is saved" in saved
    assert "key set, ending Key9" in saved


async def test_a_working_endpoint_is_saved_and_said_to_work(
    client: Client, db: AsyncSession
) -> None:
    await _signed_in(client, db, "save-works@example.com")
    with FakeOpenAIServer(api_key=KEY, models=("own-tailor",)) as own:
        page = await _save(client, _form(own.base_url))
        assert {r.model for r in own.chat_requests} == {"own-tailor"}  # tested before saving
    assert _state(page) == "set" and "Your AI endpoint is saved" in page
    assert "it answered the connection test" in page and "Not saved" not in page


async def test_saves_count_against_the_connection_tests_limit(
    client: Client, db: AsyncSession
) -> None:
    await _signed_in(client, db, "save-limit@example.com")
    dead = f"http://127.0.0.1:{_closed_port()}/v1"
    for _ in range(TESTS_PER_MINUTE):
        assert "Not saved" in await _save(client, _form(dead))
    page = await _save(client, _form(dead))
    assert "Too many connection tests" in page and _state(page) == "none"
