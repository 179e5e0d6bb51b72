"""Phase 1 — batches: one call per kept experience, one per project (kept + moved), one for
extras. ``phases.process_offer`` runs the three groups at once; inside a group the calls run at
once too.
"""

from __future__ import annotations

from app.db.models.status import OfferStep
from app.lib.cv_content import Experience, Project
from jobs.pipeline.core.evidence import experience_item
from jobs.pipeline.core.fact_guard import SourceCorpus
from jobs.pipeline.core.offline import needs_of
from jobs.pipeline.core.phase_guards import extras_guard, item_guard
from jobs.pipeline.core.rule_guards import RuledExtras, RuledItem
from jobs.pipeline.core.rules import TextRules
from jobs.pipeline.core.schemas import AdaptedExtras, AdaptedItem
from jobs.pipeline.runner import OfferRun
from jobs.pipeline.together import run_together


async def adapt_experiences(
    run: OfferRun, experiences: list[Experience], corpus: SourceCorpus
) -> list[AdaptedItem]:
    await run.progress(OfferStep.EXPERIENCES, "running", offer_status="batching")
    rules, needs = TextRules.of(run.ctx, run.engine.name), needs_of(run.ctx)
    kept = {exp.id for exp in experiences}  # a set: a CV's size must not square the work
    results = await run_together(
        *(
            run.call(
                "batch_experience",
                {"experience": experience_item(exp)},
                index,
                item_guard(exp, corpus, rules, needs),
                RuledItem,
            )
            for index, exp in enumerate(run.ctx.source.experience)
            if exp.id in kept
        )
    )
    await run.progress(OfferStep.EXPERIENCES, "completed")
    return list(results)


async def adapt_projects(
    run: OfferRun, projects: list[Project], corpus: SourceCorpus
) -> list[AdaptedItem]:
    await run.progress(OfferStep.PROJECTS, "running", offer_status="batching")
    rules, needs = TextRules.of(run.ctx, run.engine.name), needs_of(run.ctx)
    results = await run_together(
        *(
            run.call(
                "batch_project",
                {"project": proj.model_dump(mode="json")},
                index,
                item_guard(proj, corpus, rules, needs),
                RuledItem,
            )
            for index, proj in enumerate(projects)
        )
    )
    await run.progress(OfferStep.PROJECTS, "completed")
    return list(results)


async def adapt_extras(run: OfferRun, corpus: SourceCorpus) -> AdaptedExtras:
    await run.progress(OfferStep.EXTRAS, "running", offer_status="batching")
    extras = run.ctx.source.extras
    if extras.is_empty():
        result = AdaptedExtras()
    else:
        result = await run.call(
            "batch_extras",
            {"extras": extras.model_dump(mode="json")},
            None,
            extras_guard(corpus, TextRules.of(run.ctx, run.engine.name)),
            RuledExtras,
        )
    await run.progress(OfferStep.EXTRAS, "completed")
    return result
