"""The figures of ``make eval-tailor`` (bench/tailor_metrics.py, bench/tailor_purity.py) on
synthetic CVs: timeline gaps, language purity (on real renders read back with pdfplumber), the
evidence-kept rule and the fact check."""

from __future__ import annotations

import io
from datetime import date

import pdfplumber
import pytest

from app.lib.cv_content import CvContent, Experience, Header, Language, Skill
from app.lib.matching.analysis import OfferText
from app.lib.matching.model import Evidence, MatchAnalysis, Requirement, RequirementMatch
from app.lib.matching.relevance import OfferNeeds
from app.lib.matching.vocabulary import Vocabulary
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.samples import sample_cv
from bench.tailor_metrics import (
    evidence_kept,
    facts_not_in_source,
    new_gaps,
    pdf_word_string,
    shows_text,
)
from bench.tailor_purity import date_units, heading_units, purity

TODAY = date(2026, 6, 15)


def job(ident: str, start: str, end: str | None, *, current: bool = False) -> Experience:
    return Experience(id=ident, title="Planner", company=f"Firm {ident}", start=start, end=end,
                      current=current)  # fmt: skip


def pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


# ------------------------------------------------------------------------------ gaps
def test_dropping_a_middle_job_opens_a_gap_the_source_did_not_have() -> None:
    source = [job("c", "2019-07", None, current=True), job("b", "2017-01", "2019-06"),
              job("a", "2015-01", "2016-12")]  # fmt: skip
    gaps = new_gaps(source, [source[0], source[2]], TODAY)
    assert [(g.months, g.label()) for g in gaps] == [(30, "2017-01…2019-06 (30 months)")]
    assert new_gaps(source, source, TODAY) == []


def test_a_gap_already_in_the_source_or_a_short_dropped_job_is_not_counted() -> None:
    source = [job("c", "2020-01", "2021-12"), job("b", "2018-03", "2018-06"),
              job("a", "2015-01", "2016-12")]  # fmt: skip
    # The source already has 2017-01…2019-12 empty but for a 4-month job: dropping it adds
    # at most 4 months of hole, not a new gap.
    assert new_gaps(source, [source[0], source[2]], TODAY) == []


def test_year_only_ends_cover_their_year_and_current_jobs_run_to_today() -> None:
    source = [job("b", "2021", "2022"), job("m", "2022-03", "2022-10"), job("c", "2023-02", None)]
    # "2021 – 2022" runs to December 2022: without "m" the hole is January 2023 alone.
    assert new_gaps(source, [source[0], source[2]], TODAY) == []
    source = [job("a", "2020-01", "2020-12"), job("now", "2021-01", None, current=True),
              job("y", "2026-01", "2026-05")]  # fmt: skip
    # The current job filled 2021-01…2025-12 in the source: dropping it opens that hole.
    assert [g.months for g in new_gaps(source, [source[0], source[2]], TODAY)] == [60]


# ------------------------------------------------------------------------------ purity
@pytest.fixture(scope="module")
def french_cv() -> CvContent:
    return sample_cv("fr")


def _render(cv: CvContent, locale: str) -> str:
    result = render_to_budget(
        cv.to_json(), design="classic", locale=locale, page_budget=3, relevance=None
    )
    return pdf_text(result.pdf)


def test_a_french_render_is_pure_and_an_english_summary_sentence_is_the_offender(
    french_cv: CvContent,
) -> None:
    tailored = french_cv.model_copy(deep=True)
    tailored.summary = (
        f"{french_cv.summary} Key skills for this role are Python and the design of APIs."
    )
    text = _render(tailored, "fr")
    report = purity(french_cv, tailored, "fr", text)
    kinds = {u.kind for u in report.units}
    assert {"heading", "date", "summary"} <= kinds
    assert [(u.kind, u.language) for u in report.offenders] == [("summary", "en")]
    assert "Key skills for this role" in report.offenders[0].text
    # The source's own sentences and bullets are the user's words: never units.
    assert not any(u.kind == "bullet" for u in report.units)


def test_headings_and_dates_in_the_wrong_locale_are_offenders(french_cv: CvContent) -> None:
    text = _render(french_cv, "en")
    units = heading_units(french_cv, text) + date_units(french_cv, text)
    assert units and all(u.language == "en" for u in units)
    report = purity(french_cv, french_cv, "fr", text)
    assert report.pure == 0 and len(report.offenders) == len(report.units)


def test_date_words_the_user_wrote_do_not_count_as_the_design_locale() -> None:
    cv = CvContent(experience=[job("a", "2023-03", None, current=True)])
    assert date_units(cv, "Planner — Firm a mars 2023 – aujourd'hui")[0].language == "fr"
    # "Présent" in the user's own text is not the design's English "Present".
    assert date_units(cv, "Bénévole 2023 – Présent, mars 2023 – aujourd'hui") == [
        u for u in date_units(cv, "mars 2023 – aujourd'hui")
    ]
    assert date_units(cv, "Volunteer 2023 – Présent") == []


def test_short_texts_cannot_tell_their_language() -> None:
    source = CvContent(header=Header(current_title="Acheteuse"))
    tailored = CvContent(header=Header(current_title="Project Buyer (all genders)"))
    assert purity(source, tailored, "fr", "").units == []  # three words: not enough
    tailored.header.current_title = "Buyer for the hydrogen projects of the group"
    assert [u.language for u in purity(source, tailored, "fr", "").units] == ["en"]


# ------------------------------------------------------------------------------ evidence
VOCAB = Vocabulary(
    {"negotiation": ["negotiation", "négociation"], "sourcing": ["supplier sourcing"]}, {}
)
NEGOTIATION = "Led the negotiation of freight contracts with carriers"
SOURCING = "Ran supplier sourcing for packaging"
FILLER = "Organised the summer party"


def _source() -> CvContent:
    return CvContent(
        experience=[
            Experience(id="e1", title="Buyer", bullets=[SOURCING, NEGOTIATION, FILLER]),
            Experience(id="e2", title="Clerk", bullets=["Filed invoices", "Answered calls"]),
        ],
        skills=[Skill(name="Negotiation"), Skill(name="Origami")],
    )


def _analysis(source: CvContent) -> MatchAnalysis:
    req = Requirement("r1", "negotiation", "must", "skill", frozenset({"negotiation"}))
    quote = source.experience[0].bullets[1]
    ev = Evidence(quote, "experience", item_id="e1", index=1)
    return MatchAnalysis(0.5, 0.5, None, [RequirementMatch(req, [ev])], [], [], [])


def _needs() -> OfferNeeds:
    return OfferNeeds(OfferText(skills=["negotiation", "supplier sourcing"]), VOCAB)


def test_a_kept_evidence_bullet_is_found_word_for_word_across_line_breaks() -> None:
    words = pdf_word_string("BUYER\n• Led the negotiation of freight\ncontracts with carriers")
    assert shows_text(words, NEGOTIATION)
    assert not shows_text(words, "Led the negotiation of contracts")


def test_a_missing_evidence_bullet_fails_while_lower_use_content_stays() -> None:
    source = _source()
    tailored = source.model_copy(deep=True)
    tailored.experience[0].bullets = [SOURCING, FILLER]  # the evidence went, the filler stayed
    tailored.skills = [Skill(name="Negotiation")]
    pdf = f"Buyer {SOURCING} {FILLER} Clerk Filed invoices Negotiation"
    report = evidence_kept(source, _analysis(source), tailored, set(), pdf, _needs())
    assert (report.kept, report.total) == (0, 1)
    assert report.failures == [NEGOTIATION] and report.missing_at == ["job 1, bullet 2"]
    assert f"bullet: {FILLER}" in report.lower_use


def test_a_missing_evidence_bullet_is_no_failure_when_nothing_of_lower_use_is_left() -> None:
    source = _source()
    tailored = source.model_copy(deep=True)
    tailored.experience[0].bullets = [SOURCING, NEGOTIATION]
    tailored.experience[1].bullets = ["Filed invoices"]  # an item's first bullet stays
    tailored.skills = [Skill(name="Negotiation")]
    # The render cut the evidence bullet: everything left is asked for or an item's first.
    pdf = f"Buyer {SOURCING} Clerk Filed invoices Negotiation"
    report = evidence_kept(source, _analysis(source), tailored, {"e1:1"}, pdf, _needs())
    assert report.missing == [NEGOTIATION] and report.failures == []
    # An interest or a skill nobody asks for could have gone first.
    tailored.extras.interests = ["Chess"]
    tailored.skills.append(Skill(name="Origami"))
    report = evidence_kept(source, _analysis(source), tailored, {"e1:1"}, pdf, _needs())
    assert report.failures == [NEGOTIATION]
    assert report.lower_use == ["interest: Chess", "skill: Origami"]


def test_evidence_in_the_pdf_counts_as_kept() -> None:
    source = _source()
    pdf = f"Buyer {SOURCING} {NEGOTIATION} {FILLER}"
    report = evidence_kept(source, _analysis(source), source, set(), pdf, _needs())
    assert (report.kept, report.total, report.failures) == (1, 1, [])


# ------------------------------------------------------------------------------ facts
def test_facts_not_in_the_source_are_listed_and_converted_levels_are_not() -> None:
    source = CvContent(
        header=Header(current_title="Buyer"),
        summary="Buyer at Acme for 6 years.",
        experience=[job("a", "2019-01", "2024-12")],
        skills=[Skill(name="SAP")],
        languages=[Language(name="English", level="C1")],
    )
    tailored = source.model_copy(deep=True)
    tailored.header.current_title = "Project Buyer"  # the offer's title: allowed
    tailored.languages = [Language(name="English", level="Fluent")]  # C1 in other words
    assert facts_not_in_source(source, tailored, "Project Buyer") == []
    tailored.summary = "Buyer at Acme and Globex for 8 years."
    tailored.skills.append(Skill(name="Kubernetes"))
    tailored.experience[0].end = "2025-06"
    tailored.languages = [Language(name="English", level="C2")]
    assert facts_not_in_source(source, tailored, "Project Buyer") == [
        "summary: 8",
        "summary: Globex",
        "date: 2025-06",
        "skill: Kubernetes",
        "language level: English C2",
    ]
