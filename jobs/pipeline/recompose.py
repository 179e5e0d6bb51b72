"""Phase 2 — recompose, without an LLM: assemble the tailored CV from source facts and adapted
text, save it, and make it available at once (``offer_completed`` + ``cv:list:changed``).
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import update

from app.db.models import CvFile, CvGenerationOffer, CvGenerationTask, CvVersion
from app.db.models.base import utcnow
from app.lib.cv_content import CvContent, Experience, ExtraItem, Header, Project, Skill, as_project
from app.lib.events import publish_event
from jobs.pipeline.context import OfferBrief
from jobs.pipeline.fact_guard import GuardCounts
from jobs.pipeline.languages import adapt_languages
from jobs.pipeline.runner import OfferRun, TaskCancelled
from jobs.pipeline.schemas import AdaptedExtras, AdaptedItem, AdaptedSkills, Classification, Summary


class IncompleteCvError(RuntimeError):
    """A section came back short: fail (and retry) the offer rather than drop content."""


def _apply(source: Experience | Project, adapted: AdaptedItem) -> Any:
    # Identity, employer, title, dates, place, links: always the source's.
    return source.model_copy(
        update={
            "description": adapted.description,
            "bullets": adapted.bullets,
            "skills": adapted.skills,
        }
    )


def one_line(exp: Experience) -> Experience:
    """A condensed experience: title, employer, place and dates — no bullets, no description."""
    return exp.model_copy(update={"description": "", "bullets": [], "skills": []})


def assemble(
    source: CvContent,
    offer: OfferBrief,
    language: str,
    classification: Classification,
    experiences: list[AdaptedItem],
    projects: list[AdaptedItem],
    extras: AdaptedExtras,
    skills: AdaptedSkills,
    summary: Summary,
) -> CvContent:
    decisions = {d.id: d.decision for d in classification.experiences}
    adapted_exp = {a.id: a for a in experiences}
    kept = [e for e in source.experience if decisions.get(e.id) == "KEEP"]
    if len(kept) != len(adapted_exp) or any(e.id not in adapted_exp for e in kept):
        raise IncompleteCvError(f"{len(kept)} experiences kept but {len(adapted_exp)} adapted")
    shown = [e for e in source.experience if decisions.get(e.id) in ("KEEP", "CONDENSE")]
    adapted_proj = {a.id: a for a in projects}
    keep_projects = {d.id for d in classification.projects if d.decision == "KEEP"}
    project_sources: list[Project] = [p for p in source.projects if p.id in keep_projects]
    project_sources += [
        as_project(e) for e in source.experience if decisions.get(e.id) == "MOVE_TO_PROJECTS"
    ]
    if any(p.id not in adapted_proj for p in project_sources):
        raise IncompleteCvError("a kept project was not adapted")
    levels = {s.name.lower(): s.level for s in source.skills}
    extras_desc = {i.id: i.description for i in extras.items}

    def pick(group: list[ExtraItem]) -> list[ExtraItem]:
        return [
            e.model_copy(update={"description": extras_desc[e.id]})
            for e in group
            if e.id in extras_desc
        ]

    # The offer's title heads the CV only when it is in the CV's language (one language).
    same_language = offer.language == language
    header: Header = source.header.model_copy(
        update={"current_title": (same_language and offer.title) or source.header.current_title}
    )
    return CvContent(
        header=header,
        summary=summary.summary,
        experience=[
            _apply(e, adapted_exp[e.id]) if e.id in adapted_exp else one_line(e) for e in shown
        ],
        projects=[_apply(p, adapted_proj[p.id]) for p in project_sources],
        education=[e.model_copy() for e in source.education],
        skills=[
            Skill(name=s.name, category=s.category, level=levels.get(s.name.lower(), ""))
            for s in skills.skills
        ],
        languages=adapt_languages(source.languages, offer.full_text(), language),
        extras=source.extras.model_copy(
            update={
                "certifications": pick(source.extras.certifications),
                "awards": pick(source.extras.awards),
                "volunteering": pick(source.extras.volunteering),
                "publications": pick(source.extras.publications),
                "interests": list(extras.interests),
            }
        ),
    )


def cv_filename(name: str, offer_title: str, company: str) -> str:
    parts = [p.strip() for p in (name, offer_title, company) if p and p.strip()]
    cleaned = re.sub(r"[\\/:*?\"<>|\x00-\x1f]+", " ", " - ".join(parts) or "CV")
    return re.sub(r"\s+", " ", cleaned).strip()[:180]


def build_cv_file(run: OfferRun, cv: CvContent, *, design: str, meta: dict[str, Any]) -> CvFile:
    """The generated CvFile, not yet saved (the PDF is rendered from it first)."""
    ctx = run.ctx
    return CvFile(
        user_id=ctx.user_id,
        kind="generated",
        filename=cv_filename(cv.header.name, ctx.offer.title, ctx.offer.company),
        content=cv.to_json(),
        extraction_status="completed",
        job_offer_id=ctx.offer.id,
        design=design,
        language=ctx.language,
        generation_meta=meta,
    )


async def save_generated_cv(run: OfferRun, cv_file: CvFile) -> CvFile:
    """Save the CvFile + CvVersion and complete the offer in ONE transaction, unless the task
    was cancelled meanwhile (then nothing is written)."""
    ctx = run.ctx
    async with run.sessions() as session:
        session.add(cv_file)
        await session.flush()
        session.add(
            CvVersion(
                cv_file_id=cv_file.id,
                version=1,
                content=cv_file.content,
                created_by="gpt_cv_generation_v2",
            )
        )
        done = await session.execute(
            update(CvGenerationOffer)
            .where(
                CvGenerationOffer.id == ctx.offer_row_id,
                CvGenerationOffer.status.not_in(("completed", "failed", "cancelled")),
            )
            .values(
                status="completed",
                current_step="recompose",
                generated_cv_file_id=cv_file.id,
                completed_at=utcnow(),
            )
        )
        if done.rowcount != 1:  # type: ignore[attr-defined]
            # No explicit rollback: leaving the block closes the session, which rolls back
            # and runs to completion even when the job is being cancelled (SQLAlchemy's
            # AsyncSession.__aexit__), so no transaction can stay open.
            raise TaskCancelled(ctx.task_id)
        task = await session.get(CvGenerationTask, ctx.task_id, with_for_update=True)
        assert task is not None
        task.generated_cv_ids = [*task.generated_cv_ids, cv_file.id]
        task.completed_offers = task.completed_offers + 1
        await session.commit()
    return cv_file


def generation_meta(
    run: OfferRun, classification: Classification, skills: AdaptedSkills, counts: GuardCounts
) -> dict[str, Any]:
    return {
        "source_cv_id": run.source_cv_id,
        "task_id": run.ctx.task_id,
        "offer_title": run.ctx.offer.title,
        "company": run.ctx.offer.company,
        "engine": run.engine.name,
        "classification": [
            d.model_dump() for d in classification.experiences + classification.projects
        ],
        "fact_guard": counts.as_meta(),
    }


async def announce(run: OfferRun, cv_file: CvFile) -> None:
    ctx = run.ctx
    await publish_event(
        run.redis,
        ctx.user_id,
        "cv_generation_v2:offer_completed",
        {
            "taskId": ctx.task_id,
            "offerId": ctx.offer_row_id,
            "offerIndex": ctx.offer_index,
            "generatedCvFileId": cv_file.id,
            "generatedCvFileName": cv_file.filename,
        },
    )
    await publish_event(run.redis, ctx.user_id, "cv:list:changed", {})
