"""Reviewing a tailored CV over HTTP: real server, worker, Redis and database; PDFs read back.

A change is saved as a new version (``user_review``), the next PDF shows it, no credit moves,
open pages hear ``cv:list:changed``, and a refused change (unknown item, no longer applicable,
source CV deleted) saves nothing.
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from redis.asyncio import Redis
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CreditTransaction, CvVersion, User
from app.lib.cv_content import CvContent, Skill, as_project
from app.lib.events import user_channel
from app.lib.pdf_render.budget import condense_key
from app.lib.pdf_render.samples import sample_cv
from tests import factories
from tests.conftest import csrf_token, register
from tests.integration.pipeline_helpers import start_generation, wait_finished
from tests.integration.test_renders import add_cv, get_cv_row, pdf_text, sign_up, web
from tests.prg import came_back

__all__ = ["web"]  # the live-server client fixture, shared with test_renders

REWORDED = "Rewrote the settlement engine in Python, nightly batch from 4 hours to 35 minutes."
OFFER = {
    "title": "Payments Platform Engineer",
    "company": "Initech",
    "language": "en",
    "description": "Python and PostgreSQL services for card payments.",
}


def tailoring(source: CvContent, source_id: str) -> tuple[CvContent, dict[str, Any]]:
    """A tailored CV as the pipeline leaves one: a reworded bullet, the oldest job removed, the
    agency job moved to projects, skills cut down."""
    tailored = source.model_copy(deep=True)
    tailored.header.current_title = OFFER["title"]
    ledger = tailored.experience[0]
    ledger.bullets = [REWORDED, *ledger.bullets[1:3]]
    tailored.experience = tailored.experience[:2]
    tailored.projects = [*tailored.projects, as_project(source.experience[2])]
    tailored.skills = [Skill(name="Python"), Skill(name="PostgreSQL")]
    meta = {
        "source_cv_id": source_id,
        "classification": [
            {"id": "exp_ledger", "decision": "KEEP", "reason": "Payments"},
            {"id": "exp_freight", "decision": "KEEP", "reason": "Same stack"},
            {"id": "exp_agency", "decision": "MOVE_TO_PROJECTS", "reason": "Agency work"},
            {"id": "exp_support", "decision": "REMOVE", "reason": "Old, unrelated"},
        ],
        "reasons": {"exp_support": {"code": "old_unrelated", "params": {"years": 10}}},
        "relevance": {"exp_ledger:0": 0.9, "exp_ledger:1": 0.4, "exp_ledger:2": 0.3},
    }
    return tailored, meta


def bullet_keys(relevance: dict[str, float]) -> set[str]:
    return {
        k
        for k in relevance
        if not k.startswith(("skill:", "interest:", "extra:", "entry:", "condense:"))
    }


def bullet_keys_of(content: dict[str, Any]) -> set[str]:
    cv = CvContent.from_json(content)
    items: list[Any] = [*cv.experience, *cv.projects]
    return {f"{item.id}:{i}" for item in items for i in range(len(item.bullets))}


async def credits_state(sessions: async_sessionmaker[AsyncSession], user_id: str) -> Any:
    async with sessions() as session:
        user = await session.get(User, user_id)
        assert user is not None
        rows = await session.scalar(
            select(func.count()).where(CreditTransaction.user_id == user_id)
        )
        return user.credit_balance, rows


async def version_count(sessions: async_sessionmaker[AsyncSession], cv_id: str) -> int:
    async with sessions() as session:
        count = await session.scalar(select(func.count()).where(CvVersion.cv_file_id == cv_id))
        return int(count or 0)


async def next_event(redis: Redis, user_id: str, action: Any) -> tuple[Any, list[str]]:
    """Run ``action`` while listening on the user's channel; the event names it published."""
    pubsub = redis.pubsub()
    await pubsub.subscribe(user_channel(user_id))
    try:
        await pubsub.get_message(timeout=30)  # the subscription confirmation (at once if idle)
        result = await action()
        names = []
        for _ in range(20):
            message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.5)
            if message is not None:
                names.append(json.loads(message["data"])["event"])
                break
        return result, names
    finally:
        await pubsub.aclose()


@pytest.mark.usefixtures("backend")
async def test_a_revert_saves_a_version_changes_the_pdf_and_costs_nothing(
    web: httpx.AsyncClient,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
    redis: Redis,
) -> None:
    me = await sign_up(web, "review@example.com")
    source = sample_cv("en")
    source_id = await add_cv(session_factory, me["id"], source)
    tailored, meta = tailoring(source, source_id)
    cv_id = await add_cv(
        session_factory, me["id"], tailored, kind="generated", offer=OFFER, meta=meta
    )
    headers = {"x-csrftoken": web.cookies["csrftoken"]}
    before_pdf = pdf_text((await web.get(f"/api/cvs/{cv_id}/pdf")).content)
    assert "Rewrote the settlement engine" in before_pdf and "Led the rewrite" not in before_pdf
    assert "IT Support Technician" not in before_pdf
    credits = await credits_state(session_factory, me["id"])
    first_key = (await get_cv_row(session_factory, cv_id)).generation_meta["render"]["cacheKey"]

    async def revert() -> httpx.Response:
        body = {"action": "revert_bullet", "item": "exp_ledger", "bullet": 0}
        return await web.post(f"/api/cvs/{cv_id}/changes", json=body, headers=headers)

    response, events = await next_event(redis, me["id"], revert)
    assert response.status_code == 200, response.text
    out = response.json()
    assert (out["version"], out["createdBy"]) == (2, "user_review")
    assert out["override"]["action"] == "revert_bullet"
    assert out["override"]["previous"]["text"] == REWORDED
    assert events == ["cv:list:changed"]
    listing = (await web.get(f"/api/cvs/{cv_id}/versions")).json()
    assert next((v["version"], v["createdBy"], v["current"]) for v in listing) == (
        2,
        "user_review",
        True,
    )
    row = await get_cv_row(session_factory, cv_id)
    assert (
        CvContent.from_json(row.content).experience[0].bullets[0] == source.experience[0].bullets[0]
    )
    assert bullet_keys(row.generation_meta["relevance"]) == bullet_keys_of(row.content)
    assert row.generation_meta["reasons"]["exp_support"]["code"] == "old_unrelated"
    after_pdf = pdf_text((await web.get(f"/api/cvs/{cv_id}/pdf")).content)
    assert "Led the rewrite" in after_pdf and "Rewrote the settlement engine" not in after_pdf
    assert "render" not in row.generation_meta  # the old render's record went with it
    rendered = (await get_cv_row(session_factory, cv_id)).generation_meta["render"]
    assert rendered["cacheKey"] != first_key  # the content changed, so did the cache key

    restored = await web.post(
        f"/api/cvs/{cv_id}/changes",
        json={"action": "restore_item", "item": "exp_support"},
        headers=headers,
    )
    assert restored.status_code == 200 and restored.json()["version"] == 3
    assert "IT Support Technician" in pdf_text((await web.get(f"/api/cvs/{cv_id}/pdf")).content)
    row = await get_cv_row(session_factory, cv_id)
    decisions = {r["id"]: r["decision"] for r in row.generation_meta["classification"]}
    assert decisions["exp_support"] == "KEEP"
    assert row.generation_meta["reasons"]["exp_support"]["code"] == "user_override"
    # Scored again for the offer: the restored job's bullets are in the page budget's map.
    assert {"exp_support:0", "exp_support:1"} <= bullet_keys(row.generation_meta["relevance"])
    assert bullet_keys(row.generation_meta["relevance"]) == bullet_keys_of(row.content)

    undone = await web.post(
        f"/api/cvs/{cv_id}/changes", json={"action": "undo", "override": 0}, headers=headers
    )
    assert undone.status_code == 200 and undone.json()["version"] == 4
    assert "Rewrote the settlement engine" in pdf_text(
        (await web.get(f"/api/cvs/{cv_id}/pdf")).content
    )
    assert await credits_state(session_factory, me["id"]) == credits

    # Refused changes answer 4xx with a code and save nothing.
    for body, status, code in (
        ({"action": "remove_item", "item": "exp_nowhere"}, 422, "review.unknown_item"),
        ({"action": "restore_item", "item": "exp_support"}, 409, "review.not_applicable"),
        (
            {"action": "revert_bullet", "item": "exp_ledger", "bullet": 1},
            422,
            "review.not_rewritten",
        ),
        ({"action": "rewrite_it_all"}, 422, "validation_error"),
    ):
        refused = await web.post(f"/api/cvs/{cv_id}/changes", json=body, headers=headers)
        assert (refused.status_code, refused.json()["error"]) == (status, code), refused.text
    assert await version_count(session_factory, cv_id) == 4

    deleted = await web.delete(f"/api/cvs/{source_id}", headers=headers)
    assert deleted.status_code == 200
    gone = await web.post(
        f"/api/cvs/{cv_id}/changes", json={"action": "revert_summary"}, headers=headers
    )
    assert (gone.status_code, gone.json()["error"]) == (409, "review.source_missing")
    assert await version_count(session_factory, cv_id) == 4
    assert await credits_state(session_factory, me["id"]) == credits


async def test_the_changes_page_buttons_with_and_without_htmx(
    client: AsyncTestClient[Litestar],
    another_client: Any,
    session_factory: async_sessionmaker[AsyncSession],
) -> None:
    me = await register(client, "review-page@example.com")
    source = sample_cv("en")
    source_id = await add_cv(session_factory, me["id"], source)
    tailored, meta = tailoring(source, source_id)
    cv_id = await add_cv(session_factory, me["id"], tailored, kind="generated", meta=meta)
    token = await csrf_token(client)
    form = {"_csrf_token": token}
    url = f"/cvs/{cv_id}/changes"

    french = await client.get(url)  # reason codes in the reader's language
    assert "Terminée il y a plus de 10 ans" in french.text
    client.headers["accept-language"] = "en"
    page = await client.get(url)
    assert page.status_code == 200
    assert 'data-review="revert_bullet"' in page.text and 'data-review="restore_item"' in page.text
    assert "Ended over 10 years ago and shows nothing the offer asks for" in page.text

    plain = await client.post(url, data={**form, "action": "revert_title"}, follow_redirects=False)
    assert plain.status_code == 303 and plain.headers["location"] == f"{url}?saved=2"
    shown = await client.get(plain.headers["location"])
    assert 'data-testid="review-saved"' in shown.text and "Your headline back" in shown.text

    htmx = {"hx-request": "true", "x-csrftoken": token}
    swapped = await client.post(
        url, data={"action": "restore_item", "item": "exp_support"}, headers=htmx
    )
    assert swapped.status_code == 200
    assert swapped.text.lstrip().startswith("<div") and 'id="changes"' in swapped.text
    assert "<html" not in swapped.text and 'data-testid="review-saved"' in swapped.text
    assert "Your choice" in swapped.text  # the reason code of an override

    refused = await client.post(
        url, data={"action": "restore_item", "item": "exp_support"}, headers=htmx
    )
    assert refused.status_code == 200 and 'data-error-code="review.not_applicable"' in refused.text
    refused_plain = await client.post(
        url, data={**form, "action": "remove_bullet", "item": "exp_ledger", "bullet": "x"}
    )
    assert came_back(refused_plain) and "<html" in refused_plain.text
    assert 'data-error-code="review.bad_number"' in refused_plain.text
    assert await version_count(session_factory, cv_id) == 3

    no_token = await client.post(url, data={"action": "revert_summary"})
    assert no_token.status_code == 403
    async with another_client() as other:
        await register(other, "review-intruder@example.com")
        other_token = await csrf_token(other)
        for target in (url, f"/api/cvs/{cv_id}/changes"):
            answer = await other.post(
                target, json={"action": "revert_summary"}, headers={"x-csrftoken": other_token}
            )
            assert answer.status_code == 404, target
    assert await version_count(session_factory, cv_id) == 3


async def test_reviewing_what_the_offline_pipeline_made(
    api: httpx.AsyncClient,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    """The pipeline's own meta (decisions, reason codes, relevance) drives the review."""
    me = await register(api, "review-pipeline@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    task = await wait_finished(session_factory, await start_generation(api, source.id, [offer.id]))
    assert task.status == "completed", task.error
    cv_id = task.generated_cv_ids[0]
    credits = await credits_state(session_factory, me["id"])
    before = CvContent.from_json((await get_cv_row(session_factory, cv_id)).content)
    # Old and unrelated, on a CV that fits its page: kept whole (relevance is a guess), only
    # marked as the first the page budget may condense to one line if it ever needs the room.
    source_cafe = next(
        e for e in CvContent.from_json(factories.EN_CV).experience if e.id == "exp_cafe"
    )
    cafe = next(e for e in before.experience if e.id == "exp_cafe")
    assert sorted(cafe.bullets) == sorted(source_cafe.bullets) and cafe.bullets
    row = await get_cv_row(session_factory, cv_id)
    assert condense_key("exp_cafe") in row.generation_meta["relevance"]
    assert bullet_keys(row.generation_meta["relevance"]) == bullet_keys_of(row.content)

    api.headers["accept-language"] = "en"
    page = (await api.get(f"/cvs/{cv_id}/changes")).text
    assert 'data-item="exp_cafe" data-decision="KEEP"' in page
    assert before.header.current_title == "Backend Engineer"  # the candidate's own already
    response = await api.post(
        f"/api/cvs/{cv_id}/changes", json={"action": "revert_title"}
    )  # nothing to revert: the change no longer applies
    assert response.status_code == 409, response.text
    response = await api.post(
        f"/api/cvs/{cv_id}/changes", json={"action": "expand", "item": "exp_cafe"}
    )  # nothing to expand: the job is whole
    assert response.status_code == 409, response.text
    after = CvContent.from_json((await get_cv_row(session_factory, cv_id)).content)
    source_order = [e.id for e in CvContent.from_json(factories.EN_CV).experience]
    # Every job in the source's order, but the side project, moved to the projects.
    assert [e.id for e in after.experience] == [i for i in source_order if i != "exp_side"]
    assert "exp_side" in {p.id for p in after.projects}
    assert after.header.current_title == "Backend Engineer"
    assert await credits_state(session_factory, me["id"]) == credits
