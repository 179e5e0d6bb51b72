"""The CV editor is one form with one Save: every section is posted and saved at once, as one
version; a refused save or an unsaved change comes back on the page after a 303 (PRG)."""

from __future__ import annotations

from html.parser import HTMLParser

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import csrf_token, register
from tests.integration.test_cv_import_pages import ENGLISH, content, htmx, make_cv, versions

Client = AsyncTestClient[Litestar]


class _EditorForm(HTMLParser):
    """The fields form#cv-editor posts, as a browser would send them untouched."""

    def __init__(self) -> None:
        super().__init__()
        self.fields: dict[str, str] = {}
        self.saves = 0
        self._inside = False
        self._textarea: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._inside = attr.get("id") == "cv-editor"
        if not self._inside:
            return
        name = attr.get("name", "")
        if tag == "button" and attr.get("value") == "save":
            self.saves += 1
        elif tag == "input" and name and attr.get("type") != "checkbox":
            self.fields[name] = attr.get("value", "")
        elif tag == "input" and name and "checked" in attr:
            self.fields[name] = "on"
        elif tag == "textarea":
            self._textarea = name
            self.fields[name] = ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._inside = False
        if tag == "textarea":
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea:
            self.fields[self._textarea] += data


def editor_form(html: str) -> _EditorForm:
    parsed = _EditorForm()
    parsed.feed(html)
    # A textarea's first newline is not part of its value.
    parsed.fields = {k: v.removeprefix("\n") for k, v in parsed.fields.items()}
    return parsed


async def _signed_in_with_cv(client: Client, db: AsyncSession, email: str) -> str:
    client.headers.update(ENGLISH)
    await register(client, email)
    return await make_cv(db, email)


async def test_one_save_keeps_every_section_as_one_version(
    client: Client, db: AsyncSession
) -> None:
    cv_id = await _signed_in_with_cv(client, db, "onesave@example.com")
    page = editor_form((await client.get(f"/cvs/{cv_id}")).text)
    assert page.saves == 2  # the hidden default (Enter) and the one visible Save
    assert "header-location" in page.fields and "summary-summary" in page.fields
    before = await versions(db, cv_id)
    posted = page.fields | {
        "header-location": "Lyon, France",
        "summary-summary": "Backend engineer who ships.",
        "action": "save",
    }
    saved = await client.post(f"/cvs/{cv_id}/edit", data=posted, follow_redirects=False)
    assert saved.status_code == 303
    assert saved.headers["location"] == f"/cvs/{cv_id}"
    data = await content(db, cv_id)
    assert data["header"]["contact"]["location"] == "Lyon, France"
    assert data["summary"] == "Backend engineer who ships."
    assert await versions(db, cv_id) == [*before, "user_edit"]  # one version for both
    shown = await client.get(saved.headers["location"])
    assert "Saved as a new version." in shown.text
    again = editor_form(shown.text).fields
    assert again["header-location"] == "Lyon, France"
    # The same form again, unchanged: no new version.
    same = await client.post(f"/cvs/{cv_id}/edit", data=again | {"action": "save"})
    assert "Nothing had changed" in same.text
    assert await versions(db, cv_id) == [*before, "user_edit"]


async def test_a_refused_save_keeps_everything_typed_and_saves_nothing(
    client: Client, db: AsyncSession
) -> None:
    cv_id = await _signed_in_with_cv(client, db, "refusedsave@example.com")
    page = editor_form((await client.get(f"/cvs/{cv_id}")).text)
    before, stored = await versions(db, cv_id), await content(db, cv_id)
    posted = page.fields | {
        "header-email": "not-an-email",
        "summary-summary": "Typed, not lost.",
        "action": "save",
    }
    refused = await client.post(f"/cvs/{cv_id}/edit", data=posted, follow_redirects=False)
    assert refused.status_code == 303
    assert refused.headers["location"] == f"/cvs/{cv_id}#section-header"
    assert await versions(db, cv_id) == before and await content(db, cv_id) == stored
    shown = await client.get(f"/cvs/{cv_id}")
    assert shown.status_code == 200
    assert "Enter a valid email address." in shown.text
    assert "Nothing was saved: correct the fields marked above." in shown.text
    kept = editor_form(shown.text).fields
    assert kept["header-email"] == "not-an-email"
    assert kept["summary-summary"] == "Typed, not lost."
    assert "data-dirty" in shown.text  # the page starts with its changes unsaved
    # Shown once: the next visit shows the stored CV.
    later = editor_form((await client.get(f"/cvs/{cv_id}")).text).fields
    assert later["header-email"] == stored["header"]["contact"]["email"]


async def test_section_actions_without_and_with_javascript(
    client: Client, db: AsyncSession
) -> None:
    cv_id = await _signed_in_with_cv(client, db, "sectionactions@example.com")
    page = editor_form((await client.get(f"/cvs/{cv_id}")).text)
    jobs = int(page.fields["experience-count"])
    posted = page.fields | {"summary-summary": "Edited first.", "action": "experience:add"}
    added = await client.post(f"/cvs/{cv_id}/edit", data=posted, follow_redirects=False)
    assert added.status_code == 303
    assert added.headers["location"] == f"/cvs/{cv_id}#section-experience"
    shown = await client.get(f"/cvs/{cv_id}")
    assert "Not saved yet" in shown.text
    kept = editor_form(shown.text).fields
    assert kept["experience-count"] == str(jobs + 1)
    assert kept["summary-summary"] == "Edited first."  # the other sections as typed
    # With htmx: the section alone comes back, unsaved, its fields still prefixed.
    token = await csrf_token(client)
    moved = await client.post(
        f"/cvs/{cv_id}/edit",
        data=page.fields | {"action": "experience:down-0"},
        headers=htmx(token),
    )
    assert moved.status_code == 200
    assert moved.text.lstrip().startswith(
        '<section class="card cv-section" id="section-experience"'
    )
    assert "<html" not in moved.text and "Not saved yet" in moved.text
    first = page.fields["experience-items-0-title"]
    assert f'name="experience-items-1-title" value="{first}"' in moved.text
    assert await versions(db, cv_id) == ["import"]  # nothing saved by any of these
