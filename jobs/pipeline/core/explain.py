"""What a tailored CV records about its choices, beside the classification: why each item was
kept, moved, condensed or removed and why skills went (codes the pages render in the reader's
language), the page budget's relevance map, and the languages involved.
"""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import CvContent
from app.lib.matching.relevance import budget_relevance
from jobs.pipeline.core.context import OfferContext
from jobs.pipeline.core.evidence import bank_meta
from jobs.pipeline.core.offline import needs_of
from jobs.pipeline.core.reasons import decision_reasons
from jobs.pipeline.core.schemas import AdaptedSkills, Classification


def skills_changes(source: CvContent, skills: AdaptedSkills) -> dict[str, Any]:
    source_names = [s.name for s in source.skills]
    before = {n.casefold() for n in source_names}
    after = [s.name for s in skills.skills]
    after_folded = {n.casefold() for n in after}
    return {
        "added": [
            {"name": s.name, "evidence": s.evidence}
            for s in skills.skills
            if s.name.casefold() not in before
        ],
        "removed": [n for n in source_names if n.casefold() not in after_folded],
        "reordered": [n for n in after if n.casefold() in before]
        != [n for n in source_names if n.casefold() in after_folded],
        # Why each went: the offer does not ask for it (rendered in the reader's language).
        "removed_reasons": {
            n: {"code": "unrelated_skill", "params": {}}
            for n in source_names
            if n.casefold() not in after_folded
        },
    }


def offer_meta(
    ctx: OfferContext, classification: Classification, cv: CvContent, skills: AdaptedSkills
) -> dict[str, Any]:
    needs = needs_of(ctx)
    return {
        "relevance": budget_relevance(cv, needs=needs),
        "reasons": decision_reasons(ctx.source, classification, needs, ctx.today),
        "skills_changes": skills_changes(ctx.source, skills),
        # The achievements of the bank the run could use, per experience (the changes view).
        "bank": bank_meta(ctx.source),
        "language": ctx.language,
        "offer_language": ctx.offer.language,
    }
