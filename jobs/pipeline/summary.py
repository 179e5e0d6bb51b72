"""Phase 1c — the summary, after skills and extras: it synthesises the adapted CV."""

from __future__ import annotations

from app.db.models.status import OfferStep
from app.lib.cv_content import Experience
from jobs.pipeline.core.fact_guard import SourceCorpus
from jobs.pipeline.core.phase_guards import summary_guard
from jobs.pipeline.core.rule_guards import RuledSummary
from jobs.pipeline.core.rules import TextRules
from jobs.pipeline.core.schemas import AdaptedExtras, AdaptedItem, AdaptedSkills, Summary
from jobs.pipeline.runner import OfferRun


async def write_summary(
    run: OfferRun,
    kept: list[Experience],
    experiences: list[AdaptedItem],
    skills: AdaptedSkills,
    extras: AdaptedExtras,
    corpus: SourceCorpus,
) -> Summary:
    await run.progress(OfferStep.SUMMARY, "running", offer_status="batching")
    adapted = {a.id: a for a in experiences}
    item = {
        # Immutable facts from the source, rewritten text from the batches.
        "experiences": [
            {
                **e.model_dump(mode="json"),
                "bullets": adapted[e.id].bullets if e.id in adapted else e.bullets,
            }
            for e in kept
        ],
        "skills": skills.model_dump(mode="json"),
        "extras": extras.model_dump(mode="json", exclude={"fallbacks"}),
    }
    rules = TextRules.of(run.ctx, run.engine.name)
    result = await run.call("batch_summary", item, None, summary_guard(corpus, rules), RuledSummary)
    await run.progress(OfferStep.SUMMARY, "completed")
    return result
