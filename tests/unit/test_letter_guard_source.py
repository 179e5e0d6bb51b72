"""The letter's guard allows the source CV's facts, not the tailored CV's: a line of
the tailored CV that its source does not hold is dropped; without a source (a source CV's
letter, or a deleted source) the letter's own CV is the reference."""

from __future__ import annotations

import copy
from typing import Any

from app.lib.cv_content import CvContent
from jobs.letters.writer import write_letter
from tests.factories import EN_CV, EN_OFFER
from tests.letter_requests import letter_request

LINE = "Cut API latency by 80% with Redis caching"


def _tailored() -> dict[str, Any]:
    content = copy.deepcopy(EN_CV)
    content["experience"][0]["bullets"][1] = LINE
    return content


async def test_the_source_cvs_facts_are_the_guards() -> None:
    request = letter_request(_tailored(), EN_OFFER, source=CvContent.from_json(EN_CV))
    assert request.facts_cv is request.source
    letter = await write_letter(request, None)
    text = letter.content.plain_text()
    assert "80%" not in text and "Parcel Express" in text, text
    assert any("80" in entry["tokens"] for entry in letter.meta["dropped"]), letter.meta


async def test_without_a_source_the_letters_cv_is_the_reference() -> None:
    request = letter_request(_tailored(), EN_OFFER)
    assert request.facts_cv is request.cv
    letter = await write_letter(request, None)
    assert "80%" in letter.content.plain_text()
