"""What the task centre shows for each task: type label, status, progress, result link, error."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.db.models.status import FINISHED, TaskStatus
from app.domain.cvs.view import open_checks
from app.lib.i18n import N_, gettext
from app.tasks.lifecycle import list_tasks
from app.tasks.registry import known, label_of, title_prefix_of

# The nav panel shows the most recent tasks; the /tasks page shows the whole history (≤ 100).
PANEL_LIMIT = 20
PAGE_LIMIT = 100

STATUS_LABELS: dict[str, str] = {
    TaskStatus.QUEUED: N_("Queued"),
    TaskStatus.RUNNING: N_("Running"),
    TaskStatus.COMPLETED: N_("Completed"),
    TaskStatus.FAILED: N_("Failed"),
    TaskStatus.CANCELLED: N_("Cancelled"),
}
# Titles are stored in English with their kind's prefix ("Import: cv.pdf"); the panel shows the
# kind's translated label instead, so only the subject after ``TaskKind.title_prefix`` is kept.
# A generation for several offers is titled "3 offers": its progress line ("k/3 offers") says it.
_OFFER_COUNT_TITLE = re.compile(r"^\d+ offers$")


@dataclass(frozen=True, slots=True)
class TaskItem:
    id: str
    type_label: str
    subject: str
    status: str
    status_label: str
    checks: int  # a finished import's things to check (0 otherwise)
    active: bool
    done: int | None  # progress: offers done, or percent
    total: int | None  # progress: offers in all, or 100
    percent: int
    offers: bool  # progress counts offers (generation) rather than percent
    link: str | None
    link_label: str
    error: str | None
    created: datetime


def _link(task: BackgroundTask) -> tuple[str | None, str]:
    """Where the task's kind says its result is (app/tasks/registry.py), if anywhere."""
    kind = known(task.type)
    found = kind.link(task) if kind is not None and kind.link is not None else None
    return found if found is not None else (None, "")


def _imported_cv_id(task: BackgroundTask) -> str | None:
    """The CV a finished import filled (its job id is ``cv_import:<cv id>:<task id>``)."""
    if task.type != "cv_import" or task.status != TaskStatus.COMPLETED:
        return None
    parts = (task.job_id or "").split(":")
    return parts[1] if len(parts) == 3 and parts[1] else None


async def _checks_now(
    session: AsyncSession, user_id: str, rows: list[BackgroundTask]
) -> dict[str, int]:
    """Things to check after a finished import, counted on the CV as it is now (the count the
    import stored is the import's: fixed or dismissed items no longer count): the list says
    "Imported, 3 things to check" rather than "Completed", until there is nothing left."""
    cv_of = {task.id: cv_id for task in rows if (cv_id := _imported_cv_id(task))}
    now = await open_checks(session, user_id, cv_of.values())
    return {task_id: now.get(cv_id, 0) for task_id, cv_id in cv_of.items()}


def _subject(task_type: str, title: str) -> str:
    """The title without its kind's English prefix (a task of another kind, e.g. a test's
    throwaway one, or a title written before its kind had a prefix, is shown whole)."""
    subject = title.removeprefix(title_prefix_of(task_type))
    return "" if _OFFER_COUNT_TITLE.match(subject) else subject


def _error(task: BackgroundTask) -> str | None:
    """Stored in English; those the catalogue knows (e.g. app/domain/generation/failures.py)
    are shown in the reader's language."""
    if not task.error or task.status not in (TaskStatus.FAILED, TaskStatus.CANCELLED):
        return None
    return gettext(task.error)


def task_item(task: BackgroundTask, checks: int = 0) -> TaskItem:
    progress: dict[str, Any] = task.progress or {}
    offers = "totalOffers" in progress
    if offers:
        done, total = int(progress.get("completedOffers") or 0), int(progress["totalOffers"] or 0)
        percent = round(100 * done / total) if total else 0
    else:
        percent = int(progress.get("percent") or 0)
        done, total = percent, 100
    if task.status == TaskStatus.COMPLETED:
        percent = 100
    link, link_label = _link(task)
    return TaskItem(
        id=task.id,
        type_label=label_of(task.type),
        subject=_subject(task.type, task.title or ""),
        status=task.status,
        status_label=STATUS_LABELS.get(task.status, task.status),
        checks=checks,
        active=task.status not in FINISHED,
        done=done,
        total=total,
        percent=max(0, min(100, percent)),
        offers=offers,
        link=link,
        link_label=link_label,
        error=_error(task),
        created=datetime.fromtimestamp(task.created_at / 1000, tz=UTC),
    )


async def task_centre_context(session: AsyncSession, user_id: str, limit: int) -> dict[str, Any]:
    """Everything ``_partials/task_list.html`` needs, straight from the database."""
    rows = await list_tasks(session, user_id, limit=limit)
    checks = await _checks_now(session, user_id, list(rows))
    counts = dict(
        (
            await session.execute(
                select(BackgroundTask.status, func.count())
                .where(BackgroundTask.user_id == user_id)
                .group_by(BackgroundTask.status)
            )
        ).all()
    )
    total = sum(counts.values())
    finished = sum(n for status, n in counts.items() if status in FINISHED)
    return {
        # Active tasks first (what the user is waiting for), then the history, newest first.
        "tasks": sorted(
            (task_item(t, checks.get(t.id, 0)) for t in rows), key=lambda item: not item.active
        ),
        "active_count": total - finished,
        "finished_count": finished,
        "total_count": total,
        "shown_limit": limit,
        # Prefix of the list's element ids: the /tasks page shows the nav panel's list too, and
        # the morphed live updates (static/js/live.js) match elements by id.
        "id_prefix": "task-page" if limit > PANEL_LIMIT else "task-centre",
    }
