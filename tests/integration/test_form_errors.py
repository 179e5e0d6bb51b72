"""Every HTML form's refusal comes back as a page (``text/html``) showing the message as text.

A template rendered by a handler that Litestar defaults to JSON went out as
``application/json``: the browser then showed the page's HTML source, never the message.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

import httpx
from litestar import Litestar
from litestar.handlers import HTTPRouteHandler
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.domain.admin.pages import number_ranges
from tests import factories
from tests.conftest import csrf_token, register

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}


class _Page(HTMLParser):
    """What a browser shows: the text, the form fields' values, whether it is a whole page."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.values: list[str] = []
        self.tags: set[str] = set()
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "input":
            self.values.append(dict(attrs).get("value") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.text.append(data)


BACK = 303  # Post/Redirect/Get: the refusal redirects to the form's page, which says it


def shown(response: httpx.Response, status: int, message: str) -> _Page:
    """Check the refusal is an HTML page with ``message`` readable in it; return the page.
    ``BACK``: the post answered with a 303 and the page it leads to (a GET) says it."""
    if status == BACK:
        assert [r.status_code for r in response.history] == [BACK], response.history
        assert response.request.method == "GET", response.request
        status = 200
    assert response.status_code == status, (response.status_code, response.text[:500])
    assert response.headers["content-type"].startswith("text/html"), response.headers
    assert "&lt;form" not in response.text and "&lt;div" not in response.text
    page = _Page()
    page.feed(response.text)
    text = " ".join(" ".join(page.text).split())
    assert message in text, text[:2000]
    return page


async def signed_in(client: Client, email: str) -> str:
    client.headers.update(ENGLISH)
    await register(client, email)
    return await csrf_token(client)


async def user_id(db: AsyncSession, email: str) -> str:
    value = await db.scalar(select(User.id).where(User.email == email))
    await db.rollback()
    assert value is not None
    return value


async def test_cv_forms(client: Client) -> None:
    token = await signed_in(client, "cvforms@example.com")
    form = {"_csrf_token": token}
    wrong = await client.post(
        "/cvs/upload", data=form, files={"file": ("notes.txt", b"hello", "text/plain")}
    )
    page = shown(
        wrong,
        BACK,
        "Unsupported file: upload a PDF, a JSON Resume (.json) file or a picture of your CV",
    )
    assert "form" in page.tags and "html" in page.tags  # the whole page, the forms still there
    fake = await client.post(
        "/cvs/upload", data=form, files={"file": ("notes.pdf", b"hello", "application/pdf")}
    )
    shown(fake, BACK, "notes.pdf is not a PDF (it does not start with %PDF-).")
    empty = await client.post("/cvs/text", data=form | {"text": "   "})
    shown(empty, BACK, "The text is empty: paste your CV first.")
    short = await client.post("/cvs/text", data=form | {"text": "Jane <b>Doe</b>"})
    page = shown(short, BACK, "This text is too short to be a CV")
    assert "Jane <b>Doe</b>" in page.text  # what was pasted is kept, as text


async def test_offer_forms(client: Client) -> None:
    token = await signed_in(client, "offerforms@example.com")
    form = {"_csrf_token": token}
    empty = await client.post("/offers/text", data=form | {"text": ""})
    shown(empty, BACK, "The offer text is empty: paste the job offer first.")
    bad = await client.post("/offers/url", data=form | {"url": "not an address"})
    page = shown(bad, BACK, "Only http:// and https:// addresses can be fetched.")
    assert "not an address" in page.values  # the address is kept for correction
    private = await client.post("/offers/url", data=form | {"url": "http://127.0.0.1:9/job"})
    page = shown(private, BACK, "This address points to a private or local network")
    assert "http://127.0.0.1:9/job" in page.values
    no_file = {"file": ("", b"", "application/octet-stream")}
    invalid = await client.post("/offers/json", data=form | {"json": "{oops"}, files=no_file)
    shown(invalid, BACK, "This is not valid JSON.")
    nothing = await client.post("/offers/json", data=form | {"json": ""}, files=no_file)
    shown(nothing, BACK, "Choose a JSON file or paste the JSON.")


async def test_offer_edit_form(client: Client, db: AsyncSession) -> None:
    token = await signed_in(client, "offeredit@example.com")
    offer = await factories.job_offer(db, await user_id(db, "offeredit@example.com"))
    posted = {"_csrf_token": token, "title": "Kept title", "description": " ", "language": "de"}
    refused = await client.post(f"/offers/{offer.id}", data=posted)
    page = shown(refused, BACK, "The offer text cannot be empty.")
    assert "Choose French or English." in " ".join(page.text)
    assert "Kept title" in page.values


async def test_editor_section_form_plain_and_htmx(client: Client, db: AsyncSession) -> None:
    token = await signed_in(client, "editorform@example.com")
    cv = await factories.source_cv(db, await user_id(db, "editorform@example.com"))
    posted = {"name": "Jane Doe", "email": "not-an-email", "action": "save"}
    plain = await client.post(f"/cvs/{cv.id}/sections/header", data=posted | {"_csrf_token": token})
    page = shown(plain, BACK, "Enter a valid email address.")
    assert "html" in page.tags and "not-an-email" in page.values  # whole page, value kept
    whole = await client.post(
        f"/cvs/{cv.id}/edit",
        data={"header-name": "Jane Doe", "header-email": "not-an-email", "_csrf_token": token},
    )
    page = shown(whole, BACK, "Enter a valid email address.")
    assert "not-an-email" in page.values
    fragment = await client.post(
        f"/cvs/{cv.id}/sections/header",
        data=posted,
        headers={"hx-request": "true", "x-csrftoken": token},
    )
    page = shown(fragment, 422, "Enter a valid email address.")
    assert "html" not in page.tags and "not-an-email" in page.values  # the section alone


async def test_generation_start_form(client: Client) -> None:
    token = await signed_in(client, "genform@example.com")
    refused = await client.post("/generations", data={"_csrf_token": token, "mode": "adapt"})
    shown(
        refused,
        BACK,
        "Tick at least one offer above: nothing was started, and your choices are kept.",
    )


async def test_account_and_admin_forms(client: Client, another_client: Any) -> None:
    token = await signed_in(client, "firstadmin@example.com")  # the first account is the admin
    wrong = await client.post(
        "/account/password",
        data={"_csrf_token": token, "current_password": "wrong", "new_password": "x" * 20},
    )
    shown(wrong, BACK, "The current password is wrong.")
    numbers = {name: str(low) for name, (low, _high) in number_ranges().items()}
    bad = await client.post(
        "/admin/pipeline", data=numbers | {"max_retries": "99", "_csrf_token": token}
    )
    shown(bad, BACK, "max_retries: 0–5")
    async with another_client() as visitor:
        visitor.headers.update(ENGLISH)
        visitor_token = await csrf_token(visitor)
        taken = await visitor.post(
            "/register",
            data={
                "email": "firstadmin@example.com",
                "password": "correct horse battery",
                "_csrf_token": visitor_token,
            },
        )
        page = shown(taken, BACK, "An account with this email already exists.")
        assert "firstadmin@example.com" in page.values
        visitor_token = await csrf_token(visitor)  # the refusal's flash began a session
        login = await visitor.post(
            "/login",
            data={
                "email": "firstadmin@example.com",
                "password": "nope",
                "_csrf_token": visitor_token,
            },
        )
        shown(login, BACK, "Wrong email or password.")


def test_no_layer_replaces_the_hook_that_makes_pages_html(app: Litestar) -> None:
    """Litestar runs only the innermost ``after_request``: one set on a controller or route
    would silently drop ``pages_are_html`` there."""
    for route in app.routes:
        for handler in getattr(route, "route_handlers", []):
            if isinstance(handler, HTTPRouteHandler):
                hooks = [layer for layer in handler.ownership_layers if layer.after_request]
                assert hooks == [app], (route.path, hooks)


async def test_refusals_before_the_form_is_read_are_pages_too(client: Client) -> None:
    """An unknown row (404) or a missing CSRF token (403) on a page route: the error page."""
    token = await signed_in(client, "refusals@example.com")
    unknown = await client.post("/offers/no-such-offer", data={"_csrf_token": token})
    shown(unknown, 404, "No such job offer.")
    forged = await client.post("/cvs/text", data={"text": "x"})
    assert 'data-error-code="csrf_failed"' in forged.text
    shown(forged, 403, "CSRF")  # refused before the request's language is chosen
