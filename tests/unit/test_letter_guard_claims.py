"""Claims the capital letters do not show: employers and job titles written in lower case,
numbers in words, multipliers and durations, in English and French, each
beside honest sentences that must still pass."""

from __future__ import annotations

import datetime
from typing import Any

import pytest

from app.lib.cv_content import CvContent
from jobs.letters.core.guard import NOT_IN_CV, LetterGuard, offer_allowed
from jobs.letters.core.quantities import durations, longest_stretch, multipliers, number_words
from tests.factories import EN_CV, EN_OFFER, FR_CV, FR_OFFER

TODAY = datetime.date(2026, 3, 1)
# EN_CV: Beta Bank from 2017-09, then Acme Logistics from 2021-03 to today: 8 years 7 months
# in one stretch (the barista years of 2010-2013 are four years before it).
# FR_CV: Agence Nova from 2020-01 to today: 6 years 3 months.


def _guard(cv: dict[str, Any], offer: dict[str, Any], language: str) -> LetterGuard:
    allowed = offer_allowed(offer["title"], offer["company"], offer["location"])
    names = [offer["title"], offer["company"], offer["location"]]
    return LetterGuard(CvContent.from_json(cv), language, allowed, names, today=TODAY)


def _refused(guard: LetterGuard, sentence: str) -> tuple[str, ...]:
    problems = [p for p in guard.problems(sentence) if p.code == NOT_IN_CV]
    return tuple(token for p in problems for token in p.tokens)


@pytest.mark.parametrize(
    ("sentence", "token"),
    [
        ("I worked at google for years.", "google"),
        ("I joined microsoft in Lyon.", "microsoft"),
        ("I worked at initech on payment APIs.", "initech"),  # a coined name
        ("I joined acme corp to build Python services.", "acme corp"),  # a company form
        ("I worked at Acme Logistics as lead architect.", "lead architect"),
        ("I was head of engineering at Beta Bank.", "head of engineering"),
        ("As chief technology officer I built Python services.", "chief"),
        ("I doubled revenue at Acme Logistics.", "doubled"),
        ("I tripled the number of users.", "tripled"),
        ("I multiplied sales by three.", "multiplied sales by three"),
        ("I cut API latency x3 with Redis caching.", "x3"),
        ("I bring a decade of experience.", "decade"),
        ("I have ten years of experience with Python.", "ten years"),
        ("I have 12 years of experience with Python.", "12 years"),
        ("I mentored twelve junior developers.", "twelve"),
        ("I served thousands of customers a day.", "thousands"),
    ],
)
def test_english_claims_the_cv_does_not_hold_are_refused(sentence: str, token: str) -> None:
    refused = _refused(_guard(EN_CV, EN_OFFER, "en"), sentence)
    assert token in refused, refused


@pytest.mark.parametrize(
    "sentence",
    [
        "I have eight years of experience building Python services.",
        "I have 8 years of experience building Python services.",
        "I mentored four junior developers at Acme Logistics.",
        "I built services handling two million parcels a day.",
        "I served hundreds of customers a day.",
        "As a senior engineer at Acme Logistics, I cut API latency by 35% with Redis caching.",
        "I was a software developer at beta bank for three years.",
        "At acme logistics I built Python and PostgreSQL services.",
        "I build Python services that work at scale.",
        "I built payment APIs for fintech clients.",
        "I look forward to joining parcel express in lyon.",
        "I would enjoy working with your engineers.",
        "I lead by example and mentored 4 junior developers.",
        "I would like to join Parcel Express as Python Backend Developer.",
        "Dear Hiring Manager,",
        "I am writing to apply for the Python Backend Developer position at Parcel Express.",
    ],
)
def test_honest_english_sentences_pass(sentence: str) -> None:
    assert _guard(EN_CV, EN_OFFER, "en").problems(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "token"),
    [
        ("J'ai travaillé chez google pendant des années.", "google"),
        ("J'ai rejoint initech pour piloter des projets web.", "initech"),
        ("J'ai été directrice technique chez Agence Nova.", "directeur technique"),
        ("En tant que responsable de l'ingénierie, j'ai piloté 12 projets web.", "responsable"),
        ("J'ai doublé le chiffre d'affaires de l'agence.", "doublé"),
        ("J'ai triplé le trafic des sites de mes clients.", "triplé"),
        ("J'ai multiplié par deux le nombre de clients.", "multiplié par deux"),
        ("J'ai une dizaine d'années d'expérience en gestion de projet.", "dizaine d'années"),
        ("Forte de dix ans d'expérience, je pilote des projets web.", "dix ans"),
        ("J'ai piloté quinze projets web en méthode Scrum.", "quinze"),
    ],
)
def test_french_claims_the_cv_does_not_hold_are_refused(sentence: str, token: str) -> None:
    refused = _refused(_guard(FR_CV, FR_OFFER, "fr"), sentence)
    assert any(t.startswith(token) for t in refused), refused  # as written, accents included


@pytest.mark.parametrize(
    "sentence",
    [
        "J'ai six ans d'expérience chez Agence Nova.",
        "J'ai piloté douze projets web en méthode Scrum.",
        "En tant que cheffe de projet digital chez Agence Nova, j'ai géré un budget de 400 k€.",
        "Je souhaite rejoindre vos équipes à Nantes.",
        "Je travaille au sein d'une équipe pluridisciplinaire.",
        "Je vous adresse ma candidature au poste de Product Owner chez Mutuelle Ouest.",
        "Madame, Monsieur,",
    ],
)
def test_honest_french_sentences_pass(sentence: str) -> None:
    assert _guard(FR_CV, FR_OFFER, "fr").problems(sentence) == []


def test_a_multiplier_the_cv_states_passes_in_any_form() -> None:
    cv = {**EN_CV, "summary": "Grew monthly sign-ups by 100% in a year. Cut build time x3."}
    guard = _guard(cv, EN_OFFER, "en")
    assert guard.problems("I doubled monthly sign-ups in a year.") == []
    assert guard.problems("I cut build time threefold.") == []
    assert _refused(guard, "I quadrupled monthly sign-ups.") == ("quadrupled",)


def test_a_duration_the_cv_states_itself_passes() -> None:
    cv = {**EN_CV, "summary": "Backend engineer with 15 years of experience."}
    assert _guard(cv, EN_OFFER, "en").problems("I have fifteen years of experience.") == []


def test_the_longest_stretch_bridges_short_breaks_only() -> None:
    cv = CvContent.from_json(EN_CV)
    assert longest_stretch(cv, TODAY) == 103  # 2017-09 to 2026-03, the 2010 job apart
    # Without a date, a current job ends at the latest date the CV names (2021-03).
    assert longest_stretch(cv, None) == 43


def test_quantities_are_read_as_values() -> None:
    assert [q.value for q in number_words("quatre-vingt-dix-huit clients", "fr")] == [98]
    assert [q.value for q in number_words("two hundred and fifty users", "en")] == [250]
    assert number_words("35 per cent of the team, one of them", "en") == []
    assert [q.value for q in durations("une dizaine d'années", "fr")] == [120]
    assert [q.value for q in durations("over two decades", "en")] == [240]
    assert [q.value for q in multipliers("divisé par deux")] == [0.5]


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("I worked as a product owner at Acme Logistics.", True),
        ("As product owner at Beta Bank, I ran the backlog.", True),
        ("I'm a product owner with a backend background.", True),
        ("I have been a Product Owner since 2021.", True),
        ("I am applying for the Product Owner position at Parcel Express.", False),
        ("I would like to join Parcel Express as Product Owner.", False),
        ("I am applying as your next Product Owner.", False),
        ("The Product Owner role matches what I built at Acme Logistics.", False),
    ],
)
def test_the_offer_s_title_names_the_role_never_one_held(sentence: str, held: bool) -> None:
    offer = {**EN_OFFER, "title": "Product Owner"}
    refused = _refused(_guard(EN_CV, offer, "en"), sentence)
    assert ("product owner" in [t.lower() for t in refused]) is held, refused


@pytest.mark.parametrize(
    ("sentence", "held"),
    [
        ("J'ai été product owner chez Agence Nova.", True),
        ("En tant que Product Owner, j'ai animé des ateliers.", True),
        ("Je souhaite devenir votre Product Owner.", False),
        ("Le poste de Product Owner correspond à mon parcours.", False),
    ],
)
def test_le_titre_de_l_offre_nomme_le_poste_jamais_un_poste_occupe(
    sentence: str, held: bool
) -> None:
    refused = _refused(_guard(FR_CV, FR_OFFER, "fr"), sentence)
    assert ("product owner" in [t.lower() for t in refused]) is held, refused
