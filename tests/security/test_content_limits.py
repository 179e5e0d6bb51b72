"""Limits on a CV's structured content (app/lib/cv_limits.py) at every way in: JSON Resume
import, the import's parsed result, the API edit, the section editor. Over a limit: 422 naming
it (413 for a body over the route's cap) and nothing stored, no task, no credit moved. At the
limits, and shaped like the largest corpus CV: accepted, and its pages render."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvFile, CvVersion
from app.domain.renders.bullet_pairs import pair_bullets
from app.lib import cv_limits as limits
from app.lib.cv_content import CvContent
from app.lib.parsing.formats.json_resume_export import resume_from_content
from app.settings.registry import feature_cost_setting
from app.settings.service import update_setting
from tests import factories
from tests.conftest import csrf_token, register
from tests.fixtures.big_cvs import at_limits, corpus_shaped, runaway_resume, text
from tests.fixtures.live import browser
from tests.prg import came_back
from tests.security.objects import differences, snapshot

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}
FRENCH = {"accept-language": "fr"}


async def signed_in(client: Client, email: str) -> dict[str, Any]:
    me = await register(client, email)
    client.headers["x-csrftoken"] = await csrf_token(client)
    client.headers.update(ENGLISH)
    return me


async def balance(client: Client) -> int:
    return int((await client.get("/api/credits")).json()["balance"])


async def test_a_100000_entry_json_resume_is_refused_and_nothing_moves(
    client: Client, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    await update_setting(db, feature_cost_setting("import_pdf"), "2")
    await db.commit()
    await signed_in(client, "runaway@example.com")
    credits = await balance(client)
    before = await snapshot(session_factory)
    body = json.dumps(runaway_resume()).encode()
    as_file = await client.post(
        "/api/cvs", files={"file": ("resume.json", body, "application/json")}
    )
    as_json = await client.post(
        "/api/cvs", content=body, headers={"content-type": "application/json"}
    )
    for response in (as_file, as_json):
        assert response.status_code == 422, response.text
        error = response.json()
        assert error["error"] == "cv.limit.entries"
        assert error["field"] == "experience"
        assert error["limitExceeded"] == {"section": "experience", "limit": 100, "actual": 100_000}
        assert error["detail"] == "Experience: 100000 entries; a CV can have at most 100."
    page = await client.post(
        "/cvs/upload",
        files={"file": ("resume.json", body, "application/json")},
        data={"_csrf_token": client.cookies["csrftoken"]},
        headers=FRENCH,
    )
    assert came_back(page)
    assert "Expérience : 100000 entrées ; un CV peut en avoir au plus 100." in page.text
    assert differences(before, await snapshot(session_factory)) == []
    assert await balance(client) == credits


def _over(data: dict[str, Any], change: str) -> dict[str, Any]:
    """``data`` with one limit exceeded by one."""
    first = data["experience"][0]
    if change == "entries":
        data["experience"] += [
            {"title": f"Extra {i}"} for i in range(101 - len(data["experience"]))
        ]
    elif change == "interests":
        data["extras"]["interests"] = [f"Interest {i}" for i in range(101)]
    elif change == "bullets":
        first["bullets"] = [f"Bullet {i}" for i in range(51)]
    elif change == "title":
        first["title"] = text(1001)
    elif change == "total":
        for item in data["experience"][:11]:
            item["description"] = text(10_000)
    return data


OVER = [
    ("entries", "cv.limit.entries", "experience", "Experience: 101 entries"),
    ("interests", "cv.limit.entries", "extras.interests", "Interests: 101 entries"),
    ("bullets", "cv.limit.bullets", "experience[0].bullets", "entry 1: 51 bullet points"),
    ("title", "cv.limit.field_chars", "experience[0].title", "Job title: 1001 characters"),
    ("total", "cv.limit.total_chars", None, "characters of text; a CV can have at most 100000"),
]


@pytest.mark.parametrize(("change", "code", "field", "says"), OVER)
async def test_an_api_edit_over_a_limit_is_refused_with_the_limit_named(
    client: Client,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    change: str,
    code: str,
    field: str | None,
    says: str,
) -> None:
    me = await signed_in(client, "apiedit@example.com")
    cv = await factories.source_cv(db, me["id"], corpus_shaped())
    before = await snapshot(session_factory)
    response = await client.put(
        f"/api/cvs/{cv.id}", json={"content": _over(corpus_shaped(), change)}
    )
    assert response.status_code == 422, response.text
    error = response.json()
    assert error["error"] == code and error.get("field") == field
    assert says in error["detail"]
    assert error["limitExceeded"]["actual"] > error["limitExceeded"]["limit"]
    assert differences(before, await snapshot(session_factory)) == []


async def test_bodies_over_the_cap_get_413_naming_the_limit(
    client: Client, db: AsyncSession
) -> None:
    me = await signed_in(client, "bigbody@example.com")
    cv = await factories.source_cv(db, me["id"])
    huge = json.dumps({"content": {"summary": "x" * (limits.CV_BODY_LIMIT + 1)}})
    edit = await client.put(
        f"/api/cvs/{cv.id}", content=huge, headers={"content-type": "application/json"}
    )
    assert edit.status_code == 413
    assert edit.json()["error"] == "request.too_large"
    assert edit.json()["detail"] == "The request is larger than the 4 MB limit."
    section = await client.post(
        f"/cvs/{cv.id}/sections/summary",
        content=b"summary=" + b"x" * limits.CV_BODY_LIMIT,
        headers={"content-type": "application/x-www-form-urlencoded", **FRENCH},
    )
    assert section.status_code == 413
    assert "La requête dépasse la limite de 4 Mo." in section.text
    assert (await client.get(f"/api/cvs/{cv.id}")).json()["versions"] == []


async def test_a_cv_at_every_limit_is_accepted_and_its_pages_render(
    client: Client, db: AsyncSession
) -> None:
    me = await signed_in(client, "atlimits@example.com")
    cv = await factories.source_cv(db, me["id"])
    data = at_limits()
    saved = await client.put(f"/api/cvs/{cv.id}", json={"content": data})
    assert saved.status_code == 200, saved.text[:500]
    stored = CvContent.from_json(saved.json()["content"])
    assert len(stored.experience) == limits.MAX_ENTRIES["experience"]
    assert limits.total_chars(stored) == limits.MAX_TOTAL_CHARS
    page = await client.get(f"/cvs/{cv.id}")
    assert page.status_code == 200
    assert page.text.count('class="cv-item"') >= sum(
        limits.MAX_ENTRIES[k] for k in ("experience", "projects", "education")
    )
    tailored = await factories.source_cv(db, me["id"], data)
    tailored.kind = "generated"
    tailored.generation_meta = {"source_cv_id": cv.id}
    await db.commit()
    for url in (f"/cvs/{tailored.id}", f"/cvs/{tailored.id}/changes"):
        assert (await client.get(url)).status_code == 200, url
    for section in limits.MAX_ENTRIES:  # one more of anything is refused
        bigger = at_limits()
        if section == "links":
            bigger["header"]["links"].append({"label": "One more", "url": "https://example.com"})
        elif section in limits.EXTRA_SECTIONS:
            items = bigger["extras"][section]
            items.append(items[-1] if section == "interests" else {"name": "One more"})
        else:
            bigger[section].append({"name": "One more", "title": "One more"})
        refused = await client.put(f"/api/cvs/{cv.id}", json={"content": bigger})
        assert refused.status_code == 422 and refused.json()["error"] == "cv.limit.entries"
        assert refused.json()["limitExceeded"]["section"] == section


async def test_the_largest_corpus_shaped_cv_is_accepted_everywhere(
    client: Client, db: AsyncSession, another_client: Any
) -> None:
    """Saved through the API edit; imported as a JSON Resume, and so is one at every limit
    (by another user: one import at a time each)."""
    me = await signed_in(client, "corpus@example.com")
    cv = await factories.source_cv(db, me["id"])
    data = corpus_shaped()
    imported = await client.post("/api/cvs", json=resume_from_content(CvContent.from_json(data)))
    assert imported.status_code == 202, imported.text
    async with another_client() as other:
        await signed_in(other, "corpus2@example.com")
        at_limit = resume_from_content(CvContent.from_json(at_limits()))
        assert (await other.post("/api/cvs", json=at_limit)).status_code == 202
    edited = await client.put(f"/api/cvs/{cv.id}", json={"content": data})
    assert edited.status_code == 200, edited.text[:500]
    assert CvContent.from_json(edited.json()["content"]) == CvContent.from_json(data)


def _experience_form(items: list[dict[str, Any]]) -> dict[str, str]:
    form = {"count": str(len(items)), "action": "save"}
    for i, item in enumerate(items):
        form |= {
            f"items-{i}-id": item.get("id", ""),
            f"items-{i}-title": item.get("title", ""),
            f"items-{i}-company": item.get("company", ""),
            f"items-{i}-bullets": "\n".join(item.get("bullets", [])),
        }
    return form


async def test_an_editor_save_over_a_limit_is_refused_in_the_readers_language(
    client: Client, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    me = await signed_in(client, "editor@example.com")
    cv = await factories.source_cv(db, me["id"], corpus_shaped())
    client.headers.update(FRENCH)
    url = f"/cvs/{cv.id}/sections/experience"
    before = await snapshot(session_factory)
    too_many = [{"title": f"Poste {i}"} for i in range(101)]
    refused = await client.post(url, data=_experience_form(too_many))
    assert came_back(refused)  # the page, the section as posted, the limit said
    assert "Expérience : 101 entrées ; un CV peut en avoir au plus 100." in refused.text
    bullets = [{"title": "Poste", "bullets": [f"Puce {i}" for i in range(51)]}]
    refused = await client.post(url, data=_experience_form(bullets), headers={"hx-request": "true"})
    assert refused.status_code == 422
    assert "Expérience, entrée 1 : 51 puces ; une entrée peut en avoir au plus 50." in refused.text
    assert 'id="experience-items-0-bullets-error"' in refused.text  # said next to the field too
    long_title = [{"title": text(1001)}]
    refused = await client.post(
        url, data=_experience_form(long_title), headers={"hx-request": "true"}
    )
    assert refused.status_code == 422 and "1001 caractères ; au plus 1000" in refused.text
    full = [{"title": f"Poste {i}"} for i in range(100)]
    added = await client.post(url, data=_experience_form(full) | {"action": "add"})
    assert came_back(added)
    section = added.text.split('id="section-experience"')[1].split("</section>")[0]
    assert "au plus 100" in section and section.count('class="cv-item"') == 100
    assert differences(before, await snapshot(session_factory)) == []
    accepted = await client.post(url, data=_experience_form(full))
    assert accepted.status_code in {200, 303}
    assert (await client.get(f"/api/cvs/{cv.id}")).json()["versions"][0]["createdBy"] == "user_edit"


def runaway_text(jobs: int = 130) -> str:
    """Pasted text (under the 100 000-character paste limit) that parses into ``jobs`` jobs."""
    lines = ["Jean Exemple", "jean@example.com", "", "Experience", ""]
    for i in range(jobs):
        lines += [f"Engineer {i} — Company{i} Ltd", "Jan 2010 – Feb 2011", f"- Built {i}", ""]
    return "\n".join(lines)


async def test_an_import_that_parses_over_a_limit_fails_and_is_refunded(
    live_server: str, worker: Worker, db: AsyncSession
) -> None:
    """The upload is fine, the parsed result is not: the import fails naming the limit, no
    content is stored and the cost comes back."""
    await update_setting(db, feature_cost_setting("import_pdf"), "2")
    await db.commit()
    client = await browser(live_server, "parsed@example.com")
    client.headers.update({"x-csrftoken": client.cookies["csrftoken"], **ENGLISH})
    credits = (await client.get("/api/credits")).json()["balance"]
    started = await client.post("/api/cvs", json={"text": runaway_text()})
    assert started.status_code == 202, started.text
    cv_id = started.json()["id"]
    for _ in range(300):
        body = (await client.get(f"/api/cvs/{cv_id}")).json()
        if body["extractionStatus"] in {"completed", "failed"}:
            break
        await asyncio.sleep(0.1)
    assert body["extractionStatus"] == "failed"
    assert body["content"] == {} and body["versions"] == []
    [problem] = body["extractionErrors"]
    assert problem["code"] == "cv.limit.entries"
    assert problem["message"] == "Experience: 130 entries; a CV can have at most 100."
    assert (await client.get("/api/credits")).json()["balance"] == credits
    page = await client.get(f"/cvs/{cv_id}", headers=FRENCH)
    assert "Expérience : 130 entrées ; un CV peut en avoir au plus 100." in page.text
    await client.aclose()


async def test_a_review_change_that_would_go_over_a_limit_saves_nothing(
    client: Client, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """A tailored CV with 100 projects: moving one more job there would make 101."""
    me = await signed_in(client, "review@example.com")
    source = await factories.source_cv(db, me["id"], at_limits())
    tailored = await factories.source_cv(db, me["id"], at_limits())
    tailored.kind = "generated"
    tailored.generation_meta = {"source_cv_id": source.id}
    await db.commit()
    before = await snapshot(session_factory)
    moved = await client.post(
        f"/api/cvs/{tailored.id}/changes", json={"action": "move_to_projects", "item": "exp_0001"}
    )
    assert moved.status_code == 422, moved.text
    assert moved.json()["error"] == "cv.limit.entries"
    assert moved.json()["limitExceeded"] == {"section": "projects", "limit": 100, "actual": 101}
    assert differences(before, await snapshot(session_factory)) == []


def test_bullets_of_items_at_the_limit_still_pair_with_their_source() -> None:
    """Past 400 pairs the changes view compares only nearby bullets (and identical ones)."""
    source = [f"Delivered project {i} with {text(30, i)}" for i in range(limits.MAX_BULLETS)]
    tailored = [*source[1:], source[0]]  # the first bullet moved to the end, the rest kept
    tailored[10] = tailored[10].replace("Delivered", "Shipped")
    pairs = pair_bullets(source, tailored)
    kept = {p.tailored_index: p.source_index for p in pairs if p.status == "unchanged"}
    assert kept[len(source) - 1] == 0  # identical, far away: still found
    assert all(kept[ti] == ti + 1 for ti in range(len(source) - 1) if ti != 10)
    [rewritten] = [p for p in pairs if p.status == "rewritten"]
    assert (rewritten.source_index, rewritten.tailored_index) == (11, 10)
    assert not [p for p in pairs if p.status in {"new", "not_kept"}]


async def test_a_cv_stored_before_the_limits_is_neither_tailored_nor_restored(
    client: Client, db: AsyncSession, session_factory: async_sessionmaker[AsyncSession]
) -> None:
    """Content already in the database over a limit (written before the limits existed)."""
    me = await signed_in(client, "legacy@example.com")
    legacy = _over(corpus_shaped(), "entries")
    source = await factories.source_cv(db, me["id"], legacy)
    offer = await factories.job_offer(db, me["id"])
    before = await snapshot(session_factory)
    refused = await client.post(
        "/api/cv/generate-v2", json={"sourceCvFile": source.id, "jobOfferIds": [offer.id]}
    )
    assert refused.status_code == 422, refused.text
    assert refused.json()["error"] == "cv.limit.entries"
    assert differences(before, await snapshot(session_factory)) == []
    edited = await client.put(f"/api/cvs/{source.id}", json={"content": corpus_shaped()})
    assert edited.status_code == 200
    async with session_factory() as session:  # an old version over the limit, as if restored
        row = await session.get(CvVersion, edited.json()["versions"][0]["id"])
        assert row is not None
        row.content = CvContent.from_json(legacy).to_json()
        await session.commit()
    before = await snapshot(session_factory)
    restore = await client.post(
        f"/cvs/{source.id}/versions/{edited.json()['versions'][0]['id']}/restore",
        headers={"hx-request": "true"},
    )
    assert restore.status_code == 422 and "101" in restore.text
    assert differences(before, await snapshot(session_factory)) == []


async def test_the_page_of_a_cv_stored_before_the_limits_is_cut_to_them(
    client: Client, db: AsyncSession
) -> None:
    """The 100 000-job CV's page was 240 MB of HTML: it shows the first 100 and says why;
    saving a section keeps what the page showed and the CV is within the limits again."""
    me = await signed_in(client, "legacypage@example.com")
    legacy = {
        "header": {"name": "Runaway Import"},
        "experience": [{"id": f"exp_{i}", "company": f"C{i}"} for i in range(100_000)],
        "extras": {"interests": [f"Interest {i}" for i in range(150)]},
    }
    legacy["experience"][0]["bullets"] = ["b"] * 60
    cv = CvFile(user_id=me["id"], kind="source", filename="old.json", content=legacy)
    cv.extraction_status = "completed"
    db.add(cv)
    await db.commit()
    page = await client.get(f"/cvs/{cv.id}", headers=FRENCH)
    assert page.status_code == 200
    section = page.text.split('id="section-experience"')[1].split("</section>")[0]
    assert section.count('class="cv-item"') == 100
    assert "Expérience : 100000 entrées ; un CV peut en avoir au plus 100." in page.text
    assert "Seul ce qui tient dans les limites est affiché" in page.text
    assert len(page.content) < 5_000_000
    shown = [{"id": f"exp_{i}", "company": f"C{i}"} for i in range(100)]
    shown[0]["bullets"] = ["b"] * 50
    saved = await client.post(f"/cvs/{cv.id}/sections/experience", data=_experience_form(shown))
    assert saved.status_code == 200, saved.text[-2000:]
    stored = (await client.get(f"/api/cvs/{cv.id}")).json()["content"]
    assert len(stored["experience"]) == 100
    assert stored["extras"]["interests"] == [f"Interest {i}" for i in range(100)]  # as shown
    assert limits.check_content(CvContent.from_json(stored)) is None
    assert "au plus 100" not in (await client.get(f"/cvs/{cv.id}", headers=FRENCH)).text
