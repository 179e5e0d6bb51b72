"""A user's own AI endpoint and key (account page): encrypted at rest, never shown back, logged
or exported; under the offer URLs' network policy; forbidden by the admin; readable after a
change of the app's secret. Real HTTP (the fake OpenAI-compatible server), Redis and database."""

from __future__ import annotations

import io
import logging
import re
import zipfile
from collections.abc import Iterator
from dataclasses import replace

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.settings.llm_endpoint import engine_status, llm_endpoint, model_for_phase
from app.settings.service import update_setting
from app.settings.user_endpoint import rotate_user_keys
from tests.conftest import post_form, register
from tests.fakes.openai_server import FakeOpenAIServer

KEY = "sk-own-Zq8wK3vT9mXr4Lp2"
EN = {"accept-language": "en"}


@pytest.fixture
def own_llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(api_key=KEY, models=("own-tailor", "own-import")) as server:
        yield server


@pytest.fixture
def site_llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer() as server:
        yield server


async def _allow_private(db: AsyncSession, allowed: bool = True) -> None:
    await update_setting(db, "allow_private_offer_urls", "true" if allowed else "false")
    await db.commit()


def _form(base_url: str, key: str = KEY, **models: str) -> dict[str, str]:
    return {
        "ai_base_url": base_url,
        "ai_api_key": key,
        "ai_model_tailoring": models.get("tailoring", "own-tailor"),
        "ai_model_import": models.get("import", "own-import"),
        "ai_model_letters": models.get("letters", ""),
        "ai_model_coaching": models.get("coaching", ""),
    }


async def _save(client: AsyncTestClient[Litestar], form: dict[str, str]) -> str:
    """Post the form; the account page it leads to."""
    answer = await post_form(client, "/account/ai-endpoint", form)
    assert answer.status_code == 303 and answer.headers["location"].startswith("/account")
    return (await client.get("/account", headers=EN)).text


def _error_code(page: str) -> str | None:
    found = re.search(r'class="alert error" role="alert" data-error-code="([^"]*)"', page)
    return found.group(1) if found else None


async def _dump(db: AsyncSession) -> str:
    """Every value of the tables that could hold the key, as text."""
    rows = []
    for table in ("user_llm_endpoint", "setting", "user_account"):
        rows += [repr(tuple(row)) for row in (await db.execute(text(f"SELECT * FROM {table}")))]
    return "\n".join(rows)


async def test_the_key_is_encrypted_at_rest_never_shown_logged_or_exported(
    backend: str,
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    settings: Settings,
    redis: Redis,
    own_llm: FakeOpenAIServer,
    site_llm: FakeOpenAIServer,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    me = await register(client, "own-key@example.com")
    await _allow_private(db)
    page = await _save(client, _form(own_llm.base_url))
    assert _error_code(page) is None, page
    assert "Your AI endpoint is saved" in page
    assert "key set, ending 4Lp2" in page and KEY not in page
    assert own_llm.base_url in page and 'value="own-import"' in page

    dump = await _dump(db)
    assert "own-tailor" in dump and own_llm.base_url in dump  # the row is there…
    assert KEY not in dump and KEY[-8:] not in dump  # …its key only encrypted

    # The key is used, and a refusal by the server (a wrong key typed in a test) is not logged
    # with the key either.
    await update_setting(db, "llm_base_url", site_llm.base_url)
    await db.commit()
    endpoint = await llm_endpoint(db, settings, user_id=me["id"], redis=redis)
    assert endpoint is not None and endpoint.api_key == KEY and KEY not in repr(endpoint)
    wrong = {**_form(own_llm.base_url), "ai_api_key": KEY + "-wrong"}
    tested = await post_form(client, "/account/ai-endpoint/test", wrong, **{"HX-Request": "true"})
    assert 'data-error-code="auth"' in tested.text and KEY not in tested.text
    good = await post_form(client, "/account/ai-endpoint/test", {**wrong, "ai_api_key": ""})
    assert good.status_code == 303  # without JS: the report waits on the account page
    page = (await client.get("/account", headers=EN)).text
    assert 'data-result="ok"' in page and KEY not in page  # the stored key was used

    # A refused form (a bad model name) does not echo the key it carried.
    refused = await _save(client, {**_form(own_llm.base_url), "ai_model_letters": "bad model!"})
    assert _error_code(refused) == "ai_endpoint.model_invalid" and KEY not in refused
    assert 'value="bad model!"' in refused  # what was typed comes back, the key does not

    export = await client.get("/api/account/export")
    assert export.status_code == 200
    with zipfile.ZipFile(io.BytesIO(export.content)) as archive:
        for name in archive.namelist():
            assert KEY.encode() not in archive.read(name), name
    assert KEY not in caplog.text
    assert own_llm.requests and all(KEY not in repr(r.body) for r in own_llm.requests)


async def test_a_private_endpoint_is_refused_unless_the_admin_allows_private_addresses(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    settings: Settings,
    redis: Redis,
    own_llm: FakeOpenAIServer,
    site_llm: FakeOpenAIServer,
) -> None:
    me = await register(client, "private@example.com")
    await update_setting(db, "llm_base_url", site_llm.base_url)
    await db.commit()
    page = await _save(client, _form(own_llm.base_url))  # 127.0.0.1: loopback
    assert _error_code(page) == "ai_endpoint.not_allowed"
    assert "private or local network" in page
    answer = await post_form(client, "/account/ai-endpoint/test", _form(own_llm.base_url))
    assert answer.status_code == 303 and own_llm.requests == []  # the test sent nothing either
    for url in ("ftp://example.com/v1", "http://user:pw@example.com/v1", "not a url", ""):
        assert _error_code(await _save(client, _form(url))) in {
            "ai_endpoint.url_invalid",
            "ai_endpoint.bad_url",
            "ai_endpoint.bad_scheme",
        }, url
    assert "ai_base_url" not in await _dump(db)  # nothing stored
    # Each save tests the endpoint first, counted with the tests (TESTS_PER_MINUTE): the
    # attempts above used this minute's.
    await redis.delete(*[key async for key in redis.scan_iter("ratelimit:ai-endpoint-test:*")])

    await _allow_private(db)
    # Cloud metadata stays refused even then.
    metadata = await _save(client, _form("http://169.254.169.254/v1"))
    assert _error_code(metadata) == "ai_endpoint.not_allowed"
    assert _error_code(await _save(client, _form(own_llm.base_url))) is None
    endpoint = await llm_endpoint(db, settings, user_id=me["id"], redis=redis)
    assert endpoint is not None and endpoint.base_url == own_llm.base_url

    # Private addresses forbidden again: the stored endpoint is no longer used.
    await _allow_private(db, False)
    endpoint = await llm_endpoint(db, settings, user_id=me["id"], redis=redis)
    assert endpoint is not None and endpoint.base_url == site_llm.base_url


async def test_when_the_admin_forbids_own_endpoints_the_form_is_refused_and_work_uses_the_sites(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    settings: Settings,
    redis: Redis,
    own_llm: FakeOpenAIServer,
    site_llm: FakeOpenAIServer,
) -> None:
    admin = await register(client, "forbid-admin@example.com")  # the first account: an admin
    await _allow_private(db)
    await update_setting(db, "llm_base_url", site_llm.base_url)
    await db.commit()
    assert _error_code(await _save(client, _form(own_llm.base_url))) is None
    endpoint = await llm_endpoint(db, settings, user_id=admin["id"], redis=redis)
    assert endpoint is not None and endpoint.base_url == own_llm.base_url
    assert await model_for_phase(db, "cv_import", endpoint) == "own-import"
    assert await model_for_phase(db, "cover_letter", endpoint) == "own-tailor"  # left empty
    assert await model_for_phase(db, "classify", endpoint) == "own-tailor"
    status = await engine_status(db, settings, admin["id"])  # what the pages say
    assert (status.mode, status.source, status.api_key) == ("llm", "user", "")
    dashboard = (await client.get("/", headers=EN)).text
    assert 'data-engine="llm"' in dashboard and "your own endpoint" in dashboard

    off = await post_form(client, "/admin/user-endpoints", {})  # an unticked box is not sent
    assert off.status_code == 303
    admin_page = (await client.get("/admin", headers=EN)).text
    box = re.search(r'<input type="checkbox" id="allow_user_llm_endpoints"[^>]*>', admin_page)
    assert box is not None and "checked" not in box.group(0)

    refused = await _save(client, _form(own_llm.base_url, tailoring="another-model"))
    assert _error_code(refused) == "ai_endpoint.forbidden"
    assert 'data-ai-endpoint="forbidden"' in refused
    assert "another-model" not in await _dump(db)
    endpoint = await llm_endpoint(db, settings, user_id=admin["id"], redis=redis)
    assert endpoint is not None and endpoint.base_url == site_llm.base_url
    assert endpoint.user_models is None and endpoint.api_key == ""  # the site's (no key)
    assert await model_for_phase(db, "cv_import", endpoint) == "gpt-4o-mini"  # the admin's
    assert (await engine_status(db, settings, admin["id"])).source == "settings"

    assert "is kept but not used" in refused and "Remove my endpoint" in refused

    on = await post_form(client, "/admin/user-endpoints", {"allow_user_llm_endpoints": "true"})
    assert on.status_code == 303
    endpoint = await llm_endpoint(db, settings, user_id=admin["id"], redis=redis)
    assert endpoint is not None and endpoint.base_url == own_llm.base_url  # kept meanwhile

    removed = await post_form(client, "/account/ai-endpoint/delete", {})
    assert removed.status_code == 303
    page = (await client.get("/account", headers=EN)).text
    assert "Your AI endpoint is removed" in page and 'data-ai-endpoint="none"' in page
    assert "own-tailor" not in await _dump(db)
    endpoint = await llm_endpoint(db, settings, user_id=admin["id"], redis=redis)
    assert endpoint is not None and endpoint.base_url == site_llm.base_url


async def test_a_change_of_secret_keeps_the_key_readable_and_rotation_moves_it(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    settings: Settings,
    redis: Redis,
    own_llm: FakeOpenAIServer,
    site_llm: FakeOpenAIServer,
) -> None:
    me = await register(client, "rotate@example.com")
    await _allow_private(db)
    await update_setting(db, "llm_base_url", site_llm.base_url)
    await db.commit()
    assert _error_code(await _save(client, _form(own_llm.base_url))) is None
    stored = (await db.execute(text("SELECT api_key_encrypted FROM user_llm_endpoint"))).scalar()
    await db.commit()

    changed = replace(
        settings, secret_key="a-new-secret", previous_secret_keys=(settings.secret_key,)
    )
    endpoint = await llm_endpoint(db, changed, user_id=me["id"], redis=redis)
    assert endpoint is not None and endpoint.api_key == KEY  # read under the previous secret
    assert await rotate_user_keys(db, changed) == (1, 0)
    await db.commit()
    rotated = (await db.execute(text("SELECT api_key_encrypted FROM user_llm_endpoint"))).scalar()
    assert rotated != stored and KEY not in str(rotated)
    assert await rotate_user_keys(db, changed) == (0, 0)  # nothing left to move

    forgotten = replace(changed, previous_secret_keys=())  # the old secret left the list
    endpoint = await llm_endpoint(db, forgotten, user_id=me["id"], redis=redis)
    assert endpoint is not None and endpoint.api_key == KEY

    # A secret lost altogether: the key cannot be read, the site's endpoint serves, the page says.
    lost = replace(settings, secret_key="yet-another", previous_secret_keys=())
    endpoint = await llm_endpoint(db, lost, user_id=me["id"], redis=redis)
    assert endpoint is not None and endpoint.base_url == site_llm.base_url
    assert await rotate_user_keys(db, lost) == (0, 1)
    await db.rollback()


async def test_usage_counts_calls_and_tokens_per_day_on_each_endpoint(redis: Redis) -> None:
    from datetime import UTC, datetime, timedelta

    from app.lib.llm.usage import record_call, usage_summary

    now = datetime(2026, 3, 31, 12, tzinfo=UTC)
    await record_call(redis, "u1", own=True, tokens=100, now=now)
    await record_call(redis, "u1", own=False, tokens=40, now=now)
    await record_call(redis, "u1", own=True, tokens=0, now=now)  # no usage reported: a call
    await record_call(redis, "u1", own=True, tokens=7, now=now - timedelta(days=29))
    await record_call(redis, "u1", own=True, tokens=1000, now=now - timedelta(days=30))  # out
    await record_call(redis, "u2", own=False, tokens=5, now=now)  # another user
    summary = await usage_summary(redis, "u1", now=now)
    assert (summary.today.own_calls, summary.today.own_tokens) == (2, 100)
    assert (summary.today.site_calls, summary.today.site_tokens) == (1, 40)
    assert (summary.last_days.own_calls, summary.last_days.own_tokens) == (3, 107)
    assert (summary.last_days.calls, summary.last_days.tokens) == (4, 147)
    assert (await usage_summary(redis, "nobody", now=now)).last_days.calls == 0


async def test_imports_offer_extractions_and_letters_use_the_users_endpoint_and_models(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    settings: Settings,
    redis: Redis,
    site_llm: FakeOpenAIServer,
) -> None:
    from app.domain.cvs.extraction import extract
    from app.domain.offers.extraction import extract_offer_fields
    from jobs.letters.writer import letter_engine
    from tests import factories
    from tests.integration.test_extraction_llm_failure import CV_TEXT, OFFER_TEXT

    with FakeOpenAIServer(api_key=KEY, models=("own-tailor", "own-import", "own-letters")) as own:
        bystander = (await register(client, "imports-site@example.com"))["id"]
        owner = (await register(client, "imports-own@example.com"))["id"]  # now signed in
        await _allow_private(db)
        await update_setting(db, "llm_base_url", site_llm.base_url)
        await db.commit()
        form = _form(own.base_url, letters="own-letters")
        assert _error_code(await _save(client, form)) is None
        assert {r.model for r in own.chat_requests} == {"own-tailor"}  # the save's own test
        own.requests.clear()

        offer = await factories.job_offer(db, owner, title="", company="", description=OFFER_TEXT)
        await extract_offer_fields(db, settings, offer, 1, 3, redis=redis)
        cv = await factories.source_cv(db, owner)
        cv.original_mime, cv.original_bytes = "text/plain", CV_TEXT.encode()
        await db.commit()
        await extract(db, settings, cv, 1, 3, redis=redis)
        engine = await letter_engine(db, settings, user_id=owner, redis=redis)
        assert engine is not None and engine.model == "own-letters"
        assert engine.endpoint.base_url == own.base_url
        sent = {r.model for r in own.chat_requests}
        assert sent and sent <= {"own-import"}, sent  # probes included: the import model
        assert site_llm.chat_requests == []

        theirs = await factories.job_offer(db, bystander, title="", description=OFFER_TEXT)
        await extract_offer_fields(db, settings, theirs, 1, 3, redis=redis)
        assert site_llm.chat_requests and {r.model for r in site_llm.chat_requests} == {
            "gpt-4o-mini"
        }
        assert {r.model for r in own.chat_requests} == {"own-import"}  # nothing more came


async def test_the_start_up_migration_re_encrypts_keys_under_the_new_secret(
    client: AsyncTestClient[Litestar],
    db: AsyncSession,
    settings: Settings,
    redis: Redis,
    own_llm: FakeOpenAIServer,
) -> None:
    import subprocess
    import sys

    from app.config import PROJECT_ROOT

    me = await register(client, "restart@example.com")
    await _allow_private(db)
    assert _error_code(await _save(client, _form(own_llm.base_url))) is None
    env = {
        "PATH": "/usr/bin:/bin",
        "DATA_DIR": str(settings.data_dir),
        "DATABASE_URL": settings.database_url,
        "SECRET_KEY": "the-next-secret",
        "CVTAILOR_PREVIOUS_SECRETS": f"something-older,{settings.secret_key}",
    }
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "migrate"],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert KEY not in done.stdout + done.stderr
    await db.commit()  # a fresh snapshot
    moved = replace(settings, secret_key="the-next-secret", previous_secret_keys=())
    endpoint = await llm_endpoint(db, moved, user_id=me["id"], redis=redis)
    assert endpoint is not None and endpoint.api_key == KEY
    # …and the old secret alone no longer reads it: it really was re-encrypted.
    endpoint = await llm_endpoint(db, settings, user_id=me["id"], redis=redis)
    assert endpoint is None  # unreadable: the site's engine serves, offline here


async def test_deleting_the_account_drops_its_usage_counters(
    client: AsyncTestClient[Litestar], db: AsyncSession, redis: Redis
) -> None:
    from app.lib.llm.usage import record_call, usage_summary

    await register(client, "first-admin@example.com")  # the only admin could not leave
    await client.post("/logout", headers={"x-csrftoken": client.cookies["csrftoken"]})
    client.cookies.clear()
    me = await register(client, "leaving-usage@example.com")
    other = "someone-else"
    await record_call(redis, me["id"], own=True, tokens=12)
    await record_call(redis, other, own=False, tokens=3)
    assert (await usage_summary(redis, me["id"])).today.calls == 1
    gone = await post_form(client, "/account/delete", {"password": "correct horse"})
    assert gone.status_code == 303, gone.text
    assert (await usage_summary(redis, me["id"])).last_days.calls == 0
    assert (await usage_summary(redis, other)).today.calls == 1
