"""The device of each status change: a browser's move (the board's form or drop, the detail
page's form, the API from a page) is recorded as its browser and system, read from the
User-Agent, with the tab's id when the page sends one; an API client's own ``x-device-id`` is
kept as it sent it. The detail page's history shows it, in English and in French."""

from __future__ import annotations

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import ApplicationStatusChange
from app.domain.applications.devices import (
    Device,
    browser_and_system,
    described,
    recorded_device,
)
from tests import factories
from tests.conftest import csrf_token, post_form, register

Client = AsyncTestClient[Litestar]

FIREFOX_ANDROID = "Mozilla/5.0 (Android 14; Mobile; rv:128.0) Gecko/128.0 Firefox/128.0"
SAFARI_IPHONE = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"
)
EDGE_WINDOWS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87"
)
CHROME_MAC = (
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0.0.0 Safari/537.36"
)
SAMSUNG = (
    "Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) "
    "SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36"
)
HEADLESS_LINUX = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "HeadlessChrome/131.0.0.0 Safari/537.36"
)


@pytest.mark.parametrize(
    ("user_agent", "expected"),
    [
        (FIREFOX_ANDROID, ("Firefox", "Android")),
        (SAFARI_IPHONE, ("Safari", "iOS")),
        (EDGE_WINDOWS, ("Edge", "Windows")),
        (CHROME_MAC, ("Chrome", "macOS")),
        (SAMSUNG, ("Samsung Internet", "Android")),
        (HEADLESS_LINUX, ("Chrome", "Linux")),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0",
            ("Firefox", "Windows"),
        ),
        ("python-httpx/0.28.1", ("", "")),
        ("curl/8.5.0", ("", "")),
        ("", ("", "")),
        (None, ("", "")),
    ],
)
def test_the_user_agent_gives_a_browser_and_a_system(
    user_agent: str | None, expected: tuple[str, str]
) -> None:
    assert browser_and_system(user_agent) == expected


def test_what_is_stored_and_read_back() -> None:
    stored = recorded_device(FIREFOX_ANDROID, "a1b2c3d4")
    assert stored == "ua:Firefox/Android tab:a1b2c3d4"
    assert described(stored) == Device(browser="Firefox", system="Android", tab="a1b2c3d4")
    assert recorded_device(FIREFOX_ANDROID, None) == "ua:Firefox/Android"
    assert recorded_device(FIREFOX_ANDROID, "<b>" + "x" * 200) == "ua:Firefox/Android tab:" + (
        "bx" + "x" * 22
    )
    assert len(recorded_device(SAMSUNG, "y" * 200) or "") <= 64
    assert recorded_device("python-httpx/0.28.1", "tab-1") == "tab-1"  # an API client's own id
    assert described("tab-1") == Device(client="tab-1")
    assert recorded_device("curl/8", None) is None and described(None) is None


async def test_browser_moves_record_and_show_their_device(client: Client, db: AsyncSession) -> None:
    me = await register(client, "devices@example.com")
    offer = await factories.job_offer(db, me["id"], title="SRE", company="Orbit")
    tracked = await client.post(
        "/api/applications",
        json={"jobOfferId": offer.id},
        headers={"x-csrftoken": await csrf_token(client)},
    )
    application_id = tracked.json()["id"]

    # The board's plain form, from a phone (the tab's id in a field board.js adds)...
    moved = await post_form(
        client,
        f"/applications/{application_id}/status",
        {"status": "applied", "back": "board", "device_tab": "a1b2c3d4"},
        **{"user-agent": FIREFOX_ANDROID},
    )
    assert moved.status_code == 303  # type: ignore[attr-defined]
    # ... a drop on the board of a laptop (board.js's header), and the API from a page.
    dropped = await post_form(
        client,
        f"/applications/{application_id}/status",
        {"status": "interview"},
        **{"user-agent": EDGE_WINDOWS, "x-board-move": "1", "x-device-id": "e5f6"},
    )
    assert dropped.status_code == 204  # type: ignore[attr-defined]
    patched = await client.patch(
        f"/api/applications/{application_id}",
        json={"status": "offer"},
        headers={"x-csrftoken": await csrf_token(client), "user-agent": SAFARI_IPHONE},
    )
    assert patched.status_code == 200, patched.text

    rows = await db.scalars(
        select(ApplicationStatusChange.device_id)
        .where(ApplicationStatusChange.application_id == application_id)
        .order_by(ApplicationStatusChange.at, ApplicationStatusChange.id)
    )
    assert list(rows) == [
        None,  # tracked: no move
        "ua:Firefox/Android tab:a1b2c3d4",
        "ua:Edge/Windows tab:e5f6",
        "ua:Safari/iOS",
    ]
    await db.rollback()
    history = patched.json()["history"]
    assert [m["deviceId"] for m in history][1:] == [
        "ua:Firefox/Android tab:a1b2c3d4",
        "ua:Edge/Windows tab:e5f6",
        "ua:Safari/iOS",
    ]

    english = await client.get(f"/applications/{application_id}", headers={"accept-language": "en"})
    assert "Firefox on Android" in english.text and "tab a1b2c3d4" in english.text
    assert "Edge on Windows" in english.text and "Safari on iOS" in english.text
    french = await client.get(f"/applications/{application_id}", headers={"accept-language": "fr"})
    assert "Firefox sur Android" in french.text and "onglet a1b2c3d4" in french.text
    live = await client.get(
        f"/applications/{application_id}/live", headers={"accept-language": "en"}
    )
    assert "Edge on Windows" in live.text


async def test_an_api_clients_own_device_id_is_shown_as_it_sent_it(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "api-device@example.com")
    offer = await factories.job_offer(db, me["id"])
    headers = {"x-csrftoken": await csrf_token(client)}
    application_id = (
        await client.post("/api/applications", json={"jobOfferId": offer.id}, headers=headers)
    ).json()["id"]
    moved = await client.patch(
        f"/api/applications/{application_id}",
        json={"status": "applied"},
        headers={**headers, "x-device-id": "my-script"},
    )
    assert moved.json()["history"][1]["deviceId"] == "my-script"
    page = await client.get(f"/applications/{application_id}", headers={"accept-language": "en"})
    assert "device my-script" in page.text
    page = await client.get(f"/applications/{application_id}", headers={"accept-language": "fr"})
    assert "appareil my-script" in page.text
