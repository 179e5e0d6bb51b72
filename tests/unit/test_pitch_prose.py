"""The offline pitch reads like a person (jobs/pitches/offline.py with the letters' helpers
jobs/letters/core/prose_case.py and prose_language.py): words in capitals copied from a CV are
said in a sentence's case (acronyms stay), a line or a sentence in the other language is left
out, a name in the other language is quoted when the sentence would otherwise read as that
language, and a headline listing fields is no title; the fact guard still passes every
sentence. Each fault shape is counted with bench/letter_style.py's own measure. Synthetic CVs
only."""

from __future__ import annotations

from typing import Any

import pytest

from app.lib.cv_content import CvContent
from bench.letter_style import faults, split_sentences
from jobs.letters.core.offline import as_clause
from jobs.letters.core.prose_language import as_name, other_language, unquoted
from jobs.pitches.offline import _line_sentence
from jobs.pitches.request import PitchRequest
from jobs.pitches.verbs import opens_on_verb
from jobs.pitches.wording import said_names
from jobs.pitches.writer import write_pitch

FRENCH_CV: dict[str, Any] = {
    "header": {"name": "Lina Morel", "current_title": "DÉVELOPPEMENT · FONCTIONNEL · DATA"},
    "summary": (
        "Je conçois des tableaux de bord pour les équipes commerciales depuis trois ans. "
        "Looking for a position where I can grow my skills and learn from the best people."
    ),
    "experience": [
        {
            "title": "Chargée de projet",
            "company": "BRIVARA CONSEIL",
            "start": "2022-01",
            "current": True,
            "bullets": [
                "Conception des tableaux de bord de suivi des ventes pour les équipes.",
                "Managed the weekly reporting for all the sales teams of the region.",
                "Animation des ateliers avec les équipes commerciales et la direction.",
            ],
        }
    ],
    "education": [
        {
            "degree": "Global Bachelor of Business Administration",
            "institution": "Morvane Business School of Trade",
        }
    ],
    "skills": [{"name": "CLIENT MANAGEMENT"}, {"name": "SQL"}, {"name": "TABLEAUX DE BORD"}],
    "languages": [{"name": "Français"}, {"name": "Anglais"}],
}

ENGLISH_CV: dict[str, Any] = {
    "header": {"name": "Sam Okafor", "current_title": "Site Reliability Engineer"},
    "summary": "Engineer who keeps payment services up for the whole company every day.",
    "experience": [
        {
            "title": "SITE RELIABILITY ENGINEER",
            "company": "QUILLSTONE PAYMENTS",
            "start": "2021-03",
            "current": True,
            "bullets": [
                "Cut the IT incident count of the payment platform by 40% in one year.",
                "Moved the DATA PLATFORM MONITORING to one dashboard shared by every team.",
            ],
        }
    ],
    "education": [{"degree": "B.S. in Computer Science", "institution": "KORVELLIAN INSTITUTE"}],
    "skills": [{"name": "KUBERNETES"}, {"name": "AWS"}, {"name": "INCIDENT RESPONSE"}],
}


def pitch_request(cv: dict[str, Any], language: str) -> PitchRequest:
    return PitchRequest(
        cv=CvContent.model_validate(cv),
        kind="3min",
        language=language,
        offer_title="Chargé de projet data" if language == "fr" else "Platform Engineer",
        offer_company="Eldmoor",
        offer_text="Tableaux de bord, suivi des ventes." if language == "fr" else "Kubernetes.",
    )


async def written(cv: dict[str, Any], language: str) -> tuple[str, dict[str, Any], CvContent]:
    request = pitch_request(cv, language)
    pitch = await write_pitch(request, None)
    assert pitch.language == language, pitch.text
    return pitch.text, pitch.meta, request.cv


async def test_capitals_copied_from_a_cv_are_said_in_a_sentence_case() -> None:
    text, meta, cv = await written(ENGLISH_CV, "en")
    found = faults("en", [p for p in text.split("\n") if p.strip()], cv, "en")
    assert found.caps == [], text
    assert "Quillstone Payments" in text and "Korvellian Institute" in text
    assert "Kubernetes" in text and "Incident Response" in text
    assert "Data Platform Monitoring" in text
    assert "AWS" in text and "IT incident" in text  # acronyms stay
    assert meta["droppedClaims"] == 0, meta["dropped"]


async def test_an_abbreviation_opens_no_lower_case_sentence() -> None:
    text, _, cv = await written(ENGLISH_CV, "en")
    assert "I studied B.S. in Computer Science" in text
    assert faults("en", text.split("\n"), cv, "en").lower == []


async def test_french_pitch_leaves_out_english_lines_and_quotes_english_names() -> None:
    text, meta, cv = await written(FRENCH_CV, "fr")
    found = faults("fr", [p for p in text.split("\n") if p.strip()], cv, "fr")
    assert found.other_language == [] and found.caps == [] and found.lower == [], text
    assert "Looking for a position" not in text  # a summary sentence in English
    assert "Managed the weekly reporting" not in text  # a line in English
    assert "Conception des tableaux de bord" in text or "conception des tableaux" in text
    # The English degree and school are names: said, between quotation marks.
    assert "« Global Bachelor of Business Administration »" in text
    assert "« Morvane Business School of Trade »" in text
    assert "DÉVELOPPEMENT" not in text and "Fonctionnel" not in text  # fields, not a title
    assert text.startswith("Bonjour, je suis Lina Morel.")
    assert "Brivara Conseil" in text and "Client Management" in text
    assert meta["droppedClaims"] == 0, meta["dropped"]


def test_a_name_is_quoted_only_when_it_reads_as_the_other_language() -> None:
    assert as_name("Morvane Business School of Trade", "fr") == (
        "« Morvane Business School of Trade »"
    )
    assert as_name("Morvane Business School of Trade", "en") == "Morvane Business School of Trade"
    assert as_name("École de commerce de Morvane", "fr") == "École de commerce de Morvane"
    assert as_name("École de commerce de Morvane et des métiers du numérique", "en") == (
        "“École de commerce de Morvane et des métiers du numérique”"
    )
    assert as_name(" ".join(["the school of business and trade"] * 4), "fr") == ""  # no name


def test_a_quoted_name_is_not_the_sentence_language() -> None:
    sentence = "J'ai étudié « Global Bachelor of Business Administration » à Lyon."
    assert other_language("J'ai étudié Global Bachelor of Business Administration.", "fr")
    assert not other_language(sentence, "fr")
    assert "Bachelor" not in unquoted(sentence)
    long_quote = f"Il a dit « {'the business of the world is business and trade ' * 3}»."
    assert other_language(long_quote, "fr")  # a quoted sentence is no name


def test_the_bench_does_not_end_a_sentence_after_an_abbreviation() -> None:
    assert split_sentences("I studied B.S. in Physics. Then I left.") == [
        "I studied B.S. in Physics.",
        "Then I left.",
    ]
    assert split_sentences("Starting in April/Beg. of May. Done.") == [
        "Starting in April/Beg. of May.",
        "Done.",
    ]
    assert split_sentences("I shipped it. then it broke.") == ["I shipped it.", "then it broke."]
    cv = CvContent.model_validate({})
    assert faults("x", ["I shipped it. then it broke."], cv, "en").lower == ["then it broke."]
    assert faults("x", ["We met Dr. Vance. Then e.g. this."], cv, "en").lower == []


async def test_a_name_half_in_capitals_is_said_as_a_name_in_both_languages() -> None:
    english = ENGLISH_CV | {"header": {"name": "NOA Vantrell", "current_title": ""}}
    text, meta, _ = await written(english, "en")
    assert text.startswith("Hello, I am Noa Vantrell."), text
    assert meta["droppedClaims"] == 0, meta["dropped"]
    french = FRENCH_CV | {"header": {"name": "Noa VANTRELL", "current_title": ""}}
    text, meta, _ = await written(french, "fr")
    assert text.startswith("Bonjour, je suis Noa Vantrell."), text


# Lines a CV opens on a noun phrase, some of whose first words end in "-ed" or are verbs'
# past forms used as adjectives: each is quoted as a fact, never made "I <line>".
NOT_VERB_FIRST = [
    "Unmatched transactions at month end fell by 40% after the new checks.",
    "Automated tests now cover 90% of the payment platform code.",
    "Seed funding of the payment platform closed in 2021.",
    "Dedicated support desk of the payment platform handled 200 tickets a day.",
]
VERB_FIRST = [
    "Automated the bank reconciliation of the payment platform.",
    "Reconciled 12 bank accounts of the payment platform each month.",
    "Led a team of 5 engineers on the payment platform that grew to 9.",
]


@pytest.mark.parametrize("line", NOT_VERB_FIRST)
def test_an_english_line_not_opening_on_a_verb_is_quoted_as_a_fact(line: str) -> None:
    clause = as_clause(line)
    assert not opens_on_verb(clause)
    said = _line_sentence(line, "en", True)
    assert said == f"In that role: {clause}.", said
    assert not said.startswith("I "), said


@pytest.mark.parametrize("line", VERB_FIRST)
def test_an_english_line_opening_on_the_candidates_verb_is_said_with_i(line: str) -> None:
    assert opens_on_verb(line)
    assert _line_sentence(line, "en", True) == f"I {line[:1].lower()}{line[1:]}"


async def test_the_pitch_says_i_only_before_a_verb_in_both_languages() -> None:
    job = dict(ENGLISH_CV["experience"][0])
    job["bullets"] = [NOT_VERB_FIRST[0], VERB_FIRST[0]]
    text, meta, _ = await written(ENGLISH_CV | {"experience": [job]}, "en")
    assert "I unmatched" not in text and "I seed" not in text, text
    assert ": unmatched transactions at month end fell by 40%" in text, text
    assert "I automated the bank reconciliation" in text, text
    assert meta["droppedClaims"] == 0, meta["dropped"]
    french_job = dict(FRENCH_CV["experience"][0])
    french_job["bullets"] = [
        "Écarts de rapprochement en fin de mois réduits de 40 % après les nouveaux contrôles.",
        "Automatisation du rapprochement bancaire des tableaux de bord de suivi des ventes.",
    ]
    text, meta, _ = await written(FRENCH_CV | {"experience": [french_job]}, "fr")
    # A French line is always quoted as a fact in its frame: never "Je écarts…".
    assert "À ce poste : écarts de rapprochement en fin de mois réduits de 40 %" in text, text
    assert "Je écarts" not in text and "J'écarts" not in text, text
    assert meta["droppedClaims"] == 0, meta["dropped"]


@pytest.mark.parametrize(
    ("language", "written_by_model", "spoken"),
    [
        ("en", "Hello, I am JANE Doe. JANE Doe led the close.", "Hello, I am Jane Doe."),
        ("fr", "Bonjour, je suis JANE Doe, contrôleuse de gestion.", "Bonjour, je suis Jane Doe,"),
    ],
)
def test_the_candidates_name_is_said_as_a_name_whoever_wrote_the_pitch(
    language: str, written_by_model: str, spoken: str
) -> None:
    said = said_names(written_by_model, "JANE Doe")
    assert said.startswith(spoken) and "JANE" not in said, said
    assert said_names("The JANE project, by JANE-X.", "Ada Lee") == "The JANE project, by JANE-X."
