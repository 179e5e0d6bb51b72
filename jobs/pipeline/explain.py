"""What a tailored CV records about its choices, beside the classification: why each item was
kept, moved, condensed or removed and why skills went (codes the pages render in the reader's
language), the page budget's relevance map, and the languages involved.
"""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import CvContent
from app.lib.matching.relevance import budget_relevance
from jobs.pipeline.context import OfferContext
from jobs.pipeline.offline import needs_of
from jobs.pipeline.reasons import decision_reasons
from jobs.pipeline.schemas import Classification


def offer_meta(ctx: OfferContext, classification: Classification, cv: CvContent) -> dict[str, Any]:
    needs = needs_of(ctx)
    kept = {s.name.casefold() for s in cv.skills}
    return {
        "relevance": budget_relevance(cv, needs=needs),
        "reasons": decision_reasons(ctx.source, classification, needs, ctx.today),
        "removed_skill_reasons": {
            s.name: {"code": "unrelated_skill", "params": {}}
            for s in ctx.source.skills
            if s.name.casefold() not in kept
        },
        "language": ctx.language,
        "offer_language": ctx.offer.language,
    }
