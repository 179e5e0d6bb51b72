"""A tailored CV's review and version restore carry the version their page was read at, as the CV
editor's forms do (app/domain/cvs/editor_version.py): a click from a tab opened before another
tab's change writes nothing and says the CV changed elsewhere; the page it comes back to carries
the version now saved, so the next click counts. Two "tabs" are two reads of the same page by one
signed-in user; no worker is needed (a review re-assembles the CV without rendering it)."""

from __future__ import annotations

import re

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.domain.renders import rendering
from app.lib.cv_content import CvContent
from app.lib.pdf_render.samples import sample_cv
from tests.conftest import csrf_token, post_form, register
from tests.integration.test_renders import add_cv, get_cv_row
from tests.integration.test_review_changes import tailoring, version_count
from tests.prg import followed

Client = AsyncTestClient[Litestar]
Sessions = async_sessionmaker[AsyncSession]
CHANGED = "This CV changed elsewhere (in another tab or on another device) since you opened it"
REVERT_LINE = {"action": "revert_bullet", "item": "exp_ledger", "bullet": "0"}  # a reworded one


async def _tailored_cv(client: Client, sessions: Sessions, email: str) -> str:
    """A signed-in user's tailored CV (version 1) and its source, read in English."""
    me = await register(client, email)
    client.headers["accept-language"] = "en"
    source = sample_cv("en")
    tailored, meta = tailoring(source, await add_cv(sessions, me["id"], source))
    return await add_cv(sessions, me["id"], tailored, kind="generated", meta=meta)


def _carried(html: str, action: str) -> str:
    """The version a page's form posting to ``action`` carries (each such form the same one)."""
    forms = re.findall(rf'<form[^>]*action="{re.escape(action)}".*?</form>', html, re.S)
    assert forms, action
    found = {re.findall(r'name="version" value="([^"]*)"', form)[0] for form in forms}
    assert len(found) == 1, found
    return found.pop()


def _htmx(token: str) -> dict[str, str]:
    return {"hx-request": "true", "x-csrftoken": token}


async def test_a_stale_changes_tab_writes_nothing_and_comes_back_current(
    client: Client, session_factory: Sessions, backend: str
) -> None:
    cv_id = await _tailored_cv(client, session_factory, "review-tabs@example.com")
    url = f"/cvs/{cv_id}/changes"
    one, two = (await client.get(url)).text, (await client.get(url)).text
    assert _carried(one, url) == _carried(two, url) == "1"

    # Tab one takes the candidate's headline back…
    first = await post_form(client, url, {"action": "revert_title", "version": _carried(one, url)})
    assert first.status_code == 303 and first.headers["location"] == f"{url}?saved=2"
    after_one = (await get_cv_row(session_factory, cv_id)).content
    # …tab two, still showing the tailored headline, takes a line's wording back: refused.
    second = await post_form(client, url, REVERT_LINE | {"version": _carried(two, url)})
    assert second.status_code == 303 and second.headers["location"] == url
    assert await version_count(session_factory, cv_id) == 2
    assert (await get_cv_row(session_factory, cv_id)).content == after_one

    page = await followed(client, second)
    assert CHANGED in page.text and 'data-error-code="cv.changed_elsewhere"' in page.text
    assert "Your headline back" in page.text  # tab one's change, shown now
    assert _carried(page.text, url) == "2"
    again = await post_form(client, url, REVERT_LINE | {"version": "2"})
    assert again.headers["location"] == f"{url}?saved=3"
    saved = CvContent.from_json((await get_cv_row(session_factory, cv_id)).content)
    source = sample_cv("en")
    assert saved.experience[0].bullets[0] == source.experience[0].bullets[0]
    assert saved.header.current_title == source.header.current_title  # both changes stand

    # Older clients send no version: not checked.
    unchecked = await post_form(client, url, {"action": "remove_skill", "skill": "Python"})
    assert unchecked.headers["location"] == f"{url}?saved=4"


async def test_the_htmx_fragment_says_it_and_carries_the_new_version(
    client: Client, session_factory: Sessions
) -> None:
    cv_id = await _tailored_cv(client, session_factory, "review-htmx-tabs@example.com")
    url = f"/cvs/{cv_id}/changes"
    stale = _carried((await client.get(url)).text, url)
    headers = _htmx(await csrf_token(client))

    done = await client.post(url, data={"action": "revert_title", "version": "1"}, headers=headers)
    assert done.status_code == 200 and 'data-testid="review-saved"' in done.text
    assert _carried(done.text, url) == "2"  # the swapped buttons write from the new version

    refused = await client.post(
        url,
        data={"action": "restore_item", "item": "exp_support", "version": stale},
        headers=headers,
    )
    assert refused.status_code == 200 and "<html" not in refused.text
    assert 'data-error-code="cv.changed_elsewhere"' in refused.text and CHANGED in refused.text
    assert 'data-testid="review-saved"' not in refused.text
    assert _carried(refused.text, url) == "2"
    assert await version_count(session_factory, cv_id) == 2
    assert "IT Support Technician" not in str((await get_cv_row(session_factory, cv_id)).content)

    again = await client.post(
        url,
        data={"action": "restore_item", "item": "exp_support", "version": "2"},
        headers=headers,
    )
    assert 'data-testid="review-saved"' in again.text and _carried(again.text, url) == "3"


async def test_the_review_api_refuses_a_stale_version_with_both(
    client: Client, session_factory: Sessions, backend: str
) -> None:
    cv_id = await _tailored_cv(client, session_factory, "review-api-tabs@example.com")
    client.headers["x-csrftoken"] = await csrf_token(client)
    url = f"/api/cvs/{cv_id}/changes"
    read = (await client.get(f"/api/cvs/{cv_id}")).json()["version"]
    assert read == 1

    saved = await client.post(url, json={"action": "revert_title", "version": read})
    assert saved.status_code == 200, saved.text
    assert saved.json()["version"] == 2 and saved.headers["etag"] == '"2"'
    before = (await get_cv_row(session_factory, cv_id)).content
    line = {"action": "revert_bullet", "item": "exp_ledger", "bullet": 0}
    for stale in (
        client.post(url, json=line | {"version": read}),
        client.post(url, json=line, headers={"if-match": '"1"'}),
    ):
        refused = await stale
        assert refused.status_code == 409, refused.text
        body = refused.json()
        assert body["error"] == "cv.changed_elsewhere"
        assert (body["version"], body["readVersion"]) == (2, 1)
        assert body["content"] == before
    assert await version_count(session_factory, cv_id) == 2
    assert (await get_cv_row(session_factory, cv_id)).content == before

    fresh = await client.post(url, json=line, headers={"if-match": saved.headers["etag"]})
    assert fresh.status_code == 200 and fresh.json()["version"] == 3


async def _versioned_cv(client: Client, sessions: Sessions, email: str) -> str:
    """A CV at version 2 (an edit of its import), for restores."""
    me = await register(client, email)
    client.headers["accept-language"] = "en"
    original = sample_cv("en")
    edited = original.model_copy(deep=True)
    edited.summary = "Edited summary after import."
    return await add_cv(
        sessions, me["id"], edited, versions=[(original, "import"), (edited, "user_edit")]
    )


async def test_a_restore_from_a_stale_preview_restores_nothing(
    client: Client, session_factory: Sessions, monkeypatch: pytest.MonkeyPatch, backend: str
) -> None:
    monkeypatch.setattr(rendering, "WAIT_FOR_RENDER_SECONDS", 0.2)  # no worker: no PDF, quickly
    cv_id = await _versioned_cv(client, session_factory, "restore-tabs@example.com")
    restore = f"/cvs/{cv_id}/preview/versions/1/restore"
    one = (await client.get(f"/cvs/{cv_id}/preview")).text
    two = (await client.get(f"/cvs/{cv_id}/preview")).text
    assert _carried(one, restore) == _carried(two, restore) == "2"

    first = await post_form(client, restore, {"version": _carried(one, restore)})
    assert first.status_code == 303 and first.headers["location"] == f"/cvs/{cv_id}/preview"
    assert await version_count(session_factory, cv_id) == 3
    second = await post_form(client, restore, {"version": _carried(two, restore)})
    assert second.status_code == 303
    assert await version_count(session_factory, cv_id) == 3  # nothing restored twice

    page = await followed(client, second)
    assert "nothing was restored" in page.text
    assert 'data-error-code="cv.changed_elsewhere"' in page.text
    assert _carried(page.text, f"/cvs/{cv_id}/preview/versions/2/restore") == "3"


async def test_a_restore_swapped_with_htmx_carries_the_version_too(
    client: Client, session_factory: Sessions
) -> None:
    cv_id = await _versioned_cv(client, session_factory, "restore-htmx-tabs@example.com")
    headers = _htmx(await csrf_token(client))
    listing = f"/cvs/{cv_id}/preview/versions"
    stale = (await client.get(listing, headers={"hx-request": "true"})).text
    restore_one, restore_two = (f"{listing}/{n}/restore" for n in (1, 2))
    assert f'hx-post="{restore_one}"' in stale and _carried(stale, restore_one) == "2"

    done = await client.post(restore_one, data={"version": "2"}, headers=headers)
    assert done.status_code == 200 and "Version 3 restored." in done.text
    assert _carried(done.text, restore_two) == "3"
    # The stale list's own button, clicked again: refused, not a second restore.
    refused = await client.post(
        restore_one, data={"version": _carried(stale, restore_one)}, headers=headers
    )
    assert refused.status_code == 200 and 'id="cv-versions"' in refused.text
    assert "nothing was restored" in refused.text and "Version 4 restored." not in refused.text
    assert _carried(refused.text, restore_two) == "3"
    assert await version_count(session_factory, cv_id) == 3
    summary = CvContent.from_json((await get_cv_row(session_factory, cv_id)).content).summary
    assert summary == sample_cv("en").summary  # version 1's, as restored by the first click


async def test_the_restore_api_refuses_a_stale_version(
    client: Client, session_factory: Sessions, backend: str
) -> None:
    cv_id = await _versioned_cv(client, session_factory, "restore-api-tabs@example.com")
    client.headers["x-csrftoken"] = await csrf_token(client)
    read = (await client.get(f"/api/cvs/{cv_id}")).json()["version"]
    assert read == 2

    done = await client.post(f"/api/cvs/{cv_id}/versions/1/restore", json={"version": read})
    assert done.status_code == 200, done.text
    assert done.json()["version"] == 3 and done.headers["etag"] == '"3"'
    for stale in (
        client.post(f"/api/cvs/{cv_id}/versions/2/restore", json={"version": read}),
        client.post(f"/api/cvs/{cv_id}/versions/2/restore", headers={"if-match": '"2"'}),
    ):
        refused = await stale
        assert refused.status_code == 409, refused.text
        body = refused.json()
        assert body["error"] == "cv.changed_elsewhere"
        assert (body["version"], body["readVersion"]) == (3, 2)
    assert await version_count(session_factory, cv_id) == 3

    unchecked = await client.post(f"/api/cvs/{cv_id}/versions/2/restore")  # older clients
    assert unchecked.status_code == 200 and unchecked.json()["version"] == 4
