"""A JSON API body that is not JSON gets one 422 in words with its feature's code, and nothing
is created; an oversized one keeps its 413 (app/lib/web.py: json_body)."""

from __future__ import annotations

from typing import Any

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Application, JobOffer
from app.db.models.job_search import SavedSearch
from tests.conftest import csrf_token, register

MALFORMED = [b'{"jobOfferId": ', b"not json at all", b"\xff\xfe\x00"]


@pytest.mark.parametrize(
    ("path", "code", "model"),
    [
        ("/api/applications", "application.invalid_json", Application),
        ("/api/searches", "inbox.invalid_json", SavedSearch),
        ("/api/job-offers", "offer.invalid_json", JobOffer),
    ],
)
async def test_a_body_that_is_not_json_is_refused_in_words(
    client: AsyncTestClient[Litestar], db: AsyncSession, path: str, code: str, model: Any
) -> None:
    await register(client, f"json-{code.split('.')[0]}@example.com")
    headers = {"x-csrftoken": await csrf_token(client), "content-type": "application/json"}
    for body in MALFORMED:
        response = await client.post(path, content=body, headers=headers)
        assert response.status_code == 422, response.text
        assert response.json()["error"] == code
        assert "not valid JSON" in response.json()["detail"]
    assert await db.scalar(select(func.count()).select_from(model)) == 0


async def test_a_letter_edit_answers_404_before_reading_its_body(
    client: AsyncTestClient[Litestar],
) -> None:
    await register(client, "json-letter@example.com")
    response = await client.put(
        "/api/cover-letters/no-such-letter",
        content=b"{broken",
        headers={"x-csrftoken": await csrf_token(client), "content-type": "application/json"},
    )
    assert response.status_code == 404, response.text
