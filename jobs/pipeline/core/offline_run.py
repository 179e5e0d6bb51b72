"""The offline engine's whole tailoring of one CV for one offer, in memory: the same phases,
guards and recompose the worker runs (``process_offer`` in ``jobs/pipeline/phases.py``),
without a database, Redis or render. ``make eval-tailor`` measures it; a test checks it equals
the worker's CV.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from app.lib.cv_content import CvContent
from jobs.pipeline.core import offline
from jobs.pipeline.core.assemble import assemble
from jobs.pipeline.core.classify_rules import enforce_rules
from jobs.pipeline.core.context import OfferBrief, OfferContext
from jobs.pipeline.core.explain import offer_meta
from jobs.pipeline.core.fact_guard import SourceCorpus
from jobs.pipeline.core.fragments import rejoin_fragments
from jobs.pipeline.core.guards import guard_extras, guard_item, guard_skills, guard_summary
from jobs.pipeline.core.offline import needs_of
from jobs.pipeline.core.rules import TextRules
from jobs.pipeline.core.schemas import AdaptedExtras, Classification
from jobs.pipeline.core.selection import adapted_text, kept_experiences, projects_to_adapt
from jobs.pipeline.core.sendable_repair import finish
from jobs.pipeline.core.text import guess_language


@dataclass(frozen=True, slots=True)
class OfflineTailoring:
    cv: CvContent
    language: str
    classification: Classification
    relevance: dict[str, float]
    meta: dict[str, Any]


def tailor_offline(
    source: CvContent, offer: OfferBrief, *, today: date, source_language: str | None = None
) -> OfflineTailoring:
    source = rejoin_fragments(source)  # as the worker's load_source (offer_setup.py)
    language = source_language or guess_language(source.full_text(), offer.language)
    ctx = OfferContext(
        task_id="offline",
        offer_row_id="offline",
        offer_index=0,
        total_offers=1,
        user_id="",
        source=source,
        offer=offer,
        language=language,
        today=today,
    )
    corpus = SourceCorpus.of(source, offer.full_text())
    needs = needs_of(ctx)
    classification, _ = enforce_rules(offline.classify(ctx, needs), ctx)
    kept = kept_experiences(source, classification)
    experiences = [guard_item(offline.adapt_item(e, needs, language), e, corpus)[0] for e in kept]
    projects = [
        guard_item(offline.adapt_item(p, needs), p, corpus)[0]
        for p in projects_to_adapt(source, classification)
    ]
    extras = AdaptedExtras()
    if not source.extras.is_empty():
        extras = guard_extras(offline.adapt_extras(ctx), source, corpus)[0]
    text = adapted_text(experiences + projects)
    skills = guard_skills(offline.adapt_skills(ctx, needs, text), corpus, language)[0]
    fallback = TextRules.of(ctx, offline.OFFLINE_MODEL).summary_fallback  # as the worker's
    summary = guard_summary(offline.summary(ctx, needs, kept), source, corpus, fallback)[0]
    cv = assemble(
        source, offer, language, classification, experiences, projects, extras, skills, summary
    )
    cv, meta = finish(
        source, offer, cv, language, today, lambda c: offer_meta(ctx, classification, c, skills)
    )
    return OfflineTailoring(
        cv=cv,
        language=language,
        classification=classification,
        relevance=meta["relevance"],
        meta=meta,
    )
