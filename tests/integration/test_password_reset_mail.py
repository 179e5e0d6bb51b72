""" "Forgot your password?" against a real SMTP server run by the test (tests/fixtures/mailbox.py):
the same answer whatever the address, a mail in the account's language only for an account, a
link that works once, the per-address and per-client limits, and TLS refused cleanly."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from app.config import Settings
from app.lib.mail import MailError, send_mail
from tests.conftest import post_form, register
from tests.fixtures.mailbox import PUBLIC_URL, Mailbox, body_of, mail_settings, mailbox

Client = AsyncTestClient[Litestar]
EN = {"accept-language": "en"}
LINK = re.compile(re.escape(PUBLIC_URL) + r"/password/reset\?token=[\w-]+")
PER_CLIENT = 6

__all__ = ["mailbox"]  # the fixture, used by name


@pytest.fixture
def settings(settings: Settings, mailbox: tuple[Mailbox, int]) -> Settings:
    return replace(mail_settings(settings, mailbox[1]), login_max_attempts_per_ip=PER_CLIENT)


async def _ask(client: Client, email: str) -> tuple[str, str]:
    """Where the form's POST leads, and the page there."""
    response = await post_form(client, "/password/forgot", {"email": email})
    assert response.status_code == 303
    page = await client.get(response.headers["location"], headers=EN)
    return response.headers["location"], page.text


async def test_the_answer_is_the_same_and_only_an_account_gets_a_mail_in_its_language(
    another_client: Any, mailbox: tuple[Mailbox, int]
) -> None:
    box, _ = mailbox
    async with another_client() as admin, another_client() as french, another_client() as asker:
        await register(admin, "mail-admin@example.com")
        await post_form(french, "/locale", {"locale": "fr", "next": "/"})
        await register(french, "camille@rh.intranet.local")
        unknown = await _ask(asker, "nobody-here@intranet.local")
        known = await _ask(asker, "Camille@RH.intranet.local")
        assert unknown == known and "data-reset-requested" in known[1]
        [mail] = await box.wait_for(1)
        assert mail["To"] == "camille@rh.intranet.local"
        assert mail["From"] == "CV Tailor <cv@intranet.local>"
        assert mail["Subject"] == "Réinitialisez votre mot de passe CV Tailor"
        body = body_of(mail)
        assert body.startswith("Bonjour camille,") and "dans l'heure" in body
        link = LINK.search(body)
        assert link is not None
        token = link.group(0).split("token=")[1]
        first = await post_form(asker, "/password/reset", {"token": token, "password": "nouveau!!"})
        assert first.headers["location"] == "/login?signed_out=password-reset"
        second = await post_form(
            asker, "/password/reset", {"token": token, "password": "encore!!!"}
        )
        assert "error=auth.reset_used" in second.headers["location"]
        assert len(box.received()) == 1  # the unknown address got nothing


async def test_an_address_gets_three_mails_per_window_and_a_client_is_slowed_down(
    another_client: Any, mailbox: tuple[Mailbox, int]
) -> None:
    box, _ = mailbox
    async with another_client() as owner, another_client() as asker:
        await register(owner, "flooded@example.com")
        for _ in range(5):
            location, _page = await _ask(asker, "flooded@example.com")
            assert location == "/password/forgot?sent=1"  # the same answer throughout
        await box.wait_for(3)
        location, page = await _ask(asker, "flooded@example.com")  # the client's 6th
        assert location == "/password/forgot?sent=1"
        location, page = await _ask(asker, "someone-else@example.com")  # its 7th: too many
        assert location == "/password/forgot?error=auth.too_many_reset_requests"
        assert "Too many reset requests" in page
    assert len(box.received()) == 3


async def test_starttls_is_required_when_asked_and_the_failure_is_an_error(
    settings: Settings, mailbox: tuple[Mailbox, int]
) -> None:
    box, port = mailbox
    with pytest.raises(MailError, match="STARTTLS"):
        await send_mail(mail_settings(settings, port, tls="starttls"), "a@b.test", "s", "b")
    with pytest.raises(MailError):
        await send_mail(replace(settings, smtp_host="127.0.0.1", smtp_port=9), "a@b.test", "s", "b")
    assert box.received() == []
