"""The tracker's pages: the offer page's Track button, the board (a status form per card, no
JavaScript needed; board.js's post answered 204), the list's filters, the detail page's forms
(refused input re-shown, nothing stored), notes, the frozen-copy form, the dashboard's
follow-ups, deletion, and the French words."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Application, SentDocument
from app.domain.applications.view import offer_excerpt, safe_link
from tests import factories
from tests.conftest import csrf_token, post_form, register

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}


async def _track(client: Client, offer_id: str) -> str:
    response = await post_form(client, "/applications", {"job_offer_id": offer_id})
    assert response.status_code == 303, response.text  # type: ignore[attr-defined]
    return str(response.headers["location"]).rsplit("/", 1)[1]  # type: ignore[attr-defined]


async def test_track_from_the_offer_page_then_move_on_the_board_without_javascript(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "board@example.com")
    offer = await factories.job_offer(db, me["id"], title="Data Engineer", company="Zenith")
    page = await client.get(f"/offers/{offer.id}", headers=ENGLISH)
    assert "Track this application" in page.text
    application_id = await _track(client, offer.id)
    assert application_id == await _track(client, offer.id)  # one per offer
    page = await client.get(f"/offers/{offer.id}", headers=ENGLISH)
    assert (
        f'href="/applications/{application_id}"' in page.text and "Tracked: To apply" in page.text
    )

    board = await client.get("/applications", headers=ENGLISH)
    assert board.status_code == 200
    assert 'id="board"' in board.text and board.text.count('class="board-column"') == 6
    assert f'id="card-{application_id}"' in board.text and "Zenith" in board.text
    assert "/static/vendor/sortable-1.15.7.min.js" in board.text

    moved = await post_form(
        client, f"/applications/{application_id}/status", {"status": "applied", "back": "board"}
    )
    assert moved.status_code == 303 and moved.headers["location"] == "/applications"  # type: ignore[attr-defined]
    dropped = await post_form(
        client,
        f"/applications/{application_id}/status",
        {"status": "interview"},
        **{"x-board-move": "1"},
    )
    assert dropped.status_code == 204  # type: ignore[attr-defined]
    bad = await post_form(client, f"/applications/{application_id}/status", {"status": "lost"})
    assert bad.status_code == 422  # type: ignore[attr-defined]
    stats = await client.get("/applications", headers=ENGLISH)
    assert 'id="tracker-stats"' in stats.text and "100&nbsp;%" in stats.text  # 1 sent, 1 answer
    fragment = await client.get("/applications/board", headers=ENGLISH)
    assert 'data-status="interview"' in fragment.text and "<html" not in fragment.text
    row = await db.scalar(select(Application).where(Application.id == application_id))
    assert row is not None and row.status == "interview"
    await db.rollback()


async def test_detail_forms_list_filters_dashboard_and_delete(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "detail@example.com")
    acme = await factories.job_offer(db, me["id"], title="Backend Dev", company="Acme")
    beta = await factories.job_offer(db, me["id"], title="Frontend Dev", company="Beta")
    cv = await factories.source_cv(db, me["id"])
    acme_id, beta_id = await _track(client, acme.id), await _track(client, beta.id)
    yesterday = (date.today() - timedelta(days=1)).isoformat()

    refused = await post_form(
        client, f"/applications/{acme_id}", {"follow_up_at": yesterday, "rating": "9"}
    )
    assert refused.status_code == 422  # type: ignore[attr-defined]
    assert "rating: expected a whole number from 1 to 5" in refused.text  # type: ignore[attr-defined]
    assert f'value="{yesterday}"' in refused.text  # type: ignore[attr-defined]  # what was posted
    saved = await post_form(
        client,
        f"/applications/{acme_id}",
        {"follow_up_at": yesterday, "rating": "5", "contact_name": "Ada", "contact_email": ""},
    )
    assert saved.status_code == 303  # type: ignore[attr-defined]
    note = await post_form(client, f"/applications/{acme_id}/notes", {"body": "Phoned <b>HR</b>"})
    assert note.status_code == 303  # type: ignore[attr-defined]
    sent = await post_form(client, f"/applications/{acme_id}/sent", {"cv_file_id": cv.id})
    assert sent.status_code == 303  # type: ignore[attr-defined]
    detail = await client.get(f"/applications/{acme_id}", headers=ENGLISH)
    assert "Phoned &lt;b&gt;HR&lt;/b&gt;" in detail.text and "★★★★★" in detail.text
    document = await db.scalar(select(SentDocument).where(SentDocument.application_id == acme_id))
    assert document is not None and document.source_cv_file_id == cv.id
    assert f"/api/applications/{acme_id}/documents/{document.id}/pdf" in detail.text
    await db.rollback()

    due = await client.get("/applications/list?due=due", headers=ENGLISH)
    assert "Backend Dev" in due.text and "Frontend Dev" not in due.text
    by_company = await client.get("/applications/list?company=bet", headers=ENGLISH)
    assert "Frontend Dev" in by_company.text and "Backend Dev" not in by_company.text
    home = await client.get("/", headers=ENGLISH)
    assert 'id="follow-ups"' in home.text and f"/applications/{acme_id}" in home.text
    assert "overdue since" in home.text

    french = await client.get("/applications", headers={"accept-language": "fr"})
    assert "À postuler" in french.text and "Candidatures" in french.text

    gone = await post_form(client, f"/applications/{beta_id}/delete", {"confirm": "yes"})
    assert gone.status_code == 303  # type: ignore[attr-defined]
    assert (await client.get(f"/applications/{beta_id}", headers=ENGLISH)).status_code == 404


async def test_the_detail_page_shows_the_offer_itself(client: Client, db: AsyncSession) -> None:
    me = await register(client, "offer-text@example.com")
    paragraphs = [f"Paragraph {n}: we build parcel tracking for {n} cities." for n in range(40)]
    offer = await factories.job_offer(
        db,
        me["id"],
        title="Platform Engineer",
        company="Orbit <Labs>",
        location="Lyon",
        contract_type="CDI",
        remote="hybrid",
        source_url="https://jobs.example.com/orbit/42",
        description="\n\n".join(paragraphs),
    )
    application_id = await _track(client, offer.id)
    page = await client.get(f"/applications/{application_id}", headers=ENGLISH)
    assert 'id="offer"' in page.text
    assert 'href="https://jobs.example.com/orbit/42"' in page.text
    assert "Paragraph 0: we build parcel tracking for 0 cities." in page.text
    assert "Lyon" in page.text and "CDI" in page.text and "Orbit &lt;Labs&gt;" in page.text
    # A readable excerpt, then the whole text one click away.
    excerpt = page.text.split('data-testid="offer-excerpt"', 1)[1].split("</", 1)[0]
    assert "Paragraph 1:" in excerpt and "Paragraph 39:" not in excerpt
    assert "Read the whole offer" in page.text and "Paragraph 39:" in page.text

    unsafe = await factories.job_offer(
        db, me["id"], title="Short", source_url="javascript:alert(1)", description="Short text."
    )
    page = await client.get(f"/applications/{await _track(client, unsafe.id)}", headers=ENGLISH)
    assert "Short text." in page.text and "Read the whole offer" not in page.text
    assert 'href="javascript:' not in page.text
    french = await client.get(f"/applications/{application_id}", headers={"accept-language": "fr"})
    assert "Lire toute l’offre" in french.text


async def test_live_regions_are_morphed_and_their_fragments_are_their_content(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "morph@example.com")
    offer = await factories.job_offer(db, me["id"])
    application_id = await _track(client, offer.id)

    board = await client.get("/applications", headers=ENGLISH)
    region = board.text.split('id="board"', 1)[1].split(">", 1)[0]
    assert 'hx-ext="morph"' in region and 'hx-swap="morph:innerHTML"' in region
    assert 'hx-get="/applications/board"' in region
    fragment = await client.get("/applications/board", headers=ENGLISH)
    assert 'id="board"' not in fragment.text and "<html" not in fragment.text
    # Stable ids, so that idiomorph keeps every column, list and card where it is.
    for status in ("to_apply", "applied", "interview", "offer", "rejected", "hired"):
        assert f'id="cards-{status}"' in fragment.text
        assert f'id="cards-{status}"' in board.text
    assert f'id="card-{application_id}"' in fragment.text

    detail = await client.get(f"/applications/{application_id}", headers=ENGLISH)
    region = detail.text.split('id="application-live"', 1)[1].split(">", 1)[0]
    assert 'hx-ext="morph"' in region and 'hx-swap="morph:innerHTML"' in region
    live = await client.get(f"/applications/{application_id}/live", headers=ENGLISH)
    assert 'id="application-live"' not in live.text and 'id="history"' in live.text
    # The status form is in the region: a move made in another tab reaches its select, so
    # "Move" never sends back a status the page no longer shows.
    assert 'id="detail-status"' in live.text and 'id="detail-status"' not in region
    moved = await client.patch(
        f"/api/applications/{application_id}",
        json={"status": "interview"},
        headers={"x-csrftoken": await csrf_token(client)},
    )
    assert moved.status_code == 200, moved.text
    live = await client.get(f"/applications/{application_id}/live", headers=ENGLISH)
    assert '<option value="interview" selected>' in live.text


async def _tracked_with(
    client: Client, db: AsyncSession, user_id: str, company: str, **changes: object
) -> str:
    offer = await factories.job_offer(db, user_id, title=f"Job at {company}", company=company)
    application_id = await _track(client, offer.id)
    if changes:
        token = await csrf_token(client)
        patched = await client.patch(
            f"/api/applications/{application_id}", json=changes, headers={"x-csrftoken": token}
        )
        assert patched.status_code == 200, patched.text
    return application_id


def _rows(html: str) -> list[str]:
    return re.findall(r'<tr data-application-id="([^"]+)"', html)


async def test_list_sorts_and_follow_up_filters(client: Client, db: AsyncSession) -> None:
    me = await register(client, "list-sorts@example.com")
    today = date.today()

    def day(offset: int) -> str:
        return (today + timedelta(days=offset)).isoformat()

    ids = {
        "acme": await _tracked_with(
            client, db, me["id"], "acme", status="applied", rating=2, followUpAt=day(0)
        ),
        "beta": await _tracked_with(
            client, db, me["id"], "Beta", status="interview", rating=5, followUpAt=day(-1)
        ),
        "cobalt": await _tracked_with(client, db, me["id"], "cobalt", followUpAt=day(1)),
        "delta": await _tracked_with(  # closed: never "due", whatever its date
            client, db, me["id"], "Delta", status="rejected", rating=3, followUpAt=day(-3)
        ),
        "echo": await _tracked_with(client, db, me["id"], "Echo"),
    }
    # The last move decides "recent": cobalt, acme, delta, beta, echo.
    now = datetime.now(UTC)
    for hours, name in enumerate(("cobalt", "acme", "delta", "beta", "echo")):
        await db.execute(
            update(Application)
            .where(Application.id == ids[name])
            .values(status_changed_at=now - timedelta(hours=hours + 1))
        )
    await db.commit()

    async def listed(query: str) -> list[str]:
        page = await client.get(f"/applications/list?{query}", headers=ENGLISH)
        assert page.status_code == 200
        names = {v: k for k, v in ids.items()}
        return [names[i] for i in _rows(page.text)]

    recent = ["cobalt", "acme", "delta", "beta", "echo"]
    assert await listed("") == recent
    assert await listed("sort=recent") == recent
    assert await listed("sort=sideways") == recent  # unknown: the default
    # Next follow-up first (the most overdue leads), none at the end.
    assert await listed("sort=follow_up") == ["delta", "beta", "acme", "cobalt", "echo"]
    # Company, whatever its case.
    assert await listed("sort=company") == ["acme", "beta", "cobalt", "delta", "echo"]
    # Best rated first; the unrated keep the last-moved order.
    assert await listed("sort=rating") == ["beta", "delta", "acme", "cobalt", "echo"]

    assert await listed("status=to_apply") == ["cobalt", "echo"]
    assert await listed("status=interview") == ["beta"]
    assert await listed("status=lost") == recent  # unknown: no filter
    assert await listed("due=today") == ["acme"]
    assert await listed("due=overdue") == ["beta"]  # delta is closed
    assert await listed("due=due") == ["acme", "beta"]
    assert await listed("due=due&sort=follow_up") == ["beta", "acme"]
    assert await listed("status=rejected&due=overdue") == []
    assert await listed("status=applied&due=overdue") == []
    assert await listed("due=today&company=ACM") == ["acme"]

    page = await client.get("/applications/list?status=rejected&due=overdue", headers=ENGLISH)
    assert "No application matches" in page.text
    page = await client.get("/applications/list?due=overdue&sort=rating", headers=ENGLISH)
    assert '<option value="overdue" selected>' in page.text
    assert '<option value="rating" selected>' in page.text
    # The overdue follow-up is marked so in its row; the closed one's date is not.
    assert re.search(rf'data-application-id="{ids["beta"]}".*?follow-up overdue', page.text, re.S)
    page = await client.get("/applications/list?status=rejected", headers=ENGLISH)
    assert "follow-up overdue" not in page.text


def test_the_offer_excerpt_is_cut_between_words() -> None:
    assert offer_excerpt("Short.\r\n\r\n\r\nText.") == ("Short.\n\nText.", False)
    text, cut = offer_excerpt(" ".join(["word"] * 400), limit=100)
    assert cut and text.endswith("word …") and len(text) <= 102
    text, cut = offer_excerpt("One sentence here. " * 20, limit=100)
    assert cut and text.endswith("here. …")
    assert safe_link(" https://ex.com/a ") == "https://ex.com/a"
    assert safe_link("javascript:alert(1)") is None and safe_link(None) is None


async def test_a_card_scores_the_cv_linked_to_its_application(
    client: Client, db: AsyncSession
) -> None:
    """A card shows the match of the tailored CV its application sends, not of whichever CV
    is newest; a card without one shows the newest source CV's, as the offers page does."""
    from app.db.models import CvFile, User
    from app.domain.applications.view import cards
    from app.lib.cv_content import CvContent

    me = await register(client, "scores@example.com")
    fitting = await factories.source_cv(db, me["id"])  # the offer's own skills
    tailored = CvFile(
        user_id=me["id"],
        kind="generated",
        filename="tailored.json",
        content=fitting.content,
        extraction_status="completed",
        language="en",
        generation_meta={"source_cv_id": fitting.id},
    )
    unrelated = CvContent.from_json(
        {"header": {"name": "Sam Hale"}, "skills": [{"name": "Pottery"}], "summary": "Potter."}
    )
    linked_offer = await factories.job_offer(db, me["id"], title="Linked")
    other_offer = await factories.job_offer(db, me["id"], title="Unlinked")
    tailored.job_offer_id = linked_offer.id
    db.add(tailored)
    await db.commit()
    await factories.source_cv(db, me["id"], unrelated.to_json())  # newest: fits nothing
    linked_id = await _track(client, linked_offer.id)
    other_id = await _track(client, other_offer.id)
    await db.execute(
        update(Application).where(Application.id == linked_id).values(cv_file_id=tailored.id)
    )
    await db.commit()
    user = await db.get(User, me["id"])
    assert user is not None
    by_id = {c.id: c.score for c in await cards(db, user)}
    assert by_id[linked_id] is not None and by_id[linked_id] >= 50
    assert by_id[other_id] == 0  # the newest source CV fits nothing
