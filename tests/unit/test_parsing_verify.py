"""The check of an LLM's CV extraction against the source text."""

from __future__ import annotations

from app.lib.cv_content import CvContent
from app.lib.parsing.model_import.verify import SourceText, verify_cv

SOURCE = """Camille Durand
Développeuse backend — camille@exemple.fr — 06 12 34 56 78 — linkedin.com/in/camille
Expérience
Développeuse backend senior — Banque Rhône-Alpes, Lyon   janv. 2020 – présent
• Réduction de 40 % du temps de ré-
ponse grâce à Redis.
Compétences : Python, FastAPI
Langues : Anglais courant (C1)
Certifications : CKAD – 2022
"""


def answer(**overrides: object) -> CvContent:
    data = {
        "header": {
            "name": "Camille Durand",
            "current_title": "Développeuse backend",
            "contact": {
                "email": "camille@exemple.fr",
                "phone": "+33 6 12 34 56 78",
                "location": "",
            },
            "links": [{"label": "LinkedIn", "url": "https://www.linkedin.com/in/camille"}],
        },
        "summary": "Développeuse backend. Passionnée par le machine learning.",
        "experience": [
            {
                "id": "e1",
                "title": "Développeuse backend senior",
                "company": "Banque Rhône-Alpes",
                "location": "Lyon",
                "start": "2020-01",
                "end": None,
                "current": True,
                "bullets": [
                    "Réduction de 40 % du temps de réponse grâce à Redis.",
                    "Managed 12 people.",
                ],
                "skills": ["Redis", "Kafka"],
            },
            {"id": "e2", "title": "CTO", "company": "Google", "start": "2015"},
        ],
        "skills": [{"name": "Python", "category": "Cloud"}, {"name": "Rust"}],
        "languages": [
            {"name": "Anglais", "level": "courant (C1)"},
            {"name": "English", "level": "C1"},
        ],
        "extras": {
            "certifications": [
                {"name": "CKAD", "date": "2022"},
                {"name": "AWS SAA", "date": "2021"},
            ]
        },
    }
    data.update(overrides)
    return CvContent.model_validate(data)


def test_only_what_the_source_contains_is_kept() -> None:
    checked, dropped = verify_cv(answer(), SOURCE)
    assert checked.header.name == "Camille Durand"
    assert checked.header.contact.phone == "+33 6 12 34 56 78"  # same digits as the source
    assert [link.url for link in checked.header.links] == ["https://www.linkedin.com/in/camille"]
    assert checked.summary == "Développeuse backend."
    [job] = checked.experience  # the invented CTO job at Google is gone
    assert job.bullets == ["Réduction de 40 % du temps de réponse grâce à Redis."]  # hyphenated
    assert job.skills == ["Redis"]
    assert job.start == "2020-01" and job.current
    assert [(s.name, s.category) for s in checked.skills] == [("Python", "")]
    assert [(x.name, x.level) for x in checked.languages] == [("Anglais", "courant (C1)")]
    assert [c.name for c in checked.extras.certifications] == ["CKAD"]
    values = {str(d["value"]) for d in dropped}
    assert {
        "Managed 12 people.",
        "Kafka",
        "CTO",
        "Google",
        "Rust",
        "Cloud",
        "English",
        "AWS SAA",
    } <= values
    assert "Passionnée par le machine learning." in values


def test_ids_are_fresh_and_a_wrong_date_takes_the_parsers_reading() -> None:
    wrong_year = answer()
    wrong_year.experience[0].start = "2018-01"
    checked, dropped = verify_cv(wrong_year, SOURCE)
    assert checked.experience[0].start == "2020-01"  # "janv. 2020", as the parser reads it
    assert not any(d["field"] == "experience[0].start" for d in dropped)  # a finding instead
    assert checked.experience[0].id.startswith("exp_") and checked.experience[0].id != "e1"


def test_comparison_ignores_case_accents_spaces_and_dashes() -> None:
    source = SourceText("Développeuse  Backend\nSenior — Lyon")
    assert source.has("developpeuse backend senior - lyon")
    assert not source.has("developpeuse frontend")
    assert source.has_url("http://linkedin.com/x") is False
