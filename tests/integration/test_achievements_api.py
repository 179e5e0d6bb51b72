"""The achievements bank through its JSON API: create, list, read, replace, delete, the link
to an experience checked, bad input refused with the field named, other users kept out, and
the OpenAPI document describing it."""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Achievement
from tests import factories
from tests.conftest import csrf_token, register

STORY = {
    "title": "Faster month-end close",
    "situation": "The month-end close took 9 days at Acme.",
    "task": "I had to shorten it before the audit.",
    "action": "I automated the bank reconciliation in Python.",
    "result": "I cut the close to 4 days.",
    "skills": ["Python", "Automation"],
    "status": "complete",
    "language": "en",
}


async def _headers(client: Any) -> dict[str, str]:
    return {"x-csrftoken": await csrf_token(client)}


async def _count(db: AsyncSession) -> int:
    found = await db.scalar(select(func.count()).select_from(Achievement))
    await db.rollback()
    return int(found or 0)


async def test_create_list_read_replace_delete(
    client: AsyncTestClient[Litestar], db: AsyncSession, backend: str
) -> None:
    me = await register(client, "bank@example.com")
    cv = await factories.source_cv(db, me["id"])
    experience = cv.content["experience"][0]
    body = {**STORY, "cvFileId": cv.id, "experienceId": experience["id"]}
    made = await client.post("/api/achievements", json=body, headers=await _headers(client))
    assert made.status_code == 201, made.text
    out = made.json()
    assert out["status"] == "complete" and out["skills"] == ["Python", "Automation"]
    assert out["link"] == {
        "cvFileId": cv.id,
        "experienceId": experience["id"],
        "experienceTitle": experience["title"],
        "company": experience["company"],
    }
    listed = (await client.get("/api/achievements")).json()
    assert [a["id"] for a in listed] == [out["id"]]
    read = await client.get(f"/api/achievements/{out['id']}")
    assert read.status_code == 200 and read.json()["result"] == "I cut the close to 4 days."

    draft = {"title": "Close, first notes", "situation": "Only the situation so far."}
    replaced = await client.put(
        f"/api/achievements/{out['id']}", json=draft, headers=await _headers(client)
    )
    assert replaced.status_code == 200, replaced.text
    again = replaced.json()
    assert again["status"] == "draft" and again["link"] is None and again["result"] == ""
    assert again["language"] == "en"  # kept when the body names none

    gone = await client.delete(f"/api/achievements/{out['id']}", headers=await _headers(client))
    assert gone.status_code == 200 and gone.json() == {"success": True}
    assert (await client.get(f"/api/achievements/{out['id']}")).status_code == 404
    assert await _count(db) == 0


async def test_bad_input_is_refused_with_the_field_and_nothing_stored(
    client: AsyncTestClient[Litestar], db: AsyncSession, backend: str
) -> None:
    me = await register(client, "bad@example.com")
    cv = await factories.source_cv(db, me["id"])
    headers = await _headers(client)
    cases: list[tuple[Any, str, str | None]] = [
        ({"title": ""}, "achievement.title_required", "title"),
        ({"title": "t" * 201}, "achievement.too_long", "title"),
        ({"title": "t", "action": "a" * 2001}, "achievement.too_long", "action"),
        ({**STORY, "result": "  "}, "achievement.incomplete", "result"),
        ({"title": "t", "skills": "Python"}, "achievement.wrong_type", "skills"),
        ({"title": "t", "skills": [1, 2]}, "achievement.skill_type", "skills"),
        ({"title": 3}, "achievement.wrong_type", "title"),
        ({"title": "t", "owner": "x"}, "achievement.unknown_field", "owner"),
        ({"title": "t", "status": "finished"}, "achievement.bad_status", "status"),
        ({"title": "t", "cvFileId": cv.id}, "achievement.link_incomplete", "experience"),
        (
            {"title": "t", "cvFileId": cv.id, "experienceId": "exp_nothere"},
            "achievement.experience_not_found",
            "experience",
        ),
        (["title"], "achievement.invalid_body", None),
    ]
    for body, code, field in cases:
        response = await client.post("/api/achievements", json=body, headers=headers)
        assert response.status_code == 422, (body, response.text)
        error = response.json()
        assert error["error"] == code, (body, error)
        assert error.get("field") == field, (body, error)
    broken = await client.post(
        "/api/achievements",
        content=b"{not json",
        headers={**headers, "content-type": "application/json"},
    )
    assert broken.status_code == 422 and broken.json()["error"] == "achievement.invalid_json"
    assert await _count(db) == 0


async def test_other_users_achievements_and_cvs_are_out_of_reach(
    client: AsyncTestClient[Litestar], another_client: Any, db: AsyncSession, backend: str
) -> None:
    await register(client, "owner@example.com")
    made = await client.post(
        "/api/achievements", json={"title": "Mine"}, headers=await _headers(client)
    )
    achievement_id = made.json()["id"]
    async with another_client() as other:
        them = await register(other, "other@example.com")
        their_cv = await factories.source_cv(db, them["id"])
        headers = await _headers(other)
        assert (await other.get(f"/api/achievements/{achievement_id}")).status_code == 404
        assert (await other.get("/api/achievements")).json() == []
        put = await other.put(
            f"/api/achievements/{achievement_id}", json={"title": "Stolen"}, headers=headers
        )
        assert put.status_code == 404
        deleted = await other.delete(f"/api/achievements/{achievement_id}", headers=headers)
        assert deleted.status_code == 404
        their_experience = their_cv.content["experience"][0]["id"]
    # Their CV cannot be named as the owner's link: the same refusal as a missing experience.
    linked = await client.put(
        f"/api/achievements/{achievement_id}",
        json={"title": "Mine", "cvFileId": their_cv.id, "experienceId": their_experience},
        headers=await _headers(client),
    )
    assert linked.status_code == 422
    assert linked.json()["error"] == "achievement.experience_not_found"
    assert (await client.get(f"/api/achievements/{achievement_id}")).json()["title"] == "Mine"


async def test_openapi_describes_the_achievements_api(
    client: AsyncTestClient[Litestar],
) -> None:
    document = (await client.get("/schema/openapi.json")).json()
    paths = document["paths"]
    assert {"get", "post"} <= set(paths["/api/achievements"])
    assert {"get", "put", "delete"} <= set(paths["/api/achievements/{achievement_id}"])
    body = paths["/api/achievements"]["post"]["requestBody"]
    assert body["required"] is True
    schema = body["content"]["application/json"]["schema"]
    assert schema["required"] == ["title"]
    assert schema["properties"]["status"]["enum"] == ["draft", "complete"]
    assert schema["properties"]["result"]["maxLength"] == 2000
    assert "/achievements" not in paths  # the pages are not part of the API
