"""How ``make eval-tailor`` and the pair fuzzer read the contract of a sendable CV
(bench/tailor_contract.py) on a synthetic render record: the render's extra facts over its
``meta()``, cut items counted only as the contract's violations name them, what the generation
repaired, links printed, parameters shown without the CV's sentences; and the eval's pairs."""

from __future__ import annotations

from datetime import date
from typing import Any

from app.lib.cv_content import CvContent, Experience, Header, Link, Skill
from app.lib.matching.analysis import OfferText
from app.lib.pdf_render.result import RenderResult, TrimmedItem
from bench.tailor_contract import check, render_facts, shown_params
from bench.tailor_pairs import PAIRS, THIRD_BATCH
from jobs.pipeline.core.sendable import Pair, Violation

TODAY = date(2026, 6, 1)
SOURCE = CvContent(
    header=Header(
        name="Ana Lima",
        current_title="Data Analyst",
        links=[
            Link(label="LinkedIn", url="https://www.linkedin.example/in/ana-lima"),
            Link(label="GitHub", url="https://github.example/ana-lima"),
        ],
    ),
    experience=[
        Experience(
            id="e1",
            title="Data Analyst",
            company="Orvane SAS",
            start="2023-01",
            current=True,
            bullets=["Built Power BI dashboards.", "Tuned SQL reports.", "Ran the book club."],
        )
    ],
    skills=[Skill(name="SQL"), Skill(name="Excel")],
)
PAIR = Pair(SOURCE, OfferText(title="Data Analyst", requirements=["SQL"]), SOURCE, "en", TODAY)


def _trimmed(key: str, kind: str) -> TrimmedItem:
    return TrimmedItem(key, "experience", "e1", 2, "x", 0.1, kind)


def _render(pages: int, budget: int, extra: dict[str, Any]) -> RenderResult:
    return RenderResult(
        pdf=b"",
        page_count=pages,
        trimmed=[_trimmed("e1:2", "bullet"), _trimmed("skill:1", "skill")],
        html="",
        design="classic",
        locale="en",
        page_budget=budget,
        fits=pages <= budget,
        layout_passes=1,
        render_ms=1.0,
        extra=extra,
    )


def test_the_renders_extra_facts_reach_the_contract() -> None:
    facts = render_facts(
        _render(
            2,
            1,
            {
                "budgetGrown": True,
                "effectiveBudget": 2,
                "pageFills": [0.9, 0.7],
                "lastPageFree": 80.0,
            },
        ),
        "text",
    )
    assert (facts.pages, facts.budget, facts.fills, facts.last_page_free) == (
        2,
        2,
        [0.9, 0.7],
        80.0,
    )
    assert [t["key"] for t in facts.trimmed] == ["e1:2", "skill:1"]


def test_a_cut_under_budget_counts_every_cut_item_and_its_bullets_apart() -> None:
    text = "Ana Lima linkedin.example/in/ana-lima"
    meta = {"sendable": {"repaired": [{"code": "unsupported_skill", "params": {"skill": "X"}}]}}
    found = check(PAIR, _render(1, 2, {"lastPageFill": 0.62}), text, meta)
    assert [v.code for v in found.page] == ["cut_under_budget", "link_not_printed"]
    assert found.content == []
    assert found.cut_with_room() == ["e1:2", "skill:1"]
    assert found.cut_with_room_bullets() == ["e1:2"]
    assert found.fills == [0.62]  # no pageFills recorded: the last page's share
    assert (found.links, found.links_printed) == (2, 1)
    assert found.repaired_count("unsupported_skill") == 1
    assert found.count("cut_under_budget", "over_budget") == 1 and len(found.violations) == 2


def test_items_that_fit_the_last_pages_room_are_the_contracts_list() -> None:
    extra = {
        "pageFills": [0.4],
        "trimmedHeights": {"e1:2": 12.0, "skill:1": 400.0},
        "lastPageFree": 50.0,
    }
    text = "linkedin.example/in/ana-lima github.example/ana-lima"
    found = check(PAIR, _render(1, 1, extra), text)
    assert [v.code for v in found.violations] == ["last_page_underfilled", "cut_but_room_left"]
    assert found.cut_with_room() == ["e1:2"] and found.fills == [0.4]


def test_parameters_are_shown_without_the_cvs_sentences() -> None:
    bullet = Violation("fragment", {"item": "e1", "bullet": "applications Orvane."})
    assert shown_params(bullet, {"e1": "job 1"}.__getitem__) == "job 1, bullet of 2 words"
    assert shown_params(Violation("cut_under_budget", {"pages": 1, "budget": 2})) == (
        "pages 1, budget 2"
    )
    assert shown_params(Violation("skills_cut_for_relevance", {"skills": ["A", "B"]})) == (
        "2 skills"
    )


def test_the_eval_pairs_cross_languages_and_draw_on_the_third_batch() -> None:
    third = [p for p in PAIRS if p[0] in THIRD_BATCH and p[1] in THIRD_BATCH]
    assert len(PAIRS) >= 32 and len(third) >= 12
    assert len(set(PAIRS)) == len(PAIRS)
    assert {stem for p in third for stem in p[:2]} == THIRD_BATCH  # no stale stem listed
    crossings = {(p[0][:2], p[1][:2]) for p in third}
    assert {("fr", "en"), ("en", "fr"), ("fr", "fr"), ("en", "en")} <= crossings
