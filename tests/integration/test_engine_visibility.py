"""The engine banner: the endpoint's address and the "configure one" call are an admin's; a member
reads what the engine does, in their language, and no address (templates/_partials/)."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.settings.service import update_setting
from tests.conftest import csrf_token, register

Client = AsyncTestClient[Litestar]
EN = {"accept-language": "en"}
FR = {"accept-language": "fr"}
ENDPOINT = "http://llm-gpu7.corp.internal:8081/v1"


async def _sign_out(client: Client) -> None:
    token = await csrf_token(client)
    await client.post("/logout", data={"_csrf_token": token}, follow_redirects=False)


async def test_a_member_sees_no_endpoint_address_anywhere_on_the_dashboard(
    client: Client, db: AsyncSession
) -> None:
    await register(client, "engine-admin@example.com")  # the first account is admin
    await update_setting(db, "llm_base_url", ENDPOINT)
    await db.commit()
    admin_page = (await client.get("/", headers=EN)).text
    assert 'data-engine="llm"' in admin_page and ENDPOINT in admin_page  # the admin's view
    await _sign_out(client)
    await register(client, "engine-member@example.com")
    for headers in (EN, FR):
        page = (await client.get("/", headers=headers)).text
        assert 'data-engine="llm"' in page
        assert ENDPOINT not in page and "llm-gpu7" not in page and "8081" not in page
        assert "data-engine-settings" not in page


async def test_a_member_gets_a_neutral_offline_message(client: Client) -> None:
    await register(client, "offline-admin@example.com")
    admin_page = (await client.get("/", headers=EN)).text
    assert "no LLM endpoint is configured" in admin_page and "data-engine-settings" in admin_page
    await _sign_out(client)
    await register(client, "offline-member@example.com")
    page = (await client.get("/", headers=EN)).text
    assert 'data-engine="offline"' in page
    assert "Your documents are written by the offline engine" in page
    for admin_only in ("endpoint", "administrator", "/admin", "configure"):
        assert admin_only not in page.lower(), admin_only
    french = (await client.get("/", headers=FR)).text
    assert "Vos documents sont rédigés par le moteur hors ligne" in french
    assert "/admin" not in french
