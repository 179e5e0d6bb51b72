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
from datetime import timedelta
from typing import Any

from app.db.models import JobOffer
from app.db.models.base import utcnow
from app.domain.offers import posting
from app.domain.offers.posting_rules import UNKNOWN, Verdict, classify_error, classify_page
from app.events import OFFER_UPDATED
from app.job_names import Job, enqueue
from app.lib.events import publish_event
from app.lib.url_fetch import FetchPolicy, UrlFetchError, fetch_url
from app.settings.service import get_setting
from jobs.discovery import fairness
from jobs.discovery.politeness import HostBusy, host_slot
from jobs.discovery.run import options

log = logging.getLogger(__name__)
CHECK_JOB = Job.CHECK_POSTINGS
CHECK_TIMEOUT_S = 600  # PER_USER pages, each bounded by the fetcher's deadline and a host wait
DEFAULT_HOURS = 24.0


def check_hours(ctx: dict[str, Any]) -> float:
    return float(getattr(ctx.get("settings"), "posting_check_hours", DEFAULT_HOURS))


def check_job_id(user_id: str, now: Any) -> str:
    return f"{CHECK_JOB}:{user_id}:{now:%Y%m%d%H%M}"


async def schedule_posting_checks(ctx: dict[str, Any]) -> dict[str, Any]:
    hours = check_hours(ctx)
    if hours <= 0:
        return {"queued": 0}
    now = utcnow()
    async with ctx["session_factory"]() as db:
        due = await posting.claim_due(db, now, timedelta(hours=hours))
    jobs = []
    for user_id, offer_ids in due:
        job_id = check_job_id(user_id, now)
        await enqueue(ctx["redis"], CHECK_JOB, user_id, offer_ids, _job_id=job_id)
        jobs.append(job_id)
    if due:
        log.info("Posting checks: %d user(s) queued", len(due))
    return {"queued": len(due), "jobs": jobs}


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
