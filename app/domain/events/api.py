"""SSE endpoints: ``/api/events`` (JSON, seed event names) and ``/events/feed`` (HTML fragments)."""

from __future__ import annotations

import json
from typing import Any

from litestar import Request, get
from litestar.channels import ChannelsPlugin
from litestar.di import NamedDependency
from litestar.response import ServerSentEvent, ServerSentEventMessage
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import User
from app.domain.credits.live import CreditCounterFeed
from app.domain.events.stream import fragment_message, user_event_stream, user_locale
from app.domain.tasks.live import TaskCentreFeed
from app.domain.tasks.services import list_tasks, task_payload
from app.lib.sessions import session_watch


@get("/api/events", tags=["events"])
async def api_events(
    request: Request[Any, Any, Any],
    user: NamedDependency[User],
    db: NamedDependency[AsyncSession],
    channels: NamedDependency[ChannelsPlugin],
) -> ServerSentEvent:
    """The user's event stream: a ``tasks:snapshot`` of the DB state, then live events."""
    tasks = [task_payload(t) for t in await list_tasks(db, user.id)]
    # End the transaction now (the stream may stay open for hours). Commit, not rollback: a
    # rollback would expire ``user`` and its next attribute access would hit the database.
    await db.commit()
    snapshot = ServerSentEventMessage(
        event="tasks:snapshot", data=json.dumps({"tasks": tasks}, default=str)
    )
    stop_event = request.query_params.get("until")  # lets scripts and tests end the stream

    def render(name: str, payload: dict[str, Any]) -> ServerSentEventMessage:
        return ServerSentEventMessage(event=name, data=json.dumps(payload, default=str))

    return ServerSentEvent(
        user_event_stream(
            channels,
            user.id,
            [snapshot],
            render,
            stop_after=(lambda name: name == stop_event) if stop_event else None,
            still_valid=session_watch(request, user.id),
        ),
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@get("/events/feed", include_in_schema=False)
async def html_event_feed(
    request: Request[Any, Any, Any],
    user: NamedDependency[User],
    channels: NamedDependency[ChannelsPlugin],
) -> ServerSentEvent:
    """The stream every signed-in page opens (one per tab): the task centre first (``tasks``,
    rendered from the DB), then each event as a small HTML fragment (``message``, for the
    dashboard's activity list and the pages that refresh on it), plus the task centre again
    after each task event and the header's credit counter (``credits``) after each balance
    change."""
    engine = request.app.template_engine
    assert engine is not None  # configured in create_app
    template = engine.get_template("_partials/event_item.html")
    task_centre = TaskCentreFeed(request, user.id)
    credits = CreditCounterFeed(request, user.id)

    async def initial() -> list[ServerSentEventMessage]:
        return [*await task_centre.initial(), *await credits.initial()]

    async def render(name: str, payload: dict[str, Any]) -> list[ServerSentEventMessage]:
        html = template.render(name=name, payload=payload)
        return [
            fragment_message("message", html),
            *await task_centre.on_event(name),
            *await credits.on_event(name),
        ]

    return ServerSentEvent(
        user_event_stream(
            channels,
            user.id,
            initial,
            render,
            still_valid=session_watch(request, user.id),
            locale=user_locale(request, user.id),
        ),
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
