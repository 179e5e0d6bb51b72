"""Pay, benefits, the hiring process and the employer speaking of itself are never read as
requirements (app/lib/parsing/offers/offer_not_required.py); what a candidate must bring is,
even in the employer's voice. Synthetic lines and ads only."""

from __future__ import annotations

import pytest

from app.lib.parsing.offer_parser import parse_offer_text
from app.lib.parsing.offers.offer_not_required import asks_nothing


@pytest.mark.parametrize(
    "line",
    [
        "Salaire : Annuel de 31000,00 Euros à 38000,00 Euros sur 12 mois – Primes",
        "Rémunération : 12,10 € brut de l'heure, selon diplôme et expérience",
        "Competitive salary",
        "Unlimited vacation",
        "Tickets restaurant et mutuelle",
        "Nous nous engageons à analyser votre dossier de candidature dans un délai de 10 jours.",
        "Depuis notre création, nous marquons notre différence par notre engagement.",
        "We are proud of our award-winning culture and our offices.",
    ],
)
def test_lines_that_ask_nothing_of_the_candidate(line: str) -> None:
    assert asks_nothing(line)


@pytest.mark.parametrize(
    "line",
    [
        "Proficiency in JVM languages (our main language is Kotlin).",
        "Vous maîtrisez Excel et connaissez notre secteur.",
        "3 years of experience in B2B sales",
        "Bac+5 en informatique",
        "Strong communication skills",
    ],
)
def test_what_a_candidate_brings_stays_a_requirement(line: str) -> None:
    assert not asks_nothing(line)


def test_an_ads_pay_and_benefits_are_not_among_its_requirements() -> None:
    fields = parse_offer_text(
        "Réceptionniste (H/F)\nBrivara Hôtels\n\nProfil\n- Anglais courant\n- Maîtrise d'Opera\n"
        "- Salaire : 1 900 € brut par mois\n- Tickets restaurant\n"
        "- Nous vous contacterons pour un premier échange téléphonique.\n"
    )
    assert fields.requirements == ["Anglais courant", "Maîtrise d'Opera"]


def test_a_bilingual_ad_keeps_its_own_languages_items() -> None:
    fields = parse_offer_text(
        "Développeur logiciel junior\nBrivara Conseil\n\n*English below*\n"
        "Qualifications\n"
        "- Diplôme universitaire de préférence en informatique ou en ingénierie\n"
        "- Une aptitude naturelle pour la technologie et le travail en équipe\n"
        "- Capacité à communiquer efficacement en français et en anglais\n"
        "*English*\nMinimum Qualifications\n"
        "- Degree or diploma, preferably in computer science or engineering\n"
        "- A natural aptitude for technology and for working in a team\n"
        "- Able to communicate effectively in French and in English\n"
    )
    assert fields.language == "fr"
    assert len(fields.requirements) == 3
    assert all("Degree" not in r and "natural aptitude" not in r for r in fields.requirements)
