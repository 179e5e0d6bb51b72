"""The bookmarklet's item sent without its text: its page read like a URL offer (politely, and
through the SSRF-guarded fetcher), the item's text, summary and missing fields filled. A page
that cannot be read leaves the item as it was (the user can still approve it and paste)."""

from __future__ import annotations

import logging
from typing import Any

from app.db.models import BackgroundTask
from app.db.models.job_search import InboxItem
from app.db.models.status import FINISHED, TaskStatus
from app.domain.inbox.intake import Candidate, content_hash
from app.domain.inbox.search_run_kind import INPUT_GONE
from app.settings.service import get_setting
from app.tasks.lifecycle import TaskSettled, save_and_publish
from jobs.discovery.fetching import fetch_offer
from jobs.discovery.run import options
from jobs.task_job import claim_or_stop, complete, progress

log = logging.getLogger(__name__)


async def fetch_inbox_page(ctx: dict[str, Any], item_id: str, task_id: str) -> dict[str, Any]:
    redis = ctx["redis"]
    async with ctx["session_factory"]() as db:
        task = await db.get(BackgroundTask, task_id)
        if task is None or task.status in FINISHED:
            return {"skipped": task.status if task else "no task"}
        try:
            item = await db.get(InboxItem, item_id)
            if item is None:
                await claim_or_stop(db, task)
                await save_and_publish(db, redis, task, status=TaskStatus.FAILED, error=INPUT_GONE)
                return {"itemId": item_id, "skipped": "deleted"}
            allow_private = await get_setting(db, "allow_private_offer_urls", "false") == "true"
            await progress(db, redis, task, "fetching", 20, itemId=item_id)
            page = await fetch_offer(
                redis, item.url, allow_private=allow_private, delay_s=options(ctx)[0]
            )
            await claim_or_stop(db, task)
            if page is not None:
                fields = page.prefill
                item.text = page.text
                item.title = item.title or fields.title[:300]
                item.company = item.company or fields.company[:300]
                item.location = item.location or fields.location[:300]
                item.summary = item.summary or " ".join(page.text.split())[:500]
                item.content_hash = content_hash(
                    Candidate(url=item.url, title=item.title, company=item.company, text=page.text)
                )
            summary = {"itemId": item_id, "filled": page is not None}
            await complete(db, redis, task, summary)
            return summary
        except TaskSettled:
            log.info("Inbox page fetch %s was cancelled", task_id)
            return {"itemId": item_id, "skipped": "settled"}
