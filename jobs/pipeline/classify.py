"""Phase 0.5 — classification: one call for the whole CV, its answer corrected by the code's
rules (``core/classify_rules.py``) before it is stored."""

from __future__ import annotations

from app.db.models.status import OfferStep
from jobs.pipeline.core.classify_rules import classify_item, enforce_rules
from jobs.pipeline.core.schemas import Classification
from jobs.pipeline.runner import OfferRun


async def classify(run: OfferRun) -> Classification:
    await run.progress(OfferStep.CLASSIFY, "running", offer_status="classifying")
    result = await run.call(
        "classify",
        classify_item(run.ctx.source),
        None,
        lambda out: enforce_rules(out, run.ctx),
        Classification,
    )
    await run.save_offer(classification_result=result.model_dump(mode="json"))
    await run.progress(OfferStep.CLASSIFY, "completed")
    return result
