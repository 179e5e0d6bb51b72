"""A name the ad only repeats is its employer only with a proper name's evidence: "Primary
School", "Home Care Services" or a skill ("Microsoft Office") written twice in an ad naming no
employer leaves the company empty; "Brightmoor Group" written twice is the employer
(app/lib/parsing/offers/offer_company_weigh.py). Synthetic ads."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.parsing.offers.offer_company_weigh import introduced, proper_name


@pytest.mark.parametrize(
    "body",
    [
        "We are looking for a Teaching Assistant at our Primary School.\n"
        "The Primary School has 300 pupils.",
        "You will join our Home Care Services team.\nHome Care Services visits 200 clients a week.",
        "You will use Microsoft Office daily.\nMicrosoft Office skills are a must.",
        "Vous utiliserez le Pack Office au quotidien.\nMaîtrise du Pack Office exigée.",
    ],
)
def test_a_repeated_common_name_is_no_employer(body: str) -> None:
    text = f"Assistant\nLeeds\n\n{body}\n\nRequirements\n- Teamwork\n- Excel\n"
    assert parse_offer_text(text).company == ""


def test_a_repeated_proper_name_is_the_employer() -> None:
    text = (
        "Night Porter\nNorwich\n\n"
        "You will look after guests of Brightmoor Group in Norwich.\n"
        "Brightmoor Group offers meals on duty.\n\n"
        "Requirements\n- Customer service\n"
    )
    assert parse_offer_text(text).company == "Brightmoor Group"


@pytest.mark.parametrize(
    ("name", "proper"),
    [("Brightmoor Hotels", True), ("Primary School", False), ("Pack Office", False),
     ("Sage Accounting", False), ("Dalmiro SAS", True), ("City of Leeds", True)],
)  # fmt: skip
def test_proper_name(name: str, proper: bool) -> None:
    assert proper_name(name, "") is proper


def test_a_company_word_ending_a_list_introduces_nothing_on_the_next_line() -> None:
    assert not introduced("You", "- Microsoft Office\nYou will use it")
    assert introduced("Proxim", "Votre agence Proxim vous accueille")
