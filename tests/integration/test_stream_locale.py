"""A tab's SSE fragments follow the reader's language of the moment: after another tab switches
to English, the stream opened in French renders its next fragments in English (no page mixing
a French header with English fragments, or the reverse)."""

from __future__ import annotations

import asyncio
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.tasks.lifecycle import create_task


async def _next_fragment(lines: Any, event: str) -> str:
    async for line in lines:
        if line == f"event: {event}":
            data = await anext(lines)
            assert data.startswith("data: ")
            return str(data)
    raise AssertionError("stream ended")


async def test_feed_fragments_switch_language_with_the_user(api: Any, db: AsyncSession) -> None:
    response = await api.post(
        "/api/auth/register",
        json={"email": "stream-locale@example.com", "password": "correct horse", "locale": "fr"},
    )
    assert response.status_code == 201, response.text
    task = await create_task(db, response.json()["id"], "cv_import", "Import: cv.pdf", cap=100)
    task.status = "running"
    await db.commit()

    async with asyncio.timeout(20), api.stream("GET", "/events/feed") as stream:
        lines = stream.aiter_lines()
        first = await _next_fragment(lines, "tasks")
        assert "En cours" in first and "Running" not in first
        # Another tab of the same session switches to English.
        switched = await api.post("/locale", data={"locale": "en", "next": "/"})
        assert switched.status_code == 200
        cancelled = await api.post(f"/tasks/{task.id}/cancel", headers={"hx-request": "true"})
        assert cancelled.status_code == 200
        message = await _next_fragment(lines, "message")
        assert "Task updated" in message and "Tâche" not in message
        fresh = await _next_fragment(lines, "tasks")
        assert "Cancelled" in fresh and "Annulée" not in fresh
