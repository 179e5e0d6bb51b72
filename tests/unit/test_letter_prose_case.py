"""Names and titles in a letter's sentences as a person writes them (jobs/letters/core/
prose_case.py): capitals of headings and employers become a name's case, acronyms stay, a
French title is in lower case mid-sentence, a title opening on its contract reads as the role
with its contract after it, and a headline listing fields is no title. Synthetic CVs only."""

from __future__ import annotations

import datetime

import pytest

from app.lib.cv_content import CvContent, Experience, Header
from jobs.letters.core.prose_case import prose_name, prose_title
from jobs.letters.request import LetterRequest
from jobs.letters.writer import write_letter


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("BRIVARA CONSEIL SAS", "Brivara Conseil SAS"),
        ("QUILLSTONETEC", "Quillstonetec"),  # a long coined name
        ("SNCF", "SNCF"),  # an acronym
        ("DOLCE&GABBANA", "Dolce&Gabbana"),
        ("Sopra Steria", "Sopra Steria"),
        ("IT SERVICES GROUP", "IT Services Group"),  # two letters: an acronym, not "it"
        ("Built AI tools for IT teams", "Built AI tools for IT teams"),
        ("VT-RT-PT INSPECTION", "VT-RT-PT Inspection"),  # short parts joined: acronyms
        ("R&D CENTER", "R&D Center"),
        ("L'ORVANE", "L'Orvane"),  # a long coined name with its article
        ("MASTER OF SCIENCE", "Master of Science"),
    ],
)
def test_names(name: str, shown: str) -> None:
    assert prose_name(name) == shown


@pytest.mark.parametrize(
    ("title", "fr", "en"),
    [
        ("DÉVELOPPEUR/INTÉGRATEUR WEB", "développeur/intégrateur web",
         "Développeur/Intégrateur Web"),
        ("Alternance au poste de Solution Builder", "Solution Builder en alternance",
         "Solution Builder (apprenticeship)"),
        ("Stage : Ingénieur data", "ingénieur data en stage", "Ingénieur data (internship)"),
        ("Développeur web", "développeur web", "Développeur web"),
        ("Data Analyst", "Data Analyst", "Data Analyst"),
        ("DÉVELOPPEMENT · FONCTIONNEL · DATA", "", ""),
    ],
)  # fmt: skip
def test_titles(title: str, fr: str, en: str) -> None:
    assert prose_title(title, "fr") == fr
    assert prose_title(title, "en") == en


async def test_a_letter_from_a_cv_in_capitals_reads_in_sentence_case() -> None:
    cv = CvContent(
        header=Header(name="Lina Morel", current_title="DÉVELOPPEMENT · FONCTIONNEL · DATA"),
        experience=[
            Experience(
                id="e1",
                title="Alternance au poste de Solution Builder",
                company="BRIVARA CONSEIL SAS",
                start="2023-09",
                bullets=["Conception des tableaux de bord de suivi des ventes pour 3 équipes."],
            )
        ],
    )
    request = LetterRequest(
        cv=cv,
        offer_title="Chargé de projet data",
        offer_company="QUILLSTONE",
        offer_location="Lyon",
        offer_text="Chargé de projet data. Tableaux de bord, suivi des ventes.",
        offer_requirements=["Tableaux de bord"],
        offer_language="fr",
        length="standard",
        tone="formal",
        template="",
        today=datetime.date(2026, 3, 1),
    )
    text = "\n".join((await write_letter(request, None)).content.paragraphs)
    assert "Solution Builder en alternance chez Brivara Conseil SAS" in text
    assert "DÉVELOPPEMENT" not in text and "BRIVARA" not in text
    assert "qu'Alternance" not in text and "de Alternance" not in text
