"""Addresses that look like another one never make a second account (app/lib/email_address.py).

Harmless variants (fullwidth letters, NFD accents, letter case) fold onto the existing account;
deceptive ones (invisible characters, bidi overrides, mixed alphabets) are refused with a code.
"""

from __future__ import annotations

import unicodedata

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.domain.accounts.services import set_admin
from app.lib import security
from tests.conftest import csrf_token, register
from tests.prg import came_back

Client = AsyncTestClient[Litestar]
PASSWORD = "correct horse"


async def _post_register(client: Client, email: str) -> tuple[int, str]:
    response = await client.post(
        "/api/auth/register",
        json={"email": email, "password": PASSWORD},
        headers={"x-csrftoken": await csrf_token(client)},
    )
    return response.status_code, response.json().get("error", "")


async def _sign_in(client: Client, email: str) -> int:
    response = await client.post(
        "/api/auth/login",
        json={"email": email, "password": PASSWORD},
        headers={"x-csrftoken": await csrf_token(client)},
    )
    return response.status_code


FULLWIDTH_ALICE = "ａｌｉｃｅ@ｅｘａｍｐｌｅ．ｃｏｍ"


@pytest.mark.parametrize(
    "variant",
    [
        FULLWIDTH_ALICE,
        "ALICE@EXAMPLE.COM",
        "  Alice@Example.com\t",
    ],
    ids=["fullwidth", "upper-case", "surrounding-spaces"],
)
async def test_a_folded_variant_is_the_same_account(client: Client, variant: str) -> None:
    await register(client, "alice@example.com", PASSWORD)
    assert await _post_register(client, variant) == (409, "auth.email_taken")
    assert await _sign_in(client, variant) == 200


async def test_nfd_and_nfc_spellings_are_one_account(client: Client) -> None:
    composed = unicodedata.normalize("NFC", "élodie@exemple.fr")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    created = await register(client, decomposed, PASSWORD)
    assert created["email"] == composed  # stored in one form
    assert await _post_register(client, composed) == (409, "auth.email_taken")
    assert await _sign_in(client, composed) == 200


@pytest.mark.parametrize(
    "address",
    [
        "ali\u200bce@example.com",  # zero-width space
        "ali\u200dce@example.com",  # zero-width joiner
        "alice\ufeff@example.com",  # zero-width no-break space (BOM)
        "\u202ealice@example.com",  # right-to-left override
        "alice\u2066@example.com",  # left-to-right isolate
        "alice\u00ad@example.com",  # soft hyphen
        "ali\x00ce@example.com",  # NUL
        "ali\tce@example.com",  # a control inside
        "ali ce@example.com",
        "ali\u00a0ce@example.com",  # no-break space
        "ali\u3000ce@example.com",  # ideographic space
    ],
    ids=[
        "zwsp",
        "zwj",
        "bom",
        "rlo",
        "lri",
        "soft-hyphen",
        "nul",
        "tab",
        "space",
        "nbsp",
        "ideographic-space",
    ],
)
async def test_invisible_and_control_characters_are_refused(client: Client, address: str) -> None:
    refused = await _post_register(client, address)
    if "\x00" in address:  # refused for every route before any handler (app/lib/web.py)
        assert refused == (400, "request.nul_character")
    else:
        assert refused == (422, "auth.email_invisible_characters")


@pytest.mark.parametrize(
    "address",
    [
        "\u0430lice@example.com",  # Cyrillic а in a Latin name
        "alice@ex\u0430mple.com",  # Cyrillic а in a Latin domain
        "\u0430\u0441\u0435@example.com",  # all-Cyrillic "асе" on a Latin domain
        "p\u03b1ypal@example.com",  # Greek alpha
    ],
    ids=["cyrillic-a-local", "cyrillic-a-domain", "cyrillic-word", "greek-alpha"],
)
async def test_mixed_alphabets_are_refused(client: Client, address: str) -> None:
    assert await _post_register(client, address) == (422, "auth.email_mixed_scripts")


@pytest.mark.parametrize(
    "address",
    ["иван@пример.рф", "山田たろう@example.jp", "josé.garcía@ejemplo.es"],
    ids=["cyrillic-only", "japanese-and-latin", "latin-accents"],
)
async def test_one_writing_system_is_welcome(client: Client, address: str) -> None:
    status, _ = await _post_register(client, address)
    assert status == 201


async def test_the_form_page_refuses_a_look_alike_too(client: Client) -> None:
    response = await client.post(
        "/register",
        data={
            "email": "\u0430lice@example.com",
            "password": PASSWORD,
            "_csrf_token": await csrf_token(client),
        },
    )
    assert came_back(response)
    assert 'data-error-code="auth.email_mixed_scripts"' in response.text


async def test_an_account_stored_by_the_old_rule_still_signs_in(
    client: Client, db: AsyncSession
) -> None:
    # Before NFKC + casefold, addresses were stored strip().lower(): the same for ASCII.
    db.add(
        User(
            email=" Legacy.User@Example.COM ".strip().lower(),
            password_hash=security._hasher.hash(PASSWORD),
            display_name="legacy",
        )
    )
    await db.commit()
    assert await _sign_in(client, "Legacy.User@Example.COM") == 200
    assert await _sign_in(client, "ｌｅｇａｃｙ.ｕｓｅｒ@example.com") == 200


async def test_set_admin_finds_the_account_by_any_folded_spelling(
    client: Client, db: AsyncSession
) -> None:
    await register(client, "first@example.com", PASSWORD)
    await register(client, "bob@example.com", PASSWORD)
    promoted = await set_admin(db, "ＢＯＢ@example.com")
    await db.commit()
    assert promoted.email == "bob@example.com"
    assert await db.scalar(select(User.is_admin).where(User.email == "bob@example.com"))
