"""``make eval-llm``'s harness (bench/llm_eval_run.py) against the fake OpenAI-compatible server:
a synthetic pair goes through the worker's generation code, the dump holds what the pipeline
stored, and the page's figures come from it. The real model only changes the answers."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.lib.cv_content import CvContent
from app.lib.matching.analysis import OfferText
from bench.llm_eval_report import measure, write_report
from bench.llm_eval_run import LlmEvalRun
from bench.tailor_pairs import Offer, SourceCv
from jobs.pipeline.core.context import OfferBrief
from tests import factories
from tests.fakes import pipeline_llm
from tests.fakes.openai_server import FakeOpenAIServer, HttpError


@pytest.fixture
def llm() -> Iterator[FakeOpenAIServer]:
    with FakeOpenAIServer(default_reply=pipeline_llm.honest) as server:
        yield server


def synthetic_pair() -> tuple[Offer, SourceCv]:
    fields: dict[str, Any] = factories.EN_OFFER
    brief = OfferBrief(
        id=None,
        title=fields["title"],
        company=fields["company"],
        location=fields["location"],
        language="en",
        description=fields["description"],
        requirements=list(fields["requirements"]),
        responsibilities=[],
        skills=list(fields["skills"]),
        languages=list(fields["languages"]),
    )
    offer = Offer("en_synthetic_offer", "en", brief, OfferText.of(brief))
    return offer, SourceCv("en_synthetic_cv", "en", CvContent.from_json(factories.EN_CV))


async def test_a_pair_runs_through_the_worker_generation_and_is_measured(
    llm: FakeOpenAIServer, redis_url: str, tmp_path: Path
) -> None:
    offer, source = synthetic_pair()
    async with LlmEvalRun(llm.base_url, redis_url, "tiny-model", 30) as run:
        entry = await run.pair(offer, source, "backend")
    assert entry["status"] == "completed", entry["error"]
    calls = [r for r in llm.chat_requests if pipeline_llm.phase_of(r)]
    assert {pipeline_llm.phase_of(r) for r in calls} >= {"classify", "batch_summary"}
    assert all(r.model == "tiny-model" for r in calls)
    # The dump is what the pipeline stored: the honest model reverses each item's bullets.
    tailored = CvContent.from_json(entry["tailored"])
    assert tailored.experience[0].bullets == list(reversed(source.content.experience[0].bullets))
    assert entry["meta"]["fact_guard"]["verifiedClaims"] > 0
    assert len(entry["subtasks"]) == len(calls)
    assert entry["seconds"] > 0
    figures = measure(entry)
    assert (len(figures.copies), len(figures.moved), figures.summary_breaks) == (0, 0, [])
    assert figures.evidence.total > 0 and figures.evidence.kept == figures.evidence.total
    # The LLM path runs the contract of a sendable CV and records it, the page check included.
    assert "page" in entry["meta"]["sendable"] and figures.contract_open == []
    page = tmp_path / "LLM_EVAL.md"
    write_report([figures], page, "commit `test`", "tiny-model", entry["seconds"])
    report = page.read_text(encoding="utf-8")
    assert "| en_synthetic_offer × en_synthetic_cv | en → en CV, written in en | completed |" in (
        report
    )
    assert "| contract of a sendable CV: findings still open (final CV and PDF) | 0 | 0 |" in report


async def test_a_model_that_fails_every_call_gives_a_failed_pair_not_a_crash(
    llm: FakeOpenAIServer, redis_url: str
) -> None:
    llm.script(lambda text: "## Task:" in text, reply=HttpError(500, "model crashed"))
    offer, source = synthetic_pair()
    async with LlmEvalRun(llm.base_url, redis_url, "tiny-model", 30) as run:
        entry = await run.pair(offer, source, "backend")
    assert entry["status"] == "failed" and entry["tailored"] is None
    assert entry["error"]
    assert measure(entry).done is False
