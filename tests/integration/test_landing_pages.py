"""Guidance around the app: the signed-out landing page (sign-up as the server allows it), the
empty dashboard's calls to action, the offline-engine banner's link for admins, the offers'
"select all" box, the favicon, and error pages that keep the signed-in header."""

from __future__ import annotations

import html

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.settings.service import update_setting
from tests import factories
from tests.conftest import csrf_token, register

Client = AsyncTestClient[Litestar]
EN = {"accept-language": "en"}
FR = {"accept-language": "fr"}


async def _sign_out(client: Client) -> None:
    token = await csrf_token(client)
    response = await client.post("/logout", data={"_csrf_token": token}, follow_redirects=False)
    assert response.status_code in (302, 303), response.text


async def _set_registration(db: AsyncSession, mode: str) -> None:
    await update_setting(db, "registration", mode)
    await db.commit()


async def test_landing_explains_the_app_and_offers_sign_up_when_open(client: Client) -> None:
    page = await client.get("/", headers=EN, follow_redirects=False)
    assert page.status_code == 200
    assert "One honest CV per job offer" in page.text
    for point in ("Import your CV", "Add job offers", "One tailored PDF per offer"):
        assert point in page.text
    assert "it invents no skill, no job, no date" in page.text
    assert 'action="/login"' in page.text and 'name="password"' in page.text
    assert 'data-sign-up="open"' in page.text and 'href="/register"' in page.text
    assert "Create an account" in page.text
    french = await client.get("/", headers=FR)
    assert "Un CV honnête par offre d'emploi" in html.unescape(french.text)
    assert "Créer un compte" in french.text


async def test_landing_follows_the_registration_mode(client: Client, db: AsyncSession) -> None:
    await register(client, "landing-admin@example.com")  # the install is no longer empty
    await _sign_out(client)
    token = await csrf_token(client)
    await _set_registration(db, "invitation")
    page = await client.get("/", headers=EN)
    assert 'data-sign-up="invitation"' in page.text and "by invitation" in page.text
    assert 'href="/register"' not in page.text
    login = await client.get("/login", headers=EN)  # the sign-in page says the same
    assert 'data-sign-up="invitation"' in login.text and 'href="/register"' not in login.text
    await _set_registration(db, "closed")
    page = await client.get("/", headers=EN)
    assert "data-sign-up=" not in page.text and 'href="/register"' not in page.text
    assert 'action="/login"' in page.text  # signing in is still possible
    for login in (
        await client.get("/login", headers=EN),
        await client.post(
            "/login",
            data={"email": "x@example.com", "password": "wrong", "_csrf_token": token},
            headers=EN,
        ),
    ):
        assert login.status_code == 200 and 'href="/register"' not in login.text
    await _set_registration(db, "open")
    assert 'href="/register"' in (await client.get("/", headers=EN)).text
    assert 'href="/register"' in (await client.get("/login", headers=EN)).text


async def test_an_empty_install_always_offers_sign_up(client: Client, db: AsyncSession) -> None:
    await _set_registration(db, "closed")  # the first account must still be creatable
    page = await client.get("/", headers=EN)
    assert 'data-sign-up="open"' in page.text


async def test_empty_dashboard_cards_have_calls_to_action(client: Client, db: AsyncSession) -> None:
    me = await register(client, "landing-empty@example.com")
    page = (await client.get("/", headers=EN)).text
    assert 'data-cta="import-cv"' in page and 'href="/cvs"' in page and "Import your CV" in page
    assert 'data-cta="add-offer"' in page and "Add an offer" in page
    assert 'data-cta="tailor"' in page and "Tailor your CV" in page
    french = (await client.get("/", headers=FR)).text
    assert "Importer votre CV" in french and "Ajouter une offre" in french
    await factories.source_cv(db, me["id"])
    await factories.job_offer(db, me["id"], title="Data engineer")
    page = (await client.get("/", headers=EN)).text
    assert 'data-cta="import-cv"' not in page and 'data-cta="add-offer"' not in page
    assert 'data-cta="tailor"' in page  # still no tailored CV


async def test_offline_banner_links_admins_only_to_the_llm_settings(client: Client) -> None:
    await register(client, "landing-admin2@example.com")  # the first account is admin
    page = (await client.get("/", headers=EN)).text
    assert 'data-engine="offline"' in page
    assert 'href="/admin#endpoint" data-engine-settings' in page
    await _sign_out(client)
    await register(client, "landing-user@example.com")
    page = (await client.get("/", headers=EN)).text
    assert 'data-engine="offline"' in page and "data-engine-settings" not in page


async def test_offers_have_a_select_all_box(client: Client, db: AsyncSession) -> None:
    me = await register(client, "landing-offers@example.com")
    for title in ("Offer one", "Offer two"):
        await factories.job_offer(db, me["id"], title=title)
    page = (await client.get("/offers", headers=EN)).text
    # Hidden until its script runs: without JavaScript each offer is ticked on its own.
    assert 'data-select-all="job_offer_ids" hidden' in page
    assert 'aria-label="Select all offers"' in page
    assert '<script src="/static/js/select_all.js" defer></script>' in page
    assert page.count('name="job_offer_ids"') == 2  # the master box is never submitted
    script = await client.get("/static/js/select_all.js")
    assert script.status_code == 200 and "data-select-all" in script.text


async def test_favicon_is_linked_and_served(client: Client) -> None:
    page = (await client.get("/", headers=EN)).text
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in page
    icon = await client.get("/static/favicon.svg")
    assert icon.status_code == 200
    assert icon.headers["content-type"].startswith("image/svg+xml")
    assert icon.text.startswith("<svg") and "http" not in icon.text.replace(
        "http://www.w3.org/2000/svg", ""
    )


async def test_error_pages_keep_the_signed_in_header(client: Client) -> None:
    signed_out = await client.get("/no-such-page", headers=EN)
    assert signed_out.status_code == 404
    assert 'href="/login"' in signed_out.text and "Sign out" not in signed_out.text
    await register(client, "landing-404@example.com")
    for path in ("/no-such-page", "/offers/no-such-offer", "/static/nothing.css"):
        page = await client.get(path, headers=EN)
        assert page.status_code == 404, path
        assert "Sign out" in page.text and 'href="/account"' in page.text, path
        assert "sse-connect=" in page.text, path
    # The user's language is kept too.
    french = await client.get("/no-such-page", headers=FR)
    assert "Se déconnecter" in french.text
