"""Every password check is limited, not only the sign-in form: changing the password and deleting
the account (page and API) draw on the same per-account budget, so a stolen session guesses no
faster than a stranger; and no code checks a password outside the limited paths."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from app.config import PROJECT_ROOT, Settings
from tests.conftest import csrf_token, register

Client = AsyncTestClient[Litestar]
LIMIT = 3
PASSWORD = "the right password"
TOO_MANY = "auth.too_many_password_attempts"


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, login_max_attempts=LIMIT)


def _refusal(answer: httpx.Response) -> str | None:
    """The error code a refusal carries: the API's JSON, or the page a refused form comes back
    to (Post/Redirect/Get); None when the password was taken."""
    if answer.request.url.path.startswith("/api/"):
        return str(answer.json()["error"]) if answer.status_code >= 400 else None
    assert answer.status_code == 200 and answer.request.method == "GET", answer.status_code
    found = re.search(r'data-error-code="([^"]+)"', answer.text)
    return found.group(1) if found else None


async def _change_password(client: Client, current: str) -> httpx.Response:
    form = {
        "current_password": current,
        "new_password": "a brand new password",
        "_csrf_token": await csrf_token(client),
    }
    return await client.post("/account/password", data=form, headers={"Accept-Language": "en"})


async def _delete_page(client: Client, password: str) -> httpx.Response:
    form = {"password": password, "_csrf_token": await csrf_token(client)}
    return await client.post("/account/delete", data=form, headers={"Accept-Language": "en"})


async def _delete_api(client: Client, password: str) -> httpx.Response:
    return await client.request(
        "DELETE",
        "/api/account",
        json={"password": password},
        headers={"x-csrftoken": await csrf_token(client)},
    )


CHECKS: dict[str, Callable[[Client, str], Awaitable[httpx.Response]]] = {
    "POST /account/password": _change_password,
    "POST /account/delete": _delete_page,
    "DELETE /api/account": _delete_api,
}


@pytest.mark.parametrize("route", list(CHECKS))
async def test_wrong_passwords_past_the_limit_are_refused_before_any_check(
    client: Client, route: str
) -> None:
    check = CHECKS[route]
    await register(client, "owner@example.com", PASSWORD)
    for i in range(LIMIT):
        answer = await check(client, f"guess {i}")
        assert _refusal(answer) not in (None, TOO_MANY), answer.text[:200]
    refused = await check(client, PASSWORD)  # even the right one, while the window lasts
    assert _refusal(refused) == TOO_MANY, refused.text[:300]
    if not route.startswith("DELETE /api"):
        assert "Too many wrong passwords" in refused.text
    assert (await client.get("/api/auth/me")).status_code == 200  # nothing was done
    signed_in = await client.post(
        "/api/auth/login",
        json={"email": "owner@example.com", "password": PASSWORD},
        headers={"x-csrftoken": await csrf_token(client)},
    )
    assert signed_in.status_code == 429, "sign-in shares the account's budget"


async def test_a_right_password_resets_the_account_budget(client: Client) -> None:
    await register(client, "owner@example.com", PASSWORD)
    current = PASSWORD
    for _ in range(2):
        for i in range(LIMIT - 1):
            refused = await _change_password(client, f"guess {i}")
            assert _refusal(refused) == "auth.wrong_password"
        assert _refusal(await _change_password(client, current)) is None
        current = "a brand new password"


def test_passwords_are_checked_only_under_the_limits() -> None:
    """``verify_password`` is called by the limited checks (password_checks.py) and by the
    sign-in lookup (``services.authenticate``, whose one caller counts the attempt first)."""
    callers = {
        str(path.relative_to(PROJECT_ROOT))
        for root in ("app", "jobs")
        for path in Path(PROJECT_ROOT, root).rglob("*.py")
        if re.search(r"\bverify_password\(", path.read_text())
    }
    assert callers == {
        "app/lib/security.py",
        "app/domain/accounts/password_checks.py",
        "app/domain/accounts/services.py",
    }
    authenticate_callers = {
        str(path.relative_to(PROJECT_ROOT))
        for path in Path(PROJECT_ROOT, "app").rglob("*.py")
        if re.search(r"\bauthenticate\(", path.read_text())
    }
    assert authenticate_callers == {
        "app/domain/accounts/services.py",
        "app/domain/accounts/login.py",
    }
