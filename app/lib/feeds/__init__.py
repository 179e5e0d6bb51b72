"""Job feeds, parsed without any I/O: RSS 2.0, Atom, JSON Feed and plain HTML listing pages.

The worker fetches (jobs/discovery/); this package only reads what it was given. ``parse_feed``
never raises: malformed input comes back as a ``ParsedFeed`` with an error code
(``FEED_ERRORS`` gives its words).
"""

from app.lib.feeds.model import FEED_ERRORS, FeedEntry, ParsedFeed
from app.lib.feeds.parse import detect_kind, parse_feed

__all__ = ["FEED_ERRORS", "FeedEntry", "ParsedFeed", "detect_kind", "parse_feed"]
