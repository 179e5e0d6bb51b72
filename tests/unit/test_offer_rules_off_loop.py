"""The rule-based offer parser runs off the event loop, on a bounded text
(app/domain/offers/rules_reading.py): another coroutine keeps turning while a long pasted
offer is parsed, and what lies past the bound is not read."""

from __future__ import annotations

import asyncio

from app.domain.offers.rules_reading import RULES_MAX_CHARS, parse_offer_rules
from app.lib.parsing.offer_parser import parse_offer_text
from tests.factories import EN_OFFER

LONG_OFFER = EN_OFFER["description"] + "\n" + "Our values and the way we work together.\n" * 3000


async def test_the_loop_keeps_turning_while_a_long_offer_is_parsed() -> None:
    assert len(LONG_OFFER) > RULES_MAX_CHARS  # the whole bounded text is read
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    running = asyncio.create_task(ticker())
    await asyncio.sleep(0)  # the ticker has started
    before = ticks
    fields = await parse_offer_rules(LONG_OFFER, None)
    during = ticks - before  # read before this coroutine yields again
    running.cancel()
    # Parsed on the loop, no other coroutine could have run until the parse was over.
    assert during > 0
    assert fields == parse_offer_text(LONG_OFFER[:RULES_MAX_CHARS])
    assert fields.title == parse_offer_text(EN_OFFER["description"]).title


async def test_text_past_the_bound_is_not_read() -> None:
    tail = "\nRequirements:\n- Fluent Klingon\n"
    fields = await parse_offer_rules("x" * RULES_MAX_CHARS + tail, None)
    assert "Klingon" not in " ".join(fields.requirements + fields.skills)
    assert "Klingon" in " ".join(parse_offer_text("Offer" + tail).requirements)
