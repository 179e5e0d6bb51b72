"""The admin's "Test the connection" and the endpoint's save, against real servers: the fake
OpenAI-compatible one (right key, wrong key, missing model), a plain web server (not an OpenAI
API) and a dead port. What is tested is what the form holds, never saved; a failing endpoint is
saved only on "Save anyway"."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import Setting
from app.lib.llm import mode_cache
from tests.conftest import register
from tests.fakes.openai_server import FakeOpenAIServer
from tests.fixtures.web_server import WebServer

KEY = "sk-right-key-0001"
MODEL = "good-model"
EN = {"Accept-Language": "en"}


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(api_key=KEY, models=[MODEL]) as server:
        yield server
    mode_cache.clear()


@pytest.fixture
async def web() -> AsyncIterator[WebServer]:
    async with WebServer() as server:
        yield server


@pytest.fixture
def dead_url() -> str:
    """A port nothing listens on (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/v1"


async def _saved(sessions: async_sessionmaker[AsyncSession], name: str) -> str | None:
    async with sessions() as session:
        return await session.scalar(select(Setting.value).where(Setting.setting_name == name))


async def _test(api: Any, form: dict[str, str], language: str = "en") -> str:
    answer = await api.post(
        "/admin/test-connection", data=form, headers={"Accept-Language": language}
    )
    assert answer.status_code in (200, 201), answer.text
    return str(answer.text)


async def test_each_result_of_the_test_button_is_told_apart(
    api: Any, llm: FakeOpenAIServer, web: WebServer, dead_url: str
) -> None:
    await register(api, "admin@example.com")
    good = {"llm_base_url": llm.base_url, "llm_api_key": KEY, "test_model": MODEL}

    works = await _test(api, good)
    assert 'data-result="ok"' in works and "It works" in works and MODEL in works
    assert " ms" in works

    refused = await _test(api, {**good, "llm_api_key": "sk-wrong-key-0002"})
    assert 'data-result="auth"' in refused and "Authentication refused (HTTP 401)" in refused

    missing = await _test(api, {**good, "test_model": "no-such-model"})
    assert 'data-result="model_not_found"' in missing
    assert "no-such-model" in missing and f"It serves: {MODEL}" in missing

    unreachable = await _test(api, {**good, "llm_base_url": dead_url})
    assert 'data-result="unreachable"' in unreachable and dead_url in unreachable

    not_openai = await _test(api, {**good, "llm_base_url": web.url + "/v1"})
    assert 'data-result="not_openai"' in not_openai
    assert "Not an OpenAI-compatible server" in not_openai
    assert "/v1/models" in web.hits and "/v1/chat/completions" in web.hits

    not_a_url = await _test(api, {**good, "llm_base_url": "file:///etc/passwd"})
    assert 'data-result="url_invalid"' in not_a_url and "http(s) URL" in not_a_url

    fr = await _test(api, {**good, "llm_base_url": dead_url}, "fr")
    assert "Injoignable" in fr


async def test_the_form_values_are_tested_unsaved_and_an_empty_key_keeps_the_saved_one(
    api: Any,
    llm: FakeOpenAIServer,
    dead_url: str,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await register(api, "admin@example.com")
    saved = {"llm_base_url": llm.base_url, "llm_api_key": KEY, "test_model": MODEL}
    first = await api.post("/admin/endpoint", data=saved, headers=EN)
    assert "The endpoint works." in first.text
    assert await _saved(session_factory, "llm_base_url") == llm.base_url

    # Typed but unsaved: the dead URL is tested, the saved one stays.
    typed = await _test(api, {"llm_base_url": dead_url, "llm_api_key": "", "test_model": MODEL})
    assert 'data-result="unreachable"' in typed
    assert await _saved(session_factory, "llm_base_url") == llm.base_url
    # An empty key field means the saved key; "remove the key" means none.
    kept_key = await _test(
        api, {"llm_base_url": llm.base_url, "llm_api_key": "", "test_model": MODEL}
    )
    assert 'data-result="ok"' in kept_key
    no_key = await _test(api, {"llm_base_url": llm.base_url, "clear_key": "1", "test_model": MODEL})
    assert 'data-result="auth"' in no_key
    assert await _saved(session_factory, "llm_api_key") == KEY


async def test_a_failing_endpoint_is_saved_only_on_save_anyway(
    api: Any,
    llm: FakeOpenAIServer,
    dead_url: str,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    await register(api, "admin@example.com")
    await api.post(
        "/admin/endpoint",
        data={"llm_base_url": llm.base_url, "llm_api_key": KEY, "test_model": MODEL},
    )
    form = {"llm_base_url": dead_url, "test_model": MODEL}

    refused = await api.post("/admin/endpoint", data=form, headers=EN)
    assert refused.status_code == 200
    assert "data-not-saved" in refused.text and 'data-result="unreachable"' in refused.text
    assert f'value="{dead_url}"' in refused.text  # the typed value is kept in the form
    assert 'name="save_anyway"' in refused.text
    assert refused.headers["cache-control"] == "private, no-store"
    assert await _saved(session_factory, "llm_base_url") == llm.base_url

    anyway = await api.post("/admin/endpoint", data={**form, "save_anyway": "1"}, headers=EN)
    assert anyway.status_code == 200 and "data-not-saved" not in anyway.text
    assert await _saved(session_factory, "llm_base_url") == dead_url
    assert await _saved(session_factory, "llm_api_key") == KEY  # empty field: key kept
