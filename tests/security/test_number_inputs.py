"""Numbers from paths and forms never cause a 500: a version past what a database integer
holds is "no such version", and digits other than ASCII 0–9 ("²", "٣", "１") are refused as
numbers with the form's own message."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.lib.numbers import whole_number
from tests import factories
from tests.conftest import csrf_token, register

Client = AsyncTestClient[Litestar]
HUGE = "9" * 30


async def test_a_huge_version_number_is_not_found(client: Client, db: AsyncSession) -> None:
    me = await register(client, "versions-huge@example.com")
    cv = await factories.source_cv(db, me["id"])
    headers = {"x-csrftoken": await csrf_token(client)}
    for version in (HUGE, str(2**63), str(2**31), "0"):
        api = await client.post(f"/api/cvs/{cv.id}/versions/{version}/restore", headers=headers)
        page = await client.post(
            f"/cvs/{cv.id}/preview/versions/{version}/restore", headers=headers
        )
        assert api.status_code in (400, 404), (version, api.status_code)
        assert page.status_code in (400, 404), (version, page.status_code)


@pytest.mark.parametrize("typed", ["²", "٣", "１０", "1e3", "-1", " ", HUGE])
async def test_admin_number_fields_refuse_what_is_not_plain_digits(
    client: Client, typed: str
) -> None:
    admin = await register(client, "admin-numbers@example.com")  # the first account is admin
    headers = {"x-csrftoken": await csrf_token(client)}
    forms: list[tuple[str, dict[str, Any]]] = [
        ("/admin/pipeline", {"pipeline_offer_concurrency": typed, "credits_new_user": "10"}),
        ("/admin/llm-calls", {"llm_temperature": "0.2", "llm_max_concurrency": typed}),
        (f"/admin/users/{admin['id']}/credits", {"amount": typed, "reason": "test"}),
    ]
    for url, form in forms:
        response = await client.post(url, data=form, headers=headers, follow_redirects=False)
        # Refused: back to the page with the message (a save goes to "?saved=…").
        refused = response.status_code == 303 and "saved=" not in response.headers["location"]
        assert refused, (url, typed, response.status_code)


def test_whole_number_reads_ascii_digits_within_bounds_only() -> None:
    assert whole_number(" 12 ", 0, 16) == 12
    assert whole_number("17", 0, 16) is None
    assert whole_number("²", 0, 16) is None and whole_number("١", 0, 16) is None
    assert whole_number(HUGE, 0, 10**40) is None  # no unbounded int() on a form value


@pytest.mark.parametrize("typed", ["²", "³", "٣", "１", "6", "0", HUGE])
async def test_an_application_rating_that_is_not_1_to_5_is_refused_not_a_500(
    client: Client, db: AsyncSession, typed: str
) -> None:
    me = await register(client, f"rating-{typed.encode().hex()}@example.com")
    offer = await factories.job_offer(db, me["id"])
    headers = {"x-csrftoken": await csrf_token(client)}
    created = await client.post("/api/applications", json={"jobOfferId": offer.id}, headers=headers)
    assert created.status_code == 201, created.text
    app_id = created.json()["id"]
    api = await client.patch(f"/api/applications/{app_id}", json={"rating": typed}, headers=headers)
    assert api.status_code == 422 and api.json()["error"].startswith("application"), api.text
    form = await client.post(
        f"/applications/{app_id}", data={"rating": typed, "_csrf_token": headers["x-csrftoken"]}
    )
    assert form.status_code < 500, form.text
    fine = await client.patch(f"/api/applications/{app_id}", json={"rating": "4"}, headers=headers)
    assert fine.status_code == 200 and fine.json()["rating"] == 4
