"""The contract of a sendable CV (jobs/pipeline/core/sendable.py) as properties over synthetic
(CV, offer) pairs (bench/tailor_fuzz.py): tailored by the offline engine, rendered as the worker
renders them, read back, and every content and page invariant checked. The first pairs of the
generator cover every shape it draws (dense one-page CVs, two-page CVs with old jobs, juniors with
one job, skills only in bullets, both language crossings, prose-only ads, header links, split
bullets, skill words in employer / school / degree / interest / place names); ``make
bench-tailor-fuzz`` runs 500 of them."""

from __future__ import annotations

import pytest

from app.lib.pdf_render.budget import default_page_budget
from bench.tailor_fuzz import (
    CV_SHAPES,
    TODAY,
    FuzzCase,
    PairOutcome,
    generate,
    render_report,
    run,
)
from jobs.pipeline.core.fragments import has_fragment, is_fragment
from jobs.pipeline.core.sendable import skill_is_supported, statements
from jobs.pipeline.core.skill_terms import term_key
from jobs.pipeline.core.timeline import OLD_YEARS, end_date, years_since

PAIRS = 12  # the first twelve pairs: every shape among them (checked below), ~10 s
SHAPED = 80  # pairs whose generation (no render) is checked against the shape it names


def _features(case: FuzzCase) -> set[tuple[str, str]]:
    s = case.shapes
    return {
        ("cv", s["cv"]),
        ("languages", s["languages"]),
        ("requirements", s["requirements"]),
        ("asks", "no" if s["offer asks a language"] == "no" else "yes"),
        ("split", s.get("split", "none")),
        ("links", "yes" if "links" in s else "no"),
        ("trap", s.get("trap", "none:").split(":")[0]),
    }


def test_the_first_pairs_cover_every_shape() -> None:
    found = set().union(*(_features(generate(n)) for n in range(PAIRS)))
    expected = {("cv", shape) for shape in CV_SHAPES}
    expected |= {("languages", f"{a} CV, {b} offer") for a in ("fr", "en") for b in ("fr", "en")}
    expected |= {("requirements", "listed"), ("requirements", "prose only")}
    expected |= {("asks", "yes"), ("asks", "no"), ("links", "yes"), ("links", "no")}
    expected |= {("split", "bullets"), ("split", "description"), ("split", "none")}
    expected |= {("trap", t) for t in ("employer", "school", "degree", "interest", "place")}
    assert expected <= found, sorted(expected - found)


def test_a_pair_is_the_same_on_every_run() -> None:
    one, two = generate(7), generate(7)
    assert one.source.to_json() == two.source.to_json()
    assert one.offer == two.offer and one.shapes == two.shapes
    assert generate(8).source.to_json() != one.source.to_json()


@pytest.mark.parametrize("number", range(SHAPED))
def test_the_generator_builds_the_shape_it_names(number: int) -> None:
    case = generate(number)
    cv, offer, shapes = case.source, case.offer, case.shapes
    jobs = cv.experience
    if shapes["cv"] == "dense_one_page":
        assert 5 <= len(jobs) <= 7 and all(len(j.bullets) >= 4 for j in jobs)
        assert 20 <= len(cv.skills) <= 35 and len(cv.extras.certifications) >= 2
        assert default_page_budget(cv, TODAY) == 1
    elif shapes["cv"] == "two_page_old_jobs":
        assert default_page_budget(cv, TODAY) == 2
        ages = [years_since(end_date(j.end, j.current, TODAY), TODAY) for j in jobs]
        assert sum(age > OLD_YEARS for age in ages) == 2
    elif shapes["cv"] == "junior_one_job":
        assert len(jobs) == 1
    elif shapes["cv"] == "skills_in_bullets":
        assert len(cv.skills) <= 3
    cv_language, offer_language = shapes["languages"].replace(" CV", "").split(", ")
    assert (case.cv_language, offer.language) == (cv_language, offer_language.split()[0])
    assert (offer.requirements == []) == (shapes["requirements"] == "prose only")
    assert len(cv.header.links) == int(shapes.get("links", 0))
    split = shapes.get("split")
    if split == "bullets":
        assert any(has_fragment(j.bullets) for j in jobs)
    elif split == "description":
        assert any(j.description and is_fragment(j.description) for j in jobs)
    else:
        assert not any(has_fragment(j.bullets) for j in jobs)
    if "trap" in shapes:
        word = shapes["trap"].split(": ", 1)[1]
        listed = {term_key(s.name) for s in cv.skills}
        # The skill word is in a name only: nothing the CV states supports it.
        assert not skill_is_supported(word, listed, statements(cv)), word


def test_the_contract_holds_on_every_shape() -> None:
    report = run(PAIRS, 0)
    assert report.count == PAIRS and len(report.outcomes) == PAIRS
    failures = {
        o.seed: [f"{v['code']} {v['params']}" for v in o.violations] + [o.error][: bool(o.error)]
        for o in report.failures
    }
    assert failures == {}, failures


def test_the_report_names_each_failing_pair_and_counts_each_code() -> None:
    report = run(0, 0)
    report.outcomes = [
        PairOutcome(3, {"cv": "regular"}, [{"code": "fragment", "params": {"item": "e1"}}]),
        PairOutcome(4, {"cv": "dense_one_page"}),
        PairOutcome(5, {"cv": "regular"}, error="ValueError: boom"),
    ]
    report.count = 3
    assert report.counts == {"fragment": 1, "error": 1}
    assert report.failing_seeds == [3, 5]
    assert report.by_shape("cv") == {"dense_one_page": (1, 0), "regular": (2, 2)}
    text = render_report(report)
    assert "| `fragment` | 1 | 1 |" in text and "| `error` | 1 | 1 |" in text
    assert "2 pairs, by number: 3, 5." in text
