"""Deleting an offer always goes through its confirmation page, which names what goes with it
(its application and the user's record in it, its cover letters) and what stays (the CVs
tailored to it); a post without the confirmation deletes nothing."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CoverLetter, CvFile
from tests import factories
from tests.conftest import post_form, register

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}


async def _track(client: Client, offer_id: str) -> str:
    response = await post_form(client, "/applications", {"job_offer_id": offer_id})
    assert response.status_code == 303, response.text
    return str(response.headers["location"]).rsplit("/", 1)[1]


async def _status(client: Client, url: str) -> int:
    return (await client.get(url, headers=ENGLISH)).status_code


async def test_the_list_links_to_the_confirmation_and_an_unconfirmed_post_keeps_the_offer(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "untouched@example.com")
    offer = await factories.job_offer(db, me["id"], title="Data Engineer", company="Zenith")
    listing = await client.get("/offers", headers=ENGLISH)
    # A row holds a link to the confirmation page, never a form that deletes.
    assert f'href="/offers/{offer.id}/delete"' in listing.text
    assert f'action="/offers/{offer.id}/delete"' not in listing.text
    asked = await post_form(client, f"/offers/{offer.id}/delete", {})
    assert asked.status_code == 200 and "Delete this offer?" in asked.text
    assert "Data Engineer — Zenith" in asked.text
    assert "Nothing else is deleted with it." in asked.text
    assert await _status(client, f"/offers/{offer.id}") == 200
    confirmed = await post_form(client, f"/offers/{offer.id}/delete", {"confirm": "yes"})
    assert confirmed.status_code == 303 and confirmed.headers["location"] == "/offers?deleted=1"
    assert await _status(client, f"/offers/{offer.id}") == 404
    listing = await client.get(confirmed.headers["location"], headers=ENGLISH)
    assert "The offer was deleted." in listing.text  # said afterwards, where the user lands


async def test_the_page_names_the_application_letters_and_tailored_cvs(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "record@example.com")
    offer = await factories.job_offer(db, me["id"], title="Backend Dev", company="Acme")
    cv = await factories.source_cv(db, me["id"])
    tailored = [await factories.tailored_cv(db, cv, offer) for _ in range(3)]
    letter = await factories.cover_letter(db, tailored[0], offer)
    application_id = await _track(client, offer.id)
    await post_form(client, f"/applications/{application_id}/status", {"status": "applied"})
    await post_form(client, f"/applications/{application_id}/notes", {"body": "Phoned HR"})
    await post_form(client, f"/applications/{application_id}/sent", {"cv_file_id": cv.id})

    asked = await client.get(f"/offers/{offer.id}/delete", headers=ENGLISH)
    assert asked.status_code == 200
    page = asked.text
    assert "Delete this offer?" in page and "its status (Applied)" in page
    assert "1 note" in page and "1 document sent" in page
    assert "1 cover letter written for it" in page
    assert "3 CVs tailored to it: they stay in your CVs" in page
    assert 'name="confirm" value="yes"' in page and f"/applications/{application_id}" in page
    # Nothing went yet.
    assert await _status(client, f"/offers/{offer.id}") == 200
    assert await _status(client, f"/applications/{application_id}") == 200

    french = await client.get(f"/offers/{offer.id}/delete", headers={"accept-language": "fr"})
    assert "Supprimer cette offre ?" in french.text
    assert "1 document envoyé" in french.text and "3 CV adaptés à cette offre" in french.text

    tailored_ids = sorted(cv.id for cv in tailored)
    confirmed = await post_form(client, f"/offers/{offer.id}/delete", {"confirm": "yes"})
    assert confirmed.status_code == 303
    assert await _status(client, f"/offers/{offer.id}") == 404
    assert await _status(client, f"/applications/{application_id}") == 404
    assert await db.scalar(select(CoverLetter.id).where(CoverLetter.id == letter.id)) is None
    db.expire_all()
    kept = await db.scalars(select(CvFile.id).where(CvFile.kind == "generated"))
    assert sorted(kept) == tailored_ids


async def test_another_users_offer_is_not_found_even_confirmed(
    client: Client, another_client: object, db: AsyncSession
) -> None:
    me = await register(client, "owner-confirm@example.com")
    offer = await factories.job_offer(db, me["id"], title="Analyst", company="Beta")
    application_id = await _track(client, offer.id)
    await post_form(client, f"/applications/{application_id}/status", {"status": "interview"})
    async with another_client() as other:  # type: ignore[operator]
        await register(other, "intruder-confirm@example.com")
        assert (await other.get(f"/offers/{offer.id}/delete")).status_code == 404
        for data in ({}, {"confirm": "yes"}):
            refused = await post_form(other, f"/offers/{offer.id}/delete", data)
            assert refused.status_code == 404
    assert await _status(client, f"/applications/{application_id}") == 200
