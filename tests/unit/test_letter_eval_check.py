"""bench/letter_eval_check.py, the letter eval's own invented-fact check, on the fictional CV of
tests/factories.py: it flags what is in neither the CV nor the offer's title, company and
location, says which flagged tokens the ad's text has, and passes the CV's own facts."""

from __future__ import annotations

from bench.letter_eval_check import SourceCheck
from tests.factories import EN_CV

AD = "We want Kafka and Go experts with 5 years of experience at Zorblax Group."


def _check() -> SourceCheck:
    return SourceCheck(EN_CV, "Python Backend Developer", "Parcel Express", "Lyon", AD)


def test_flags_numbers_names_and_skills_not_in_the_sources() -> None:
    found = _check().check(
        "I grew revenue by 48% at Globex using Kafka. I have five years of experience "
        "serving Zorblax Group clients."
    )
    assert found.numbers == ["48", "five"]
    assert found.names == ["Globex", "Zorblax", "Group"]
    assert found.skills == ["Kafka"]
    assert set(found.from_offer) == {"Kafka", "Zorblax", "Group"}
    assert found.count == 6


def test_the_cv_the_offer_names_and_a_letters_words_pass() -> None:
    found = _check().check(
        "Dear Hiring Manager, I would like to join Parcel Express in Lyon as Python Backend "
        "Developer. At Acme Logistics, I cut API latency by 35% with Redis caching. "
        "Kind regards,"
    )
    assert found.count == 0, found


def test_a_skill_the_cv_implies_is_listed_apart() -> None:
    # The fictional CV names PostgreSQL, which implies SQL: not an invention.
    found = _check().check("My SQL work at Beta Bank covered payment APIs.")
    assert found.count == 0 and found.implied == ["SQL"], found
