"""SSE endpoints: ``/api/events`` (JSON, the event names of app/events.py) and ``/events/feed``
(HTML fragments)."""

from __future__ import annotations

import json
from typing import Any

from litestar import Request, get
from litestar.response import ServerSentEvent, ServerSentEventMessage

from app.domain.events.live import page_stream
from app.events import ACTIVITY, TASKS_SNAPSHOT, task_payload
from app.lib.dependencies import Channels, Db, ReadSessions, SignedIn
from app.lib.sse import event_stream, fragment_message, user_event_stream
from app.lib.templating import fragment_template
from app.tasks.lifecycle import list_tasks


@get("/api/events", tags=["events"])
async def api_events(
    request: Request,
    user: SignedIn,
    db: Db,
    channels: Channels,
) -> ServerSentEvent:
    """The user's event stream: a ``tasks:snapshot`` of the DB state, then live events; it
    ends with the caller's session or token (app/lib/stream_guard.py), as every stream does."""
    tasks = [task_payload(t) for t in await list_tasks(db, user.id)]
    # End the transaction now (the stream may stay open for hours). Commit, not rollback: a
    # rollback would expire ``user`` and its next attribute access would hit the database.
    await db.commit()
    snapshot = ServerSentEventMessage(
        event=TASKS_SNAPSHOT, data=json.dumps({"tasks": tasks}, default=str)
    )
    stop_event = request.query_params.get("until")  # lets scripts and tests end the stream

    def render(name: str, payload: dict[str, Any]) -> ServerSentEventMessage:
        return ServerSentEventMessage(event=name, data=json.dumps(payload, default=str))

    stop_after = (lambda name: name == stop_event) if stop_event else None
    return event_stream(
        user_event_stream(channels, user.id, [snapshot], render, stop_after=stop_after)
    )


@get("/events/feed", include_in_schema=False)
async def html_event_feed(
    request: Request,
    user: SignedIn,
    read_sessions: ReadSessions,
    channels: Channels,
) -> ServerSentEvent:
    """The stream every signed-in page opens (one per tab): the task centre first (``tasks``,
    rendered from the DB), then each event as a small HTML fragment (``message``, for the
    pages that refresh on it; ``activity`` too for the dashboard's list when it is a milestone,
    ``app/events.py:ACTIVITY``), plus the task centre again
    after each task event and the header's credit counter (``credits``) after each balance
    change."""
    template = fragment_template(request, "_partials/event_item.html")

    async def nothing_of_its_own() -> list[ServerSentEventMessage]:
        return []

    async def render(name: str, payload: dict[str, Any]) -> list[ServerSentEventMessage]:
        html = template.render(name=name, payload=payload)
        activity = [fragment_message("activity", html)] if name in ACTIVITY else []
        return [fragment_message("message", html), *activity]

    return page_stream(request, read_sessions, channels, user.id, nothing_of_its_own, render)
