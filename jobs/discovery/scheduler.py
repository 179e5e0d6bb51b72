"""The discovery crons: every minute, the due searches are claimed (their next run set to
now + interval ± 10 %: app/domain/inbox/discovery.py) and their runs enqueued; once a day, the
inbox's expired items are deleted (app/domain/inbox/cleanup.py).

A run's arq job id names the search and the minute, so a scheduler on a second worker, or a
cron delivered twice, cannot queue the same run twice.
"""

from __future__ import annotations

import itertools
import logging
from typing import Any

from app.db.models.base import utcnow
from app.domain.inbox.cleanup import delete_expired
from app.domain.inbox.discovery import RUN_JOB, claim_due_searches, run_job_id

log = logging.getLogger(__name__)


def round_robin(due: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Each user's first due search, then each one's second...: queued in that order, one
    user's many searches do not all come before another user's one (fairness.py)."""
    by_user: dict[str, list[tuple[str, str]]] = {}
    for entry in due:
        by_user.setdefault(entry[1], []).append(entry)
    rounds = itertools.zip_longest(*by_user.values())
    return [entry for row in rounds for entry in row if entry is not None]


async def schedule_searches(ctx: dict[str, Any]) -> dict[str, Any]:
    now = utcnow()
    async with ctx["session_factory"]() as db:
        due = round_robin(await claim_due_searches(db, now))
    for search_id, _user in due:
        await ctx["redis"].enqueue_job(
            RUN_JOB, search_id, None, _job_id=run_job_id(search_id, None, now)
        )
    if due:
        log.info("Discovery: %d search run(s) queued", len(due))
    return {"queued": len(due)}


async def clean_inbox(ctx: dict[str, Any]) -> dict[str, Any]:
    async with ctx["session_factory"]() as db:
        deleted = await delete_expired(db)
    if deleted:
        log.info("Inbox cleanup: %d expired item(s) deleted", deleted)
    return {"deleted": deleted}
