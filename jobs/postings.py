"""The posting re-check: is the ad behind an offer's address still open?

A cron (``schedule_posting_checks``, every 15 minutes) claims the due offers, a few per user and
a bounded number per run (app/domain/offers/posting.py), and queues one ``check_postings`` job
per user, its arq job id naming the user and the minute so a second scheduler cannot queue it
twice. The job reads each page as URL import does (app/lib/url_fetch.py: the outbound address
policy, the size and time limits; private addresses only when the admin setting allows them),
one request at a time per host with its pause (discovery/politeness.py), against the user's
hour of fetching shared with the saved searches (discovery/fairness.py). Each page is read
against posting_rules.py; the verdict is kept and the user's tabs told.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import JobOffer
from app.db.models.base import utcnow
from app.domain.offers import posting
from app.domain.offers.posting_rules import UNKNOWN, Verdict, classify_error, classify_page
from app.events import OFFER_UPDATED
from app.job_names import Job
from app.lib.events import publish_event
from app.lib.url_fetch import FetchPolicy, UrlFetchError, fetch_url
from app.settings.service import get_setting
from jobs.discovery import fairness
from jobs.discovery.politeness import HostBusy, host_slot
from jobs.discovery.run import options
from jobs.due_users import Due, queue_due

log = logging.getLogger(__name__)
CHECK_JOB = Job.CHECK_POSTINGS
CHECK_TIMEOUT_S = 600  # PER_USER pages, each bounded by the fetcher's deadline and a host wait
DEFAULT_HOURS = 24.0


def check_hours(ctx: dict[str, Any]) -> float:
    return float(getattr(ctx.get("settings"), "posting_check_hours", DEFAULT_HOURS))


async def _due_checks(db: AsyncSession, now: datetime, interval: timedelta) -> list[Due]:
    return [(user_id, (offers,)) for user_id, offers in await posting.claim_due(db, now, interval)]


async def schedule_posting_checks(ctx: dict[str, Any]) -> dict[str, Any]:
    hours = check_hours(ctx)
    if hours <= 0:
        return {"queued": 0}
    jobs = await queue_due(ctx, CHECK_JOB, timedelta(hours=hours), _due_checks)
    if jobs:
        log.info("Posting checks: %d user(s) queued", len(jobs))
    return {"queued": len(jobs), "jobs": jobs}


async def read_posting(
    redis: Any, url: str, title: str, *, allow_private: bool, delay_s: float, timeout_s: float
) -> Verdict:
    """The verdict on one offer's page (the host held for the request, the page read off the
    event loop)."""
    try:
        async with host_slot(redis, url, delay_s):
            page = await fetch_url(
                url, policy=FetchPolicy(allow_private=allow_private), timeout_s=timeout_s
            )
    except UrlFetchError as exc:
        return classify_error(exc.code, dict(exc.values))
    except HostBusy:
        return UNKNOWN
    return await asyncio.to_thread(
        lambda: classify_page(
            requested_url=url,
            final_url=page.url,
            content_type=page.content_type,
            body=page.text,
            title=title,
        )
    )


async def check_postings(ctx: dict[str, Any], user_id: str, offer_ids: list[str]) -> dict[str, Any]:
    redis = ctx["redis"]
    delay_s, timeout_s = options(ctx)
    per_hour = fairness.budget(ctx)[1]
    loop = asyncio.get_running_loop()
    async with ctx["session_factory"]() as db:
        allow_private = await get_setting(db, "allow_private_offer_urls", "false") == "true"
    counts = {"checked": 0, "closed": 0, "unknown": 0, "reposts": 0, "left": 0}
    for index, offer_id in enumerate(offer_ids):
        if await fairness.seconds_left(redis, user_id, per_hour) <= 0:
            left = offer_ids[index:]
            async with ctx["session_factory"]() as db:
                await posting.release(db, left, utcnow())
            counts["left"] = len(left)
            break
        async with ctx["session_factory"]() as db:
            offer = await db.get(JobOffer, offer_id)
            if offer is None or offer.user_id != user_id or not offer.source_url:
                continue
            url, title = offer.source_url, offer.title
        # No transaction open while the page is fetched.
        start = loop.time()
        verdict = await read_posting(
            redis, url, title, allow_private=allow_private, delay_s=delay_s, timeout_s=timeout_s
        )
        await fairness.charge(redis, user_id, loop.time() - start)
        async with ctx["session_factory"]() as db:
            offer = await db.get(JobOffer, offer_id)
            if offer is None:
                continue
            changed = posting.record(offer, verdict, utcnow())
            repost = await posting.find_repost(db, offer)
            await db.commit()
        counts["checked"] += 1
        counts["closed"] += int(changed)
        counts["unknown"] += int(verdict.status == "unknown")
        counts["reposts"] += int(repost is not None)
        if changed or repost is not None:
            await publish_event(redis, user_id, OFFER_UPDATED, {"offerId": offer_id})
    return counts
