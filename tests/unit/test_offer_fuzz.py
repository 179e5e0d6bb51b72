"""The offer reader on generated ads of every shape (bench/synthetic_offers.py): the company
under the title, in "Title at X", in "X recrute", only in the address or nowhere; job-board lines
around the header; requirements under a known heading, a heading no table knows, no heading, a
numbered list, glued on one line, under a sentence-case heading, the whole body pasted as one
line, or only in French infinitive missions; after the benefits; the employer's own "35 years of
experience". A reader fitted to a few files fails here."""

from __future__ import annotations

from bench.synthetic_offers import REQUIREMENT_SHAPES, synthetic_ad, synthetic_ads
from bench.synthetic_offers_score import score, skill_found

ADS = 400


def test_the_reader_finds_requirements_and_never_a_wrong_company_on_any_shape() -> None:
    result = score(synthetic_ads(ADS, start=10_000))  # seeds the development runs never used
    assert result.no_requirement == []
    assert result.wrong_company == []
    assert result.missed_company == []
    assert result.recall >= 0.95, dict(result.missed_by_shape)


def test_the_generator_covers_every_shape_and_keeps_its_truth_in_the_text() -> None:
    ads = synthetic_ads(ADS, start=10_000)
    assert {ad.shapes["company"] for ad in ads} == {
        "under_title", "at_title", "recruits", "url_only", "none"
    }  # fmt: skip
    assert {ad.shapes["requirements"] for ad in ads} == set(REQUIREMENT_SHAPES)
    for ad in ads:
        assert all(skill.lower() in ad.text.lower() for skill in ad.skills)
        if ad.shapes["company"] in ("none", "url_only"):
            assert ad.company not in ad.text or not ad.company
    assert synthetic_ad(7).text == synthetic_ad(7).text  # seeded: the same ad every run


def test_skill_matching_is_by_whole_words() -> None:
    assert skill_found("Power BI", ["power bi", "SQL"])
    assert skill_found("gestion de projet", ["gestion de projet agile"])
    assert not skill_found("Java", ["JavaScript"])
