"""The pitch pages without JavaScript (plain forms, Post/Redirect/Get): write, the "being
written" box, the written pitch with its words, speaking time and fact check, the default,
an edit refused then saved, French, cancel from the task centre, the delete confirmation, and
another user's pitch answering 404."""

from __future__ import annotations

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Pitch
from app.lib.confirm import CONFIRMED
from app.lib.speech import word_count
from tests import factories
from tests.conftest import csrf_token, post_form, register
from tests.prg import followed

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}
TEXT = "Hello, I am Alex Martin.\n\nI built Python services handling 2 million parcels a day."


async def _written(db: AsyncSession, pitch_id: str) -> None:
    """What the worker saves (jobs/pitch_jobs.py), a dropped sentence included."""
    pitch = await db.get(Pitch, pitch_id)
    assert pitch is not None
    pitch.status, pitch.engine, pitch.text = "completed", "llm", TEXT
    pitch.meta = {
        "verifiedClaims": 2,
        "droppedClaims": 1,
        "dropped": [{"text": "I led Globex.", "reason": "not_in_cv", "tokens": ["Globex"]}],
    }
    await db.commit()


async def test_write_watch_default_edit_and_delete_without_javascript(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "pitch-pages@example.com")
    cv = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"], title="Python Backend Developer")
    page = await client.get("/pitches", headers=ENGLISH)
    assert "Write the pitch" in page.text and f'value="{offer.id}"' in page.text

    refused = await post_form(client, "/pitches", {"cv_file_id": cv.id, "target": "context"})
    shown = await followed(client, refused, **ENGLISH)
    assert 'data-error-code="pitch.no_target"' in shown.text
    assert await db.scalar(select(Pitch.id)) is None

    started = await post_form(
        client, "/pitches", {"cv_file_id": cv.id, "kind": "3min", "target": offer.id}
    )
    assert started.status_code == 303, started.text
    pitch_id = started.headers["location"].rsplit("/", 1)[1]
    page = await client.get(f"/pitches/{pitch_id}", headers=ENGLISH)
    assert 'id="pitch-status"' in page.text and "3-minute pitch" in page.text
    assert 'http-equiv="refresh"' in page.text  # without JavaScript it reloads itself
    status = await client.get(f"/pitches/{pitch_id}/status", headers={"hx-request": "true"})
    assert "HX-Refresh" not in status.headers
    early = await post_form(client, f"/pitches/{pitch_id}/default", {"on": "1"})
    assert 'data-error-code="pitch.not_ready"' in (await followed(client, early)).text

    await _written(db, pitch_id)
    status = await client.get(f"/pitches/{pitch_id}/status", headers={"hx-request": "true"})
    assert status.headers.get("HX-Refresh") == "true"
    page = await client.get(f"/pitches/{pitch_id}", headers=ENGLISH)
    assert word_count(TEXT) == 15
    assert 'data-testid="pitch-words">15<' in page.text  # 15 words: 6 s at 140 a minute
    assert 'data-testid="pitch-duration">0:06<' in page.text
    assert "Speaking time at 140 words a minute." in page.text
    assert "I led Globex." in page.text and "Not in your CV: Globex" in page.text
    french = await client.get(f"/pitches/{pitch_id}", headers={"accept-language": "fr"})
    assert "Temps de parole" in french.text and "Pitch de 3 minutes" in french.text

    made = await post_form(client, f"/pitches/{pitch_id}/default", {"on": "1"})
    assert "Your default pitch" in (await followed(client, made, **ENGLISH)).text
    empty = await post_form(client, f"/pitches/{pitch_id}", {"text": "   "})
    back = await followed(client, empty, **ENGLISH)
    assert 'data-error-code="pitch.empty"' in back.text
    saved = await post_form(client, f"/pitches/{pitch_id}", {"text": "My own pitch."})
    assert saved.status_code == 303
    page = await followed(client, saved, **ENGLISH)
    assert "<p>My own pitch.</p>" in page.text and "data-saved>Saved.<" in page.text

    gone_offer = await client.delete(
        f"/api/job-offers/{offer.id}", headers={"x-csrftoken": await csrf_token(client)}
    )
    assert gone_offer.status_code == 200, gone_offer.text
    page = await client.get(f"/pitches/{pitch_id}", headers=ENGLISH)
    assert "3-minute pitch: an offer since deleted" in page.text  # the text stays
    assert "<p>My own pitch.</p>" in page.text

    confirm = await client.get(f"/pitches/{pitch_id}/delete", headers=ENGLISH)
    assert "Delete this pitch?" in confirm.text
    not_confirmed = await post_form(client, f"/pitches/{pitch_id}/delete", {})
    assert not_confirmed.status_code == 200 and await db.get(Pitch, pitch_id) is not None
    gone = await post_form(client, f"/pitches/{pitch_id}/delete", {"confirm": CONFIRMED})
    assert gone.status_code == 303 and gone.headers["location"] == "/pitches"
    db.expire_all()
    assert await db.scalar(select(Pitch.id)) is None


async def test_cancel_from_the_task_centre_and_other_users_see_404(
    client: Client, db: AsyncSession, another_client: object
) -> None:
    me = await register(client, "pitch-cancel@example.com")
    cv = await factories.source_cv(db, me["id"])
    created = await client.post(
        "/api/pitches",
        json={"cvFileId": cv.id, "context": "a data meetup"},
        headers={"x-csrftoken": await csrf_token(client)},
    )
    assert created.status_code == 201, created.text
    pitch_id, task_id = created.json()["id"], created.json()["taskId"]
    cancelled = await client.delete(
        f"/api/background-tasks/{task_id}", headers={"x-csrftoken": await csrf_token(client)}
    )
    assert cancelled.status_code == 200, cancelled.text
    body = (await client.get(f"/api/pitches/{pitch_id}")).json()
    assert body["status"] == "cancelled" and body["error"] == "Pitch cancelled."
    async with another_client() as stranger:  # type: ignore[operator]
        await register(stranger, "pitch-stranger@example.com")
        for path in (f"/pitches/{pitch_id}", f"/api/pitches/{pitch_id}"):
            assert (await stranger.get(path)).status_code == 404, path
