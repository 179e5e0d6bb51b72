"""Interview prep built from the match ledger, on a synthetic CV and ads: one competence question
per requirement, situation questions for the supported ones with a STAR achievement first, gap
questions for the missing and partial ones marked "no evidence yet" when nothing answers them,
the questions worded in the ad's language while every quote stays exactly as the CV or the bank
writes it, and nothing the fact guard would refuse shown as the candidate's."""

from __future__ import annotations

from app.domain.interview.questions import (
    COMPETENCE_LANGUAGE,
    COMPETENCE_SKILL,
    GAP_MISSING,
    GAP_PARTIAL,
    MOTIVATION_COMPANY,
    MOTIVATION_ROLE,
    SITUATION,
    build_prep,
)
from app.domain.interview.view import question_text, sheet, shown
from app.lib.cv_content import CvContent
from app.lib.cv_content import Evidence as BankStory
from app.lib.markdown_export.sheet import sheet_markdown
from app.lib.matching.analysis import OfferText, analyse
from app.lib.matching.evidence import cv_fields
from app.lib.matching.quotes import holds
from jobs.pipeline.core.fact_guard import SourceCorpus, unsupported_claims

EN_CV = {
    "header": {"name": "Robin Example", "current_title": "Backend developer"},
    "summary": "Backend developer who ships small, well-tested services.",
    "experience": [
        {
            "id": "exp_parcel",
            "title": "Backend developer",
            "company": "Parcel Co",
            "bullets": [
                "Built the Python billing service used by 40 shops.",
                "Tuned PostgreSQL queries of the order history pages.",
            ],
        }
    ],
    "skills": [{"name": "Python"}, {"name": "PostgreSQL"}],
    "languages": [{"name": "English", "level": "native"}],
}
STORY = BankStory(
    achievement_id="ach_1",
    title="Billing rewrite",
    situation="Invoices left late every month at Parcel Co.",
    task="I had to make billing run on time.",
    action="I rewrote the Python billing jobs and added tests.",
    result="Invoices now leave on the 1st; late payments fell by a third.",
    language="en",
)
FR_AD = OfferText(
    title="Développeur backend",
    description=(
        "Nous recherchons un développeur backend Python. Vous maîtrisez PostgreSQL. "
        "Vous déployez nos services sur Kubernetes. Anglais courant."
    ),
    requirements=["Python", "PostgreSQL", "Vous déployez nos services sur Kubernetes"],
    skills=["Python", "PostgreSQL", "Kubernetes"],
    languages=["Anglais"],
    language="fr",
)


def _cv(with_story: bool = True) -> CvContent:
    cv = CvContent.model_validate(EN_CV)
    if with_story:
        cv.experience[0].evidence.append(STORY)
    return cv


def _prep(cv: CvContent, ad: OfferText = FR_AD, language: str = "fr"):  # type: ignore[no-untyped-def]
    analysis = analyse(cv, ad)
    return analysis, build_prep(
        analysis, cv, language=language, company="Colis SA", role="Développeur backend"
    )


def test_one_competence_question_per_requirement_in_the_ledgers_words() -> None:
    analysis, prep = _prep(_cv())
    competence = prep.of_kind("competence")
    assert [q.requirement_id for q in competence] == [
        m.requirement.id for m in analysis.requirements
    ]
    assert [q.params["requirement"] for q in competence] == [
        m.requirement.text for m in analysis.requirements
    ]
    codes = {q.params["requirement"]: q.code for q in competence}
    assert codes["Python"] == COMPETENCE_SKILL
    assert any(code == COMPETENCE_LANGUAGE for code in codes.values())
    motivation = prep.of_kind("motivation")
    assert [q.code for q in motivation] == [MOTIVATION_COMPANY, MOTIVATION_ROLE]
    assert [q.kind for q in prep.questions] == sorted(
        (q.kind for q in prep.questions),
        key=["motivation", "competence", "situation", "gap"].index,
    )
    assert [q.id for q in prep.questions] == [f"q{n}" for n in range(1, len(prep.questions) + 1)]


def test_situation_questions_answer_with_the_banks_star_story_first() -> None:
    analysis, prep = _prep(_cv())
    supported = {m.requirement.id for m in analysis.requirements if m.status == "supported"}
    situation = prep.of_kind("situation")
    assert situation and all(q.code == SITUATION for q in situation)
    assert {q.requirement_id for q in situation} <= supported
    python = next(q for q in situation if q.params["requirement"] == "Python")
    first = python.proofs[0]
    assert first.kind == "achievement" and first.achievement_id == "ach_1"
    assert first.where == "Billing rewrite"
    assert first.star == {
        "situation": STORY.situation,
        "task": STORY.task,
        "action": STORY.action,
        "result": STORY.result,
    }
    assert python.experience_id == "exp_parcel"


def test_missing_requirements_become_gap_questions_marked_without_evidence() -> None:
    analysis, prep = _prep(_cv())
    status = {m.requirement.id: m.status for m in analysis.requirements}
    gaps = prep.of_kind("gap")
    assert {q.requirement_id for q in gaps} == {i for i, s in status.items() if s != "supported"}
    kube = next(q for q in gaps if "Kubernetes" in q.params["requirement"])
    assert kube.code == GAP_MISSING and kube.no_evidence and kube.as_json()["noEvidence"]
    assert all(q.code == GAP_PARTIAL and q.proofs for q in gaps if q.status == "partial")
    company = prep.of_kind("motivation")[0]
    assert company.no_evidence  # the user's own reasons: nothing to quote


def test_every_quote_is_the_cv_or_the_bank_exactly_and_passes_the_fact_guard() -> None:
    cv = _cv()
    _, prep = _prep(cv)
    fields = [*cv_fields(cv), *STORY.lines()]
    corpus = SourceCorpus(cv.full_text())
    quoted = 0
    for question in prep.questions:
        for proof in question.proofs:
            for text in (proof.quote, *proof.star.values()):
                assert holds(fields, text), text
                assert unsupported_claims(text, corpus) == [], text
                quoted += 1
    assert quoted >= 5
    # A quote the CV never wrote would be refused: the check can fail.
    assert unsupported_claims("Ran Kubernetes for 300 shops.", corpus)


def test_an_english_cv_for_a_french_ad_gets_french_questions_and_english_quotes() -> None:
    _, prep = _prep(_cv())
    assert prep.language == "fr"
    groups = shown(prep)
    texts = [item.text for group in groups for item in group.questions]
    assert texts[0] == "Pourquoi voulez-vous rejoindre Colis SA ?"
    assert "L'offre demande « Kubernetes », que votre CV ne montre pas" in " ".join(texts)
    python = next(i for g in groups for i in g.questions if i.question.kind == "situation")
    assert python.text.startswith("Parlez-nous d'une fois où votre travail demandait « Python »")
    # The evidence is not translated: the bank's English story, as written.
    assert python.proofs[0].star[-1][1] == STORY.result
    # The same prep for an English ad reads in English.
    assert question_text(MOTIVATION_COMPANY, {"company": "Colis SA"}, "en") == (
        "Why do you want to join Colis SA?"
    )


def test_without_the_bank_a_situation_is_answered_with_the_cv_bullet_and_where() -> None:
    _, prep = _prep(_cv(with_story=False))
    python = next(q for q in prep.of_kind("situation") if q.params["requirement"] == "Python")
    proof = python.proofs[0]
    assert proof.kind == "cv" and proof.star == {}
    assert proof.quote in "Built the Python billing service used by 40 shops." or proof.quote in {
        s["name"] for s in EN_CV["skills"]
    }
    assert proof.section in {"experience", "skills"}


def test_the_sheet_and_its_markdown_keep_the_quotes_as_written() -> None:
    _, prep = _prep(_cv())
    printable = sheet(prep, title="Préparer l’entretien", subtitle="Développeur backend — Colis SA")
    assert printable["lang"] == "fr"
    lines = [line for s in printable["sections"] for i in s["items"] for line in i["lines"]]
    assert any(line["text"] == STORY.result for line in lines)
    markdown = sheet_markdown(printable).replace("\\", "")
    assert STORY.result in markdown
    assert "« " + STORY.result + " »" in markdown
