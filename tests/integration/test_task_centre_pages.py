"""Task centre HTML: the /tasks page and its forms (the no-JS path), the list fragment htmx
swaps, the SSE feed that keeps every tab in sync, auth, CSRF and scoping; plus the nav's plural
credits and the dashboard's recent generations."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.credits.ledger import debit
from app.db.models import BackgroundTask, CvGenerationOffer, CvGenerationTask
from app.domain.tasks.view import PANEL_LIMIT
from app.events import GENERATION_OFFER_COMPLETED, GENERATION_OFFER_PROGRESS, SYSTEM_PONG
from app.lib.events import publish_event
from app.tasks.lifecycle import create_task
from tests import factories
from tests.conftest import csrf_token, register
from tests.integration.pipeline_helpers import EventLog
from tests.prg import came_back

Client = AsyncTestClient[Litestar]
EN = {"accept-language": "en"}
FR = {"accept-language": "fr"}


async def make_task(
    db: AsyncSession, user_id: str, type_: str, status: str, title: str, **fields: Any
) -> BackgroundTask:
    task = await create_task(
        db, user_id, type_, title, cap=100, progress=fields.pop("progress", {})
    )
    task.status = status
    for name, value in fields.items():
        setattr(task, name, value)
    await db.commit()
    return task


async def status_of(db: AsyncSession, task_id: str) -> str | None:
    value = await db.scalar(select(BackgroundTask.status).where(BackgroundTask.id == task_id))
    await db.commit()  # end the read: never hold SQLite's lock while the app works
    return value


def items(html: str) -> dict[str, str]:
    """task id → status, as the list shows them."""
    return dict(re.findall(r'data-task-id="([^"]+)" data-status="([^"]+)"', html))


async def test_the_page_lists_every_kind_of_task_with_its_actions(
    client: Client, db: AsyncSession, backend: str
) -> None:
    me = await register(client, "centre-page@example.com")
    cv = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    running = await make_task(
        db, me["id"], "cv_import", "running", "Import: cv.pdf",
        progress={"step": "reading", "percent": 15, "cvId": cv.id},
    )  # fmt: skip
    done = await make_task(
        db, me["id"], "offer_extract", "completed", "Offer: Backend",
        progress={"offerId": offer.id, "percent": 100}, result={"offerId": offer.id},
    )  # fmt: skip
    failed = await make_task(
        db, me["id"], "cv_generation_v2", "failed", "CV — Backend",
        progress={"completedOffers": 0, "totalOffers": 2},
        job_id="cvgen:gen-1", error="Every offer failed; credits refunded.",
    )  # fmt: skip
    page = await client.get("/tasks", headers=EN)
    assert page.status_code == 200
    html = page.text
    assert items(html) == {running.id: "running", done.id: "completed", failed.id: "failed"}
    for text in ("CV import", "Offer extraction", "CV generation", "Running", "Completed"):
        assert text in html, text
    assert 'value="15"' in html and "0/2 offers" in html  # progress: percent, offers
    assert "Every offer failed; credits refunded." in html  # the error
    assert f'href="/offers/{offer.id}"' in html and 'href="/generations/gen-1"' in html
    assert f'href="/cvs/{cv.id}"' in html
    # Cancel only for the running one, delete only for finished ones; every form has a token.
    assert html.count('action="/tasks/') == 4  # 1 cancel + 2 delete + purge
    assert f'action="/tasks/{running.id}/cancel"' in html
    assert f'action="/tasks/{done.id}/delete"' in html and f'action="/tasks/{failed.id}/delete"'
    assert 'action="/tasks/purge"' in html and "Purge 2 finished tasks" in html
    assert html.count('name="_csrf_token"') >= 5  # the four forms + the nav's own
    # The nav shows the centre (no-JS: a link to this page) and, here, the active count.
    assert 'id="task-centre"' in html and 'aria-controls="task-centre-panel"' in html
    assert re.search(r'id="task-badge" class="badge">1<span class="sr-only"> active task<', html)
    french = await client.get("/tasks", headers=FR)
    assert "Tâches en arrière-plan" in french.text and "Importation de CV" in french.text
    assert "Purger 2 tâches terminées" in french.text


async def test_plain_forms_cancel_delete_and_purge_and_tell_every_tab(
    client: Client, db: AsyncSession, settings: Any, backend: str
) -> None:
    me = await register(client, "centre-forms@example.com")
    token = await csrf_token(client)
    running = await make_task(db, me["id"], "cv_import", "running", "Import: a.pdf")
    queued = await make_task(db, me["id"], "offer_extract", "queued", "Offer: B")
    finished = await make_task(db, me["id"], "cv_import", "completed", "Import: c.pdf")
    async with EventLog(settings.effective_redis_url, me["id"]) as log:
        cancel = await client.post(
            f"/tasks/{running.id}/cancel", data={"_csrf_token": token}, follow_redirects=False
        )
        assert cancel.status_code == 303 and cancel.headers["location"] == "/tasks"
        assert await status_of(db, running.id) == "cancelled"
        updated = await log.wait_for("task:updated")
        assert updated[-1]["id"] == running.id and updated[-1]["status"] == "cancelled"

        # A running task cannot be deleted (cancel it first); a finished one can.
        refused = await client.post(
            f"/tasks/{queued.id}/delete", data={"_csrf_token": token}, headers=EN
        )
        assert came_back(refused) and "Cancel this task before deleting it" in refused.text
        assert await status_of(db, queued.id) == "queued"
        delete = await client.post(
            f"/tasks/{finished.id}/delete", data={"_csrf_token": token}, follow_redirects=False
        )
        assert delete.status_code == 303 and await status_of(db, finished.id) is None
        assert (await log.wait_for("task:deleted"))[-1] == {"id": finished.id}

        # Cancelling a finished task changes nothing (the click raced the end of the task).
        again = await client.post(f"/tasks/{running.id}/cancel", data={"_csrf_token": token})
        assert again.status_code == 200 and await status_of(db, running.id) == "cancelled"

        purge = await client.post(
            "/tasks/purge", data={"_csrf_token": token}, follow_redirects=False
        )
        assert purge.status_code == 303
        await log.wait_for("tasks:purged")
    page = await client.get("/tasks", headers=EN)
    assert items(page.text) == {queued.id: "queued"}  # running ones survive a purge


async def test_htmx_posts_get_the_list_they_target_with_the_badge(
    client: Client, db: AsyncSession, backend: str
) -> None:
    me = await register(client, "centre-htmx@example.com")
    token = await csrf_token(client)
    tasks = [
        await make_task(db, me["id"], "cv_import", "completed", f"Import: {i}.pdf")
        for i in range(PANEL_LIMIT + 3)
    ]
    active = await make_task(db, me["id"], "cv_import", "running", "Import: now.pdf")
    htmx = {"hx-request": "true", "x-csrftoken": token, **EN}
    panel = await client.post(
        f"/tasks/{tasks[0].id}/delete", headers={**htmx, "hx-target": "task-centre-list"}
    )
    assert panel.status_code == 200 and "<html" not in panel.text
    assert len(items(panel.text)) == PANEL_LIMIT and "See all 23 tasks" in panel.text
    assert 'id="task-badge" class="badge" hx-swap-oob="true">1<' in panel.text
    page = await client.post(
        f"/tasks/{active.id}/cancel", headers={**htmx, "hx-target": "task-page-list"}
    )
    assert len(items(page.text)) == PANEL_LIMIT + 3  # the /tasks page shows the whole history
    assert 'hx-swap-oob="true" hidden>0<' in page.text  # no active task left: badge hidden
    fragment = await client.get("/tasks/list?view=panel", headers=EN)
    assert fragment.status_code == 200 and len(items(fragment.text)) == PANEL_LIMIT


async def test_sign_in_csrf_and_other_users_tasks(
    client: Client, another_client: Any, db: AsyncSession
) -> None:
    for path in ("/tasks", "/tasks/list"):
        anonymous = await client.get(path, follow_redirects=False)
        assert anonymous.status_code in (302, 303), path
        assert anonymous.headers["location"].startswith("/login?next=")
    token = await csrf_token(client)
    anonymous_post = await client.post(
        "/tasks/purge", data={"_csrf_token": token}, follow_redirects=False
    )
    assert anonymous_post.headers["location"].startswith("/login")  # nothing without a session
    me = await register(client, "centre-owner@example.com")
    mine = await make_task(db, me["id"], "cv_import", "completed", "Import: mine.pdf")
    running = await make_task(db, me["id"], "cv_import", "running", "Import: run.pdf")

    # No CSRF token, or a wrong one: refused, nothing changes.
    no_token = await client.post("/tasks/purge", headers=EN)
    assert no_token.status_code == 403
    forged = await client.post(f"/tasks/{running.id}/cancel", data={"_csrf_token": "forged"})
    assert forged.status_code == 403
    assert await status_of(db, mine.id) == "completed"
    assert await status_of(db, running.id) == "running"

    async with another_client() as intruder:
        await register(intruder, "centre-intruder@example.com")
        their_token = await csrf_token(intruder)
        for action, task in (("cancel", running), ("delete", mine)):
            response = await intruder.post(
                f"/tasks/{task.id}/{action}", data={"_csrf_token": their_token}
            )
            assert response.status_code == 404, action
        purged = await intruder.post("/tasks/purge", data={"_csrf_token": their_token})
        assert purged.status_code == 200  # their own (empty) list
        assert mine.id not in (await intruder.get("/tasks")).text
    assert await status_of(db, mine.id) == "completed"  # a purge only touches its own user
    assert await status_of(db, running.id) == "running"


async def test_feed_sends_the_task_centre_on_connect_and_after_each_change(
    api: Any, db: AsyncSession
) -> None:
    """Over a real socket: the HTML feed every page opens starts with the task centre from the
    DB, then re-sends it (re-read from the DB) when another tab cancels or purges."""
    me = await register(api, "centre-feed@example.com")
    running = await make_task(db, me["id"], "cv_import", "running", "Import: feed.pdf")

    async def next_tasks_fragment(lines: Any) -> str:
        async for line in lines:
            if line == "event: tasks":
                data = await anext(lines)
                assert data.startswith("data: ")
                return str(data)
        raise AssertionError("stream ended")

    async with asyncio.timeout(20), api.stream("GET", "/events/feed") as stream:
        lines = stream.aiter_lines()
        first = await next_tasks_fragment(lines)
        assert items(first) == {running.id: "running"} and "hx-swap-oob" in first
        # Another tab (same session) cancels: this stream gets the fresh list.
        other_tab = await api.post(f"/tasks/{running.id}/cancel", headers={"hx-request": "true"})
        assert other_tab.status_code == 200
        assert items(await next_tasks_fragment(lines)) == {running.id: "cancelled"}
        await api.delete("/api/background-tasks")  # the JSON API purges: same events
        emptied = await next_tasks_fragment(lines)
        assert items(emptied) == {} and 'data-testid="no-tasks"' in emptied


async def test_nav_credits_use_plural_forms(client: Client, db: AsyncSession) -> None:
    me = await register(client, "centre-credits@example.com")
    balance = (await client.get("/api/credits")).json()["balance"]
    await debit(db, me["id"], balance - 1, "test", {})
    await db.commit()
    assert ">1 credit<" in (await client.get("/", headers=EN)).text
    assert ">1 crédit<" in (await client.get("/", headers=FR)).text
    await debit(db, me["id"], 1, "test", {})
    await db.commit()
    assert ">0 credits<" in (await client.get("/", headers=EN)).text
    assert ">0 crédit<" in (await client.get("/", headers=FR)).text  # French: 0 is singular


async def test_dashboard_lists_recent_generations_with_links(
    client: Client, db: AsyncSession
) -> None:
    me = await register(client, "centre-dashboard@example.com")
    empty = await client.get("/", headers=EN)
    assert "No generation yet" in empty.text
    offer = await factories.job_offer(db, me["id"], title="Data <engineer>")
    generation = CvGenerationTask(
        user_id=me["id"], status="completed", total_offers=1, completed_offers=1, payload={}
    )
    db.add(generation)
    await db.flush()
    db.add(CvGenerationOffer(task_id=generation.id, job_offer_id=offer.id, offer_index=0))
    await db.commit()
    page = await client.get("/", headers=EN)
    # Named by its offer and company (templates/generation/_run_name.html), escaped.
    named = f'href="/generations/{generation.id}">Data &lt;engineer&gt; — {offer.company}</a>'
    assert named in page.text
    assert "1/1 offer" in page.text and 'href="/generations">See all' in page.text


async def test_a_generation_announces_running_and_completed_to_the_task_centre(
    api: Any, db: AsyncSession, settings: Any, worker: Any
) -> None:
    """Tabs learn every state change of a generation's row (offline engine: no LLM needed);
    the final ``completed`` used to be written without being announced."""
    me = await register(api, "centre-events@example.com")
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    async with EventLog(settings.effective_redis_url, me["id"]) as log:
        started = await api.post(
            "/api/cv/generate-v2", json={"sourceCvFile": source.id, "jobOfferIds": [offer.id]}
        )
        assert started.status_code == 200, started.text
        async with asyncio.timeout(30):
            while not any(u["status"] == "completed" for u in log.named("task:updated")):
                await asyncio.sleep(0.05)
    statuses = [u["status"] for u in log.named("task:updated")]
    assert statuses[0] == "queued" and "running" in statuses and statuses[-1] == "completed"
    final = log.named("task:updated")[-1]
    assert final["jobId"] == f"cvgen:{started.json()['taskId']}"
    assert "generationTaskId" not in (final["result"] or {})  # the link is the column


async def test_feed_lists_milestones_in_the_activity_list_not_progress_ticks(
    api: Any, redis: Any
) -> None:
    """Every event reaches the pages (``message``: their live parts refresh on it); only a
    milestone also goes to the dashboard's Activity list (``activity``), so a running
    generation's progress ticks do not fill it with the same line."""
    me = await register(api, "centre-activity@example.com")

    async def events_until_pong(lines: Any) -> list[tuple[str, str]]:
        seen: list[tuple[str, str]] = []
        name = ""
        async for line in lines:
            if line.startswith("event: "):
                name = line[len("event: ") :]
            elif line.startswith("data: ") and name in ("message", "activity"):
                seen.append((name, line))
                if "system:pong" in line and name == "activity":
                    return seen
        raise AssertionError("stream ended")

    async with asyncio.timeout(20), api.stream("GET", "/events/feed") as stream:
        lines = stream.aiter_lines()
        await anext(lines)  # subscribed before its first line: what is published now reaches it
        for name in (GENERATION_OFFER_PROGRESS, GENERATION_OFFER_COMPLETED, SYSTEM_PONG):
            await publish_event(redis, me["id"], name, {"taskId": "t1"})
        seen = await events_until_pong(lines)
    progress = [kind for kind, data in seen if GENERATION_OFFER_PROGRESS in data]
    completed = [kind for kind, data in seen if GENERATION_OFFER_COMPLETED in data]
    assert progress == ["message"]
    assert completed == ["message", "activity"]
