"""A generation's CV says what the contract of a sendable CV checked: the changes page lists what
was put right and what is still to look at, and the generation page links to it from the offer's
row while something is (app/domain/renders/view.py)."""

from __future__ import annotations

from typing import Any

from arq.worker import Worker
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvFile
from tests import factories
from tests.conftest import register
from tests.integration.pipeline_helpers import wait_finished


async def test_the_checks_of_a_generated_cv_are_shown_and_linked(
    api: Any, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession], worker: Worker
) -> None:
    me = await register(api, "sendable-shown@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], title="Backend Engineer, Lyon")
    started = await api.post(
        "/generations",
        data={
            "source_cv_id": source.id,
            "job_offer_ids": [offer.id],
            "_csrf_token": api.cookies["csrftoken"],
        },
        headers={"x-csrftoken": ""},
        follow_redirects=False,
    )
    assert started.status_code in (302, 303), started.text
    page_url = started.headers["location"]
    task = await wait_finished(session_factory, page_url.rsplit("/", 1)[1])
    cv_id = task.generated_cv_ids[0]
    async with session_factory() as session:
        cv = await session.get(CvFile, cv_id)
        assert cv is not None
        record = (cv.generation_meta or {}).get("sendable")
    # Every generation records the contract's findings, the page check included.
    assert isinstance(record, dict) and "page" in record and "repaired" in record

    changes = await api.get(f"/cvs/{cv_id}/changes", headers={"accept-language": "en"})
    assert changes.status_code == 200
    assert 'data-testid="sendable-checks"' in changes.text
    panel = await api.get(f"{page_url}/panel", headers={"accept-language": "en"})
    if not record["page"] and not record.get("violations"):
        assert 'data-testid="sendable-ok"' in changes.text
        assert 'data-testid="sendable-to-check"' not in panel.text

    # A PDF over its budget (as a page check records it) is pointed at from the row and listed.
    async with session_factory() as session:
        cv = await session.get(CvFile, cv_id)
        assert cv is not None
        over = {"code": "over_budget", "params": {"pages": 3, "budget": 2}}
        cv.generation_meta = {**(cv.generation_meta or {}), "sendable": {**record, "page": [over]}}
        await session.commit()
    panel = await api.get(f"{page_url}/panel", headers={"accept-language": "fr"})
    assert 'data-testid="sendable-to-check"' in panel.text
    assert (
        "1 point à vérifier avant l&#39;envoi" in panel.text
        or "1 point à vérifier avant l'envoi" in panel.text
    )
    assert f'href="/cvs/{cv_id}/changes#sendable-checks"' in panel.text
    changes = await api.get(f"/cvs/{cv_id}/changes", headers={"accept-language": "fr"})
    assert 'data-testid="sendable-open"' in changes.text
    assert "Le PDF fait 3 pages pour 2 prévues" in changes.text
