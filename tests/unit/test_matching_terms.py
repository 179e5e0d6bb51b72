"""Cognates across French and English (``app/lib/matching/terms.is_cognate``)."""

from __future__ import annotations

from app.lib.matching.terms import cognate_share, is_cognate


def test_cognates_share_a_root_whatever_the_accents() -> None:
    assert is_cognate("démonstrateurs", "demonstrators")
    assert is_cognate("Commercialisation", "commercialization")
    assert is_cognate("concerts", "concerts")
    assert not is_cognate("taux", "rate")
    assert not is_cognate("cartons", "cardboard")


def test_cognate_share_counts_long_words_only() -> None:
    assert cognate_share(
        ["Organisation", "de", "concerts", "lieux"], ["organized", "concerts"]
    ) == (2 / 3)
    assert cognate_share(["de", "la"], ["anything"]) == 1.0
