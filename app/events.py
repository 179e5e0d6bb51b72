"""The events the web app and the worker publish to a user's tabs: their names and payloads.

This is the contract between the two processes and the browser (static/js/live.js and the SSE
streams of app/domain/events/): every name is written here once, and the payloads shared by
several publishers are built here. The bus itself (Redis pub/sub, one channel per user) is
app/lib/events.py; the words a page shows for each name are in app/lib/labels.py.
"""

from __future__ import annotations

from typing import Any

from app.db.models import BackgroundTask
from app.db.models.base import now_ms

# The task centre (app/domain/tasks/).
TASK_UPDATED = "task:updated"
TASK_DELETED = "task:deleted"
TASKS_PURGED = "tasks:purged"
TASKS_SNAPSHOT = "tasks:snapshot"  # the JSON stream's first message: every task of the user

# Inputs: the CV list and one job offer changed (an import or an extraction ended, an edit).
CV_LIST_CHANGED = "cv:list:changed"
OFFER_UPDATED = "job_offer:updated"

# The applications tracker (app/domain/applications/): one application changed or was deleted.
APPLICATION_UPDATED = "application:updated"
APPLICATION_DELETED = "application:deleted"

# Cover letters (app/domain/letters/): one letter was written, failed, edited or deleted.
COVER_LETTER_UPDATED = "cover_letter:updated"

# The STAR coach (app/domain/coach/, jobs/coach/): a piece of the reply being written (its
# text, token by token), and a conversation that changed (a message, a phase, a proposal).
COACH_DELTA = "coach:delta"
COACH_UPDATED = "coach:updated"

# The job inbox (app/domain/inbox/, jobs/discovery/): a search's run filed new pending offers.
JOB_DISCOVERED = "job:discovered"

CREDITS_CHANGED = "credits:changed"  # app/credits/balance_events.py
SYSTEM_PONG = "system:pong"  # the worker's answer to the dashboard's ping

# A generation, from the form to its last offer (jobs/pipeline/ publishes most of them).
GENERATION = "cv_generation_v2"
GENERATION_CREATED = f"{GENERATION}:created"
GENERATION_OFFER_PROGRESS = f"{GENERATION}:offer_progress"
GENERATION_OFFER_COMPLETED = f"{GENERATION}:offer_completed"
GENERATION_OFFER_FAILED = f"{GENERATION}:offer_failed"
GENERATION_ERROR = f"{GENERATION}:error"
GENERATION_COMPLETED = f"{GENERATION}:completed"
GENERATION_CANCELLED = f"{GENERATION}:cancelled"

# The milestones the dashboard's Activity list shows one line for. Every event still reaches
# the pages (their live parts refresh on it); progress ticks, task updates and balance changes
# would fill the list with the same line.
ACTIVITY = frozenset(
    {
        GENERATION_CREATED,
        GENERATION_OFFER_COMPLETED,
        GENERATION_OFFER_FAILED,
        GENERATION_ERROR,
        GENERATION_COMPLETED,
        GENERATION_CANCELLED,
        SYSTEM_PONG,
    }
)

# Every name published on the bus (app/lib/events.py), in the order app/lib/labels.py gives
# their words.
ALL = (
    GENERATION_CREATED,
    GENERATION_OFFER_PROGRESS,
    GENERATION_OFFER_COMPLETED,
    GENERATION_OFFER_FAILED,
    GENERATION_ERROR,
    GENERATION_COMPLETED,
    GENERATION_CANCELLED,
    TASK_UPDATED,
    TASK_DELETED,
    TASKS_PURGED,
    CV_LIST_CHANGED,
    CREDITS_CHANGED,
    OFFER_UPDATED,
    APPLICATION_UPDATED,
    APPLICATION_DELETED,
    COVER_LETTER_UPDATED,
    JOB_DISCOVERED,
    COACH_DELTA,
    COACH_UPDATED,
    SYSTEM_PONG,
)


def task_payload(task: BackgroundTask) -> dict[str, Any]:
    """A task as the JSON API and ``task:updated`` show it (timestamps in ms since the epoch)."""
    return {
        "id": task.id,
        "type": task.type,
        "status": str(task.status),
        "title": task.title,
        "progress": task.progress,
        "result": task.result,
        "error": task.error,
        "jobId": task.job_id,
        "deviceId": task.device_id,
        "createdAt": task.created_at,
        "updatedAt": task.updated_at or now_ms(),
    }


def cv_list_changed(cv_id: str | None = None) -> dict[str, Any]:
    """``cv:list:changed``: the CV that changed, when there is one."""
    return {"cvId": cv_id} if cv_id else {}


def offer_updated(offer_id: str) -> dict[str, Any]:
    return {"offerId": offer_id}


def application_changed(application_id: str, status: str | None = None) -> dict[str, Any]:
    """``application:updated`` / ``application:deleted``: which one, and its status when kept."""
    return {"applicationId": application_id, **({"status": status} if status else {})}


def job_discovered(search_id: str, count: int) -> dict[str, Any]:
    """``job:discovered``: how many new pending offers one search's run filed."""
    return {"searchId": search_id, "count": count}


def credits_changed(balance: int) -> dict[str, Any]:
    return {"balance": balance}


def coach_delta(conversation_id: str, text: str, offset: int) -> dict[str, Any]:
    """``coach:delta``: ``text`` continues the reply being written at character ``offset``."""
    return {"conversationId": conversation_id, "text": text, "offset": offset}


def coach_updated(conversation_id: str, phase: str, status: str) -> dict[str, Any]:
    return {"conversationId": conversation_id, "phase": phase, "status": status}


def cover_letter_updated(letter_id: str, status: str) -> dict[str, Any]:
    return {"letterId": letter_id, "status": status}
