"""CVs, applications, saved searches and cover letters are deleted the way offers are: their
page links to a confirmation page naming what goes and what stays; only its form, posted with
confirm=yes, deletes; any other post shows the page and keeps everything."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, CoverLetter, CvFile, CvVersion, InboxItem, SavedSearch
from app.db.models.job_search import FeedSource
from tests import factories
from tests.conftest import post_form, register

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}
FRENCH = {"accept-language": "fr"}


async def _asked_then_kept(client: Client, url: str, page_url: str) -> str:
    """The confirmation page (by link and by an unconfirmed post); the thing still there."""
    asked = await client.get(url, headers=ENGLISH)
    assert asked.status_code == 200, asked.text
    assert f'action="{url}"' in asked.text and 'name="confirm" value="yes"' in asked.text
    posted = await post_form(client, url, {})
    assert posted.status_code == 200 and 'name="confirm" value="yes"' in posted.text
    assert (await client.get(page_url, headers=ENGLISH)).status_code == 200
    return asked.text


async def _confirmed(client: Client, url: str, page_url: str, back_to: str) -> None:
    done = await post_form(client, url, {"confirm": "yes"})
    assert done.status_code == 303 and done.headers["location"] == back_to
    assert (await client.get(page_url, headers=ENGLISH)).status_code == 404


async def test_a_source_cv_names_its_versions_and_what_was_made_from_it(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "cv-delete@example.com")
    cv = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], title="Data Engineer", company="Zenith")
    tailored = await factories.tailored_cv(db, cv, offer)
    await factories.cover_letter(db, cv, offer)
    db.add_all(
        CvVersion(cv_file_id=cv.id, version=n, content=cv.content, created_by="user_edit")
        for n in (1, 2)
    )
    await db.commit()
    listing = await client.get("/cvs", headers=ENGLISH)
    assert f'href="/cvs/{cv.id}/delete"' in listing.text
    assert f'action="/cvs/{cv.id}/delete"' not in listing.text

    page = await _asked_then_kept(client, f"/cvs/{cv.id}/delete", f"/cvs/{cv.id}")
    assert "Delete this CV?" in page and "2 saved versions" in page
    assert "1 CV tailored from it" in page and "1 cover letter written from it" in page
    french = await client.get(f"/cvs/{cv.id}/delete", headers=FRENCH)
    assert "Supprimer ce CV ?" in french.text

    tailored_id = tailored.id
    await _confirmed(client, f"/cvs/{cv.id}/delete", f"/cvs/{cv.id}", "/cvs")
    db.expire_all()
    assert await db.scalar(select(CvFile.id).where(CvFile.id == tailored_id)) == tailored_id


async def test_a_cv_still_importing_says_its_import_stops(client: Client, db: AsyncSession) -> None:
    me = await register(client, "cv-importing@example.com")
    cv = CvFile(user_id=me["id"], kind="source", filename="new.pdf", extraction_status="running")
    db.add(cv)
    await db.flush()
    db.add(
        BackgroundTask(
            user_id=me["id"],
            type="cv_import",
            status="running",
            title="Import: new.pdf",
            job_id=f"cv_import:{cv.id}:t1",
        )
    )
    await db.commit()
    page = (await client.get(f"/cvs/{cv.id}/delete", headers=ENGLISH)).text
    assert "the import still under way (its credits are refunded)" in page
    assert "new.pdf" in page


async def test_an_application_names_its_record_and_keeps_the_offer(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "app-delete@example.com")
    offer = await factories.job_offer(db, me["id"], title="Analyst", company="Beta")
    tracked = await post_form(client, "/applications", {"job_offer_id": offer.id})
    application = str(tracked.headers["location"])
    await post_form(client, f"{application}/status", {"status": "interview"})
    await post_form(client, f"{application}/notes", {"body": "Call back Monday"})
    detail = await client.get(application, headers=ENGLISH)
    assert f'href="{application}/delete"' in detail.text

    page = await _asked_then_kept(client, f"{application}/delete", application)
    assert "Stop tracking this offer?" in page and "Analyst — Beta" in page
    assert "its status (Interview)" in page and "1 note" in page
    await _confirmed(client, f"{application}/delete", application, "/applications")
    assert (await client.get(f"/offers/{offer.id}", headers=ENGLISH)).status_code == 200


async def test_a_saved_search_names_its_sources_and_keeps_what_it_found(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "search-delete@example.com")
    search = SavedSearch(user_id=me["id"], name="Rust in Lyon", keywords=["rust"])
    db.add(search)
    await db.flush()
    db.add(FeedSource(search_id=search.id, url="https://board.example.org/rss"))
    found = "https://jobs.example.org/1"
    db.add(
        InboxItem(
            user_id=me["id"],
            search_id=search.id,
            title="Rust dev",
            url=found,
            canonical_url=found,
            content_hash="0" * 64,
        )
    )
    await db.commit()
    url = f"/inbox/searches/{search.id}"
    page = await _asked_then_kept(client, f"{url}/delete", url)
    assert "Delete this search?" in page and "Rust in Lyon" in page
    assert "1 source it reads" in page and "1 offer it found: it stays in your inbox" in page
    await _confirmed(client, f"{url}/delete", url, "/inbox/searches")
    db.expire_all()
    assert await db.scalar(select(InboxItem.title)) == "Rust dev"


async def test_a_cover_letter_names_its_versions(client: Client, db: AsyncSession) -> None:
    me = await register(client, "letter-delete@example.com")
    cv = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], title="Backend Dev", company="Acme")
    letter = await factories.cover_letter(db, cv, offer)
    url = f"/cover-letters/{letter.id}"
    shown = await client.get(url, headers=ENGLISH)
    assert f'href="{url}/delete"' in shown.text and f'action="{url}/delete"' not in shown.text
    page = await _asked_then_kept(client, f"{url}/delete", url)
    assert "Delete this cover letter?" in page and "Backend Dev — Acme" in page
    assert "1 saved version" in page
    offer_page = f"/offers/{offer.id}"
    await _confirmed(client, f"{url}/delete", url, "/cover-letters")
    assert await db.scalar(select(CoverLetter.id)) is None
    assert (await client.get(offer_page, headers=ENGLISH)).status_code == 200


async def test_another_users_things_have_no_confirmation_page(
    client: Client, another_client: object, db: AsyncSession
) -> None:
    me = await register(client, "owner-kinds@example.com")
    cv = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    letter = await factories.cover_letter(db, cv, offer)
    tracked = await post_form(client, "/applications", {"job_offer_id": offer.id})
    urls = [
        f"/cvs/{cv.id}/delete",
        f"/cover-letters/{letter.id}/delete",
        f"{tracked.headers['location']}/delete",
    ]
    async with another_client() as other:  # type: ignore[operator]
        await register(other, "intruder-kinds@example.com")
        for url in urls:
            assert (await other.get(url)).status_code == 404, url
            assert (await post_form(other, url, {"confirm": "yes"})).status_code == 404, url
    for url in urls:
        assert (await client.get(url, headers=ENGLISH)).status_code == 200, url
