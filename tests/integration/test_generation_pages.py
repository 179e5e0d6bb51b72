"""The generation pages: the plain form, the live page, its SSE fragments and fallbacks."""

from __future__ import annotations

import asyncio
from typing import Any

from arq.worker import Worker
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from tests import factories
from tests.conftest import register
from tests.integration.pipeline_helpers import wait_finished
from tests.prg import came_back


async def test_form_starts_a_generation_and_the_page_follows_it_live(
    api: Any, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession], worker: Worker
) -> None:
    me = await register(api, "pages@example.com")
    source = await factories.source_cv(db, me["id"])
    offers = [
        (await factories.job_offer(db, me["id"], title=f"Role <b>{i}</b>")).id for i in (1, 2)
    ]
    token = api.cookies["csrftoken"]
    started = await api.post(
        "/generations",
        data={"source_cv_id": source.id, "job_offer_ids": offers, "_csrf_token": token},
        headers={"x-csrftoken": ""},
        follow_redirects=False,
    )
    assert started.status_code in (302, 303), started.text
    page_url = started.headers["location"]
    task_id = page_url.rsplit("/", 1)[1]
    async with api.stream("GET", f"{page_url}/stream") as stream:
        lines = stream.aiter_lines()
        assert await anext(lines) == "event: panel"
        first = await anext(lines)
        assert 'data-offer-index="0"' in first and "Role &lt;b&gt;1&lt;/b&gt;" in first
        panels = []
        async with asyncio.timeout(20):
            async for line in lines:
                if line.startswith("data:"):
                    panels.append(line)
                    if 'data-status="completed"' in line and "2/2" in line:
                        break
    assert any('class="dot running"' in p for p in panels), "a step shows as running at some point"
    final = panels[-1]
    assert final.count('data-testid="download"') == 2
    task = await wait_finished(session_factory, task_id)
    page = await api.get(page_url)
    assert page.status_code == 200
    assert f'sse-connect="/generations/{task_id}/stream"' in page.text
    assert "2/2" in page.text and task.generated_cv_ids[0] in page.text
    panel = await api.get(f"{page_url}/panel")
    assert panel.status_code == 200 and "<html" not in panel.text


async def test_form_errors_are_shown_and_create_nothing(api: Any, db: AsyncSession) -> None:
    me = await register(api, "pages-bad@example.com")
    source = await factories.source_cv(db, me["id"])
    response = await api.post(
        "/generations",
        data={"source_cv_id": source.id, "_csrf_token": api.cookies["csrftoken"]},
        headers={"Accept-Language": "en"},
    )
    assert came_back(response)
    assert 'data-error-code="generation.no_offer_ticked"' in response.text
    history = await api.get("/generations", headers={"Accept-Language": "en"})
    assert history.status_code == 200 and "No generation yet" in history.text


async def test_other_users_generation_pages_are_404(
    api: Any,
    another_browser: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    me = await register(api, "owner-gen@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    created = await api.post(
        "/api/cv/generate-v2", json={"sourceCvFile": source.id, "jobOfferIds": [offer.id]}
    )
    task_id = created.json()["taskId"]
    await wait_finished(session_factory, task_id)
    async with another_browser() as intruder:
        await register(intruder, "intruder-gen@example.com")
        token = intruder.cookies["csrftoken"]
        for path in (
            f"/generations/{task_id}",
            f"/generations/{task_id}/panel",
            f"/api/cv/generate-v2/{task_id}",
        ):
            assert (await intruder.get(path)).status_code == 404, path
        cancel = await intruder.post(
            f"/api/cv/generate-v2/{task_id}/cancel", headers={"x-csrftoken": token}
        )
        assert cancel.status_code == 404
        other = await intruder.post(
            "/api/cv/generate-v2",
            json={"sourceCvFile": source.id, "jobOfferIds": [offer.id]},
            headers={"x-csrftoken": token},
        )
        assert other.status_code == 422  # someone else's CV and offers do not exist for them


async def test_the_form_accepts_a_single_offer(api: Any, db: AsyncSession, worker: Worker) -> None:
    """One ticked checkbox arrives as a single value, not a list."""
    me = await register(api, "single@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    started = await api.post(
        "/generations",
        data={
            "source_cv_id": source.id,
            "job_offer_ids": offer.id,
            "_csrf_token": api.cookies["csrftoken"],
        },
        headers={"x-csrftoken": ""},
        follow_redirects=False,
    )
    assert started.status_code in (302, 303), started.text
