"""Language lines at recompose (jobs/pipeline/core/languages.py): a language the offer names takes
the offer's way of writing levels (CEFR letters or words, in the CV's language); the others, and
a native language, stay as their author wrote them."""

from __future__ import annotations

import pytest

from app.lib.cv_content import Language
from jobs.pipeline.core.languages import adapt_languages, offer_style, to_cefr

SOURCE = [
    Language(name="Anglais", level="Courant"),
    Language(name="Espagnol", level="B1"),
    Language(name="Français", level="Langue maternelle"),
    Language(name="Allemand", level="A2"),
]


def _levels(offer_text: str, cv_language: str) -> list[str]:
    return [lang.level for lang in adapt_languages(SOURCE, offer_text, cv_language)]


def test_an_offer_with_cefr_letters_turns_the_languages_it_names_into_letters() -> None:
    levels = _levels("Anglais niveau C1 exigé, espagnol apprécié", "fr")
    assert levels == ["C1", "B1", "Langue maternelle", "A2"]


def test_an_offer_with_level_words_gets_words_in_the_cvs_language_keeping_the_letter() -> None:
    # Named in English by the offer, in French by the CV: the same language all the same.
    levels = _levels("English: fluent required. Spanish a plus.", "en")
    # Spanish is named with no level: the ad says nothing of its format, B1 stays B1.
    assert levels == ["Fluent", "B1", "Langue maternelle", "A2"]


@pytest.mark.parametrize(
    "offer_text",
    ["Anglais courant, français natif", "Aucune langue demandée"],
    ids=["already-in-the-offers-style", "no-language-named"],
)
def test_levels_already_in_style_or_not_asked_about_stay_as_written(offer_text: str) -> None:
    assert _levels(offer_text, "fr") == [lang.level for lang in SOURCE]


def test_the_source_list_is_not_changed_in_place() -> None:
    adapt_languages(SOURCE, "English C1", "en")
    assert SOURCE[0].level == "Courant"


@pytest.mark.parametrize(
    ("level", "cefr"),
    [
        ("fluent", "C1"),
        ("Courant", "C1"),
        ("b2+", "B2"),
        ("intermédiaire", "B1"),
        ("native", None),
        ("some", None),
    ],
)
def test_to_cefr(level: str, cefr: str | None) -> None:
    assert to_cefr(level) == cefr


def test_offer_style() -> None:
    assert offer_style("English C1") == "letters"
    assert offer_style("fluent English") == "words"
    assert offer_style("We ship parcels") is None
