"""IDOR sweep: user B aims every route that takes an id at user A's objects → 404, nothing changes.

User A owns one of everything — source CV and its versions, offer, a finished generation with
its generated CV and rendered PDF, background tasks (one finished, one running), an API token.
User B, signed in with a valid CSRF token and valid request bodies, sends every method of every
route with a path parameter, for every combination of A's ids. Every answer must be a 404 (not
a 403, which would confirm the id exists, nor a 200 or a 500), and the whole database must be
exactly as before. Admin routes are left to ``test_admin`` (members get 403 there).
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from arq.worker import Worker
from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from tests import factories
from tests.conftest import register
from tests.integration.pipeline_helpers import wait_finished
from tests.security.objects import differences, own_objects, snapshot
from tests.security.routes import Endpoint, endpoints, fillings

# Valid bodies, so that what answers is the ownership check and not input validation.
JSON_BODIES: dict[tuple[str, str], Any] = {
    ("PUT", "/api/cvs/{cv_id:str}"): {"content": factories.EN_CV},
    ("PUT", "/api/cvs/{cv_id:str}/design"): {"design": "modern"},
    ("PUT", "/api/job-offers/{offer_id:str}"): {"title": "Changed by B"},
    ("POST", "/api/cvs/{cv_id:str}/changes"): {"action": "revert_summary"},
    ("POST", "/api/job-offers/{offer_id:str}/match/answers"): {
        "requirementId": "req-1",
        "statement": "Led the night shift of six.",
    },
}
FORM_BODIES: dict[tuple[str, str], dict[str, str]] = {
    ("POST", "/offers/{offer_id:str}"): {"title": "Changed by B", "company": "B Corp"},
    ("POST", "/cvs/{cv_id:str}/sections/{section:str}"): {"summary": "Changed by B"},
    ("POST", "/cvs/{cv_id:str}/design"): {"design": "modern", "page_budget": "1"},
    ("POST", "/cvs/{cv_id:str}/changes"): {"action": "revert_summary"},
    ("POST", "/offers/{offer_id:str}/match/answers"): {
        "requirement_id": "req-1",
        "statement": "Led the night shift of six.",
    },
}


def request_body(endpoint: Endpoint) -> dict[str, Any]:
    key = (endpoint.method, endpoint.path)
    if key in JSON_BODIES:
        return {"json": JSON_BODIES[key]}
    if endpoint.changes_state and not endpoint.is_api:
        return {"data": FORM_BODIES.get(key, {})}
    return {}


async def settled_snapshot(
    sessions: async_sessionmaker[AsyncSession], worker: Worker
) -> dict[str, Any]:
    """The worker's last writes (task bookkeeping, render records) are over: it runs no job (on
    a busy machine its writes can be further apart than the reads below), and two reads agree."""
    async with asyncio.timeout(60):
        while worker.tasks:
            await asyncio.sleep(0.05)
    previous = await snapshot(sessions)
    for _ in range(50):
        await asyncio.sleep(0.2)
        current = await snapshot(sessions)
        if current == previous:
            return current
        previous = current
    raise AssertionError("the database kept changing with nothing running")


@pytest.mark.usefixtures("backend")  # SQLite and PostgreSQL
async def test_another_users_ids_answer_404_everywhere_and_change_nothing(
    app: Litestar,
    api: httpx.AsyncClient,
    live_server: str,
    db: AsyncSession,
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    owner = await register(api, "owner@example.com")
    objects = await own_objects(api, db, settings, owner)
    task = await wait_finished(session_factory, objects["generation"][0])
    assert task.status == "completed", task.error
    generated = task.generated_cv_ids[0]
    pdf = await api.get(f"/api/cvs/{generated}/pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    objects["cv"].append(generated)
    statuses = {t["status"] for t in (await api.get("/api/background-tasks")).json()["tasks"]}
    assert {"completed", "running"} <= statuses  # a finished and a running background task

    wrong: list[str] = []
    swept = 0
    async with httpx.AsyncClient(base_url=live_server, timeout=60) as intruder:
        await register(intruder, "intruder@example.com")
        intruder.headers["x-csrftoken"] = intruder.cookies["csrftoken"]
        before = await settled_snapshot(session_factory, worker)
        for endpoint in endpoints(app):
            if endpoint.is_public or endpoint.is_admin or not endpoint.object_params():
                continue
            for filling in fillings(endpoint, objects):
                swept += 1
                url = endpoint.url(filling)
                request = intruder.build_request(endpoint.method, url, **request_body(endpoint))
                response = await intruder.send(request, stream=True)
                try:  # a stream would never end: read the body of refusals only
                    body = await response.aread() if response.status_code != 200 else b""
                finally:
                    await response.aclose()
                if response.status_code != 404:
                    wrong.append(f"{endpoint.method} {url}: {response.status_code} {body[:80]!r}")
                elif endpoint.is_api and not json.loads(body)["error"].endswith("not_found"):
                    wrong.append(f"{endpoint.method} {url}: 404 with {body[:80]!r}")
    assert swept >= 60, f"only {swept} requests: did the route table shrink?"
    assert not wrong, "\n".join(wrong)
    assert not differences(before, await snapshot(session_factory))
    for cv_id in objects["cv"]:  # and the owner still has everything
        assert (await api.get(f"/api/cvs/{cv_id}")).status_code == 200
