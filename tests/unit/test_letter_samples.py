"""The committed sample letter is what the app writes: the offline engine's letter (its guard
included, nothing dropped) on the sample CV and offer, not a hand-written one."""

from __future__ import annotations

import pytest

from app.lib.pdf_render.letter_samples import SAMPLE_OFFERS, sample_letter
from jobs.letters.sample import python_literal, sample_written


@pytest.mark.parametrize("locale", sorted(SAMPLE_OFFERS))
async def test_the_sample_letter_is_the_offline_engines(locale: str) -> None:
    written = await sample_written(locale)
    assert written.engine == "offline"
    assert written.meta["droppedClaims"] == 0, written.meta["dropped"]
    # After a change of the engine: python -m jobs.letters.sample, pasted over _LETTERS.
    assert sample_letter(locale) == written.content, python_literal({locale: written.content})


def test_the_sample_names_the_offer_without_praising_it() -> None:
    letter = sample_letter("en")
    company = SAMPLE_OFFERS["en"]["company"]
    # The offer's company appears in the frames only (recipient, the first sentence).
    mentions = [p for p in letter.paragraphs if company in p]
    assert mentions == [letter.paragraphs[0]] and letter.paragraphs[0].count(company) == 1
