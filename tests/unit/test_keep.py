"""Nothing relevant lost: evidence bullets and asked-for skills a rewrite dropped come back."""

from __future__ import annotations

from datetime import date

from app.lib.cv_content import CvContent, Experience, Skill
from app.lib.matching.analysis import OfferText
from app.lib.matching.relevance import OfferNeeds
from jobs.pipeline.core.context import OfferBrief
from jobs.pipeline.core.keep import (
    carried,
    guard_item_keep,
    restore_item,
    restore_items,
    restore_skills,
)
from jobs.pipeline.core.offline_run import tailor_offline
from jobs.pipeline.core.rule_guards import RuledItem
from jobs.pipeline.core.rules import TextRules
from jobs.pipeline.core.schemas import AdaptedItem, AdaptedSkills, SkillOut

OFFER = OfferBrief(
    id="o1",
    title="Python Backend Engineer",
    company="Tidewater Labs",
    location="Nantes",
    language="en",
    description="You will cut API latency. Redis and PostgreSQL experience required.",
    requirements=["Low latency APIs", "Redis", "PostgreSQL"],
    skills=["Python", "Redis", "PostgreSQL", "Kafka"],
)
NEEDS = OfferNeeds(OfferText.of(OFFER))
LATENCY = "Cut p95 latency from 750 ms to 160 ms with Redis caching in front of PostgreSQL"
KAFKA = "Built a Kafka event pipeline for 9 warehouses"
JOB = Experience(
    id="exp_dock",
    title="Backend Engineer",
    company="Dockside Parcels",
    start="2022-01",
    current=True,
    bullets=[LATENCY, KAFKA, "Organised the office book club", "Ran the team's hiring fair"],
    skills=["Python", "Redis", "Figma"],
)


def _adapted(*bullets: str, skills: list[str] | None = None) -> AdaptedItem:
    return AdaptedItem(id=JOB.id, bullets=list(bullets), skills=skills or ["Python", "Redis"])


def test_carried_by_the_same_requirement_concepts_or_a_paraphrase() -> None:
    # Same concepts (latency, Redis, PostgreSQL), other words: carried.
    assert carried(LATENCY, ["Reduced PostgreSQL API latency by caching in Redis"], NEEDS)
    # Part of the concepts only: the latency evidence went.
    assert not carried(LATENCY, ["Used Redis and PostgreSQL daily"], NEEDS)
    # A close paraphrase, whatever the concepts.
    assert carried(KAFKA, ["Built the Kafka event pipeline serving 9 warehouses"], NEEDS)
    assert not carried(KAFKA, ["Organised the office book club"], NEEDS)


def test_a_dropped_evidence_bullet_is_restored_verbatim_before_unrelated_ones() -> None:
    rewrite = _adapted(KAFKA, "Organised the office book club")
    fixed, back = restore_item(JOB, rewrite, NEEDS)
    assert back == [LATENCY]
    assert fixed.bullets == [KAFKA, LATENCY, "Organised the office book club"]
    # Between phases (no way to tell the CV's language) only evidence comes back.
    assert "Ran the team's hiring fair" not in fixed.bullets


def test_a_cv_is_never_thinned_for_relevance_the_other_bullets_come_back_last() -> None:
    """The page budget cuts the least relevant bullets only when the CV does not fit."""
    rewrite = _adapted(KAFKA, "Organised the office book club")
    fixed, back = restore_item(JOB, rewrite, NEEDS, others=True)
    assert back == [LATENCY]  # evidence: named to the repair round
    assert fixed.bullets == [
        KAFKA,
        LATENCY,
        "Organised the office book club",
        "Ran the team's hiring fair",  # shows nothing asked: last, in the author's words
    ]
    evidence_only, _ = restore_item(JOB, rewrite, NEEDS)
    assert "Ran the team's hiring fair" not in evidence_only.bullets


def test_a_rewrite_that_keeps_everything_is_left_as_it_is() -> None:
    rewrite = _adapted(
        "Reduced API latency by caching PostgreSQL reads in Redis (750→160 ms)", KAFKA
    )
    fixed, back = restore_item(JOB, rewrite, NEEDS)
    assert back == [] and fixed == rewrite


def test_strongest_first_and_every_lost_evidence_bullet() -> None:
    fixed, back = restore_item(JOB, _adapted("Organised the office book club"), NEEDS)
    assert back == [LATENCY, KAFKA]  # latency + Redis + PostgreSQL outweighs Kafka
    assert fixed.bullets == [LATENCY, KAFKA, "Organised the office book club"]


def test_an_items_own_asked_for_skills_come_back() -> None:
    fixed, _ = restore_item(JOB, _adapted(LATENCY, KAFKA, skills=["Figma"]), NEEDS)
    assert fixed.skills == ["Figma", "Python", "Redis"]  # Figma: not asked, but the model's choice


def test_restore_items_by_id() -> None:
    other = AdaptedItem(id="unknown", bullets=["Something"])
    items, restored = restore_items([JOB], [_adapted(KAFKA), other], NEEDS)
    assert restored == {JOB.id: [LATENCY]}
    assert items[1] is other


SOURCE_SKILLS = [
    Skill(name="Python", category="Languages"),
    Skill(name="PostgreSQL", category="Databases"),
    Skill(name="Redis", category="Databases"),
    Skill(name="Photoshop", category="Tools"),
]


def test_asked_for_skills_cannot_be_dropped() -> None:
    model = AdaptedSkills(skills=[SkillOut(name="Python"), SkillOut(name="Photoshop")])
    fixed, back = restore_skills(SOURCE_SKILLS, model, NEEDS)
    assert back == ["PostgreSQL", "Redis"]
    assert [s.name for s in fixed.skills] == ["Python", "PostgreSQL", "Redis", "Photoshop"]
    assert fixed.skills[1].category == "Databases"
    # Kept under another spelling: not added twice; an unrelated skill dropped stays dropped.
    renamed = AdaptedSkills(
        skills=[SkillOut(name="python"), SkillOut(name="Postgres"), SkillOut(name="Redis")]
    )
    fixed, back = restore_skills(SOURCE_SKILLS, renamed, NEEDS)
    assert back == [] and fixed == renamed


def test_the_offline_engine_output_is_never_touched() -> None:
    """It keeps every bullet (evidence first) and every asked-for skill."""
    many = [f"Tuned Redis cluster number {i} for lower latency" for i in range(12)]
    source = CvContent(
        experience=[JOB, JOB.model_copy(update={"id": "exp_many", "bullets": many})],
        skills=SOURCE_SKILLS,
    )
    result = tailor_offline(source, OFFER, today=date(2026, 11, 1), source_language="en")
    adapted = [
        AdaptedItem(id=e.id, description=e.description, bullets=e.bullets, skills=e.skills)
        for e in result.cv.experience
    ]
    assert result.cv.experience[1].bullets == many  # all of them: the page budget cuts, not it
    assert restore_items(source.experience, adapted, NEEDS)[1] == {}
    skills = AdaptedSkills(skills=[SkillOut(name=s.name) for s in result.cv.skills])
    assert restore_skills(source.skills, skills, NEEDS)[1] == []


# --- the item guard's keep stage (repair round first, verbatim fallback) --------------------

FR_LATENCY = "Réduction de la latence p95 de 750 ms à 160 ms grâce à un cache Redis"


def _rules(language: str) -> TextRules:
    return TextRules(language, CvContent(experience=[JOB]))


def test_a_translated_bullet_with_the_same_figures_is_carried_and_not_duplicated() -> None:
    # French rewrite of an English bullet: no shared stems, the figures tell it is the same.
    assert carried(LATENCY, [FR_LATENCY], NEEDS)
    out = RuledItem(id=JOB.id, bullets=[FR_LATENCY, "Pipeline d'événements Kafka pour 9 entrepôts"])
    cleaned, checked = guard_item_keep(out, JOB, NEEDS, _rules("fr"))
    assert checked.bad == [] and cleaned.restored == []
    assert cleaned.bullets[:2] == out.bullets and LATENCY not in cleaned.bullets
    # The bullet the translation dropped comes back last (then translated alone by the
    # runner, or printed in its author's words): a CV is never thinned, in any language.
    assert cleaned.bullets[2:] == [b for b in JOB.bullets if b not in (LATENCY, KAFKA)]


def test_a_lost_bullet_is_named_to_the_repair_round_in_the_target_language() -> None:
    out = RuledItem(id=JOB.id, bullets=["Pipeline d'événements Kafka pour 9 entrepôts"])
    cleaned, checked = guard_item_keep(out, JOB, NEEDS, _rules("fr"))
    assert len(checked.bad) == 1
    assert LATENCY in checked.bad[0] and "rewritten in French" in checked.bad[0]
    # Meanwhile (and if the repair loses it again) it is back verbatim, and the CV records
    # both the restoration and that an English sentence stands in a French CV.
    assert LATENCY in cleaned.bullets and cleaned.restored == [LATENCY]
    assert cleaned.fallbacks.count("restored") == 1 and "language" in cleaned.fallbacks


def test_a_restored_bullet_in_the_cv_language_is_not_a_language_fallback() -> None:
    out = RuledItem(id=JOB.id, bullets=[KAFKA])
    cleaned, checked = guard_item_keep(out, JOB, NEEDS, _rules("en"))
    assert cleaned.restored == [LATENCY] and "language" not in cleaned.fallbacks
    assert len(checked.bad) == 1
