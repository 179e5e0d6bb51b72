"""Every committed ledger change reaches the user's tabs as ``credits:changed`` (the header
counter follows it): the debit when a generation starts, the refund when it is cancelled."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import User
from app.events import CREDITS_CHANGED as CREDITS_CHANGED_EVENT
from tests import factories
from tests.conftest import register
from tests.integration.pipeline_helpers import EventLog


async def _balance(db: AsyncSession, user_id: str) -> int:
    await db.rollback()  # a fresh read, not the session's cached one
    return int(await db.scalar(select(User.credit_balance).where(User.id == user_id)) or 0)


async def test_debit_and_refund_are_published_after_commit(
    api: Any, db: AsyncSession, settings: Settings
) -> None:
    me = await register(api, "credit-events@example.com")
    before = await _balance(db, me["id"])
    assert before >= 1
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    async with EventLog(settings.effective_redis_url, me["id"]) as log:
        started = await api.post(
            "/generations",
            data={"source_cv_id": source.id, "job_offer_ids": offer.id},
            follow_redirects=False,
        )
        assert started.status_code in (302, 303), started.text
        task_id = started.headers["location"].rsplit("/", 1)[1]
        debited = await log.wait_for(CREDITS_CHANGED_EVENT, 1)
        assert debited[0]["balance"] == before - 1 == await _balance(db, me["id"])

        cancelled = await api.post(f"/generations/{task_id}/cancel", follow_redirects=False)
        assert cancelled.status_code in (302, 303), cancelled.text
        refunded = await log.wait_for(CREDITS_CHANGED_EVENT, 2)
        assert refunded[1]["balance"] == before == await _balance(db, me["id"])


async def test_a_rejected_launch_publishes_nothing(
    api: Any, db: AsyncSession, settings: Settings
) -> None:
    """No offer picked: the launch fails before the ledger is touched, so no tab is told."""
    me = await register(api, "credit-events-none@example.com")
    source = await factories.source_cv(db, me["id"])
    async with EventLog(settings.effective_redis_url, me["id"]) as log:
        rejected = await api.post(
            "/generations", data={"source_cv_id": source.id}, follow_redirects=False
        )
        # Refused: back to the form's page (Post/Redirect/Get), not to a generation.
        assert rejected.status_code == 303 and "/generations/" not in rejected.headers["location"]
        await api.get("/generations")  # one more round trip: any stray publish lands by then
        assert log.named(CREDITS_CHANGED_EVENT) == []


async def test_an_admin_grant_reaches_the_grantees_tabs(
    api: Any, another_client: Any, settings: Settings
) -> None:
    await register(api, "credit-events-admin@example.com")  # first account: admin
    async with another_client() as member:
        who = await register(member, "credit-events-grantee@example.com")
        async with EventLog(settings.effective_redis_url, who["id"]) as log:
            granted = await api.post(
                f"/admin/users/{who['id']}/credits",
                data={"amount": "7", "_csrf_token": api.cookies["csrftoken"]},
            )
            assert granted.status_code == 200
            changed = await log.wait_for(CREDITS_CHANGED_EVENT, 1)
    assert changed == [{"balance": who["creditBalance"] + 7}]
