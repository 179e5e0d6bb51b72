"""Repair, then drop: a phase's answer that breaks a fact or writing rule is named to the model
once (the repair round); what the repaired answer still breaks falls back to the source's own
wording and is counted as dropped. The guards are jobs/pipeline/core/phase_guards.py; the round
and its counts are jobs/pipeline/runner.py (``OfferRun._guarded``), run here with a scripted
engine and without a database."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel

from app.lib.cv_content import CvContent
from app.lib.llm import LLMUnreachableError
from app.lib.llm.user_messages import UNREACHABLE
from jobs.pipeline.core import offline
from jobs.pipeline.core.context import OfferBrief, OfferContext
from jobs.pipeline.core.fact_guard import SourceCorpus
from jobs.pipeline.core.phase import PhaseCall
from jobs.pipeline.core.phase_guards import Guard, item_guard
from jobs.pipeline.core.rules import TextRules
from jobs.pipeline.core.schemas import AdaptedItem
from jobs.pipeline.runner import STEP_FAILED, OfferRun, subtask_error

SOURCE = CvContent.model_validate(
    {
        "header": {"name": "Robin Vega", "current_title": "Data Engineer"},
        "experience": [
            {
                "id": "e1",
                "title": "Data Engineer",
                "company": "Northwind",
                "start": "2022-01",
                "current": True,
                "bullets": ["Wrote 40 Airflow jobs", "Tuned PostgreSQL queries"],
                "skills": ["Airflow"],
            }
        ],
        "skills": [{"name": "Airflow"}],
    }
)
ITEM = SOURCE.experience[0]
CTX = OfferContext(
    task_id="t",
    offer_row_id="r",
    offer_index=0,
    total_offers=1,
    user_id="",
    source=SOURCE,
    offer=OfferBrief(
        id="o",
        title="Data Engineer",
        company="Fabrikam",
        location="",
        language="en",
        description="Airflow pipelines on PostgreSQL.",
    ),
    language="en",
    today=date(2025, 6, 1),
)
INVENTED = AdaptedItem(
    id="e1", bullets=["Wrote 400 Airflow jobs at Google", "Tuned PostgreSQL queries"]
)
FIRST_PERSON = AdaptedItem(id="e1", bullets=["I wrote 40 Airflow jobs", "Tuned PostgreSQL queries"])
FIXED = AdaptedItem(
    id="e1", bullets=["Wrote 40 Airflow jobs", "Tuned PostgreSQL queries for speed"]
)


def _guard() -> Guard:
    corpus = SourceCorpus.of(SOURCE, CTX.offer.full_text())
    return item_guard(ITEM, corpus, TextRules.of(CTX, "llm"), offline.needs_of(CTX))


class ScriptedEngine:
    """Answers the call, then the repair round, from a script; remembers what it was told."""

    name = "scripted"

    def __init__(self, first: BaseModel, repaired: BaseModel | None) -> None:
        self.first, self.repaired = first, repaired
        self.violations: list[str] = []

    async def run(self, ctx: OfferContext, phase: str, item: Any) -> PhaseCall:
        return PhaseCall(data=self.first, model="m", prompt_tokens=10)

    async def repair(
        self, ctx: OfferContext, phase: str, item: Any, previous: BaseModel, violations: list[str]
    ) -> PhaseCall | None:
        self.violations = violations
        if self.repaired is None:
            return None
        return PhaseCall(data=self.repaired, model="m", prompt_tokens=7)


class Offline(OfferRun):
    """An offer run without a database: never cancelled."""

    async def ensure_not_cancelled(self) -> None:
        return None


def _run(engine: ScriptedEngine) -> Offline:
    return Offline(CTX, engine, sessions=None, redis=None)  # type: ignore[arg-type]


def test_the_guard_names_an_invented_fact_and_keeps_the_source_sentence() -> None:
    cleaned, checked = _guard()(INVENTED)
    assert len(checked.bad) == 1 and "400, Google not in this item" in checked.bad[0]
    assert "Wrote 40 Airflow jobs" in checked.bad[0]  # the source sentence to rewrite from
    assert isinstance(cleaned, AdaptedItem) and cleaned.bullets == list(ITEM.bullets)


def test_a_writing_rule_break_falls_back_and_is_counted_by_rule() -> None:
    cleaned, checked = _guard()(FIRST_PERSON)
    assert "first person" in checked.bad[0]
    assert cleaned.model_dump()["fallbacks"] == ["first_person"]


async def test_a_repaired_answer_is_kept_and_counted_as_repaired() -> None:
    engine = ScriptedEngine(INVENTED, FIXED)
    call, cleaned, counts = await _run(engine)._guarded("batch_experience", {}, _guard())
    assert engine.violations and "400" in engine.violations[0]
    assert cleaned.model_dump()["bullets"] == FIXED.bullets
    assert (counts.repaired, counts.dropped) == (1, 0)
    assert counts.notes == engine.violations
    assert call.prompt_tokens == 17  # the call's cost plus the repair round's


async def test_what_the_repair_still_breaks_is_dropped_to_the_source_wording() -> None:
    engine = ScriptedEngine(INVENTED, INVENTED)
    _, cleaned, counts = await _run(engine)._guarded("batch_experience", {}, _guard())
    assert cleaned.model_dump()["bullets"] == list(ITEM.bullets)
    assert (counts.repaired, counts.dropped) == (0, 1)


async def test_an_engine_that_cannot_repair_drops_at_once() -> None:
    engine = ScriptedEngine(FIRST_PERSON, None)
    call, cleaned, counts = await _run(engine)._guarded("batch_experience", {}, _guard())
    assert cleaned.model_dump()["bullets"] == list(ITEM.bullets)
    assert (counts.repaired, counts.dropped) == (0, 1)
    assert call.prompt_tokens == 10


async def test_a_clean_answer_needs_no_repair_round() -> None:
    engine = ScriptedEngine(FIXED, INVENTED)
    _, cleaned, counts = await _run(engine)._guarded("batch_experience", {}, _guard())
    assert engine.violations == [] and cleaned.model_dump()["bullets"] == FIXED.bullets
    assert (counts.repaired, counts.dropped) == (0, 0) and counts.verified > 0


def test_a_failed_call_stores_a_catalogue_sentence_never_the_exceptions_text() -> None:
    assert subtask_error(LLMUnreachableError("http://10.0.0.5:8000")) == UNREACHABLE
    assert subtask_error(RuntimeError("database is locked at /srv/app.db")) == STEP_FAILED
