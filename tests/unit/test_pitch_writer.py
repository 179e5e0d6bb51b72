"""The pitch writer without a database: the offline pitch in French and English within its word
targets and held to the CV and achievements, the speaking time, the length cut."""

from __future__ import annotations

from typing import Any

import pytest

from app.lib.cv_content import CvContent
from app.lib.speech import WORDS_PER_MINUTE, duration_label, speaking_seconds, word_count
from jobs.pitches.evidence import pitch_guard
from jobs.pitches.request import MAX_WORDS, PitchRequest
from jobs.pitches.writer import within, write_pitch
from tests.factories import EN_CV, EN_OFFER, FR_CV, FR_OFFER
from tests.pitch_stories import stories

PAIRS = {"en": (EN_CV, EN_OFFER), "fr": (FR_CV, FR_OFFER)}
# The offline pitch says what the CV and the achievements hold, no more: rich inputs reach
# these; a thin CV gives a shorter pitch (test below), never a padded one.
RANGES = {"30s": (55, 90), "3min": (250, 450)}


def request(language: str, kind: str, **changes: Any) -> PitchRequest:
    cv, offer = PAIRS[language]
    fields: dict[str, Any] = {
        "cv": CvContent.from_json(cv),
        "kind": kind,
        "language": language,
        "stories": stories(language),
        "offer_title": offer["title"],
        "offer_company": offer["company"],
        "offer_location": offer["location"],
        "offer_text": offer["description"],
        "offer_requirements": tuple(offer["requirements"]),
    }
    return PitchRequest(**{**fields, **changes})


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("kind", ["30s", "3min"])
async def test_offline_pitch_is_within_its_word_target_and_held_to_the_source(
    language: str, kind: str
) -> None:
    pitch = await write_pitch(request(language, kind), None)
    low, high = RANGES[kind]
    assert pitch.engine == "offline" and pitch.language == language
    assert low <= word_count(pitch.text) <= high, (word_count(pitch.text), pitch.text)
    assert pitch.meta["words"] == word_count(pitch.text)
    assert pitch.meta["droppedClaims"] == 0, pitch.meta["dropped"]
    guard = pitch_guard(request(language, kind), language)
    for paragraph in pitch.text.split("\n\n"):
        assert all(v.ok for v in guard.check(paragraph)), paragraph
    name = PAIRS[language][0]["header"]["name"]
    assert name in pitch.text and PAIRS[language][1]["company"] in pitch.text
    if kind == "3min":  # the achievements' own sentences are told
        assert stories(language)[0].action in pitch.text


async def test_offline_pitch_for_a_context_names_it_and_no_offer() -> None:
    no_offer = {"offer_title": "", "offer_company": "", "offer_text": "", "offer_location": ""}
    target = request("en", "30s", **no_offer, context="the Lyon Python meetup")
    pitch = await write_pitch(target, None)
    assert "the Lyon Python meetup" in pitch.text
    assert "Parcel Express" not in pitch.text


async def test_thin_cv_gives_a_short_pitch_not_a_padded_one() -> None:
    thin = CvContent.from_json({"header": {"name": "Sam Lee", "current_title": "Welder"}})
    pitch = await write_pitch(request("en", "3min", cv=thin, stories=()), None)
    assert word_count(pitch.text) < 60
    assert "Sam Lee" in pitch.text and pitch.meta["droppedClaims"] == 0


async def test_a_story_with_an_invented_figure_in_the_cv_language_is_still_its_own() -> None:
    """The achievements are source: their figures pass; the same figure without them does not."""
    with_stories = pitch_guard(request("en", "30s"), "en")
    without = pitch_guard(request("en", "30s", stories=()), "en")
    sentence = "All of them shipped to production in 11 weeks."
    assert all(v.ok for v in with_stories.check(sentence))
    assert not all(v.ok for v in without.check(sentence))
    claim = "I mentored 4 junior developers who shipped in 11 weeks at Globex."
    assert not all(v.ok for v in with_stories.check(claim))


def test_speaking_time_uses_the_stated_rate() -> None:
    assert WORDS_PER_MINUTE == 140
    assert speaking_seconds(140) == 60 and speaking_seconds(75) == 32
    assert duration_label(speaking_seconds(400)) == "2:51"
    assert word_count("L'équipe front-end a livré 3 sites.") == 7


def test_within_cuts_the_last_sentences_before_the_closing() -> None:
    body = " ".join(f"Sentence number {i} is here." for i in range(30))
    kept, cut = within([body, "Thank you."], MAX_WORDS["30s"])
    text = " ".join(kept)
    assert word_count(text) <= MAX_WORDS["30s"] and cut > 0
    assert text.endswith("Thank you.") and text.startswith("Sentence number 0")


async def test_the_achievement_closest_to_the_offer_is_told_first() -> None:
    reordered = tuple(reversed(stories("en")))
    pitch = await write_pitch(request("en", "30s", stories=reordered), None)
    assert "Faster parcel tracking" in pitch.text and "Safer payments" not in pitch.text


def test_within_drops_a_sentence_said_twice() -> None:
    """A small model ends its pitch twice with the same sentence (bench/COACH_EVAL.md)."""
    said = "Alex is fluent in English and eager to join the team."
    kept, cut = within([f"I build Python services. {said}", said], MAX_WORDS["30s"])
    assert kept == [f"I build Python services. {said}"]
    assert cut == 1
