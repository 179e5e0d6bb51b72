"""The tracker's pages: the offer page's Track button, the board (a status form per card, no
JavaScript needed; board.js's post answered 204), the list's filters, the detail page's forms
(refused input re-shown, nothing stored), notes, the frozen-copy form, the dashboard's
follow-ups, deletion, and the French words."""

from __future__ import annotations

from datetime import date, timedelta

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Application, SentDocument
from tests import factories
from tests.conftest import csrf_token, register

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}


async def _form(client: Client, url: str, data: dict[str, str], **headers: str) -> object:
    token = await csrf_token(client)
    return await client.post(
        url,
        data={**data, "_csrf_token": token},
        headers={**ENGLISH, **headers},
        follow_redirects=False,
    )


async def _track(client: Client, offer_id: str) -> str:
    response = await _form(client, "/applications", {"job_offer_id": offer_id})
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

    moved = await _form(
        client, f"/applications/{application_id}/status", {"status": "applied", "back": "board"}
    )
    assert moved.status_code == 303 and moved.headers["location"] == "/applications"  # type: ignore[attr-defined]
    dropped = await _form(
        client,
        f"/applications/{application_id}/status",
        {"status": "interview"},
        **{"x-board-move": "1"},
    )
    assert dropped.status_code == 204  # type: ignore[attr-defined]
    bad = await _form(client, f"/applications/{application_id}/status", {"status": "lost"})
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

    refused = await _form(
        client, f"/applications/{acme_id}", {"follow_up_at": yesterday, "rating": "9"}
    )
    assert refused.status_code == 422  # type: ignore[attr-defined]
    assert "rating: expected a whole number from 1 to 5" in refused.text  # type: ignore[attr-defined]
    assert f'value="{yesterday}"' in refused.text  # type: ignore[attr-defined]  # what was posted
    saved = await _form(
        client,
        f"/applications/{acme_id}",
        {"follow_up_at": yesterday, "rating": "5", "contact_name": "Ada", "contact_email": ""},
    )
    assert saved.status_code == 303  # type: ignore[attr-defined]
    note = await _form(client, f"/applications/{acme_id}/notes", {"body": "Phoned <b>HR</b>"})
    assert note.status_code == 303  # type: ignore[attr-defined]
    sent = await _form(client, f"/applications/{acme_id}/sent", {"cv_file_id": cv.id})
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

    gone = await _form(client, f"/applications/{beta_id}/delete", {})
    assert gone.status_code == 303  # type: ignore[attr-defined]
    assert (await client.get(f"/applications/{beta_id}", headers=ENGLISH)).status_code == 404
