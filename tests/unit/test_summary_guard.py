"""The summary is judged sentence by sentence as a claim of the whole CV, and speaks without a
subject (the local model wrote "Alex Martin is…" and claims the CV never makes)."""

from __future__ import annotations

from app.lib.cv_content import CvContent
from jobs.pipeline.core.fact_guard import SourceCorpus
from jobs.pipeline.core.phase_guards import summary_guard
from jobs.pipeline.core.rules import TextRules
from jobs.pipeline.core.schemas import Summary
from jobs.pipeline.core.text_rules import third_person
from tests.factories import EN_CV, EN_OFFER

CV = CvContent.from_json(EN_CV)
OFFER = EN_OFFER["description"]


def _guard(text: str) -> tuple[str, list[str], list[str]]:
    cleaned, checked = summary_guard(SourceCorpus.of(CV, OFFER), TextRules("en", CV))(
        Summary(summary=text)
    )
    return cleaned.summary, checked.bad, list(getattr(cleaned, "fallbacks", []))


def test_a_summary_naming_the_candidate_breaks_the_rules() -> None:
    kept = "Backend engineer building Python services and parcel APIs."
    text, bad, fallbacks = _guard(f"Alex Martin is a backend engineer at Acme Logistics. {kept}")
    assert text == kept
    assert "third person" in bad[0] and "third_person" in fallbacks


def test_third_person_pronouns_open_a_sentence_and_names_are_words() -> None:
    assert third_person("Built APIs. He led a team of 4.", []) == ["He"]
    assert third_person("Il a conçu des API.", []) == ["Il"]
    assert third_person("Backend engineer with Alexandra's team.", ["Alex"]) == []
    assert third_person("ALEX builds APIs", ["Alex"]) == ["Alex"]


def test_a_company_named_like_the_candidate_may_be_named() -> None:
    cv = CvContent.from_json(
        {**EN_CV, "experience": [{**EN_CV["experience"][0], "company": "Martin Freight"}]}
    )
    assert "Martin" not in TextRules("en", cv).name_parts
    assert "Alex" in TextRules("en", cv).name_parts


def test_an_offer_mission_or_an_unsupported_activity_is_cut_from_the_summary() -> None:
    honest = "Backend engineer building reliable Python services."
    copied = "Looking to build parcel tracking APIs with PostgreSQL and Redis."
    invented = "Leads machine learning research on recommendation engines for retail chains."
    text, bad, _ = _guard(f"{honest} {copied} {invented}")
    assert text == honest
    assert len(bad) == 2


def test_a_summary_in_another_language_than_the_cv_never_stands_in_for_a_refused_one() -> None:
    # English source summary, French CV: a refused French summary leaves no summary rather
    # than the English one (nor a line the candidate never wrote); an English CV keeps the
    # source's sentences.
    cleaned, checked = summary_guard(SourceCorpus.of(CV, OFFER), TextRules("fr", CV))(
        Summary(summary="Alex Martin est ingénieur backend chez Acme Logistics.")
    )
    assert checked.bad
    assert cleaned.summary == ""
    assert TextRules("en", CV).summary_fallback == CV.summary


def test_the_authors_first_person_is_not_what_stands_for_a_refused_summary() -> None:
    cv = CvContent.from_json({**EN_CV, "summary": "I build Python services. Backend engineer."})
    assert TextRules("en", cv).summary_fallback == "Backend engineer."
    only_me = CvContent.from_json({**EN_CV, "summary": "I build reliable Python services."})
    assert TextRules("en", only_me).summary_fallback == ""
