"""Deleting an offer whose application holds the user's own record (a move, notes, documents
sent) asks first, and names what goes with it; an untouched application goes silently."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

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


async def test_an_untouched_application_goes_with_its_offer_without_a_question(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "untouched@example.com")
    offer = await factories.job_offer(db, me["id"], title="Data Engineer", company="Zenith")
    application_id = await _track(client, offer.id)
    deleted = await post_form(client, f"/offers/{offer.id}/delete", {})
    assert deleted.status_code == 303
    assert await _status(client, f"/offers/{offer.id}") == 404
    assert await _status(client, f"/applications/{application_id}") == 404


async def test_an_application_with_a_record_is_named_before_it_goes(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "record@example.com")
    offer = await factories.job_offer(db, me["id"], title="Backend Dev", company="Acme")
    cv = await factories.source_cv(db, me["id"])
    application_id = await _track(client, offer.id)
    await post_form(client, f"/applications/{application_id}/status", {"status": "applied"})
    await post_form(client, f"/applications/{application_id}/notes", {"body": "Phoned HR"})
    await post_form(client, f"/applications/{application_id}/sent", {"cv_file_id": cv.id})

    asked = await post_form(client, f"/offers/{offer.id}/delete", {})
    assert asked.status_code == 200
    page = asked.text
    assert "Delete this offer?" in page and "its status (Applied)" in page
    assert "1 note" in page and "1 document sent" in page
    assert 'name="confirm" value="yes"' in page and f"/applications/{application_id}" in page
    # Nothing went yet.
    assert await _status(client, f"/offers/{offer.id}") == 200
    assert await _status(client, f"/applications/{application_id}") == 200

    french = await post_form(client, f"/offers/{offer.id}/delete", {}, **{"accept-language": "fr"})
    assert "Supprimer cette offre ?" in french.text
    assert "1 document envoyé" in french.text

    confirmed = await post_form(client, f"/offers/{offer.id}/delete", {"confirm": "yes"})
    assert confirmed.status_code == 303
    assert confirmed.headers["location"] == "/offers"
    assert await _status(client, f"/offers/{offer.id}") == 404
    assert await _status(client, f"/applications/{application_id}") == 404


async def test_another_users_offer_is_not_found_even_confirmed(
    client: Client, another_client: object, db: AsyncSession
) -> None:
    me = await register(client, "owner-confirm@example.com")
    offer = await factories.job_offer(db, me["id"], title="Analyst", company="Beta")
    application_id = await _track(client, offer.id)
    await post_form(client, f"/applications/{application_id}/status", {"status": "interview"})
    async with another_client() as other:  # type: ignore[operator]
        await register(other, "intruder-confirm@example.com")
        for data in ({}, {"confirm": "yes"}):
            refused = await post_form(other, f"/offers/{offer.id}/delete", data)
            assert refused.status_code == 404
    assert await _status(client, f"/applications/{application_id}") == 200
