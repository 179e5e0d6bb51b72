"""The applications tracker through its JSON API: track an offer (one per offer), move it with
its history, concurrent moves from two tabs, fields and bad input, notes, delete, scoping, the
follow-ups as .ics (parsed back) and the statistics."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

from icalendar import Calendar
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Application, ApplicationStatusChange
from tests import factories
from tests.conftest import csrf_token, register


async def _headers(client: Any) -> dict[str, str]:
    return {"x-csrftoken": await csrf_token(client)}


async def _track(client: Any, offer_id: str) -> Any:
    return await client.post(
        "/api/applications", json={"jobOfferId": offer_id}, headers=await _headers(client)
    )


async def _patch(client: Any, application_id: str, body: Any, device: str = "") -> Any:
    headers = {**await _headers(client), **({"x-device-id": device} if device else {})}
    return await client.patch(f"/api/applications/{application_id}", json=body, headers=headers)


async def test_one_application_per_offer_and_every_move_recorded_once(
    client: AsyncTestClient[Litestar], db: AsyncSession, backend: str
) -> None:
    me = await register(client, "tracker@example.com")
    offer = await factories.job_offer(db, me["id"], company="Acme")
    first = await _track(client, offer.id)
    assert first.status_code == 201, first.text
    again = await _track(client, offer.id)
    assert again.status_code == 200 and again.json()["id"] == first.json()["id"]
    application_id = first.json()["id"]
    assert first.json()["status"] == "to_apply" and first.json()["company"] == "Acme"

    moved = await _patch(client, application_id, {"status": "applied"}, device="tab-1")
    assert moved.status_code == 200, moved.text
    assert moved.json()["appliedOn"] == date.today().isoformat()
    same = await _patch(client, application_id, {"status": "applied"})  # no move, no record
    assert same.status_code == 200
    await _patch(client, application_id, {"status": "interview"})
    detail = (await client.get(f"/api/applications/{application_id}")).json()
    assert [(m["fromStatus"], m["toStatus"]) for m in detail["history"]] == [
        (None, "to_apply"),
        ("to_apply", "applied"),
        ("applied", "interview"),
    ]
    assert detail["history"][1]["deviceId"] == "tab-1"
    assert detail["version"] == 3


async def test_concurrent_moves_from_two_tabs_are_both_recorded(
    client: AsyncTestClient[Litestar], another_client: Any, db: AsyncSession, backend: str
) -> None:
    me = await register(client, "two-tabs@example.com")
    offer = await factories.job_offer(db, me["id"])
    application_id = (await _track(client, offer.id)).json()["id"]
    async with another_client() as other:
        other.cookies.update(client.cookies)  # the same user's second tab, other web process
        results = await asyncio.gather(
            _patch(client, application_id, {"status": "applied"}),
            _patch(other, application_id, {"status": "rejected"}),
        )
    assert [r.status_code for r in results] == [200, 200], [r.text for r in results]
    rows = await db.execute(
        select(ApplicationStatusChange.from_status, ApplicationStatusChange.to_status)
        .where(ApplicationStatusChange.application_id == application_id)
        .order_by(ApplicationStatusChange.at, ApplicationStatusChange.id)
    )
    moves = [(from_status, to_status) for from_status, to_status in rows]
    await db.rollback()
    assert len(moves) == 3
    # One chain, no lost update: the second move starts where the first left the card.
    assert moves[1][0] == "to_apply" and moves[2][0] == moves[1][1]
    final = (await client.get(f"/api/applications/{application_id}")).json()
    assert final["status"] == moves[2][1] and final["version"] == 3


async def test_fields_bad_input_stale_version_notes_and_delete(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    me = await register(client, "fields@example.com")
    offer = await factories.job_offer(db, me["id"])
    application_id = (await _track(client, offer.id)).json()["id"]
    body = {
        "rating": 4,
        "followUpAt": "2030-01-15",
        "contact": {"name": "Ada", "email": "ada@example.com", "link": "https://ex.com/ada"},
    }
    saved = await _patch(client, application_id, body)
    assert saved.status_code == 200, saved.text
    assert saved.json()["rating"] == 4 and saved.json()["contact"]["name"] == "Ada"
    for bad in (
        {"rating": 6},
        {"rating": 4, "status": "lost"},  # one bad field: nothing of the body is stored
        {"followUpAt": "next week"},
        {"contact": {"email": "not an address"}},
        {"contact": {"link": "javascript:alert(1)"}},
        {"unknown": 1},
        [],
    ):
        refused = await _patch(client, application_id, bad)
        assert refused.status_code == 422, (bad, refused.text)
        assert refused.json()["detail"]
    stale = await _patch(client, application_id, {"rating": 2, "version": 1})
    assert stale.status_code == 409
    current = (await client.get(f"/api/applications/{application_id}")).json()
    assert current["rating"] == 4 and current["status"] == "to_apply"

    note = await client.post(
        f"/api/applications/{application_id}/notes",
        json={"body": "Called HR"},
        headers=await _headers(client),
    )
    assert note.status_code == 201 and note.json()["body"] == "Called HR"
    empty = await client.post(
        f"/api/applications/{application_id}/notes",
        json={"body": " "},
        headers=await _headers(client),
    )
    assert empty.status_code == 422
    assert [
        n["body"] for n in (await client.get(f"/api/applications/{application_id}")).json()["notes"]
    ] == ["Called HR"]

    gone = await client.delete(
        f"/api/applications/{application_id}", headers=await _headers(client)
    )
    assert gone.status_code == 200
    assert (await client.get(f"/api/applications/{application_id}")).status_code == 404
    left = await db.scalar(select(func.count()).select_from(ApplicationStatusChange))
    await db.rollback()
    assert left == 0


async def test_another_users_application_and_offer_answer_404(
    client: AsyncTestClient[Litestar], another_client: Any, db: AsyncSession
) -> None:
    me = await register(client, "owner@example.com")
    offer = await factories.job_offer(db, me["id"])
    application_id = (await _track(client, offer.id)).json()["id"]
    async with another_client() as other:
        await register(other, "intruder@example.com")
        assert (await other.get(f"/api/applications/{application_id}")).status_code == 404
        assert (await _patch(other, application_id, {"status": "hired"})).status_code == 404
        assert (await _track(other, offer.id)).status_code == 404
        assert (await other.get("/api/applications")).json() == []
    assert (await client.get(f"/api/applications/{application_id}")).json()["status"] == "to_apply"


async def test_follow_ups_calendar_and_statistics(
    client: AsyncTestClient[Litestar], db: AsyncSession
) -> None:
    me = await register(client, "calendar@example.com")
    ids = []
    for company in ('Acme; Inc, \\ "Quoted"', "Beta", "Gamma"):
        offer = await factories.job_offer(db, me["id"], company=company)
        ids.append((await _track(client, offer.id)).json()["id"])
    empty = await client.get("/api/applications.ics")
    assert empty.status_code == 200
    assert empty.headers["content-type"] == "text/calendar; charset=utf-8"  # charset once
    # RFC 5545: a calendar holds at least one component, even with nothing planned.
    [placeholder] = Calendar.from_ical(empty.content).walk("VEVENT")
    assert (
        str(placeholder["transp"]) == "TRANSPARENT"
        and placeholder["uid"]
        and placeholder["dtstamp"]
    )
    await _patch(client, ids[0], {"followUpAt": "2030-02-01", "status": "applied"})
    await _patch(client, ids[0], {"status": "interview"})
    await _patch(client, ids[1], {"status": "applied", "followUpAt": "2030-03-01"})

    ics = await client.get("/api/applications.ics")
    assert ics.status_code == 200 and ics.headers["content-type"].startswith("text/calendar")
    events = Calendar.from_ical(ics.content).walk("VEVENT")
    assert sorted(str(e["dtstart"].dt) for e in events) == ["2030-02-01", "2030-03-01"]
    assert any('Acme; Inc, \\ "Quoted"' in str(e["summary"]) for e in events)
    assert all(str(e["url"]).endswith(tuple(ids[:2])) for e in events)

    stats = (await client.get("/api/applications/stats")).json()
    assert stats["perStatus"]["interview"] == 1 and stats["perStatus"]["to_apply"] == 1
    assert stats["responseRate"] == 0.5  # 2 sent, 1 answered
    assert set(stats["medianDaysPerStatus"]) == {"to_apply", "applied"}
    count = await db.scalar(select(func.count()).select_from(Application))
    await db.rollback()
    assert count == 3


async def test_a_move_started_before_another_tabs_commit_starts_from_it(
    client: AsyncTestClient[Litestar], session_factory: Any, db: AsyncSession, backend: str
) -> None:
    """PostgreSQL, where two requests' transactions overlap (on SQLite the app's writers take
    the write lock at BEGIN, so they never do): a request that read the application before
    another tab's move committed still moves it from the committed status, under the row lock."""
    if backend != "postgresql":
        return
    from app.db.models import ApplicationStatus
    from app.domain.applications import services

    me = await register(client, "overlap@example.com")
    offer = await factories.job_offer(db, me["id"])
    application_id = (await _track(client, offer.id)).json()["id"]
    async with session_factory() as late, session_factory() as first:
        await services.get_application(late, me["id"], application_id)  # read, no lock yet
        moved = await services.get_application(first, me["id"], application_id, lock=True)
        await services.move(first, moved, ApplicationStatus.APPLIED)
        await first.commit()
        locked = await services.get_application(late, me["id"], application_id, lock=True)
        assert locked.status == "applied"
        await services.move(late, locked, ApplicationStatus.INTERVIEW)
        await late.commit()
    detail = (await client.get(f"/api/applications/{application_id}")).json()
    assert [m["fromStatus"] for m in detail["history"]] == [None, "to_apply", "applied"]
    assert detail["status"] == "interview" and detail["version"] == 3
