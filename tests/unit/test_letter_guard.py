"""The letter's fact guard and the language a letter is written in."""

from __future__ import annotations

import pytest

from app.lib.cv_content import CvContent
from app.lib.i18n import current_locale
from app.lib.letter_reasons import dropped_reason
from jobs.letters.core.frame import letter_language
from jobs.letters.core.guard import (
    NOT_IN_CV,
    OTHER_LANGUAGE,
    SKILL_NOT_IN_CV,
    LetterGuard,
    offer_allowed,
)
from tests.factories import EN_CV, EN_OFFER, FR_CV
from tests.letter_requests import letter_request, request_in


def _guard(language: str = "en") -> LetterGuard:
    offer = offer_allowed(EN_OFFER["title"], EN_OFFER["company"], EN_OFFER["location"])
    return LetterGuard(CvContent.from_json(EN_CV), language, offer)


@pytest.mark.parametrize(
    ("sentence", "code", "token"),
    [
        ("At Globex I improved the delivery process.", NOT_IN_CV, "Globex"),
        ("I cut API latency by 60% with Redis caching.", NOT_IN_CV, "60"),
        ("I have five years of experience with Python.", NOT_IN_CV, "five years"),
        ("I ran our kafka clusters in production.", SKILL_NOT_IN_CV, "Kafka"),
        ("I also worked with continuous integration tools in Kubernetes.", NOT_IN_CV, "Kubernetes"),
        ("J'ai construit des services Python.", OTHER_LANGUAGE, "construit"),
    ],
)
def test_refused(sentence: str, code: str, token: str) -> None:
    problems = _guard().problems(sentence)
    assert any(p.code == code and token in p.tokens for p in problems), problems


@pytest.mark.parametrize(
    "sentence",
    [
        "I cut API latency by 35% with Redis caching at Acme Logistics.",
        "I would like to join Parcel Express in Lyon as Python Backend Developer.",
        "Dear Hiring Manager,",
        "I mentored 4 junior developers.",
        "My SQL work at Beta Bank covered payment APIs.",  # PostgreSQL implies SQL
    ],
)
def test_passed(sentence: str) -> None:
    assert _guard().problems(sentence) == []


def test_skills_the_offer_lists_are_not_allowed_by_the_offer() -> None:
    # The offer's own skill list is not allowed text: only its title, company and location.
    cv = CvContent.from_json({**EN_CV, "skills": [], "experience": []})
    guard = LetterGuard(cv, "en", offer_allowed("Backend Developer", "Parcel Express", "Lyon"))
    assert guard.problems("I have built Redis caches.")
    assert guard.problems("I would like to work for Parcel Express as Backend Developer.") == []


def test_a_number_inside_another_is_not_the_cvs() -> None:
    # "20" sits in "2021" and "2017": the CV guard would take it; a letter must not.
    assert _guard().problems("I led a team of 20 engineers.")


def test_dropped_reason_in_the_reader_language() -> None:
    entry = {"text": "x", "reason": SKILL_NOT_IN_CV, "tokens": ["Kafka"]}
    token = current_locale.set("fr")
    try:
        assert (
            dropped_reason(entry) == "Une compétence ou un sujet que votre CV ne montre pas : Kafka"
        )
    finally:
        current_locale.reset(token)


def test_llm_and_offline_write_in_the_offer_language_a_template_in_the_cvs() -> None:
    request = letter_request(FR_CV, EN_OFFER)  # a French CV, an English offer
    assert letter_language(request, engine="llm") == "en"
    assert letter_language(request, engine="offline") == "en"
    assert letter_language(request, engine="template") == "fr"


NAMED_CV = CvContent.model_validate(
    {
        "header": {"name": "Jo Doe"},
        "experience": [
            {
                "id": "a",
                "title": "Network engineer",
                "company": "AT&T",
                "bullets": ["Cut outage time by 30% across 12 sites"],
            },
            {
                "id": "b",
                "title": "Developer",
                "company": "4Dsoft",
                "bullets": ["Wrote C++ drivers for 3M scanners"],
            },
        ],
    }
)


@pytest.mark.parametrize(
    "sentence",
    [
        "As Network engineer at AT&T, my achievements include: cut outage time by 30%.",
        "As Developer at 4Dsoft, my achievements include: wrote C++ drivers for 3M scanners.",
    ],
)
def test_names_with_an_ampersand_a_plus_or_a_leading_digit_are_read_whole(sentence: str) -> None:
    assert LetterGuard(NAMED_CV, "en").problems(sentence) == []
    # …and a name the CV does not hold is still refused.
    other = sentence.replace("4Dsoft", "5Dsoft").replace("AT&T", "BT&T")
    assert LetterGuard(NAMED_CV, "en").problems(other)


def test_an_unknown_offer_language_is_guessed_from_its_text() -> None:
    request = request_in("en", offer_language=None)
    assert letter_language(request, engine="llm") == "en"
    french = request_in(
        "en",
        offer_language="",
        offer_text="Nous recherchons un développeur pour notre équipe et vous.",
    )
    assert letter_language(french, engine="llm") == "fr"
