"""Import misreads planted in synthetic pairs (bench/tailor_fuzz_misreads.py, the declaration
``make bench-tailor-fuzz`` reads too): a place, the name, a section word or contact data as the
headline; an address, contact or personal data as the profile; an e-mail, an address, an age or
"References upon request" among the skills. The contract of a sendable CV
(jobs/pipeline/core/sendable_reader.py) must flag every value of every family, and the card must
then not say that every check passed; lookalikes ("ISO 27001 Lead Auditor", "C++", "15 ans
d'expérience") must leave their pair clean. The bench runs 15 pairs per family; here one pair
per family, tailored and rendered (a few seconds), and every value of the declaration read
directly."""

from __future__ import annotations

import random

import pytest

from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText
from bench.tailor_fuzz import check_misread, generate
from bench.tailor_fuzz_misreads import (
    FAMILIES,
    HEADLINE,
    LOOKALIKES,
    PROFILE,
    Misread,
    plant,
    planted_in,
)
from jobs.pipeline.core.sendable import Pair, reads_right
from jobs.pipeline.core.sendable_reader import headline_kind, personal_kind, skill_kind

# One pair per family, French and English CVs in turn (pairs 0 to 4 are French, 5 to 7 English).
NUMBERS = (0, 5)


def _every_value(misread: Misread, language: str) -> list[str]:
    return list(dict.fromkeys(misread.values.get(language) or misread.values["en"]))


def _with(cv: CvContent, misread: Misread, value: str, language: str) -> CvContent:
    """``cv`` with exactly ``value`` planted (the declaration's own ``plant``, its choice
    forced)."""
    forced = Misread(misread.family, misread.where, misread.code, {language: (value,)})
    planted, _ = plant(cv, forced, random.Random(0), language)
    return planted


def _reader_codes(cv: CvContent) -> list[str]:
    """What the contract's reader finds on ``cv`` as the tailored CV."""
    case = generate(0)
    pair = Pair(cv, OfferText.of(case.offer), cv, case.cv_language, case.today)
    return [v.code for v in reads_right(pair)]


@pytest.mark.parametrize("number", NUMBERS)
def test_every_planted_value_is_flagged_and_no_lookalike_is(number: int) -> None:
    case = generate(number)
    for misread in (*FAMILIES, *LOOKALIKES):
        for value in _every_value(misread, case.cv_language):
            cv = _with(case.source, misread, value, case.cv_language)
            codes = _reader_codes(cv)
            if misread.code:
                assert misread.code in codes, (misread.family, value)
            else:
                assert not codes, (misread.family, value, codes)


def test_the_clean_pairs_read_right() -> None:
    for number in range(40):
        assert not _reader_codes(generate(number).source), number


def test_a_plant_lands_where_the_family_says() -> None:
    case = generate(5)
    for misread in FAMILIES:
        cv, value = plant(case.source, misread, random.Random(1), case.cv_language)
        assert planted_in(cv, misread.where, value), misread.family
        assert not planted_in(case.source, misread.where, value), misread.family
        if misread.where == HEADLINE:
            assert cv.header.current_title == value
        elif misread.where == PROFILE:
            assert value in cv.summary


@pytest.mark.parametrize(
    "family", [m.family for m in (*FAMILIES, *LOOKALIKES)], ids=lambda name: name
)
def test_a_tailored_pair_shows_its_misread_on_the_card(family: str) -> None:
    index = [m.family for m in (*FAMILIES, *LOOKALIKES)].index(family)
    outcome = check_misread((family, NUMBERS[index % len(NUMBERS)]))
    assert not outcome.error, outcome.error
    if outcome.expected:
        assert outcome.verdict in ("open", "repaired", "left out"), outcome.violations
        if outcome.verdict == "open":
            assert outcome.card_open >= 1  # never "every check passed"
        assert not outcome.unexpected, outcome.violations
    else:
        assert not outcome.violations and not outcome.card_open, outcome.violations
    assert not outcome.failed


def test_the_readers_shapes_stay_narrow() -> None:
    """What the new shapes must never take: a number of years spent, a team's age, a cloud
    drive, a way of working, a title that ends with a country."""
    for profile in (
        "Managed a 30-person team aged 25 and over.",
        "20 years, three continents, one passion.",
        "Led 12 people in a new way of working.",
        "15 ans d'expérience, dont 5 en management.",
    ):
        assert personal_kind(profile) is None, profile
    for skill in ("Office 365 Google Drive", "ISO 27001", "3D Studio Max", "AT&T VoIP"):
        assert skill_kind(skill) is None, skill
    for headline in ("Data Analyst, France", "ISO 27001 Lead Auditor", "Chef de projet (H/F)"):
        assert headline_kind(headline, "Lou Normi", "Lyon") is None, headline
