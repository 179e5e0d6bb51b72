"""Over-drops of the letter's fact guard that ``make eval-letters`` found on real pairs,
here with fictional text: a one-letter skill the CV lists ("R") refused as not shown, the
offer's company name read with a frame word as a topic ("poste" + "Jobs …" = "job postings"), and
the verb "excel" read as the spreadsheet."""

from __future__ import annotations

from app.lib.cv_content import CvContent
from jobs.letters.core.guard import SKILL_NOT_IN_CV, LetterGuard, offer_allowed
from tests.factories import EN_CV, FR_CV


def test_a_one_letter_skill_the_cv_lists_passes() -> None:
    skills = [{"name": name} for name in ("Python", "R", "C", "SQL")]
    cv = CvContent.from_json({**EN_CV, "skills": skills})
    guard = LetterGuard(cv, "en", offer_allowed("Data Analyst", "Parcel Express", "Lyon"))
    assert guard.problems("My skills in R and SQL match the requirements of the position.") == []


def test_a_one_letter_skill_the_cv_does_not_list_is_still_refused() -> None:
    skills = [{"name": name} for name in ("Python", "C", "SQL")]
    cv = CvContent.from_json({**EN_CV, "skills": skills})
    guard = LetterGuard(cv, "en", offer_allowed("Data Analyst", "Parcel Express", "Lyon"))
    problems = guard.problems("My skills in R and SQL match the requirements of the position.")
    assert [p.code for p in problems] == [SKILL_NOT_IN_CV] and problems[0].tokens == ("R",)


def test_the_offers_company_name_is_no_topic_with_the_words_around_it() -> None:
    guard = LetterGuard(
        CvContent.from_json(FR_CV), "fr", offer_allowed("Assistant RH", "Jobs Direct", "Paris")
    )
    sentence = "Je vous adresse ma candidature au poste de Assistant RH chez Jobs Direct."
    assert guard.problems(sentence) == []


def test_a_topic_claimed_beside_the_company_name_is_still_refused() -> None:
    guard = LetterGuard(
        CvContent.from_json(FR_CV), "fr", offer_allowed("Assistant RH", "Jobs Direct", "Paris")
    )
    sentence = "Chez Jobs Direct, je rédigerai les fiches de poste grâce à mon expérience."
    problems = guard.problems(sentence)
    assert any(p.code == SKILL_NOT_IN_CV for p in problems), problems


# A miss of the same measurement: the skills of the offer's title were allowed everywhere, so a
# letter could claim the title's field ("HR Assistant" → "my background in human resources")
# though the CV never shows it. The title is a name the letter may write, not a claim.
def _hr_guard() -> LetterGuard:
    cv = CvContent.from_json(EN_CV)  # a backend developer: nothing of human resources
    return LetterGuard(cv, "en", offer_allowed("HR Assistant, Recruitment", "Jobs Direct", "Lyon"))


def test_the_offers_title_is_written_but_its_field_is_not_claimed() -> None:
    guard = _hr_guard()
    assert guard.problems("I am applying for the HR Assistant position at Jobs Direct.") == []
    assert guard.problems("I would like to join Jobs Direct as HR Assistant.") == []
    problems = guard.problems("My background in human resources prepared me for this role.")
    assert any(p.code == SKILL_NOT_IN_CV for p in problems), problems


def test_a_skill_in_the_title_is_not_a_skill_of_the_cv() -> None:
    cv = CvContent.from_json({**FR_CV, "skills": []})
    guard = LetterGuard(cv, "en", offer_allowed("Kafka Platform Engineer", "Acme", "Lyon"))
    assert guard.problems("I am applying for the Kafka Platform Engineer position.") == []
    problems = guard.problems("I have run Kafka clusters for years.")
    assert problems, "a skill only the title names passed"


def test_the_verb_excel_is_not_the_spreadsheet() -> None:
    cv = CvContent.from_json(EN_CV)  # a backend developer: no Excel among the skills
    guard = LetterGuard(cv, "en", offer_allowed("Data Analyst", "Parcel Express", "Lyon"))
    assert guard.problems("I excel at building reliable Python services.") == []
    problems = guard.problems("I build my reports in Excel every week.")
    assert any(p.code == SKILL_NOT_IN_CV and "Excel" in p.tokens for p in problems), problems
