"""A generation that fails on a dead LLM endpoint tells its user the problem in words: the
endpoint's address (the admin's internal URL) appears on none of the user's pages or API
answers; the admin page shows it with the error's details."""

from __future__ import annotations

import socket
from typing import Any

import httpx
from arq.worker import Worker
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.lib.llm.user_messages import UNREACHABLE
from app.settings.service import update_setting
from tests import factories
from tests.conftest import register
from tests.fixtures.live import echo_csrf_cookie
from tests.integration.pipeline_helpers import generate, point_llm_at, wait_finished


def _dead_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


async def test_a_dead_endpoint_is_named_to_the_admin_only(
    api: Any,
    live_server: str,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    await register(api, "admin@example.com")  # the first account is the admin
    port = _dead_port()
    await point_llm_at(db, f"http://127.0.0.1:{port}/v1")
    await update_setting(db, "max_retries", "0")
    await db.commit()
    async with httpx.AsyncClient(
        base_url=live_server, follow_redirects=True, event_hooks={"request": [echo_csrf_cookie]}
    ) as member:
        await member.get("/health")
        me = await register(member, "member@example.com")  # type: ignore[arg-type]
        source = await factories.source_cv(db, me["id"])
        offer = await factories.job_offer(db, me["id"])
        started = await generate(member, source.id, [offer.id])  # type: ignore[arg-type]
        task_id = started.json()["taskId"]
        task = await wait_finished(session_factory, task_id)
        assert task.status == "failed"

        seen: dict[str, str] = {}
        for path in (
            "/",
            f"/generations/{task_id}",
            f"/generations/{task_id}/panel",
            "/generations",
            "/tasks",
            "/tasks/list",
            f"/api/cv/generate-v2/{task_id}",
            "/api/background-tasks/",
        ):
            for language in ("en", "fr"):
                answer = await member.get(path, headers={"Accept-Language": language})
                assert answer.status_code == 200, (path, answer.status_code)
                seen[f"{path} {language}"] = answer.text
    leaks = {
        w: t[t.find(str(port)) - 200 : t.find(str(port)) + 80]
        for w, t in seen.items()
        if str(port) in t
    }
    assert leaks == {}, repr(leaks)
    assert UNREACHABLE in seen[f"/api/cv/generate-v2/{task_id} en"]  # told in words
    assert "injoignable" in seen[f"/generations/{task_id} fr"]

    admin_page = (await api.get("/admin/")).text
    assert 'data-last-llm-error="unreachable"' in admin_page and f"127.0.0.1:{port}" in admin_page
