"""Two sign-ups racing on one single-use invitation link: exactly one account is made.

End to end, both requests are held inside the password hasher until both are there, so they
reach the database at about the same moment; the second test forces the worst order (the loser
reads the link as unused while the winner holds it), which only the conditional UPDATE in
app/domain/invitations/services.py survives.
"""

from __future__ import annotations

import asyncio
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from app.config import Settings
from app.db.models import User
from app.db.session import create_engine, create_session_factory
from app.domain.invitations.services import claim_invitation, create_invitation
from app.lib.errors import Forbidden
from tests.fixtures.live import browser
from tests.security.held_hasher import HeldHasher


async def _admin_form(admin: httpx.AsyncClient, path: str, form: dict[str, str]) -> str:
    response = await admin.post(
        path, data={**form, "_csrf_token": admin.cookies["csrftoken"]}, follow_redirects=True
    )
    assert response.status_code == 200, response.text
    return response.text


async def _guest(base_url: str) -> httpx.AsyncClient:
    guest = httpx.AsyncClient(base_url=base_url, timeout=60)
    await guest.get("/health")
    return guest


async def _sign_up(guest: httpx.AsyncClient, email: str, token: str) -> httpx.Response:
    return await guest.post(
        "/api/auth/register",
        json={"email": email, "password": "long enough", "invite": token},
        headers={"x-csrftoken": guest.cookies["csrftoken"]},
    )


async def test_one_link_two_simultaneous_sign_ups_exactly_one_succeeds(
    backend: str, live_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    admin = await browser(live_server, "owner@example.com")
    first, second = await _guest(live_server), await _guest(live_server)
    try:
        await _admin_form(admin, "/admin/registration", {"registration": "invitation"})
        page = await _admin_form(admin, "/admin/invitations", {"email": "", "days": "7"})
        link = re.search(r'data-testid="new-invitation">([^<]+)<', page)
        assert link
        token = parse_qs(urlsplit(link.group(1)).query)["invite"][0]

        held = HeldHasher.install(monkeypatch, hold_until=2)  # both wait for each other
        answers = await asyncio.gather(
            _sign_up(first, "first@example.com", token),
            _sign_up(second, "second@example.com", token),
        )
        assert held.events[:2] == ["hash started", "hash started"]
        assert sorted(a.status_code for a in answers) == [201, 403], [a.text for a in answers]
        loser = next(a for a in answers if a.status_code == 403)
        assert loser.json()["error"] == "auth.invitation_used"
        listing = (await admin.get("/admin/")).text
        assert listing.count('data-invitation-status="used"') == 1
    finally:
        for client in (admin, first, second):
            await client.aclose()


async def test_the_second_claim_waits_for_the_first_and_is_refused(
    backend: str, settings: Settings, session_factory: Any
) -> None:
    """The same race with the order forced: B reads the link as unused while A holds it
    uncommitted; B's conditional UPDATE then waits on A and, once A commits, matches nothing."""
    engine = create_engine(settings.database_url)  # the app's own transactions
    sessions = create_session_factory(engine)
    try:
        async with sessions() as setup:
            admin = User(email="owner@example.com", password_hash="x", is_admin=True)
            setup.add(admin)
            await setup.flush()
            _, token = await create_invitation(setup, admin, "", 7)
            await setup.commit()
        async with sessions() as first, sessions() as second:
            await claim_invitation(first, token, "first@example.com")
            racing = asyncio.create_task(claim_invitation(second, token, "second@example.com"))
            await asyncio.sleep(0.5)  # lets B read and reach the UPDATE (if it can) before A ends
            assert not racing.done()  # B waits on A's lock (SQLite: at BEGIN; PostgreSQL: row)
            await first.commit()
            with pytest.raises(Forbidden) as refused:
                await racing
            assert refused.value.code == "auth.invitation_used"
    finally:
        await engine.dispose()
