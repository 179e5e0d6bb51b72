"""A request refused before any handler ran (a missing CSRF token) is still answered in the
reader's language: the account's choice when signed in, else the browser's Accept-Language —
as a whole page and as the fragment htmx swaps in."""

from __future__ import annotations

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.conftest import csrf_token, register

Client = AsyncTestClient[Litestar]
ENGLISH = "Missing or invalid CSRF token; reload the page."
FRENCH = "Jeton CSRF absent ou invalide ; rechargez la page."


def _said(text: str) -> str:
    return text.replace("&#39;", "'")


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "fragment"])
@pytest.mark.parametrize(("language", "sentence"), [("en", ENGLISH), ("fr", FRENCH)])
async def test_a_signed_out_refusal_follows_accept_language(
    client: Client, htmx: bool, language: str, sentence: str
) -> None:
    await csrf_token(client)
    headers = {"Accept-Language": language} | ({"HX-Request": "true"} if htmx else {})
    refused = await client.post("/login", data={"email": "x@example.com"}, headers=headers)
    assert refused.status_code == 403
    assert 'data-error-code="csrf_failed"' in refused.text
    assert sentence in _said(refused.text)


@pytest.mark.parametrize("htmx", [False, True], ids=["page", "fragment"])
async def test_a_signed_in_refusal_follows_the_accounts_language(
    client: Client, htmx: bool
) -> None:
    await register(client, "csrf-language@example.com")
    chosen = await client.post(
        "/locale", data={"locale": "en", "next": "/", "_csrf_token": await csrf_token(client)}
    )
    assert chosen.status_code in (200, 302, 303)
    headers = {"Accept-Language": "fr"} | ({"HX-Request": "true"} if htmx else {})
    refused = await client.post("/cvs/text", data={"text": "x"}, headers=headers)
    assert refused.status_code == 403
    assert ENGLISH in _said(refused.text)
