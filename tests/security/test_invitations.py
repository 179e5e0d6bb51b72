"""The "invitation" sign-up mode: links made on the admin page, each opening one account.

Only the token's SHA-256 is stored; used, expired, revoked, unknown and other-address links are
refused with their own code; a sign-up refused for another reason gives the link back.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any
from urllib.parse import parse_qs, urlsplit

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Invitation, User
from app.db.models.base import utcnow
from app.lib.security import hash_random_token
from tests.conftest import csrf_token, register
from tests.prg import came_back

Client = AsyncTestClient[Litestar]
PASSWORD = "long enough"


async def _admin_post(client: Client, path: str, form: dict[str, str]) -> Any:
    return await client.post(
        path, data={**form, "_csrf_token": await csrf_token(client)}, follow_redirects=True
    )


async def invitation_mode(client: Client) -> None:
    """``client`` signs up (the first account: admin) and switches sign-up to invitations."""
    await register(client, "owner@example.com")
    saved = await _admin_post(client, "/admin/registration", {"registration": "invitation"})
    assert saved.status_code == 200 and 'value="invitation" selected' in saved.text


async def invite(client: Client, email: str = "", days: str = "7") -> str:
    """Create a link on the admin page; return its token."""
    page = await _admin_post(client, "/admin/invitations", {"email": email, "days": days})
    assert page.status_code == 200, page.text
    found = re.search(r'data-testid="new-invitation">([^<]+)<', page.text)
    assert found, "the new link is shown once on the admin page"
    link = found.group(1)
    assert urlsplit(link).path == "/register"
    return parse_qs(urlsplit(link).query)["invite"][0]


async def sign_up(client: Client, email: str, token: str | None) -> Any:
    body: dict[str, Any] = {"email": email, "password": PASSWORD}
    if token is not None:
        body["invite"] = token
    return await client.post(
        "/api/auth/register", json=body, headers={"x-csrftoken": await csrf_token(client)}
    )


def _refused(response: Any, code: str) -> None:
    assert response.status_code == 403, response.text
    assert response.json()["error"] == code


async def test_a_link_opens_one_account_and_only_its_hash_is_stored(
    client: Client, another_client: Any, db: AsyncSession
) -> None:
    await invitation_mode(client)
    token = await invite(client)
    rows = list(await db.scalars(select(Invitation)))
    assert len(rows) == 1 and rows[0].token_hash == hash_random_token(token)
    assert not [c for c in Invitation.__table__.columns if token in str(getattr(rows[0], c.key))]

    async with another_client() as guest, another_client() as late:
        _refused(await sign_up(guest, "guest@example.com", None), "auth.invitation_required")
        bare = await guest.get("/register")
        assert 'data-error-code="auth.invitation_required"' in bare.text
        assert 'action="/register"' not in bare.text
        page = await guest.get(f"/register?invite={token}")
        assert f'name="invite" value="{token}"' in page.text

        created = await sign_up(guest, "guest@example.com", token)
        assert created.status_code == 201, created.text
        _refused(await sign_up(late, "late@example.com", token), "auth.invitation_used")
        used_page = await late.get(f"/register?invite={token}")
        assert 'data-error-code="auth.invitation_used"' in used_page.text
        assert 'action="/register"' not in used_page.text

    await db.refresh(rows[0])
    guest_id = await db.scalar(select(User.id).where(User.email == "guest@example.com"))
    assert rows[0].used_at is not None and rows[0].used_by == guest_id
    admin_page = await client.get("/admin/")
    assert 'data-invitation-status="used">' in admin_page.text
    assert "guest@example.com" in admin_page.text


async def test_the_html_form_carries_the_link(client: Client, another_client: Any) -> None:
    await invitation_mode(client)
    token = await invite(client)
    async with another_client() as guest:
        await guest.get(f"/register?invite={token}")
        form = {"email": "form@example.com", "password": PASSWORD, "invite": token}
        answer = await guest.post(
            "/register",
            data={**form, "_csrf_token": await csrf_token(guest)},
            follow_redirects=False,
        )
        assert answer.status_code in (302, 303), answer.text
        assert (await guest.get("/api/auth/me")).json()["email"] == "form@example.com"


async def test_expired_revoked_unknown_and_other_address_links_are_refused(
    client: Client, another_client: Any, db: AsyncSession
) -> None:
    await invitation_mode(client)
    expired, revoked = await invite(client), await invite(client)
    addressed = await invite(client, email="Named@Example.com")
    await db.execute(
        update(Invitation)
        .where(Invitation.token_hash == hash_random_token(expired))
        .values(expires_at=utcnow() - timedelta(minutes=1))
    )
    await db.commit()
    revoked_id = await db.scalar(
        select(Invitation.id).where(Invitation.token_hash == hash_random_token(revoked))
    )
    await db.commit()
    assert revoked_id is not None
    await _admin_post(client, "/admin/invitations/revoke", {"id": revoked_id})
    page = await client.get("/admin/")
    for state in ("expired", "revoked", "active"):
        assert f'data-invitation-status="{state}"' in page.text

    async with another_client() as guest:
        _refused(await sign_up(guest, "a@example.com", expired), "auth.invitation_expired")
        _refused(await sign_up(guest, "a@example.com", revoked), "auth.invitation_revoked")
        _refused(await sign_up(guest, "a@example.com", "made-up"), "auth.invitation_unknown")
        _refused(await sign_up(guest, "a@example.com", addressed), "auth.invitation_other_email")
        for token, code in ((expired, "expired"), (revoked, "revoked"), ("x", "unknown")):
            shown = await guest.get(f"/register?invite={token}", headers={"Accept-Language": "en"})
            assert f'data-error-code="auth.invitation_{code}"' in shown.text
        assert (await sign_up(guest, "named@example.com", addressed)).status_code == 201


async def test_a_refused_sign_up_gives_the_link_back(client: Client, another_client: Any) -> None:
    await invitation_mode(client)
    token = await invite(client)
    async with another_client() as guest:
        taken = await sign_up(guest, "owner@example.com", token)  # the address has an account
        assert taken.status_code == 409 and taken.json()["error"] == "auth.email_taken"
        assert (await sign_up(guest, "guest@example.com", token)).status_code == 201


async def test_an_empty_install_makes_its_admin_without_a_link(
    client: Client, db: AsyncSession
) -> None:
    from app.settings.service import update_setting

    await update_setting(db, "registration", "invitation")
    await db.commit()
    page = await client.get("/register")
    assert 'action="/register"' in page.text
    assert (await register(client, "owner@example.com"))["isAdmin"] is True


async def test_invitation_form_errors(client: Client) -> None:
    await invitation_mode(client)
    for form, code in (
        ({"email": "", "days": "0"}, "invitations.days_invalid"),
        ({"email": "", "days": "91"}, "invitations.days_invalid"),
        ({"email": "not-an-address", "days": "7"}, "auth.invalid_email"),
    ):
        page = await _admin_post(client, "/admin/invitations", form)
        assert came_back(page), page.text
        assert "new-invitation" not in page.text
        assert f'data-error-code="{code}"' in page.text


async def test_the_welcome_credits_set_on_the_admin_page_are_granted(
    client: Client, another_client: Any
) -> None:
    await register(client, "owner@example.com")
    page = await client.get("/admin/")
    assert 'id="credits_new_user"' in page.text
    numbers = dict(
        re.findall(r'<input id="([a-z_]+)" name="\1" type="number"[^>]*value="(\d+)"', page.text)
    )
    numbers["credits_new_user"] = "42"
    saved = await _admin_post(client, "/admin/pipeline", numbers)
    assert saved.status_code == 200 and 'id="credits_new_user"' in saved.text
    async with another_client() as member:
        assert (await register(member, "member@example.com"))["creditBalance"] == 42


async def test_a_used_link_stays_used_and_an_unknown_one_is_not_found(
    client: Client, another_client: Any, db: AsyncSession
) -> None:
    await invitation_mode(client)
    token = await invite(client)
    async with another_client() as guest:
        assert (await sign_up(guest, "guest@example.com", token)).status_code == 201
    used_id = await db.scalar(select(Invitation.id))
    await db.commit()
    assert used_id is not None
    await _admin_post(client, "/admin/invitations/revoke", {"id": used_id})
    page = await client.get("/admin/")
    assert 'data-invitation-status="used"' in page.text
    assert 'data-invitation-status="revoked"' not in page.text
    missing = await _admin_post(client, "/admin/invitations/revoke", {"id": "no-such-id"})
    assert missing.status_code == 404
