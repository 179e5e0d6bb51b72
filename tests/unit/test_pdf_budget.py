"""Page budget: the 1-or-2-page rule, trimming lowest-relevance bullets until the PDF fits, and
section titles never left alone at the bottom of a page."""

from __future__ import annotations

import io
import re
from datetime import date

import pdfplumber
import pytest

from app.lib.cv_content import CvContent, Experience
from app.lib.pdf_render import DESIGNS, default_page_budget, years_of_experience
from app.lib.pdf_render.budget import bullet_key, trim_candidates
from app.lib.pdf_render.designs import SECTION_TITLES
from app.lib.pdf_render.fit import ORPHAN_FILL, render_to_budget
from app.lib.pdf_render.html import COMPACT_STEPS, render_cv_html
from app.lib.pdf_render.layout import layout
from app.lib.pdf_render.samples import junior_cv, long_cv, sample_cv

TODAY = date(2026, 11, 1)


def pages_text(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return [re.sub(r"\s+", " ", page.extract_text() or "") for page in doc.pages]


def test_budget_rule_one_page_up_to_five_years() -> None:
    assert default_page_budget(junior_cv(), TODAY) == 1
    assert default_page_budget(sample_cv(), TODAY) == 2
    five = CvContent(experience=[Experience(start="2021-11", end="2026-10")])
    assert years_of_experience(five, TODAY) == 5.0
    assert default_page_budget(five, TODAY) == 1
    # Overlapping jobs count once; undated ones count nothing.
    overlapping = CvContent(
        experience=[
            Experience(start="2018-01", end="2021-12"),
            Experience(start="2020-01", end="2022-12"),
            Experience(start="someday"),
        ]
    )
    assert years_of_experience(overlapping, TODAY) == 5.0
    ongoing = CvContent(experience=[Experience(start="2019-11", current=True)])
    assert years_of_experience(ongoing, TODAY) == pytest.approx(7.0, abs=0.1)
    assert default_page_budget(ongoing, TODAY) == 2


def test_candidates_keep_each_items_best_bullet_and_follow_relevance() -> None:
    cv = sample_cv()
    relevance = {
        bullet_key(e.id, i): (i + 1) / 10 for e in cv.experience for i in range(len(e.bullets))
    }
    candidates = trim_candidates(cv, relevance)
    keys = [c.key for c in candidates]
    for exp in cv.experience:
        # The best-scored bullet of each experience (its last one here) is never a candidate.
        assert bullet_key(exp.id, len(exp.bullets) - 1) not in keys
    scores = [c.relevance for c in candidates]
    assert scores == sorted(scores)
    # Without scores: interests go first, then older experiences' later bullets; skills stay.
    fallback = trim_candidates(cv, None)
    kinds = [c.kind for c in fallback]
    assert kinds == ["interest"] * len(cv.extras.interests) + ["bullet"] * kinds.count("bullet")
    assert fallback[len(cv.extras.interests)].item_id in {cv.experience[-1].id, cv.projects[0].id}


@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_long_cv_is_trimmed_to_its_budget_lowest_relevance_first(design: str) -> None:
    cv = long_cv(3)
    # Relevance decreasing along the CV, with a twist: the first job's 2nd bullet is weak.
    relevance: dict[str, float] = {}
    for rank, exp in enumerate(cv.experience):
        for i in range(len(exp.bullets)):
            relevance[bullet_key(exp.id, i)] = 1.0 - rank * 0.05 - i * 0.01
    weak = bullet_key(cv.experience[0].id, 1)
    relevance[weak] = 0.0
    untrimmed = layout(render_cv_html(cv, design=design, locale="en"))
    assert len(untrimmed.pages) > 2, "the fixture must overflow"

    result = render_to_budget(
        cv.to_json(),
        design=design,
        locale="en",
        page_budget=2,
        relevance=relevance,
        ladder=False,
    )
    texts = pages_text(result.pdf)
    assert result.fits and result.page_count == len(texts) <= 2
    assert result.trimmed, "trimming happened and is recorded"
    trimmed_keys = {t.key for t in result.trimmed}
    assert weak in trimmed_keys
    # Lowest relevance first: everything trimmed scores below everything kept that could go.
    kept = [c for c in trim_candidates(cv, relevance) if c.key not in trimmed_keys]
    assert max(t.relevance for t in result.trimmed) <= min(c.relevance for c in kept)
    full = " ".join(texts)
    # The interests have no score: they went before any bullet.
    assert [t.kind for t in result.trimmed[:3]] == ["interest"] * 3
    assert "Woodworking" not in full and SECTION_TITLES["en"]["interests"] not in full
    for bullet in result.trimmed[3:]:
        assert bullet.kind == "bullet" and bullet.section in {"experience", "projects"}
        assert bullet.key.startswith(bullet.item_id)
        # long_cv repeats texts across copies: the PDF holds only the untrimmed copies.
        copies_kept = sum(
            1
            for exp in cv.experience
            for i, text in enumerate(exp.bullets)
            if text == bullet.text and bullet_key(exp.id, i) not in trimmed_keys
        )
        assert full.count(bullet.text[:45]) == copies_kept
    # Every experience is still there, with at least one bullet.
    for exp in cv.experience:
        assert exp.company in full
        assert any(bullet_key(exp.id, i) not in trimmed_keys for i in range(len(exp.bullets)))
    # Only what was needed: giving back the best trimmed bullet breaks the budget again.
    best = sorted(result.trimmed, key=lambda t: t.relevance)[:-1]
    again = layout(render_cv_html(cv, design=design, locale="en", trimmed={t.key for t in best}))
    assert len(again.pages) > 2


def test_a_cv_that_cannot_fit_grows_its_budget() -> None:
    """Cutting every candidate still leaves it over one page: it is fitted on the pages that
    most cut version takes instead, from zero cuts (was: every candidate cut, still over)."""
    cv = long_cv(3)
    most_cut = layout(
        render_cv_html(
            cv, design="classic", locale="en", trimmed={c.key for c in trim_candidates(cv, None)}
        )
    )
    assert len(most_cut.pages) > 1
    result = render_to_budget(
        cv.to_json(), design="classic", locale="en", page_budget=1, relevance=None
    )
    assert result.extra["budgetGrown"] is True
    assert result.extra["effectiveBudget"] == len(most_cut.pages)
    assert result.fits and result.page_budget == 1
    assert result.page_count <= result.extra["effectiveBudget"]
    assert len(result.trimmed) < len(trim_candidates(cv, None))


@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_section_titles_are_never_separated_from_their_first_item(design: str) -> None:
    """Push the content down three lines at a time over half a page: wherever the page break
    falls, a section title is on the same page as its first item."""
    titles = SECTION_TITLES["en"]
    sections = [
        (titles["experience"], "Senior Backend Engineer"),
        (titles["projects"], "pgschema-diff"),
        (titles["education"], "MSc, Computer Science"),
        (titles["languages"], "French (Native)"),
        (titles["certifications"], "Certified Kubernetes Administrator"),
        (titles["volunteering"], "PyCon France organiser"),
        (titles["interests"], "Trail running"),
    ]
    titles_opening_a_page = 0
    for extra in range(0, 30, 3):
        cv = sample_cv("en")
        cv.experience[0].bullets += [f"Shipped release {n} on schedule." for n in range(extra)]
        result = render_to_budget(
            cv.to_json(), design=design, locale="en", page_budget=4, relevance=None
        )
        with pdfplumber.open(io.BytesIO(result.pdf)) as doc:
            lines = [(page.extract_text() or "").lower().splitlines() for page in doc.pages]
        for title, first_item in sections:
            where = [
                (p, n)
                for p, page in enumerate(lines)
                for n, line in enumerate(page)
                if line.strip() == title.lower()
            ]
            assert len(where) == 1, (title, extra)
            page, line = where[0]
            after = " ".join(lines[page][line + 1 : line + 4])
            assert first_item.lower() in after, f"{title!r} left alone at a page end ({extra})"
            titles_opening_a_page += page > 0 and line == 0
    assert titles_opening_a_page >= 2  # page breaks did fall right before section titles


def _spilling_cv(extra: int) -> CvContent:
    cv = junior_cv()
    cv.experience[0].bullets += [
        f"Shipped release {n} of the billing service with its migration plan." for n in range(extra)
    ]
    return cv


def _first_spill() -> int:
    """The fewest added bullets that push the junior CV onto a second page: a few lines over."""
    low, high = 0, 60
    while high - low > 1:
        middle = (low + high) // 2
        pages = len(
            layout(render_cv_html(_spilling_cv(middle), design="classic", locale="en")).pages
        )
        low, high = (middle, high) if pages == 1 else (low, middle)
    return high


def test_a_tailored_cv_that_spills_a_few_lines_closes_up_with_nothing_cut() -> None:
    # Nothing is cut while the CV fits its budget (jobs/pipeline/core/sendable.py
    # cut_only_to_fit): a few lines on page 2 of a 2-page budget are an orphan page, which
    # the fit's ladder (tighter spacing, type no smaller than 9 pt) closes up onto page 1.
    extra = _first_spill()
    cv = _spilling_cv(extra)
    first = cv.experience[0]
    relevance = {
        bullet_key(first.id, i): (100.0 if i < len(first.bullets) - extra else 1.0 - i / 100)
        for i in range(len(first.bullets))
    }
    for scores in (None, relevance):
        own = render_to_budget(
            cv.to_json(),
            design="classic",
            locale="en",
            page_budget=2,
            relevance=scores,
            ladder=False,
        )
        assert own.page_count == 2 and own.extra["lastPageFill"] < ORPHAN_FILL
        result = render_to_budget(
            cv.to_json(), design="classic", locale="en", page_budget=2, relevance=scores
        )
        assert result.page_count == 1 and not result.trimmed and result.fits
        assert result.extra["compactStep"] >= 1
        text = " ".join(pages_text(result.pdf))
        assert all(b[:40] in text for b in first.bullets)


@pytest.mark.parametrize("extra", [8, 16, 24])
def test_a_tailored_cv_uses_its_pages(extra: int) -> None:
    """Whatever the length, within its budget: nothing cut; a short last page only where the
    ladder's floor cannot hold the CV on a page fewer."""
    cv = _spilling_cv(extra)
    first = cv.experience[0]
    relevance = {bullet_key(first.id, i): 1.0 - i / 100 for i in range(len(first.bullets))}
    result = render_to_budget(
        cv.to_json(), design="modern", locale="en", page_budget=2, relevance=relevance
    )
    assert result.fits and not result.trimmed
    if result.page_count == 2 and result.extra["lastPageFill"] < ORPHAN_FILL:
        floor = layout(render_cv_html(cv, design="modern", locale="en", compact=COMPACT_STEPS))
        assert len(floor.pages) == 2  # the orphan could not close up
