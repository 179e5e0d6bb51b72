"""A generation started with ``withLetters`` whose worker dies right after an offer completes:
the offer's letter was added in the transaction that completed it (jobs/pipeline/recompose.py),
so it is not lost; the recovery sweep (jobs/recovery.py) starts it and it is written."""

from __future__ import annotations

from typing import Any

import pytest
from arq.worker import Worker
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CoverLetter, CvFile
from jobs.pipeline import recompose
from tests import factories
from tests.conftest import register
from tests.integration.pipeline_helpers import generate, wait_finished
from tests.integration.test_cover_letters_llm import wait_letters


async def test_letters_survive_a_worker_dying_right_after_their_offers_complete(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The worker "dies" after each offer's commit: the call that starts its letter never runs.
    skipped: list[str] = []

    async def dead_worker(_sessions: Any, _redis: Any, user_id: str, *_: Any) -> None:
        skipped.append(user_id)

    monkeypatch.setattr(recompose, "start_waiting_letters", dead_worker)
    me = await register(api, "letters-after-crash@example.com")
    source = await factories.source_cv(db, me["id"])
    offers = [
        await factories.job_offer(db, me["id"]),
        await factories.job_offer(db, me["id"], title="Data Engineer", company="Rail Freight"),
    ]
    started = await generate(api, source.id, [o.id for o in offers], withLetters=True)
    assert started.status_code == 200, started.text
    task = await wait_finished(session_factory, started.json()["taskId"])
    assert task.status == "completed", task.error
    assert skipped == [me["id"], me["id"]]  # the pipeline itself started no letter
    # Both letters exist as soon as their offers completed ...
    query = select(CoverLetter).where(CoverLetter.user_id == me["id"])
    async with session_factory() as session:
        assert len(list(await session.scalars(query))) == 2
    # ... and the recovery sweep starts them, one after the other (one letter slot).
    letters = await wait_letters(session_factory, me["id"], 2)
    assert {letter.status for letter in letters} == {"completed"}, [r.error for r in letters]
    async with session_factory() as session:
        generated = {
            cv.job_offer_id: cv.id
            for cv in await session.scalars(select(CvFile).where(CvFile.kind == "generated"))
        }
    assert {(r.job_offer_id, r.cv_file_id) for r in letters} == set(generated.items())
