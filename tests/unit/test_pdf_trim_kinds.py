"""The page budget cuts interests and skills too, least relevant first: a one-page budget on a
long synthetic CV drops interests and unrelated skills before a strong bullet, keeps the
minimums, and the PDF read back by pdfplumber no longer holds what the result says was cut."""

from __future__ import annotations

import io
import json
import re

import pdfplumber
import pytest

from app.lib.cv_content import CvContent, Experience, ExtraItem, Extras, Header, Project, Skill
from app.lib.pdf_render import DESIGNS
from app.lib.pdf_render.budget import (
    MIN_SKILLS_KEPT,
    bullet_key,
    default_page_budget,
    extra_key,
    interest_key,
    skill_key,
    trim_candidates,
)
from app.lib.pdf_render.designs import SECTION_TITLES
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.html import render_cv_html
from app.lib.pdf_render.layout import layout, measure
from app.lib.pdf_render.result import TrimmedBullet, TrimmedItem

# Invented analyst: skills an offer for a reporting role wants, and ones it does not.
RELATED_SKILLS = ["Power BI", "DAX", "SQL", "Excel", "Data modelling", "Python", "Tableau"]
UNRELATED_SKILLS = [
    "Fortran",
    "Blender",
    "AutoCAD",
    "Kotlin",
    "Unity",
    "Solidworks",
    "Cobol",
    "Photoshop",
    "Haskell",
    "Ableton",
    "LabVIEW",
    "Elixir",
    "Maya",
    "Verilog",
    "Lua",
    "Erlang",
    "InDesign",
    "Prolog",
    "Ruby",
    "Scala",
    "Zig",
    "Houdini",
    "OCaml",
    "Ada",
]
INTERESTS = ["Orienteering", "Beekeeping", "Pottery", "Kite surfing", "Origami"]
STRONG = "Designed 24 Power BI reports read every Monday by the regional sales managers."


def _bullets(prefix: str, count: int) -> list[str]:
    return [
        f"{prefix} task {n}: consolidated weekly figures from the field offices into one "
        f"reviewed workbook and explained the variances to the controllers."
        for n in range(count)
    ]


def analyst_cv() -> CvContent:
    """Four years of experience (a one-page budget), with far more than one page to say."""
    first = Experience(
        id="exp_a",
        title="Reporting Analyst",
        company="Quillon Retail",
        start="2024-01",
        current=True,
        bullets=[
            "Owned the monthly revenue model used in the board pack.",
            STRONG,
            *_bullets("Quillon", 8),
        ],
    )
    second = Experience(
        id="exp_b",
        title="Junior Analyst",
        company="Marrowby Foods",
        start="2022-11",
        end="2023-12",
        bullets=_bullets("Marrowby", 9),
    )
    project = Project(id="proj_a", name="Stock-out radar", bullets=_bullets("Radar", 4))
    skills = [Skill(name=name, category="Reporting") for name in RELATED_SKILLS]
    skills += [Skill(name=name, category="Other tools") for name in UNRELATED_SKILLS]
    return CvContent(
        header=Header(name="Ilse Varga", current_title="Reporting Analyst"),
        summary="Analyst turning sales and stock data into reports managers act on.",
        experience=[first, second],
        projects=[project],
        skills=skills,
        extras=Extras(interests=INTERESTS),
    )


def analyst_relevance(cv: CvContent, *, interests: bool = True) -> dict[str, float]:
    """What the pipeline would give: requirement evidence high, unrelated low, interests lowest."""
    scores: dict[str, float] = {}
    for rank, item in enumerate([*cv.experience, *cv.projects]):
        for index in range(len(item.bullets)):
            scores[bullet_key(item.id, index)] = 0.6 - rank * 0.1 - index * 0.01
    scores[bullet_key("exp_a", 0)] = 0.97
    scores[bullet_key("exp_a", 1)] = 0.95  # the Power BI bullet: second best of its job
    for index, skill in enumerate(cv.skills):
        related = skill.name in RELATED_SKILLS
        scores[skill_key(index)] = 0.9 - index * 0.01 if related else 0.1 - index * 0.001
    if interests:
        for index in range(len(cv.extras.interests)):
            scores[interest_key(index)] = 0.01
    return scores


def pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return re.sub(r"\s+", " ", " ".join(page.extract_text() or "" for page in doc.pages))


def test_keys_and_candidate_order() -> None:
    assert (skill_key(3), interest_key(0)) == ("skill:3", "interest:0")
    cv = analyst_cv()
    cv.extras.interests.append("   ")  # blank: nothing to cut
    candidates = trim_candidates(cv, analyst_relevance(cv))
    scores = [c.relevance for c in candidates]
    assert scores == sorted(scores)
    kinds = [c.kind for c in candidates]
    assert kinds[: len(INTERESTS)] == ["interest"] * len(INTERESTS)
    skills = [c for c in candidates if c.kind == "skill"]
    # Cut at most down to MIN_SKILLS_KEPT, and what stays is the highest scored.
    assert len(skills) == len(cv.skills) - MIN_SKILLS_KEPT
    assert {c.text for c in skills} == set(UNRELATED_SKILLS + RELATED_SKILLS[MIN_SKILLS_KEPT:])
    # Every unrelated skill goes before the first bullet; the Power BI bullet after them all.
    first_bullet = kinds.index("bullet")
    assert all(c.text in UNRELATED_SKILLS for c in candidates[len(INTERESTS) : first_bullet])
    assert [c.key for c in candidates].index(bullet_key("exp_a", 1)) > first_bullet
    assert bullet_key("exp_a", 0) not in {c.key for c in candidates}  # each item's best stays

    # Unscored interests go before everything, even scored bullets; unscored skills never go.
    partial = {k: v for k, v in analyst_relevance(cv, interests=False).items() if "skill" not in k}
    partial[skill_key(0)] = -5.0  # a scored skill may still go, right after the interests
    candidates = trim_candidates(cv, partial)
    assert [c.kind for c in candidates[: len(INTERESTS)]] == ["interest"] * len(INTERESTS)
    assert candidates[len(INTERESTS)].key == skill_key(0)
    assert {c.key for c in candidates if c.kind == "skill"} == {skill_key(0)}
    # A CV with few skills keeps them all, scored or not.
    few = CvContent(skills=[Skill(name=f"Tool {n}") for n in range(MIN_SKILLS_KEPT)])
    assert trim_candidates(few, {skill_key(n): 0.0 for n in range(MIN_SKILLS_KEPT)}) == []


def test_skills_and_interests_are_measured() -> None:
    cv = analyst_cv()
    for design in DESIGNS:
        document = layout(render_cv_html(cv, design=design, locale="en"))
        measured = measure(document, 1)
        assert measured is not None
        keys = [skill_key(i) for i in range(len(cv.skills))]
        keys += [interest_key(i) for i in range(len(INTERESTS))]
        assert all(measured.heights[key] > 0 for key in keys), design
        # The interests share their whole section: a title and one or two lines of text.
        section = sum(measured.heights[interest_key(i)] for i in range(len(INTERESTS)))
        assert 25 < section < 90, (design, section)
        assert measured.heights[bullet_key("exp_b", 0)] > 10


@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_one_page_cuts_interests_and_unrelated_skills_before_a_strong_bullet(design: str) -> None:
    cv = analyst_cv()
    assert default_page_budget(cv) == 1
    assert len(layout(render_cv_html(cv, design=design, locale="en")).pages) > 1
    relevance = analyst_relevance(cv)
    # The cut order of rules 1-5 at the design's own type (the ladder of rule 0 apart).
    result = render_to_budget(
        cv.to_json(), design=design, locale="en", page_budget=1, relevance=relevance, ladder=False
    )
    assert result.fits and result.page_count == 1
    # The search guesses from measured heights; giving back what fits the room left adds a few.
    assert result.layout_passes <= 8, "each pass cuts what the overflow measured"
    cut = {t.key: t for t in result.trimmed}
    kinds = {t.kind for t in result.trimmed}
    assert kinds == {"interest", "skill", "bullet"}, kinds
    # Least useful first: what was cut is among the lowest-ranked candidates; one ranked lower
    # that stayed was given back to fill the room left (fit.py, rule 4), and no cut item fits
    # the room that is left.
    order = [c.key for c in trim_candidates(cv, relevance)]
    last = max(order.index(key) for key in cut)
    assert all(order.index(key) <= last for key in cut)
    free = result.extra["lastPageFree"]
    assert set(result.extra["trimmedHeights"]) == set(cut)
    assert all(height > free for height in result.extra["trimmedHeights"].values())
    assert all(interest_key(i) in cut for i in range(len(INTERESTS)))
    unrelated = {
        skill_key(i): s.name for i, s in enumerate(cv.skills) if s.name in UNRELATED_SKILLS
    }
    given_back = [name for key, name in unrelated.items() if key not in cut]
    # Some may have been given back to fill the room left (the end of a line of tags, say).
    assert len(given_back) < len(unrelated)
    assert bullet_key("exp_a", 1) not in cut

    text = pdf_text(result.pdf)
    assert STRONG in text
    for name in INTERESTS + UNRELATED_SKILLS:
        assert (name in text) == (name in given_back), name
    for name in RELATED_SKILLS:
        assert name in text, name
    # An emptied section disappears, heading included; an emptied skill group too.
    assert SECTION_TITLES["en"]["interests"] not in text
    assert ("other tools" in text.lower()) == bool(given_back) and "reporting" in text.lower()
    for trimmed in result.trimmed:
        assert trimmed.section == {"bullet": trimmed.section, "skill": "skills"}.get(
            trimmed.kind, "interests"
        )
        if trimmed.kind == "bullet":
            assert trimmed.key == bullet_key(trimmed.item_id, trimmed.index)
        else:
            assert trimmed.item_id == "" and trimmed.key.endswith(f":{trimmed.index}")
    # The recorded meta says what kind each cut was, and reads back the same.
    stored = json.loads(json.dumps(result.meta()))["trimmed"]
    assert [TrimmedItem.from_json(t) for t in stored] == result.trimmed
    assert {t["kind"] for t in stored} == kinds


def test_the_budget_grows_when_nothing_more_may_go() -> None:
    """Over a page of text nothing may cut: rather than every candidate cut and still over, the
    budget grows to the pages the most cut version takes, and the fit starts again there."""
    cv = analyst_cv()
    cv.summary = " ".join([cv.summary] * 150)  # over a page of text nothing may cut
    relevance = analyst_relevance(cv)
    result = render_to_budget(
        cv.to_json(), design="classic", locale="en", page_budget=1, relevance=relevance
    )
    assert result.extra["budgetGrown"] is True
    grown = result.extra["effectiveBudget"]
    assert grown > 1 and result.page_budget == 1
    assert result.fits and result.page_count <= grown
    # Fitted on the grown budget from zero cuts: fewer cuts than every candidate.
    assert len(result.trimmed) < len(trim_candidates(cv, relevance))
    text = pdf_text(result.pdf)
    assert "Owned the monthly revenue model" in text and STRONG in text
    kept_skills = [s.name for s in cv.skills if s.name in text]
    assert RELATED_SKILLS[:MIN_SKILLS_KEPT] == kept_skills[:MIN_SKILLS_KEPT]
    # The record says so, and reads back.
    meta = json.loads(json.dumps(result.meta()))
    assert meta["budgetGrown"] is True and meta["effectiveBudget"] == grown
    assert meta["pageBudget"] == 1 and meta["fits"] is True


def test_without_scores_skills_stay_and_interests_go_first() -> None:
    cv = analyst_cv()
    result = render_to_budget(
        cv.to_json(), design="modern", locale="en", page_budget=1, relevance=None
    )
    assert result.trimmed and all(t.kind != "skill" for t in result.trimmed)
    assert [t.kind for t in result.trimmed[: len(INTERESTS)]] == ["interest"] * len(INTERESTS)
    text = pdf_text(result.pdf)
    assert all(name in text for name in RELATED_SKILLS + UNRELATED_SKILLS)
    assert not any(name in text for name in INTERESTS)


def test_renders_recorded_before_kinds_read_as_bullets() -> None:
    old = {"key": "exp_a:2", "section": "experience", "item_id": "exp_a", "index": 2}
    item = TrimmedBullet.from_json({**old, "text": "A bullet.", "relevance": 0.3})
    assert item.kind == "bullet" and TrimmedBullet is TrimmedItem
    assert item.to_json()["kind"] == "bullet"


def test_scored_certifications_and_awards_go_before_evidence_and_unscored_ones_stay() -> None:
    cv = analyst_cv()
    cv.extras.certifications = [
        ExtraItem(id="cert_bi", name="Power BI Data Analyst certificate", issuer="Vendor"),
        ExtraItem(id="cert_dive", name="Open water diver", issuer="Diving school"),
    ]
    cv.extras.awards = [ExtraItem(id="award_chess", name="Regional chess cup, third place")]
    items = [*cv.experience, *cv.projects]
    relevance = {bullet_key(i.id, n): 50.0 for i in items for n in range(len(i.bullets))}
    relevance |= {bullet_key("exp_a", 1): 150.0, bullet_key("exp_a", 0): 140.0}
    relevance |= {extra_key("cert_bi"): 120.0}
    relevance |= {extra_key("cert_dive"): 0.8, extra_key("award_chess"): 0.8}
    keys = [c.key for c in trim_candidates(cv, relevance)]
    assert keys.index(extra_key("award_chess")) < keys.index(extra_key("cert_bi"))
    assert keys.index(extra_key("cert_dive")) < keys.index(bullet_key("exp_a", 0))
    unscored = [c.key for c in trim_candidates(cv, {}) if c.kind == "extra"]
    assert unscored == []  # a source CV's own certifications are never cut
    result = render_to_budget(
        cv.to_json(), design="classic", locale="en", page_budget=1, relevance=relevance
    )
    cut = {t.key: t.kind for t in result.trimmed}
    assert cut.get(extra_key("award_chess")) == "extra"
    text = pdf_text(result.pdf)
    assert "Regional chess cup" not in text
    assert "Power BI Data Analyst certificate" in text
