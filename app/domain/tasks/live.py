"""The task centre over SSE: the panel re-rendered from the database, as an ``event: tasks``
fragment for ``sse-swap="tasks"``, on connect and after every task event of the user.

Any of the user's page streams (the general feed, the generation page's stream) adds these
messages, so a tab keeps one SSE connection whatever page it shows.
"""

from __future__ import annotations

from litestar.response import ServerSentEventMessage

from app.domain.tasks.view import PANEL_LIMIT, task_centre_context
from app.events import TASK_DELETED, TASK_UPDATED, TASKS_PURGED
from app.lib.sse import FragmentFeed, fragment_message

TASK_CENTRE_EVENTS = frozenset({TASK_UPDATED, TASK_DELETED, TASKS_PURGED})
SSE_EVENT = "tasks"
LIST_TEMPLATE = "_partials/task_list.html"


class TaskCentreFeed(FragmentFeed):
    """Renders the task-centre fragment for one SSE connection."""

    template_name = LIST_TEMPLATE

    async def message(self) -> ServerSentEventMessage:
        async with self._sessions() as session:
            context = await task_centre_context(session, self._user_id, PANEL_LIMIT)
        html_text = self._template.render(**self._context, **context, oob_badge=True)
        return fragment_message(SSE_EVENT, html_text)

    async def initial(self) -> list[ServerSentEventMessage]:
        return [await self.message()]

    async def on_event(self, name: str) -> list[ServerSentEventMessage]:
        return [await self.message()] if name in TASK_CENTRE_EVENTS else []
