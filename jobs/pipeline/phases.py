"""One offer's phases in their dependency order — read ``process_offer``:

    classify ─► ( experiences ‖ projects ‖ extras ) ─► skills ─► summary ─► recompose

Each phase is one function (``classify.py``, ``batch.py``, ``skills.py``, ``summary.py``,
``recompose.py``) over an ``OfferRun`` (``runner.py``: LLM calls and their subtask rows); what
the phases compute between calls is the pure core (``core/``). The task around the offers
(retries, refunds, the final event) is ``orchestrator.py``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from app.db.models import CvFile
from app.db.models.status import OfferStep
from app.domain.renders.services import record_render, spec_for
from app.lib.pdf_render import RenderResult
from app.lib.pdf_render.designs import DEFAULT_DESIGN
from jobs.pipeline.batch import adapt_experiences, adapt_extras, adapt_projects
from jobs.pipeline.classify import classify
from jobs.pipeline.core.assemble import assemble
from jobs.pipeline.core.explain import offer_meta
from jobs.pipeline.core.fact_guard import SourceCorpus
from jobs.pipeline.core.keep import Restored, restore_items, restore_skills
from jobs.pipeline.core.offline import needs_of
from jobs.pipeline.core.phase_guards import rule_meta
from jobs.pipeline.core.selection import kept_experiences, projects_to_adapt
from jobs.pipeline.core.sendable_repair import finish, page_check
from jobs.pipeline.recompose import (
    announce,
    build_cv_file,
    generation_meta,
    record_page_check,
    save_generated_cv,
)
from jobs.pipeline.runner import OfferRun
from jobs.pipeline.skills import adapt_skills
from jobs.pipeline.summary import write_summary
from jobs.pipeline.together import run_together
from jobs.render import render_spec_pdf

Renderer = Callable[[CvFile], Awaitable[RenderResult]]


def pdf_renderer(settings: Settings, sessions: async_sessionmaker[AsyncSession]) -> Renderer:
    """Render a generated CV to PDF in the sandboxed renderer (the cache then serves downloads).

    The DB is only read for the render's inputs, in a session closed before rendering, so the
    SQLite write lock is never held while WeasyPrint works.
    """

    async def render(cv_file: CvFile) -> RenderResult:
        async with sessions() as session:
            spec = await spec_for(session, settings, cv_file)
        result = await render_spec_pdf(settings, spec)
        record_render(cv_file, result.meta())
        return result

    return render


async def process_offer(run: OfferRun, render: Renderer | None = None) -> None:
    """One offer, phase by phase. Completed phases are reused from their subtask rows."""
    source = run.ctx.source
    corpus = SourceCorpus.of(source, run.ctx.offer.full_text())
    classification = await classify(run)
    kept = kept_experiences(source, classification)
    to_adapt = projects_to_adapt(source, classification)
    adapting_experiences = asyncio.ensure_future(adapt_experiences(run, kept, corpus))
    adapting_projects = asyncio.ensure_future(adapt_projects(run, to_adapt, corpus))
    adapting_extras = asyncio.ensure_future(adapt_extras(run, corpus))
    # One failing group stops the other two (together.py).
    await run_together(adapting_experiences, adapting_projects, adapting_extras)
    experiences, projects = adapting_experiences.result(), adapting_projects.result()
    extras = adapting_extras.result()
    written = [*experiences, *projects, extras]  # as the rule guards left them (rule_meta)
    # Nothing the offer asks for is lost to a rewrite: bullets before the skills phase reads
    # them, skills before the summary does (jobs/pipeline/core/keep.py).
    needs, restored = needs_of(run.ctx), Restored()
    # Work in proportion to the CV's size runs in a thread: the event loop stays free to
    # deliver a Cancel (arq's abort) and to run other users' jobs meanwhile.
    experiences, restored.bullets = await asyncio.to_thread(restore_items, kept, experiences, needs)
    projects, more = await asyncio.to_thread(restore_items, to_adapt, projects, needs)
    restored.bullets.update(more)
    restored.add_guarded([*experiences, *projects])
    skills = await adapt_skills(run, experiences, projects, corpus)
    skills, restored.skills = restore_skills(source.skills, skills, needs)
    summary = await write_summary(run, kept, experiences, skills, extras, corpus)
    await run.save_offer(
        batch_results={
            "experiences": [e.model_dump(mode="json") for e in experiences],
            "projects": [p.model_dump(mode="json") for p in projects],
            "extras": extras.model_dump(mode="json"),
            "skills": skills.model_dump(mode="json"),
            "summary": summary.summary,
        }
    )
    await run.ensure_not_cancelled()
    await run.progress(OfferStep.RECOMPOSE, "running", offer_status="recomposing")
    cv = await asyncio.to_thread(
        assemble,
        source,
        run.ctx.offer,
        run.ctx.language,
        classification,
        experiences,
        projects,
        extras,
        skills,
        summary,
    )
    # The contract of a sendable CV (core/sendable.py), repaired from the source's own words.
    cv, record = await asyncio.to_thread(
        finish,
        source,
        run.ctx.offer,
        cv,
        run.ctx.language,
        run.ctx.today,
        lambda c: offer_meta(run.ctx, classification, c, skills),
    )
    meta = generation_meta(run, classification, skills, run.counts)
    meta.update(record)
    meta.update(restored.as_meta())
    meta.update(rule_meta([*written, summary]))
    cv_file = build_cv_file(run, cv, design=DEFAULT_DESIGN, meta=meta)
    if render is not None:  # the PDF is part of the offer: a failed render fails (and retries) it
        await run.ensure_not_cancelled()
        result = await render(cv_file)
        # What the fit could not repair is recorded beside the CV, never shipped silently.
        found = await asyncio.to_thread(
            page_check,
            source,
            run.ctx.offer,
            cv,
            run.ctx.language,
            run.ctx.today,
            result.meta(),
            result.pdf,
        )
        record_page_check(cv_file, found)
    await save_generated_cv(run, cv_file)
    await run.progress(OfferStep.RECOMPOSE, "completed")
    await announce(run, cv_file)
