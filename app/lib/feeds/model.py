"""What a parsed feed gives the discovery: its kind, its entries, or an error code."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from app.lib.i18n import N_

MAX_ENTRIES = 200  # per feed and fetch: a feed listing more is read up to here

# Error codes and their catalogue words (stored as ids + params on the source's fetch log).
FEED_ERRORS = {
    "feed_malformed": N_("The feed could not be read (%(detail)s)."),
    "feed_empty": N_("The address answered, but with no feed or offer links."),
    "feed_unknown": N_("This address is not a feed or a page listing offers (%(type)s)."),
}


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One offer as the feed announces it; the offer page itself may say more."""

    url: str
    title: str = ""
    summary: str = ""  # plain text
    company: str = ""
    location: str = ""
    published_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class ParsedFeed:
    kind: str  # rss | atom | json | html | "" when unknown
    entries: list[FeedEntry] = field(default_factory=list)
    problem: str | None = None  # a FEED_ERRORS code (the message is looked up there)
    problem_params: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.problem is None
