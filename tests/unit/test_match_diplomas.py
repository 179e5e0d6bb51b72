"""A degree the ad asks for is shown by a diploma of the CV, and only by one
(app/lib/matching/evidence.py ``DIPLOMAS``, app/lib/matching/requirements.py
``degree_levels``): a job's line that speaks of a degree ("mentored master's students") shows
none, a field of study alone ("Sciences informatiques" at school) is partial, and a higher
diploma implies a lower one."""

from __future__ import annotations

from typing import Any

from app.lib.achievement_lines import evidence_of
from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText, analyse
from app.lib.matching.evidence import BANK_SECTION
from app.lib.matching.requirements import degree_levels
from app.lib.matching.vocabulary import default_vocabulary


def _cv(education: list[dict[str, Any]], bullets: list[str] | None = None) -> CvContent:
    return CvContent.model_validate(
        {
            "header": {"name": "Sam Example", "current_title": "Developer"},
            "experience": [
                {
                    "id": "exp_1",
                    "title": "Teaching assistant",
                    "company": "North University",
                    "bullets": bullets or ["Ran the weekly lab sessions of the first year"],
                }
            ],
            "education": education,
        }
    )


def _line(cv: CvContent, offer: OfferText, text: str) -> tuple[str, str | None]:
    found = next(m for m in analyse(cv, offer).requirements if m.requirement.text == text)
    return found.status, found.evidence[0].quote if found.evidence else None


MSC_AD = OfferText(
    title="Data engineer",
    description="Profil : Bac+5 en informatique.\nCompétences : Python.",
    requirements=["Bac+5 en informatique."],
    skills=["Bac+5"],
    language="fr",
)
MASTER_AD = OfferText(
    title="Développeur Java en alternance",
    description="Compétences : Master informatique, Java.",
    requirements=[],
    skills=["Master informatique", "Java"],
    language="fr",
)


def test_a_degree_a_job_line_speaks_of_is_no_diploma() -> None:
    mentor = _cv(
        [{"id": "edu_1", "degree": "Licence de physique", "institution": "North University"}],
        ["MSc Mentor - mentored groups of master's students every week"],
    )
    assert _line(mentor, MSC_AD, "Bac+5") == ("missing", None)
    held = _cv([{"id": "edu_1", "degree": "MSc Data Science", "institution": "North University"}])
    assert _line(held, MSC_AD, "Bac+5") == ("supported", "MSc Data Science")


def test_a_higher_diploma_answers_for_the_lower_one() -> None:
    doctor = _cv([{"id": "edu_1", "degree": "PhD in Physics", "institution": "North University"}])
    # A degree is held, not worded: the PhD is a Bac+5 as said, not only implied.
    assert _line(doctor, MSC_AD, "Bac+5") == ("supported", "PhD in Physics")
    school = _cv([{"id": "edu_1", "degree": "Baccalauréat", "institution": "Lycée du Parc"}])
    assert _line(school, MSC_AD, "Bac+5") == ("missing", None)


def test_the_users_own_statement_may_name_a_diploma() -> None:
    """An answer to a missing degree ("asked, never written") enters the bank as the user's
    statement: it counts for the degree in the ceiling, as any achievement does."""
    cv = _cv([{"id": "edu_1", "degree": "Licence de physique", "institution": "North U"}])
    story = {
        "situation": "",
        "task": "",
        "action": "I hold an MSc in Physics (2019).",
        "result": "",
    }
    cv.experience[0].evidence.append(evidence_of("ach_1", "MSc", story, [], "en"))
    found = next(m for m in analyse(cv, MSC_AD).requirements if m.requirement.text == "Bac+5")
    assert found.covered and found.evidence[0].section == BANK_SECTION


def test_a_degree_asked_for_is_not_shown_by_its_field_alone() -> None:
    school = _cv(
        [
            {
                "id": "edu_1",
                "degree": "Baccalauréat général",
                "institution": "Lycée du Parc",
                "description": "Spécialités : Sciences informatiques et mathématiques",
            }
        ]
    )
    assert _line(school, MASTER_AD, "Master informatique")[0] == "partial"
    master = _cv(
        [{"id": "edu_1", "degree": "Master 2 Informatique", "institution": "Université de Lyon"}]
    )
    assert _line(master, MASTER_AD, "Master informatique")[0] == "supported"


def test_the_levels_an_ad_asks_for() -> None:
    vocabulary = default_vocabulary()
    asked = {
        "Master informatique": {"master_degree"},
        "Vous êtes étudiant(e) en Master informatique ou équivalent.": {"master_degree"},
        "Bac+5 en finance": {"master_degree"},
        "BTS MUC ou équivalent": {"short_cycle_degree"},
        "Bachelor's degree in Accounting or related field": {"bachelor_degree"},
        # Not a degree: a verb, a role's name, a licence to drive.
        "You master the tools.": set(),
        "Scrum Master certification": set(),
        "Full UK driving licence required": set(),
    }
    for text, levels in asked.items():
        assert degree_levels(text, vocabulary) == levels, text
