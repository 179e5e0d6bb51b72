"""The rule-based CV reader, run off the worker's event loop.

Reading a CV's text by rules is pure CPU (longer for a long CV): on the worker's loop it would
stall every other user's job meanwhile. In a thread the loop keeps turning: Python switches
threads every few milliseconds, so other jobs' awaits are served during the read. The offer's
counterpart: app/domain/offers/rules_reading.py.
"""

from __future__ import annotations

import asyncio

from app.lib.parsing.cv_parser import CvParse, parse_cv_text


async def parse_cv_rules(text: str) -> CvParse:
    """``parse_cv_text`` in a thread."""
    return await asyncio.to_thread(parse_cv_text, text)
