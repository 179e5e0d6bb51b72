"""Code has the last word on a classification: what a model may move to projects or remove."""

from __future__ import annotations

from datetime import date

from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText
from app.lib.matching.relevance import OfferNeeds
from jobs.pipeline.core.classify_rules import enforce_rules, has_employer
from jobs.pipeline.core.context import OfferBrief, OfferContext
from jobs.pipeline.core.reasons import decision_reasons
from jobs.pipeline.core.schemas import Classification, Decision, ItemDecision

TODAY = date(2026, 11, 1)
OFFER = OfferBrief(
    id="o1",
    title="Backend Developer",
    company="Harbour Freight",
    location="Lille",
    language="en",
    description="We need a backend developer. Python and PostgreSQL are a must.",
    requirements=["Python", "PostgreSQL"],
    skills=["Python", "PostgreSQL"],
)


def _exp(
    id_: str, title: str, company: str, start: str, end: str, bullet: str
) -> dict[str, object]:
    return {"id": id_, "title": title, "company": company, "start": start, "end": end,
            "bullets": [bullet]}  # fmt: skip


CV = CvContent.model_validate(
    {
        "experience": [
            _exp("job", "Backend Engineer", "Quayside Ltd", "2022-01", "2024-01", "Ran payroll"),
            _exp(
                "side", "Side project: recipe app", "", "2021-01", "2021-12", "Wrote a recipe app"
            ),
            _exp("hack", "Hackathon winner", "CityHack", "2020-05", "2020-05", "Built a bot"),
            _exp("free", "Web developer", "Freelance", "2019-01", "2019-12", "Made websites"),
            _exp("intern", "Software intern", "Dockyard SA", "2017-01", "2017-06", "Wrote Python"),
            _exp("waiter", "Waiter", "Bistro Nord", "2008-01", "2016-12", "Served tables"),
            _exp("clerk", "Clerk", "Mill & Co", "2005-01", "2007-12", "Filed letters"),
        ],
        "projects": [
            {"id": "p_old", "name": "Stamp catalogue", "end": "2010", "bullets": ["Sorted stamps"]},
            {"id": "p_sql", "name": "Query tool", "end": "2011", "bullets": ["PostgreSQL tool"]},
            {"id": "p_new", "name": "Garden planner", "end": "2025", "bullets": ["Drew plans"]},
        ],
    }
)


def _ctx(language: str = "en") -> OfferContext:
    return OfferContext(
        task_id="t", offer_row_id="r", offer_index=0, total_offers=1, user_id="u",
        source=CV, offer=OFFER, language=language, today=TODAY,
    )  # fmt: skip


def _all(decision: Decision) -> Classification:
    return Classification(
        experiences=[
            ItemDecision(id=e.id, decision=decision, reason="model says so") for e in CV.experience
        ],
        projects=[ItemDecision(id=p.id, decision=decision, reason="model") for p in CV.projects],
    )


def _decisions(out: Classification) -> dict[str, str]:
    return {d.id: d.decision for d in out.experiences + out.projects}


def test_employer_relationship() -> None:
    by_id = {e.id: e for e in CV.experience}
    assert [i for i in by_id if not has_employer(by_id[i])] == ["side", "hack", "free"]
    job = by_id["job"]
    for company in ("Indépendante", "auto-entrepreneur", "Self-employed", "  "):
        assert not has_employer(job.model_copy(update={"company": company})), company
    for title in ("Contributeur open source", "Projet personnel : site web"):
        assert not has_employer(job.model_copy(update={"title": title})), title
    # A freelance mission for a named client, or an independent firm, is a job.
    for company in ("Freelance for Harbour Freight", "Independent Insurance Ltd"):
        assert has_employer(job.model_copy(update={"company": company})), company


def test_only_items_without_an_employer_move_to_projects() -> None:
    out, checked = enforce_rules(_all("MOVE_TO_PROJECTS"), _ctx())
    decisions = _decisions(out)
    assert {i for i, d in decisions.items() if d == "MOVE_TO_PROJECTS"} == {"side", "hack", "free"}
    assert decisions["job"] == decisions["intern"] == decisions["waiter"] == "KEEP"
    assert checked.bad == []
    job = next(d for d in out.experiences if d.id == "job")
    assert job.reason == "Kept as an experience: a job at Quayside Ltd, not a personal project"
    # Projects are never "moved to projects": they stay projects.
    assert {decisions[p] for p in ("p_old", "p_sql", "p_new")} == {"KEEP"}


def test_refused_move_has_its_reason_code_in_both_languages() -> None:
    needs = OfferNeeds(OfferText.of(OFFER))
    for language, sentence in (
        ("en", "Kept as an experience: a job at Quayside Ltd, not a personal project"),
        ("fr", "Gardée comme expérience : un emploi chez Quayside Ltd, pas un projet personnel"),
    ):
        out, _ = enforce_rules(_all("MOVE_TO_PROJECTS"), _ctx(language))
        assert next(d for d in out.experiences if d.id == "job").reason == sentence
        codes = decision_reasons(CV, out, needs, TODAY)
        assert codes["job"] == {"code": "employer_job", "params": {"company": "Quayside Ltd"}}
        assert codes["side"]["code"] == "side_project"
    # A model's own KEEP of the same job is not a refused move.
    kept, _ = enforce_rules(_all("KEEP"), _ctx())
    assert decision_reasons(CV, kept, needs, TODAY)["job"]["code"] == "recent"


def test_remove_needs_both_age_and_no_evidence() -> None:
    out, _ = enforce_rules(_all("REMOVE"), _ctx())
    decisions = _decisions(out)
    # Recent: kept whatever it shows; old but shows Python: kept; old and unrelated: may go.
    assert decisions["job"] == "KEEP"
    assert decisions["intern"] == "KEEP"
    # Old and unrelated; at the start of the timeline, so no hole is left between two jobs:
    # one line each, which the page budget takes out first, only to fit (core/sendable.py).
    assert decisions["clerk"] == decisions["waiter"] == "CONDENSE"
    codes = decision_reasons(CV, out, OfferNeeds(OfferText.of(OFFER)), TODAY)
    assert codes["clerk"]["code"] == "old_unrelated_line"
    # While the clerk's line stands, taking the waiter's out would leave a hole between jobs.
    assert codes["waiter"]["code"] == "condensed_gap"
    intern = next(d for d in out.experiences if d.id == "intern")
    assert "Python" in intern.reason
    # Projects on the same terms: old and unrelated goes; evidence or recent stays.
    assert (decisions["p_old"], decisions["p_sql"], decisions["p_new"]) == (
        "REMOVE",
        "KEEP",
        "KEEP",
    )


def test_condense_is_checked_like_remove_and_unclassified_items_stay() -> None:
    given = _all("CONDENSE")
    given.experiences = [d for d in given.experiences if d.id != "clerk"]
    out, _ = enforce_rules(given, _ctx())
    decisions = _decisions(out)
    assert decisions["job"] == decisions["intern"] == "KEEP"
    assert decisions["waiter"] == "CONDENSE"  # old and unrelated: the model's choice stands
    assert decisions["clerk"] == "KEEP"  # the model forgot it: kept, never lost
    assert [d.id for d in out.experiences] == [e.id for e in CV.experience]
    assert decisions["p_old"] == "KEEP"  # a project has no one-line form


def test_an_offer_read_too_thinly_removes_nothing() -> None:
    thin = OfferBrief(
        id="o2", title="Agent", company="Harbour Freight", location="", language="en",
        description="Join us.", requirements=["Python"],
    )  # fmt: skip
    ctx = OfferContext(
        task_id="t", offer_row_id="r", offer_index=0, total_offers=1, user_id="u",
        source=CV, offer=thin, language="en", today=TODAY,
    )  # fmt: skip
    out, _ = enforce_rules(_all("REMOVE"), ctx)
    decisions = _decisions(out)
    assert decisions["clerk"] == decisions["waiter"] == decisions["p_old"] == "KEEP"
