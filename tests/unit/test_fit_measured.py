"""The page-budget fit by measurement (app/lib/pdf_render/fit.py), on real WeasyPrint PDFs of
synthetic CVs: a dense CV a little over one page fits one full page with few cuts, a CV too
long even with every candidate cut grows its budget instead of ending over it, a whole one-line
entry scored low goes before stronger bullets, and the result reports how full each page is."""

from __future__ import annotations

import io
import json
import re

import pdfplumber
import pytest

from app.lib.cv_content import (
    Contact,
    CvContent,
    Education,
    Experience,
    ExtraItem,
    Extras,
    Header,
    Language,
    Skill,
)
from app.lib.matching.relevance import budget_relevance
from app.lib.pdf_render.budget import (
    FULL_PAGE_FILL,
    bullet_key,
    entry_key,
    extra_key,
    interest_key,
    skill_key,
    trim_candidates,
)
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.html import COMPACT_STEPS, render_cv_html
from app.lib.pdf_render.layout import layout, measure
from app.lib.pdf_render.result import RenderResult, extra_from_meta
from app.lib.pdf_render.samples import sample_cv

BULLET = (
    "Job {j}, result {b}: moved the nightly reporting batch to an incremental pipeline, "
    "cutting run time and cloud cost."
)


def dense_cv(bullets: list[int], *, one_liners: int = 2) -> CvContent:
    """Jobs with ``bullets`` bullets each, then ``one_liners`` old one-line jobs, two degrees
    and two certifications without description: the entries whose heads used to chain."""
    jobs = [
        Experience(
            id=f"job{j}",
            title=f"Data engineer {j}",
            company=f"Firm {j}",
            location="Lyon",
            start=f"{2024 - 3 * j}-01",
            end=f"{2026 - 3 * j}-06",
            bullets=[BULLET.format(j=j, b=b) for b in range(count)],
        )
        for j, count in enumerate(bullets)
    ]
    jobs += [
        Experience(
            id=f"old{k}",
            title="Intern",
            company=f"Early firm {k}",
            start=f"{2008 + k}-01",
            end=f"{2008 + k}-06",
        )
        for k in range(one_liners)
    ]
    return CvContent(
        header=Header(
            name="Ada Example",
            current_title="Data Engineer",
            contact=Contact(email="ada@example.com", phone="+33 6 00 00 00 00", location="Lyon"),
        ),
        summary=(
            "Data engineer building pipelines and reporting for retail and banking, from "
            "modelling to on-call."
        ),
        experience=jobs,
        skills=[Skill(name=f"Tool {n}", category="Data" if n < 10 else "Cloud") for n in range(16)],
        education=[
            Education(
                institution="Université Exemple",
                degree="MSc",
                field="Computer Science",
                start="2006",
                end="2008",
            ),
            Education(
                institution="IUT Exemple",
                degree="DUT",
                field="Informatique",
                start="2004",
                end="2006",
            ),
        ],
        languages=[Language(name="French", level="Native"), Language(name="English", level="C1")],
        extras=Extras(
            certifications=[
                ExtraItem(id="cert_a", name="Cloud data engineer", issuer="Vendor"),
                ExtraItem(id="cert_b", name="Streaming developer", issuer="Vendor"),
            ],
            interests=["Climbing", "Chess", "Photography"],
        ),
    )


def relevance_of(cv: CvContent) -> dict[str, float]:
    """Older jobs and later bullets score lower; skills by position; interests lowest."""
    scores: dict[str, float] = {}
    for j, job in enumerate(cv.experience):
        for b in range(len(job.bullets)):
            scores[bullet_key(job.id, b)] = 0.9 - j * 0.1 - b * 0.02
    scores |= {skill_key(i): 0.5 - i * 0.01 for i in range(len(cv.skills))}
    scores |= {interest_key(i): 0.01 for i in range(len(cv.extras.interests))}
    scores |= {extra_key(c.id): 0.2 for c in cv.extras.certifications}
    return scores


def pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in doc.pages))


def assert_reports_fills(result: RenderResult) -> None:
    fills = result.extra["pageFills"]
    assert len(fills) == result.page_count
    assert all(0.0 <= fill <= 1.0 for fill in fills)
    assert result.extra["lastPageFill"] == fills[-1]
    assert result.extra["lastPageFree"] >= 0.0
    assert set(result.extra["trimmedHeights"]) <= {t.key for t in result.trimmed}


def assert_contract(result: RenderResult) -> None:
    """When anything was cut: every page but the last is full, the last at least half full
    (or the only one), and no cut item would fit the room left on the last page."""
    if not result.trimmed:
        return
    fills = result.extra["pageFills"]
    assert all(fill >= FULL_PAGE_FILL for fill in fills[:-1]), fills
    assert result.page_count == 1 or fills[-1] >= 0.5, fills
    free = result.extra["lastPageFree"]
    assert all(height > free for height in result.extra["trimmedHeights"].values())


@pytest.mark.parametrize("design", ["classic", "modern"])
def test_a_dense_cv_a_little_over_one_page_fits_one_full_page_with_few_cuts(design: str) -> None:
    cv = dense_cv([5, 5, 4, 4])
    untrimmed = layout(render_cv_html(cv, design=design, locale="en"))
    measured = measure(untrimmed, 1)
    assert measured is not None and len(untrimmed.pages) == 2
    # The break rules keep page 1 full: only a few lines spill, nothing is chained over.
    assert measured.fills[0] >= 0.95 and measured.fills[1] < 0.15, measured.fills

    relevance = relevance_of(cv)
    result = render_to_budget(
        cv.to_json(),
        design=design,
        locale="en",
        page_budget=1,
        relevance=relevance,
        ladder=False,
    )
    assert result.fits and result.page_count == 1 and not result.extra["budgetGrown"]
    assert result.extra["effectiveBudget"] == 1
    assert result.extra["pageFills"][0] >= FULL_PAGE_FILL
    assert 0 < len(result.trimmed) <= 8, [t.key for t in result.trimmed]
    assert result.layout_passes <= 8
    assert_reports_fills(result)
    assert_contract(result)
    # Lowest relevance first, and the fewest: the cut items are among the lowest-ranked
    # candidates, and giving back the best ranked of them breaks the page.
    order = [c.key for c in trim_candidates(cv, relevance)]
    cut = [t.key for t in result.trimmed]
    last = max(order.index(key) for key in cut)
    assert set(cut) <= set(order[: last + 1])
    back = set(cut) - {order[last]}
    again = layout(render_cv_html(cv, design=design, locale="en", trimmed=back))
    assert len(again.pages) == 2
    # Every job is still there with its best bullet.
    text = pdf_text(result.pdf)
    for job in cv.experience:
        assert job.company in text
        if job.bullets:
            assert BULLET.format(j=job.id[3:], b=0)[:40] in text


def test_a_cv_over_its_budget_even_at_the_minimum_grows_it_and_keeps_everything() -> None:
    cv = dense_cv([5, 5, 4, 4])
    # Nearly a page of text nothing may cut: even with every candidate cut, over one page.
    cv.summary = " ".join([cv.summary] * 28)
    relevance = relevance_of(cv)
    most_cut = layout(
        render_cv_html(
            cv,
            design="classic",
            locale="en",
            trimmed={c.key for c in trim_candidates(cv, relevance)},
        )
    )
    assert len(most_cut.pages) == 2
    result = render_to_budget(
        cv.to_json(),
        design="classic",
        locale="en",
        page_budget=1,
        relevance=relevance,
        ladder=False,
    )
    assert result.extra["budgetGrown"] is True and result.extra["effectiveBudget"] == 2
    assert result.page_budget == 1 and result.effective_page_budget == 2
    assert result.fits and result.page_count == 2
    assert result.trimmed == []  # fitted on two pages from zero cuts: it all comes back
    assert_reports_fills(result)
    text = pdf_text(result.pdf)
    assert "Photography" in text and "Streaming developer" in text
    # Recorded, and read back from the record (a cached or a worker's render).
    meta = json.loads(json.dumps(result.meta()))
    assert meta["pageBudget"] == 1 and meta["fits"] is True
    assert meta["budgetGrown"] is True and meta["effectiveBudget"] == 2
    assert meta["pageFills"] == result.extra["pageFills"]
    restored = extra_from_meta(meta)
    assert restored["budgetGrown"] is True and restored["effectiveBudget"] == 2
    assert restored["pageFills"] == result.extra["pageFills"]


def test_a_budget_that_holds_is_not_grown_nor_recorded_as_grown() -> None:
    cv = dense_cv([2, 2])
    result = render_to_budget(
        cv.to_json(), design="classic", locale="en", page_budget=1, relevance=relevance_of(cv)
    )
    assert result.page_count == 1 and result.fits and result.trimmed == []
    assert result.extra["budgetGrown"] is False and result.effective_page_budget == 1
    assert "budgetGrown" not in result.meta()
    assert_reports_fills(result)


@pytest.mark.parametrize("design", ["classic", "modern"])
def test_a_cv_a_little_over_its_budget_takes_tighter_type_before_any_cut(design: str) -> None:
    cv = dense_cv([5, 5, 4, 4])
    assert len(layout(render_cv_html(cv, design=design, locale="en")).pages) == 2
    result = render_to_budget(
        cv.to_json(), design=design, locale="en", page_budget=1, relevance=relevance_of(cv)
    )
    assert result.fits and result.page_count == 1 and not result.trimmed
    assert result.extra["compactStep"] >= 1
    text = pdf_text(result.pdf)
    assert all(b[:40] in text for e in cv.experience for b in e.bullets)
    # Never under the readability floor: the body text is at least 9 pt.
    with pdfplumber.open(io.BytesIO(result.pdf)) as pdf:
        sizes = [round(c["size"], 1) for c in pdf.pages[0].chars if c["text"].strip()]
    body = max(set(sizes), key=sizes.count)
    assert body >= 9.0


def test_a_cv_the_floor_cannot_hold_is_cut_at_the_floor() -> None:
    cv = dense_cv([5, 5, 4, 4])
    cv.summary = " ".join([cv.summary] * 14)  # longer than any step holds on one page
    floor = layout(render_cv_html(cv, design="classic", locale="en", compact=COMPACT_STEPS))
    assert len(floor.pages) == 2
    result = render_to_budget(
        cv.to_json(), design="classic", locale="en", page_budget=1, relevance=relevance_of(cv)
    )
    assert result.fits and result.page_count == 1 and result.trimmed
    assert result.extra["compactStep"] == COMPACT_STEPS
    assert f"compact-{COMPACT_STEPS}" in result.html


def test_a_scored_one_line_entry_goes_whole_before_stronger_bullets() -> None:
    cv = dense_cv([5, 5, 4, 4])
    cv.extras.interests = []
    # One line too many: the CV spills over page 1 by about a line.
    cv.summary += " Comfortable with on-call rotations, incident reviews and runbooks."
    assert len(layout(render_cv_html(cv, design="classic", locale="en")).pages) == 2
    relevance = relevance_of(cv)
    # The pipeline shows old0 as a one-line entry and scores it below everything else.
    relevance[entry_key("old0")] = 0.05
    candidates = trim_candidates(cv, relevance)
    kinds = {c.key: c.kind for c in candidates}
    assert candidates[0].key == entry_key("old0") and kinds[entry_key("old0")] == "entry"
    assert entry_key("old1") not in kinds  # no score: never a candidate
    result = render_to_budget(
        cv.to_json(),
        design="classic",
        locale="en",
        page_budget=1,
        relevance=relevance,
        ladder=False,
    )
    assert result.fits and result.page_count == 1
    # The whole entry went, and nothing else: every bullet stays.
    assert [t.key for t in result.trimmed] == [entry_key("old0")]
    gone = result.trimmed[0]
    assert (gone.kind, gone.section, gone.item_id) == ("entry", "experience", "old0")
    assert gone.text == "Intern — Early firm 0"
    text = pdf_text(result.pdf)
    assert "Early firm 0" not in text and "Early firm 1" in text
    assert BULLET.format(j=3, b=3)[:40] in text
    assert_contract(result)
    # The trimmed entry is recorded like any other cut, and reads back.
    stored = json.loads(json.dumps(result.meta()))["trimmed"]
    assert stored[0]["kind"] == "entry" and stored[0]["key"] == "entry:old0"


def test_an_entry_goes_after_its_own_bullets_and_is_measured() -> None:
    cv = dense_cv([3, 3], one_liners=1)
    relevance = relevance_of(cv)
    relevance[entry_key("job1")] = 0.0  # scored below its own bullets
    order = [c.key for c in trim_candidates(cv, relevance)]
    assert order.index(entry_key("job1")) > max(order.index(bullet_key("job1", b)) for b in (1, 2))
    entries = [entry_key(job.id) for job in cv.experience]
    measured = measure(layout(render_cv_html(cv, design="modern", locale="en")), 1, entries)
    assert measured is not None
    # A job with three bullets is taller than its bullets; a one-line entry is about a line.
    assert measured.heights[entry_key("job1")] > 3 * measured.heights[bullet_key("job1", 0)]
    assert 10 < measured.heights[entry_key("old0")] < 40
    html = render_cv_html(cv, design="classic", locale="en", trimmed={entry_key("job1")})
    assert "Firm 1" not in html and "Firm 0" in html and "Early firm 0" in html


def test_a_two_page_budget_keeps_a_cv_a_page_and_a_half_long_uncut() -> None:
    cv = dense_cv([5, 5, 5, 5, 5, 5, 4, 4])
    result = render_to_budget(
        cv.to_json(), design="classic", locale="en", page_budget=2, relevance=relevance_of(cv)
    )
    assert result.page_count == 2 and result.fits and result.trimmed == []
    assert result.extra["pageFills"][0] >= FULL_PAGE_FILL
    assert result.extra["lastPageFill"] >= 1 / 3
    assert_reports_fills(result)


def test_nothing_is_cut_while_the_cv_fits_its_budget() -> None:
    # Two pages, the second a quarter full: within a 2-page budget, so everything stays (the
    # contract's cut_only_to_fit), rather than being cut down to one page.
    cv = sample_cv("en")
    result = render_to_budget(
        cv.to_json(), design="classic", locale="en", page_budget=2, relevance=budget_relevance(cv)
    )
    assert result.page_count == 2 and result.trimmed == []
    assert result.extra["pageFills"][-1] < 0.5  # a short last page, and nothing cut for it
