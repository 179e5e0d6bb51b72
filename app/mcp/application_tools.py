"""Application tools: the tracker's applications, one with its history, and a move to another
status through the tracker the JSON API uses (``PATCH /api/applications/{id}``: row lock,
``version`` check, history, live update of the user's open tabs)."""

from __future__ import annotations

from typing import Any

import msgspec

from app.db.models import Application
from app.domain.applications import services as applications
from app.domain.applications.changes import changes_from_json
from app.domain.applications.editing import Tracker
from app.domain.applications.schemas import application_out, detail_out
from app.domain.interview.schemas import prep_out
from app.domain.interview.services import interview_prep
from app.domain.offers import services as offers
from app.lib.paging import PageRequest, next_page
from app.mcp.calls import ToolCall

# What the status history records as the device of an agent's move (app/domain/applications/
# devices.py: a client that is no browser is recorded by the id it gives).
AGENT_DEVICE = "mcp"


async def list_applications(call: ToolCall, paging: PageRequest) -> dict[str, Any]:
    page = await applications.tracked_page(call.db, call.user.id, paging)
    return {
        "applications": [
            msgspec.to_builtins(application_out(t.application, t.offer)) for t in page.items
        ],
        **next_page(page),
    }


async def read_application(call: ToolCall, application_id: str) -> dict[str, Any]:
    application = await applications.get_application(call.db, call.user.id, application_id)
    return await _detail(call, application)


async def get_interview_prep(call: ToolCall, application_id: str) -> dict[str, Any]:
    """The JSON API's ``GET /api/applications/{id}/interview-prep``, through its service."""
    return prep_out(await interview_prep(call.db, call.user, application_id))


async def move_application(
    call: ToolCall, application_id: str, status: str, version: int | None
) -> dict[str, Any]:
    body: dict[str, Any] = {"status": status}
    if version is not None:
        body["version"] = version
    tracker = Tracker(call.user, call.db, call.backend.redis, call.backend.settings)
    application = await tracker.change(application_id, changes_from_json(body), AGENT_DEVICE)
    return await _detail(call, application)


async def _detail(call: ToolCall, application: Application) -> dict[str, Any]:
    db = call.db
    offer = await offers.get_offer(db, call.user.id, application.job_offer_id)
    detail = detail_out(
        application,
        offer,
        await applications.notes(db, application),
        await applications.history(db, application),
        await applications.sent_documents(db, application),
    )
    return dict(msgspec.to_builtins(detail))
