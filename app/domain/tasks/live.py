"""The task centre over SSE: the panel re-rendered from the database, as an ``event: tasks``
fragment for ``sse-swap="tasks"``, on connect and after every task event of the user.

Any of the user's page streams (the general feed, the generation page's stream) adds these
messages, so a tab keeps one SSE connection whatever page it shows.
"""

from __future__ import annotations

import html
from typing import Any

from litestar import Request
from litestar.response import ServerSentEventMessage
from litestar.utils.scope.state import ScopeState

from app.domain.events.stream import fragment_message
from app.domain.tasks.actions import TASK_DELETED_EVENT, TASKS_PURGED_EVENT
from app.domain.tasks.services import TASK_UPDATED_EVENT
from app.domain.tasks.view import PANEL_LIMIT, task_centre_context

TASK_CENTRE_EVENTS = frozenset({TASK_UPDATED_EVENT, TASK_DELETED_EVENT, TASKS_PURGED_EVENT})
SSE_EVENT = "tasks"
LIST_TEMPLATE = "_partials/task_list.html"


def fragment_context(request: Request[Any, Any, Any]) -> dict[str, Any]:
    """What Litestar's ``Template`` response adds, for templates rendered by hand."""
    token = ScopeState.from_scope(request.scope).csrf_token
    token = "" if not isinstance(token, str) else token
    return {
        "request": request,
        "csrf_input": f'<input type="hidden" name="_csrf_token" value="{html.escape(token)}" />',
    }


class TaskCentreFeed:
    """Renders the task-centre fragment for one SSE connection (a new DB session each time:
    the stream outlives the request's own session)."""

    def __init__(self, request: Request[Any, Any, Any], user_id: str) -> None:
        engine = request.app.template_engine
        assert engine is not None  # configured in create_app
        self._template = engine.get_template(LIST_TEMPLATE)
        self._sessions = request.app.state.read_session_factory
        self._context = fragment_context(request)
        self._user_id = user_id

    async def message(self) -> ServerSentEventMessage:
        async with self._sessions() as session:
            context = await task_centre_context(session, self._user_id, PANEL_LIMIT)
        html_text = self._template.render(**self._context, **context, oob_badge=True)
        return fragment_message(SSE_EVENT, html_text)

    async def initial(self) -> list[ServerSentEventMessage]:
        return [await self.message()]

    async def on_event(self, name: str) -> list[ServerSentEventMessage]:
        return [await self.message()] if name in TASK_CENTRE_EVENTS else []
