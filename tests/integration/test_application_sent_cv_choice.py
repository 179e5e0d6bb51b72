"""The application page's "The CV you sent" starts on the CV tailored for this offer, for the
same person as the letter its letter box shows (app/domain/applications/sent_choice.py): never
on another person's newer tailored CV; with nothing about the offer, on the only person's CV, and
with several people's it asks instead."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile
from app.domain.applications.services import create_for_offer, track_generated_cv
from tests import factories
from tests.conftest import register

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}


def _chosen(html: str) -> str | None:
    """The value of the option the "sent-cv" select starts on."""
    select = re.search(r'<select id="sent-cv".*?</select>', html, re.S)
    assert select is not None
    chosen = re.search(r'<option value="([^"]*)"[^>]*\bselected\b', select.group(0))
    return chosen.group(1) if chosen else None


async def _aged(db: AsyncSession, cv: CvFile, minutes: int) -> None:
    cv.created_at = cv.updated_at = datetime.now(UTC) - timedelta(minutes=minutes)
    await db.commit()


async def test_the_cv_sent_starts_on_the_letters_person_tailored_cv(
    client: Client, db: AsyncSession
) -> None:
    me = (await register(client, "two-people@example.com"))["id"]
    ana = await factories.source_cv(db, me)
    bob = await factories.source_cv(db, me)
    offer = await factories.job_offer(db, me, title="Data Engineer", company="Zenith")
    for_ana = await factories.tailored_cv(db, ana, offer)
    await _aged(db, for_ana, 30)
    for_bob = await factories.tailored_cv(db, bob, offer)  # newer: the application points at it
    application = await track_generated_cv(db, me, offer.id, for_bob.id)
    await db.commit()
    page = await client.get(f"/applications/{application.id}", headers=ENGLISH)
    assert _chosen(page.text) == for_bob.id  # no letter yet: the recorded one

    await factories.cover_letter(db, for_ana, offer)  # the letter box now shows Ana's letter
    page = await client.get(f"/applications/{application.id}", headers=ENGLISH)
    assert _chosen(page.text) == for_ana.id


async def test_with_no_cv_tailored_for_the_offer_the_page_asks(
    client: Client, db: AsyncSession
) -> None:
    me = (await register(client, "no-tailored@example.com"))["id"]
    ana = await factories.source_cv(db, me)
    offer = await factories.job_offer(db, me, title="Data Engineer", company="Zenith")
    application, _ = await create_for_offer(db, me, offer.id)
    await db.commit()
    page = await client.get(f"/applications/{application.id}", headers=ENGLISH)
    assert _chosen(page.text) == ana.id  # one person's CV only: no one else's to pick

    bob = await factories.source_cv(db, me)
    other = await factories.job_offer(db, me, title="Gardener", company="Green")
    newest = await factories.tailored_cv(db, bob, other)  # the newest CV, for another offer
    page = await client.get(f"/applications/{application.id}", headers=ENGLISH)
    assert _chosen(page.text) == ""  # "Choose the CV you sent", not the newest CV
    assert "Choose the CV you sent" in page.text and newest.id in page.text
