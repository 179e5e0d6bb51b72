"""The rule-based offer parser, run off the worker's event loop and on a bounded text.

Parsing a pasted offer by rules is pure CPU: ~98 000 characters took up to 4.8 s. Run on the
worker's loop, it stalled every other job of every user for that long (and a job holding
SQLite's write lock across an ``await`` held it as long). In a thread the loop keeps turning:
Python switches threads every few milliseconds, so other jobs' awaits are served meanwhile.
The rules read at most ``RULES_MAX_CHARS``: an offer's title, company, place and requirements
sit in its first pages; what lies beyond costs time and finds nothing more.
"""

from __future__ import annotations

import asyncio

from app.lib.parsing.offer_parser import OfferFields, parse_offer_text

RULES_MAX_CHARS = 30_000  # about ten pages of an offer; intake accepts up to 100 000


async def parse_offer_rules(text: str, url: str | None) -> OfferFields:
    """``parse_offer_text`` on the first ``RULES_MAX_CHARS`` of ``text``, in a thread."""
    return await asyncio.to_thread(parse_offer_text, text[:RULES_MAX_CHARS], url=url)
