"""The offline engine's choices, phase by phase (jobs/pipeline/core/offline.py): it selects and
reorders the CV's own text, led by what the offer asks for, and never writes anything new."""

from __future__ import annotations

import asyncio
from datetime import date

import pytest

from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText
from app.lib.matching.relevance import OfferNeeds
from jobs.pipeline.core import offline
from jobs.pipeline.core.classify_rules import enforce_rules
from jobs.pipeline.core.context import OfferBrief, OfferContext
from jobs.pipeline.core.schemas import Summary

SOURCE = CvContent.model_validate(
    {
        "header": {"name": "Robin Vega", "current_title": "Data Engineer"},
        "summary": "Enjoys cycling to work. Builds Airflow pipelines on PostgreSQL.",
        "experience": [
            {
                "id": "e_now",
                "title": "Data Engineer",
                "company": "Northwind",
                "start": "2022-01",
                "current": True,
                "bullets": [
                    "Ran the office book club",
                    "Organised team lunches",
                    "Wrote 40 Airflow jobs",
                    "Tuned PostgreSQL queries",
                    "Cleaned the kitchen",
                ],
                "skills": ["Excel", "Airflow"],
            },
            {
                "id": "e_old_match",
                "title": "Developer",
                "company": "Contoso",
                "start": "2010-01",
                "end": "2012-12",
                "bullets": ["Built Airflow schedulers"],
            },
            {
                "id": "e_old",
                "title": "Waiter",
                "company": "Cafe Bleu",
                "start": "2008-01",
                "end": "2009-12",
                "bullets": ["Served tables"],
            },
            {
                "id": "e_recent",
                "title": "Shop assistant",
                "company": "Litware",
                "start": "2021-01",
                "end": "2021-12",
                "bullets": ["Sold shoes"],
            },
            {
                "id": "e_side",
                "title": "Side project: weather bot",
                "company": "Personal project",
                "start": "2020-01",
                "end": "2020-06",
            },
        ],
        "projects": [{"id": "p1", "name": "dbcheck"}],
        "skills": [{"name": n} for n in ["Photoshop", "Airflow", "Excel", "PostgreSQL"]],
    }
)
OFFER = OfferBrief(
    id="o1",
    title="Data Engineer",
    company="Fabrikam",
    location="",
    language="en",
    description="You will build Airflow pipelines on PostgreSQL.",
    requirements=["Airflow", "PostgreSQL"],
    skills=["Airflow", "PostgreSQL"],
)


def _ctx(source: CvContent = SOURCE, language: str = "en") -> OfferContext:
    return OfferContext(
        task_id="t",
        offer_row_id="r",
        offer_index=0,
        total_offers=1,
        user_id="",
        source=source,
        offer=OFFER,
        language=language,
        today=date(2025, 6, 1),
    )


def test_classify_moves_side_projects_and_keeps_every_job_whole() -> None:
    ctx = _ctx()
    out = offline.classify(ctx, offline.needs_of(ctx))
    decisions = {d.id: d.decision for d in out.experiences}
    assert decisions == {
        "e_now": "KEEP",  # shows what the offer asks for
        "e_old_match": "KEEP",  # old, but shows it too
        # Over OLD_YEARS ago and nothing the offer asks for: kept whole all the same, its
        # bullets the first the page budget cuts (sendable_repair.first_to_go).
        "e_old": "KEEP",
        "e_recent": "KEEP",  # unrelated but recent
        "e_side": "MOVE_TO_PROJECTS",
    }
    assert [(d.id, d.decision) for d in out.projects] == [("p1", "KEEP")]
    # The reasons are the code's (classify_rules.enforce_rules), whatever engine classified.
    ruled, _ = enforce_rules(out, ctx)
    reasons = {d.id: d.reason for d in ruled.experiences}
    assert "Airflow" in reasons["e_now"] and "7 years" in reasons["e_old"]
    assert "go first" in reasons["e_old"]


def test_bullets_evidence_first_then_every_other_in_the_authors_order() -> None:
    ctx = _ctx()
    item = offline.adapt_item(SOURCE.experience[0], offline.needs_of(ctx))
    assert item.bullets == [
        "Wrote 40 Airflow jobs",
        "Tuned PostgreSQL queries",
        "Ran the office book club",  # none is dropped: the page budget cuts, only to fit
        "Organised team lunches",
        "Cleaned the kitchen",
    ]
    assert item.skills == ["Airflow", "Excel"]  # asked-for skills first
    assert set(item.bullets) <= set(SOURCE.experience[0].bullets)


def test_skills_the_offer_asks_for_come_first_and_none_is_invented() -> None:
    ctx = _ctx()
    names = [s.name for s in offline.adapt_skills(ctx, offline.needs_of(ctx), "").skills]
    assert names[:2] == ["Airflow", "PostgreSQL"]
    assert sorted(names) == sorted(s.name for s in SOURCE.skills)


def test_summary_is_the_source_sentences_in_their_own_order() -> None:
    # The offer asks about the second sentence: it does not move first (a profile reordered
    # opens mid-story).
    ctx = _ctx()
    out = offline.summary(ctx, offline.needs_of(ctx), list(SOURCE.experience[:1]))
    assert out == Summary(summary=SOURCE.summary)
    assert SOURCE.summary.startswith("Enjoys cycling to work.")


def test_a_long_summary_keeps_its_opening_sentences_whole() -> None:
    first = "Data engineer for eight years in retail and banking, building pipelines end to end."
    middle = " ".join(["Then came five years of warehouse work with many teams and tools."] * 6)
    last = "Builds Airflow pipelines on PostgreSQL."
    text = offline.own_summary(f"{first} {middle} {last}", "en")
    assert text.startswith(first) and last not in text  # a prefix: never a later one alone
    assert len(text.split()) <= offline.SUMMARY_MAX_WORDS


def test_a_long_summary_drops_what_shows_nothing_before_its_evidence() -> None:
    first = "Data engineer for eight years in retail and banking, building pipelines end to end."
    middle = " ".join(["Then came five years of warehouse work with many teams and tools."] * 6)
    last = "Builds Airflow pipelines on PostgreSQL."
    needs = OfferNeeds(OfferText(title="Data engineer", skills=["Airflow"]))
    text = offline.own_summary(f"{first} {middle} {last}", "en", needs)
    assert text.endswith(last) and text.startswith(first)  # in order, the evidence kept
    assert len(text.split()) <= offline.SUMMARY_MAX_WORDS


def test_a_bilingual_summary_keeps_the_cvs_language_only() -> None:
    en = "Data engineer building pipelines for the retail teams of the group."
    fr = "Ingénieure données, je construis des pipelines pour les équipes de la vente."
    assert offline.own_summary(f"{en} {fr}", "en") == en


@pytest.mark.parametrize("language", ["en", "fr"])
def test_without_a_source_summary_there_is_none(language: str) -> None:
    # Never a line written from the headline and employers ("<title> — experience at <A>"):
    # a sentence the candidate did not write.
    source = SOURCE.model_copy(update={"summary": ""})
    ctx = _ctx(source, language)
    kept = list(source.experience[:2])
    assert offline.summary(ctx, offline.needs_of(ctx), kept).summary == ""


def test_the_engine_answers_each_phase_and_has_nothing_to_repair() -> None:
    engine, ctx = offline.OfflineEngine(), _ctx()
    call = asyncio.run(engine.run(ctx, "classify", {}))
    assert call.model == offline.OFFLINE_MODEL and call.prompt_tokens == 0
    assert asyncio.run(engine.repair(ctx, "classify", {}, call.data, ["x"])) is None
    with pytest.raises(ValueError, match="unknown phase"):
        offline.run_phase(ctx, "batch_poem", {})


def test_an_added_skill_is_written_in_its_line_as_a_whole_term() -> None:
    assert offline.said_as_written("continuous integration", "Set up continuous integration.")
    assert offline.said_as_written("C++", "Wrote C++ drivers")
    assert not offline.said_as_written("C", "Wrote C++ drivers")
    assert not offline.said_as_written("management", "Managed a team of 5")


def test_a_long_summary_keeps_what_no_other_sentence_shows() -> None:
    # Every sentence is evidence: the one whose loss costs the match nothing goes (Airflow is
    # shown twice), never the only sentence that shows Kafka.
    airflow = (
        "Builds and runs Airflow pipelines for the retail, banking and insurance teams of the"
        " company in three countries, with analysts and engineers who read their results daily,"
    )
    first = (
        f"{airflow} from ingestion to reporting, with tests, reviews and monitoring at every step."
    )
    second = f"{airflow} and keeps their schedules, alerts, runbooks and documentation up to date."
    kafka = "Streams sales events with Kafka."
    needs = OfferNeeds(OfferText(title="Data engineer", skills=["Airflow", "Kafka"]))
    text = offline.own_summary(f"{first} {second} {kafka}", "en", needs)
    assert text == f"{first} {kafka}"
    assert len(text.split()) <= offline.SUMMARY_MAX_WORDS
