"""The rule-based readers run off the event loop: the offer parser on a bounded text
(app/domain/offers/rules_reading.py), the CV reader (app/domain/cvs/rules_reading.py).
Another coroutine keeps turning while a long text is parsed, and what lies past the offer's
bound is not read."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import Any

from app.domain.cvs.rules_reading import parse_cv_rules
from app.domain.offers.rules_reading import RULES_MAX_CHARS, parse_offer_rules
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.offer_parser import parse_offer_text
from tests.factories import EN_OFFER

LONG_OFFER = EN_OFFER["description"] + "\n" + "Our values and the way we work together.\n" * 3000


async def ticks_during(parse: Awaitable[Any]) -> tuple[int, Any]:
    """How often another coroutine ran while ``parse`` was awaited, and its result."""
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    running = asyncio.create_task(ticker())
    await asyncio.sleep(0)  # the ticker has started
    before = ticks
    result = await parse
    during = ticks - before  # read before this coroutine yields again
    running.cancel()
    return during, result


async def test_the_loop_keeps_turning_while_a_long_offer_is_parsed() -> None:
    assert len(LONG_OFFER) > RULES_MAX_CHARS  # the whole bounded text is read
    during, fields = await ticks_during(parse_offer_rules(LONG_OFFER, None))
    # Parsed on the loop, no other coroutine could have run until the parse was over.
    assert during > 0
    assert fields == parse_offer_text(LONG_OFFER[:RULES_MAX_CHARS])
    assert fields.title == parse_offer_text(EN_OFFER["description"]).title


async def test_the_loop_keeps_turning_while_a_cv_is_read() -> None:
    text = "Jane Doe\njane@example.com\n\nExperience\nBackend developer, Acme, 2020-2024\n" * 40
    during, parsed = await ticks_during(parse_cv_rules(text))
    assert during > 0
    same = parse_cv_text(text).content  # (entry ids differ from one reading to the next)
    assert parsed.content.header.name == same.header.name
    assert len(parsed.content.experience) == len(same.experience)


async def test_text_past_the_bound_is_not_read() -> None:
    tail = "\nRequirements:\n- Fluent Klingon\n"
    fields = await parse_offer_rules("x" * RULES_MAX_CHARS + tail, None)
    assert "Klingon" not in " ".join(fields.requirements + fields.skills)
    assert "Klingon" in " ".join(parse_offer_text("Offer" + tail).requirements)
