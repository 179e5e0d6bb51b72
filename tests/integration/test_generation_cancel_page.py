"""The generation page's Cancel: htmx gets the fresh panel (morphed in place, the page stays),
a plain form post is sent back to the page."""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from tests import factories
from tests.conftest import register


async def _start(api: Any, db: AsyncSession, email: str) -> str:
    me = await register(api, email)
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    started = await api.post(
        "/generations",
        data={"source_cv_id": source.id, "job_offer_ids": offer.id},
        headers={"x-csrftoken": api.cookies["csrftoken"]},
        follow_redirects=False,
    )
    assert started.status_code in (302, 303), started.text
    return str(started.headers["location"].rsplit("/", 1)[1])


async def test_htmx_cancel_answers_with_the_cancelled_panel(api: Any, db: AsyncSession) -> None:
    task_id = await _start(api, db, "cancel-htmx@example.com")
    page = await api.get(f"/generations/{task_id}")
    assert 'id="generation-cancel"' in page.text and 'hx-post="/generations/' in page.text
    answer = await api.post(
        f"/generations/{task_id}/cancel",
        headers={"x-csrftoken": api.cookies["csrftoken"], "hx-request": "true"},
        follow_redirects=False,
    )
    assert answer.status_code == 200, answer.text
    assert 'data-status="cancelled"' in answer.text
    assert "<html" not in answer.text  # the panel alone, not the whole page
    assert 'id="generation-cancel"' not in answer.text  # nothing left to cancel


async def test_plain_cancel_goes_back_to_the_page(api: Any, db: AsyncSession) -> None:
    task_id = await _start(api, db, "cancel-plain@example.com")
    answer = await api.post(
        f"/generations/{task_id}/cancel",
        headers={"x-csrftoken": api.cookies["csrftoken"]},
        follow_redirects=False,
    )
    assert answer.status_code in (302, 303)
    assert answer.headers["location"] == f"/generations/{task_id}"
