"""The inbox's two task kinds (app/tasks/registry.py): a search's run and a bookmarklet page's
fetch.

No price: discovery costs no AI call (the expensive work comes after approval). No slot: a
slot allows one open task per type and user, and a user with several searches would see
"Run now" refused while another search runs; the worker keeps one run per search at a time
itself (jobs/discovery/run.py) and one request at a time per host (jobs/discovery/politeness.py).
"""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.db.models.job_search import InboxItem, SavedSearch
from app.db.models.status import TaskStatus
from app.domain.inbox.discovery import PAGE_FETCH_JOB, PAGE_FETCH_TYPE, RUN_JOB, SEARCH_RUN_TYPE
from app.lib.i18n import N_
from app.lib.refund_reasons import NO_REFUND
from app.tasks.lifecycle import claim, settle
from app.tasks.registry import Ended, LostInput, Recovery, TaskKind

RUN_CANCELLED = N_("The search run was cancelled.")
PAGE_CANCELLED = N_("The page fetch was cancelled.")
INPUT_GONE = N_("The search or the inbox item was deleted.")


async def _end(
    session: AsyncSession, task: BackgroundTask, status: TaskStatus, error: str
) -> Ended | None:
    if not await claim(session, task.id):
        return None
    await settle(session, task, status=status, error=error, refund_reason=NO_REFUND)
    return Ended()


async def cancel_run(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    """Items already filed stay in the inbox; the job stops at its next claim."""
    return await _end(session, task, TaskStatus.CANCELLED, RUN_CANCELLED)


async def cancel_fetch(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    return await _end(session, task, TaskStatus.CANCELLED, PAGE_CANCELLED)


async def fail_lost(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    return await _end(session, task, TaskStatus.FAILED, INPUT_GONE)


async def find_search(session: AsyncSession, task: BackgroundTask) -> LostInput:
    search_id = task.input_id("searchId")
    found = search_id and await session.get(SavedSearch, search_id) is not None
    return LostInput(job_args=(search_id, task.id) if found else None)


async def find_item(session: AsyncSession, task: BackgroundTask) -> LostInput:
    item_id = task.input_id("itemId")
    found = item_id and await session.get(InboxItem, item_id) is not None
    return LostInput(job_args=(item_id, task.id) if found else None)


def link(task: BackgroundTask) -> tuple[str, str] | None:
    return ("/inbox", N_("Open the inbox")) if task.status == TaskStatus.COMPLETED else None


KIND = TaskKind(
    type=SEARCH_RUN_TYPE,
    label=N_("Job search run"),
    slot=None,
    price=None,
    cancel=cancel_run,
    recovery=Recovery(job=RUN_JOB, find_input=find_search, fail_lost=fail_lost),
    link=link,
    title_prefix="Search: ",
    open_cap=10,  # one run per saved search waiting at most, a user has a handful
)
PAGE_FETCH_KIND = TaskKind(
    type=PAGE_FETCH_TYPE,
    label=N_("Offer page fetch"),
    slot=None,
    price=None,
    cancel=cancel_fetch,
    recovery=Recovery(job=PAGE_FETCH_JOB, find_input=find_item, fail_lost=fail_lost),
    link=link,
    title_prefix="Page: ",
    open_cap=40,  # two bulk actions of the inbox (20 items each) waiting at once
)
