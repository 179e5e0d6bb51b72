"""Lists name each generation by what it was for: the tailored-CVs page lists every run's
offers (title, company, link) and source CV; the dashboard names a run by its first offer,
how many more, and its source CV; a generation's page names and links its source CV."""

from __future__ import annotations

import html
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from tests import factories
from tests.conftest import register


async def _launch(api: Any, source_id: str, offer_ids: list[str]) -> str:
    started = await api.post(
        "/generations",
        data={"source_cv_id": source_id, "job_offer_ids": offer_ids},
        follow_redirects=False,
    )
    assert started.status_code in (302, 303), started.text
    return str(started.headers["location"].rsplit("/", 1)[1])


async def _scene(api: Any, db: AsyncSession, email: str) -> dict[str, Any]:
    api.headers["accept-language"] = "en"  # the test settings default to French
    me = await register(api, email)
    source = await factories.source_cv(db, me["id"])
    offers = [
        await factories.job_offer(db, me["id"], title="Backend engineer", company="Acme"),
        await factories.job_offer(db, me["id"], title="Data engineer", company="Globex"),
        await factories.job_offer(db, me["id"], title="Platform lead", company="Initech"),
    ]
    task_id = await _launch(api, source.id, [o.id for o in offers])
    return {"source": source, "offers": offers, "task_id": task_id}


async def test_the_tailored_cvs_page_names_offers_companies_and_source(
    api: Any, db: AsyncSession
) -> None:
    scene = await _scene(api, db, "lists-history@example.com")
    page = await api.get("/generations")
    assert page.status_code == 200
    text = html.unescape(page.text)
    for offer in scene["offers"]:
        assert f'<a href="/offers/{offer.id}">{offer.title} — {offer.company}</a>' in text
    source = scene["source"]
    assert f'href="/cvs/{source.id}"' in text
    assert "Alex Martin — Backend Engineer" in text  # the source CV's name, not its file name
    assert "0/3 offers" in text  # progress stays


async def test_the_dashboard_names_each_run_by_its_offers_and_source(
    api: Any, db: AsyncSession
) -> None:
    scene = await _scene(api, db, "lists-dashboard@example.com")
    page = await api.get("/")
    text = html.unescape(page.text)
    assert (
        f'<a href="/generations/{scene["task_id"]}">Backend engineer — Acme, + 2 other offers</a>'
        in text
    )
    assert f'from <a href="/cvs/{scene["source"].id}" data-testid="run-source">Alex Martin' in text

    french = await api.get("/", headers={"accept-language": "fr"})
    assert "Backend engineer — Acme, + 2 autres offres" in html.unescape(french.text)


async def test_the_generation_page_links_its_source_cv(api: Any, db: AsyncSession) -> None:
    scene = await _scene(api, db, "lists-page@example.com")
    page = await api.get(f"/generations/{scene['task_id']}")
    text = html.unescape(page.text)
    assert f'From the source CV <a href="/cvs/{scene["source"].id}">Alex Martin' in text


async def test_a_deleted_source_cv_is_said_so(api: Any, db: AsyncSession) -> None:
    scene = await _scene(api, db, "lists-deleted@example.com")
    await db.delete(scene["source"])
    await db.commit()
    page = await api.get(f"/generations/{scene['task_id']}")
    assert "Source CV deleted" in page.text
    history = await api.get("/generations")
    assert "Backend engineer — Acme" in html.unescape(history.text)
