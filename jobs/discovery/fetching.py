"""What discovery fetches, each under the host's politeness (politeness.py) and the SSRF-guarded
fetcher (app/lib/url_fetch.py): a source's feed (conditionally), and an offer's page, read the
way a URL offer is (app/domain/offers/intake.py)."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any

from app.db.models.job_search import FeedSource
from app.domain.offers.intake import OfferInput, offer_from_url
from app.lib.feeds import FEED_ERRORS, ParsedFeed, parse_feed
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.url_fetch import FetchPolicy, UrlFetchError, fetch_feed
from jobs.discovery.politeness import HostBusy, host_slot

HOST_BUSY = N_("The site was busy with other fetches; it will be read at the next run.")


@dataclass
class FeedOutcome:
    """One source's fetch: what to log on it, and the feed when there is one to read."""

    status: str  # ok | not_modified | error
    feed: ParsedFeed | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None  # a catalogue message
    error_params: dict[str, Any] = field(default_factory=dict)


async def fetch_source(
    redis: Any, source: FeedSource, policy: FetchPolicy, *, delay_s: float, timeout_s: float
) -> FeedOutcome:
    try:
        async with host_slot(redis, source.url, delay_s):
            page = await fetch_feed(
                source.url,
                policy=policy,
                etag=source.etag,
                last_modified=source.last_modified,
                timeout_s=timeout_s,
            )
    except UrlFetchError as exc:
        return FeedOutcome("error", error=exc.template, error_params=dict(exc.values))
    except HostBusy:
        return FeedOutcome("error", error=HOST_BUSY)
    if page.not_modified:
        return FeedOutcome("not_modified", etag=page.etag, last_modified=page.last_modified)
    # Parsing a big feed or listing (up to the fetcher's size limit) is pure CPU: in a thread,
    # so the worker's event loop keeps serving generations meanwhile.
    feed = await asyncio.to_thread(parse_feed, page.text, page.content_type, page.url)
    if feed.problem is not None:
        return FeedOutcome(
            "error", error=FEED_ERRORS[feed.problem], error_params=feed.problem_params
        )
    if not feed.entries:
        return FeedOutcome("error", feed=feed, error=FEED_ERRORS["feed_empty"])
    return FeedOutcome("ok", feed, page.etag, page.last_modified)


async def fetch_offer(
    redis: Any, url: str, *, allow_private: bool, delay_s: float
) -> OfferInput | None:
    """The offer's text and fields as a URL offer gets them; None when the page cannot be read
    (the feed's own summary is filed instead)."""
    try:
        async with host_slot(redis, url, delay_s):
            return await asyncio.to_thread(_read_offer, url, allow_private)
    except (InputError, HostBusy):
        return None


def _read_offer(url: str, allow_private: bool) -> OfferInput:
    """``offer_from_url`` on a private event loop in a worker thread: the page's download,
    HTML parsing and text extraction (app/domain/offers/intake.py) then never run on the
    worker's loop. Safe because ``fetch_url`` opens its own HTTP client per call
    (app/lib/url_fetch.py) and keeps no loop-bound state."""
    return asyncio.run(offer_from_url(url, allow_private=allow_private))
