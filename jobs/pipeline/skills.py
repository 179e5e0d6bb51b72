"""Phase 1b — skills, after experiences and projects (it reads their adapted text)."""

from __future__ import annotations

from app.db.models.status import OfferStep
from jobs.pipeline.core.fact_guard import SourceCorpus
from jobs.pipeline.core.guards import guard_skills
from jobs.pipeline.core.schemas import AdaptedItem, AdaptedSkills
from jobs.pipeline.core.selection import adapted_text
from jobs.pipeline.core.skill_terms import categories_in
from jobs.pipeline.runner import OfferRun


async def adapt_skills(
    run: OfferRun, experiences: list[AdaptedItem], projects: list[AdaptedItem], corpus: SourceCorpus
) -> AdaptedSkills:
    await run.progress(OfferStep.SKILLS, "running", offer_status="batching")
    items = experiences + projects
    # The adapted text once, and the items' skills once: the whole source CV and the offer are
    # in the system turn already, and a local server's context (8k tokens) has no room for
    # every item written out twice more.
    item = {
        "source_skills": [s.model_dump(mode="json") for s in run.ctx.source.skills],
        "adapted_text": adapted_text(items),
        "adapted_item_skills": list(dict.fromkeys(s for i in items for s in i.skills)),
        "categories": list(categories_in(run.ctx.language)),
    }
    language = run.ctx.language
    result = await run.call(
        "batch_skills", item, None, lambda out: guard_skills(out, corpus, language), AdaptedSkills
    )
    await run.progress(OfferStep.SKILLS, "completed")
    return result
