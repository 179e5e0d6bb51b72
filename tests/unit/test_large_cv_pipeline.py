"""The pipeline's offline steps on a CV at the largest size it must handle (300 experiences of
10 bullets): every step is linear in the CV's size, so this completes in seconds. No time is
asserted; a quadratic step shows as a test that takes minutes."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from app.lib.cv_content import CvContent, Experience, Project
from jobs.pipeline.core import offline
from jobs.pipeline.core.assemble import assemble
from jobs.pipeline.core.classify_rules import enforce_rules
from jobs.pipeline.core.context import OfferBrief, OfferContext
from jobs.pipeline.core.explain import offer_meta
from jobs.pipeline.core.fact_guard import SourceCorpus
from jobs.pipeline.core.guards import guard_skills
from jobs.pipeline.core.keep import restore_items, restore_skills
from jobs.pipeline.core.offline_run import tailor_offline
from jobs.pipeline.core.phase_guards import item_guard, rule_meta, summary_guard
from jobs.pipeline.core.rule_guards import RuledItem, RuledSummary
from jobs.pipeline.core.rules import TextRules
from jobs.pipeline.core.schemas import AdaptedItem
from jobs.pipeline.core.selection import adapted_text, kept_experiences, projects_to_adapt

TODAY = date(2026, 11, 1)
EXPERIENCES, BULLETS = 300, 10
VERBS = ["Built", "Led", "Optimised", "Designed", "Migrated", "Automated", "Tested", "Deployed"]
TOOLS = ["Python", "PostgreSQL", "Kubernetes", "Docker", "React", "Terraform", "Kafka", "Redis"]


def _bullet(i: int, j: int) -> str:
    return (
        f"{VERBS[j % len(VERBS)]} the {TOOLS[(i + j) % len(TOOLS)]} service {i}-{j} "
        f"for team {i % 17}, cutting latency by {10 + j}%"
    )


def big_cv() -> CvContent:
    return CvContent.model_validate(
        {
            "header": {"name": "Sam Sample", "current_title": "Backend engineer"},
            "summary": "Backend engineer. Builds data services.",
            "experience": [
                {
                    "id": f"exp_{i}",
                    "title": f"Backend engineer {i}",
                    "company": f"Company {i}",
                    "start": f"{2025 - i % 20}-01",
                    "end": f"{2025 - i % 20}-12",
                    "description": f"Work on {TOOLS[i % len(TOOLS)]} systems number {i}.",
                    "bullets": [_bullet(i, j) for j in range(BULLETS)],
                    "skills": [TOOLS[i % len(TOOLS)]],
                }
                for i in range(EXPERIENCES)
            ],
            "projects": [
                {"id": f"proj_{i}", "name": f"Project {i}", "bullets": [_bullet(i, 1)]}
                for i in range(30)
            ],
            "skills": [{"name": t} for t in TOOLS] + [{"name": f"Skill {k}"} for k in range(100)],
        }
    )


OFFER = OfferBrief(
    id=None,
    title="Backend engineer",
    company="Acme",
    location="Paris",
    language="en",
    description="We need a backend engineer with Python, PostgreSQL, Kubernetes and Kafka.",
    requirements=["Python", "PostgreSQL", "Kubernetes experience"],
    skills=["Python", "Kafka"],
)


def _adapt(
    ctx: OfferContext, items: Sequence[Experience | Project], corpus: SourceCorpus, phase: str
) -> list[AdaptedItem]:
    rules, needs = TextRules.of(ctx, offline.OfflineEngine.name), offline.needs_of(ctx)
    key = "experience" if phase == "batch_experience" else "project"
    out: list[AdaptedItem] = []
    for item in items:
        written = offline.run_phase(ctx, phase, {key: item.model_dump(mode="json")})
        cleaned, _ = item_guard(item, corpus, rules, needs)(written)
        out.append(RuledItem.model_validate(cleaned.model_dump()))
    return out


def test_worker_phases_on_a_large_cv() -> None:
    """The steps ``phases.process_offer`` runs, with the offline engine's answers."""
    cv = big_cv()
    ctx = OfferContext(
        task_id="t",
        offer_row_id="o",
        offer_index=0,
        total_offers=1,
        user_id="",
        source=cv,
        offer=OFFER,
        language="en",
        today=TODAY,
    )
    corpus = SourceCorpus.of(cv, OFFER.full_text())
    needs = offline.needs_of(ctx)
    classification, _ = enforce_rules(offline.classify(ctx, needs), ctx)
    kept = kept_experiences(cv, classification)
    to_adapt = projects_to_adapt(cv, classification)
    assert len(kept) > EXPERIENCES // 2
    experiences = _adapt(ctx, kept, corpus, "batch_experience")
    projects = _adapt(ctx, to_adapt, corpus, "batch_project")
    experiences, _ = restore_items(kept, experiences, needs)
    projects, _ = restore_items(to_adapt, projects, needs)
    text = adapted_text(experiences + projects)
    skills, _ = guard_skills(offline.adapt_skills(ctx, needs, text), corpus)
    skills, _ = restore_skills(cv.skills, skills, needs)
    rules = TextRules.of(ctx, offline.OfflineEngine.name)
    summary = RuledSummary.model_validate(
        summary_guard(corpus, rules)(offline.summary(ctx, needs, kept))[0].model_dump()
    )
    extras = offline.adapt_extras(ctx)
    tailored = assemble(
        cv, OFFER, "en", classification, experiences, projects, extras, skills, summary
    )
    assert len(tailored.experience) == len(kept)
    assert all(e.bullets for e in tailored.experience)
    assert offer_meta(ctx, classification, tailored, skills)["relevance"]
    assert rule_meta([*experiences, summary])["language_fallbacks"] == 0


def test_offline_tailoring_of_a_large_cv() -> None:
    tailoring = tailor_offline(big_cv(), OFFER, today=TODAY, source_language="en")
    assert len(tailoring.cv.experience) > EXPERIENCES // 2
