"""Every write of a CV carries the version it was read at (app/domain/cvs/editor_version.py): a
save from a page or an API read older than the CV saves nothing and says it changed elsewhere,
with what was typed and what is saved now side by side; a save from the current version saves
and moves the version on. Two "tabs" are two reads of the same page by one signed-in user."""

from __future__ import annotations

import asyncio
import re

import httpx
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests import factories
from tests.conftest import csrf_token, post_form, register
from tests.integration.test_cv_editor_form import editor_form
from tests.integration.test_cv_import_pages import ENGLISH, content, htmx, make_cv, versions
from tests.prg import followed

Client = AsyncTestClient[Litestar]
CHANGED = "This CV changed elsewhere (in another tab or on another device) since you opened it"


async def _signed_in_with_cv(client: Client, db: AsyncSession, email: str) -> str:
    client.headers.update(ENGLISH)
    await register(client, email)
    return await make_cv(db, email)  # imported: version 1


async def _tab(client: Client, cv_id: str) -> dict[str, str]:
    """The editor's fields as a freshly opened tab would post them."""
    return editor_form((await client.get(f"/cvs/{cv_id}")).text).fields


def _move_form(html: str) -> dict[str, str]:
    """The fields of the page's "Move bullets" form, as the browser would post them."""
    form = re.search(r'data-testid="move-bullets">.*?</form>', html, re.S)
    assert form is not None
    return dict(re.findall(r'<input[^>]*\bname="([^"]+)"[^>]*\bvalue="([^"]*)"', form.group(0)))


def _saved_now(html: str) -> str:
    """The "what is saved now" block of the page (empty when there is none)."""
    found = re.search(r'data-testid="saved-now">(.*?)</div>', html, re.S)
    return found.group(1) if found else ""


async def test_a_second_tab_saving_the_summary_is_told_and_the_first_save_stands(
    client: Client, db: AsyncSession, backend: str
) -> None:
    cv_id = await _signed_in_with_cv(client, db, "twotabs@example.com")
    one, two = await _tab(client, cv_id), await _tab(client, cv_id)
    first = await client.post(
        f"/cvs/{cv_id}/edit",
        data=one | {"summary-summary": "Written in tab one.", "action": "save"},
        follow_redirects=False,
    )
    assert first.status_code == 303 and first.headers["location"] == f"/cvs/{cv_id}"
    second = await client.post(
        f"/cvs/{cv_id}/edit",
        data=two | {"summary-summary": "Written in tab two.", "action": "save"},
        follow_redirects=False,
    )
    assert second.status_code == 303
    assert second.headers["location"] == f"/cvs/{cv_id}#section-summary"
    assert (await content(db, cv_id))["summary"] == "Written in tab one."
    assert await versions(db, cv_id) == ["import", "user_edit"]  # nothing written by tab two

    page = await followed(client, second)
    assert CHANGED in page.text and "nothing was saved" in page.text
    assert "Written in tab one." in _saved_now(page.text)  # what is saved now, beside…
    kept = editor_form(page.text).fields
    assert kept["summary-summary"] == "Written in tab two."  # …what was typed, not lost
    assert kept["version"] == "2"  # a second Save is made with both in view
    again = await client.post(f"/cvs/{cv_id}/edit", data=kept | {"action": "save"})
    assert again.status_code == 200 and "Saved as a new version." in again.text
    assert (await content(db, cv_id))["summary"] == "Written in tab two."
    assert editor_form(again.text).fields["version"] == "3"


async def test_sections_the_stale_tab_did_not_change_take_what_is_saved(
    client: Client, db: AsyncSession
) -> None:
    cv_id = await _signed_in_with_cv(client, db, "merge-tabs@example.com")
    one, two = await _tab(client, cv_id), await _tab(client, cv_id)
    await client.post(
        f"/cvs/{cv_id}/edit", data=one | {"summary-summary": "Tab one's summary.", "action": "save"}
    )
    refused = await client.post(
        f"/cvs/{cv_id}/edit", data=two | {"header-location": "Lyon, France", "action": "save"}
    )
    assert CHANGED in refused.text and 'data-testid="refreshed"' in refused.text
    kept = editor_form(refused.text).fields
    assert kept["header-location"] == "Lyon, France"  # typed here
    assert kept["summary-summary"] == "Tab one's summary."  # not changed here: as saved
    assert _saved_now(refused.text) == ""  # no section was changed by both
    await client.post(f"/cvs/{cv_id}/edit", data=kept | {"action": "save"})
    data = await content(db, cv_id)
    assert data["summary"] == "Tab one's summary."
    assert data["header"]["contact"]["location"] == "Lyon, France"


async def test_moving_bullets_from_a_stale_page_moves_nothing(
    client: Client, db: AsyncSession, backend: str
) -> None:
    me = await register(client, "stale-move@example.com")
    client.headers.update(ENGLISH)
    cv = await factories.misread_source_cv(db, me["id"], piled=10)
    tab_b = _move_form((await client.get(f"/cvs/{cv.id}")).text)

    # Tab A writes a bullet at the top of the piled job, and saves.
    tab_a = await _tab(client, cv.id)
    row = next(i for i in range(3) if tab_a[f"experience-items-{i}-id"] == "exp_2")
    bullets = f"experience-items-{row}-bullets"
    tab_a[bullets] = "Written in tab A.\n" + tab_a[bullets]
    await client.post(f"/cvs/{cv.id}/edit", data=tab_a | {"action": "save"})
    await db.refresh(cv)
    after_a = cv.content

    # Tab B, still showing the job without it, moves bullets 1–5 to the first job.
    choice = {"source": "exp_2", "first": "1", "last": "5", "target": "exp_1"}
    moved = await post_form(client, f"/cvs/{cv.id}/fixes/move-bullets", tab_b | choice)
    assert moved.status_code == 303 and moved.headers["location"].endswith("#section-experience")
    await db.refresh(cv)
    assert cv.content == after_a  # tab A's bullet stays where tab A wrote it
    assert cv.content["experience"][1]["bullets"][0] == "Written in tab A."
    assert cv.content["experience"][0]["bullets"] == []

    page = await followed(client, moved)
    assert CHANGED in page.text and "nothing was changed" in page.text
    shown = _move_form(page.text)
    assert (shown["first"], shown["last"]) == ("1", "5")  # the choice kept…
    assert '<option value="exp_1" selected>' in page.text
    assert (tab_b["version"], shown["version"]) == ("0", "1")  # …from tab A's version now
    again = await post_form(client, f"/cvs/{cv.id}/fixes/move-bullets", shown | choice)
    assert again.status_code == 303
    await db.refresh(cv)
    assert cv.content["experience"][0]["bullets"][0] == "Written in tab A."  # seen, then moved


async def test_the_api_refuses_a_stale_version_with_both_sides(
    client: Client, db: AsyncSession, backend: str
) -> None:
    me = await register(client, "api-versions@example.com")
    client.headers["x-csrftoken"] = await csrf_token(client)
    cv = await factories.source_cv(db, me["id"])
    read = (await client.get(f"/api/cvs/{cv.id}")).json()
    theirs = read["content"] | {"summary": "Saved by the first client."}
    mine = read["content"] | {"summary": "Saved by the second client."}

    saved = await client.put(f"/api/cvs/{cv.id}", json={"content": theirs, "version": 0})
    assert saved.status_code == 200, saved.text[:300]
    stale = await client.put(f"/api/cvs/{cv.id}", json={"content": mine, "version": 0})
    assert stale.status_code == 409
    assert read["version"] == 0 and saved.json()["version"] == 1
    assert saved.headers["etag"] == '"1"'
    body = stale.json()
    assert body["error"] == "cv.changed_elsewhere"
    assert (body["version"], body["readVersion"]) == (1, 0)
    assert body["content"]["summary"] == "Saved by the first client."
    assert body["yourContent"]["summary"] == "Saved by the second client."
    by_header = await client.put(
        f"/api/cvs/{cv.id}", json={"content": mine}, headers={"if-match": '"0"'}
    )
    assert by_header.status_code == 409
    now = await client.get(f"/api/cvs/{cv.id}")
    assert now.json()["content"]["summary"] == "Saved by the first client."
    assert now.json()["version"] == 1 and now.headers["etag"] == '"1"'

    fresh = await client.put(
        f"/api/cvs/{cv.id}", json={"content": mine}, headers={"if-match": saved.headers["etag"]}
    )
    assert fresh.status_code == 200 and fresh.json()["version"] == 2


async def test_two_saves_from_one_version_at_the_same_moment_save_once(
    api: httpx.AsyncClient, db: AsyncSession, backend: str
) -> None:
    # Over a real socket (``api``): the in-process client would serve one request at a time.
    me = (
        await api.post(
            "/api/auth/register",
            json={"email": "same-moment@example.com", "password": "correct horse"},
        )
    ).json()
    cv_id = (await factories.source_cv(db, me["id"])).id
    read = (await api.get(f"/api/cvs/{cv_id}")).json()

    async def save(summary: str) -> httpx.Response:
        body = {"content": read["content"] | {"summary": summary}, "version": read["version"]}
        return await api.put(f"/api/cvs/{cv_id}", json=body)

    answers = await asyncio.gather(*(save(f"From device {n}.") for n in range(4)))
    assert sorted(a.status_code for a in answers) == [200, 409, 409, 409]
    winner = next(a for a in answers if a.status_code == 200).json()["content"]["summary"]
    assert (await content(db, cv_id))["summary"] == winner
    assert len((await api.get(f"/api/cvs/{cv_id}")).json()["versions"]) == 1


async def test_a_section_saved_alone_with_htmx_carries_the_version_too(
    client: Client, db: AsyncSession
) -> None:
    cv_id = await _signed_in_with_cv(client, db, "htmx-versions@example.com")
    token = await csrf_token(client)
    saved = await client.post(
        f"/cvs/{cv_id}/sections/summary",
        data={"summary": "Saved alone.", "version": "1", "action": "save"},
        headers=htmx(token),
    )
    assert saved.status_code == 200
    # Every form of the page takes the new version (one out-of-band swap).
    assert 'value="2" class="cv-version" hx-swap-oob="outerHTML:.cv-version"' in saved.text

    stale = await client.post(
        f"/cvs/{cv_id}/sections/summary",
        data={"summary": "From an older page.", "version": "1", "action": "save"},
        headers=htmx(token),
    )
    assert stale.status_code == 409
    assert CHANGED in stale.text and "Saved alone." in _saved_now(stale.text)
    assert ">From an older page.</textarea>" in stale.text  # what was typed, still there
    assert (await content(db, cv_id))["summary"] == "Saved alone."


async def test_every_other_cv_form_from_a_stale_page_changes_nothing(
    client: Client, db: AsyncSession
) -> None:
    cv_id = await _signed_in_with_cv(client, db, "stale-fixes@example.com")
    stale_page = (await client.get(f"/cvs/{cv_id}")).text
    tab = editor_form(stale_page).fields
    await client.post(f"/cvs/{cv_id}/edit", data=tab | {"summary-summary": "v2", "action": "save"})
    await client.post(f"/cvs/{cv_id}/edit", data=tab | {"summary-summary": "v3", "version": "2"})
    assert (await content(db, cv_id))["summary"] == "v3"

    # "Restore" on version 2 from a list read before version 3 was saved; then from now.
    restore = re.search(r'action="(/cvs/[^"]+/restore)"', (await client.get(f"/cvs/{cv_id}")).text)
    assert restore is not None
    refused = await post_form(client, restore.group(1), {"version": "2"})
    refused = await followed(client, refused)
    assert "nothing was restored" in refused.text
    assert (await content(db, cv_id))["summary"] == "v3"
    done = await post_form(client, restore.group(1), {"version": "3"})
    assert done.status_code == 303 and (await content(db, cv_id))["summary"] == "v2"

    # A section posted on its own (no JavaScript): typed and saved now, both on the page.
    alone = await post_form(
        client, f"/cvs/{cv_id}/sections/summary", {"summary": "Typed alone.", "version": "3"}
    )
    alone = await followed(client, alone)
    assert CHANGED in alone.text and "v2" in _saved_now(alone.text)
    assert editor_form(alone.text).fields["summary-summary"] == "Typed alone."

    place = {"line": "not in the file", "target": "summary", "version": "3"}
    placed = await followed(
        client, await post_form(client, f"/cvs/{cv_id}/fixes/place-line", place)
    )
    assert "nothing was changed" in placed.text
    skill = {"section": "languages", "item": "0|English", "version": "3"}
    to_skill = await followed(
        client, await post_form(client, f"/cvs/{cv_id}/fixes/to-skill", skill)
    )
    assert "nothing was changed" in to_skill.text
    garbage = await post_form(
        client, f"/cvs/{cv_id}/edit", tab | {"summary-summary": "x", "version": "²"}
    )
    assert CHANGED in (await followed(client, garbage)).text
    assert await versions(db, cv_id) == ["import", "user_edit", "user_edit", "user_edit"]
