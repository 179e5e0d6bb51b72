"""What names a generation in lists: its offers (title, company, link) and its source CV.

One query for the offers of all the listed runs and one for their source CVs, whatever the
number of runs (the tailored-CVs page lists 50, the dashboard 5).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, CvGenerationOffer, CvGenerationTask, JobOffer
from app.domain.cvs.services import display_name


@dataclass
class RunOffer:
    id: str | None  # None once the offer was deleted (the run keeps its row)
    title: str
    company: str


@dataclass
class RunSource:
    id: str
    name: str


@dataclass
class RunSummary:
    offers: list[RunOffer] = field(default_factory=list)
    source: RunSource | None = None  # None once the source CV was deleted


async def source_of(session: AsyncSession, task: CvGenerationTask) -> RunSource | None:
    cv = await session.get(CvFile, task.source_cv_file_id) if task.source_cv_file_id else None
    return RunSource(cv.id, display_name(cv)) if cv is not None else None


async def run_summaries(
    session: AsyncSession, tasks: list[CvGenerationTask]
) -> dict[str, RunSummary]:
    """Each task's offers in offer order, and its source CV."""
    runs = {task.id: RunSummary() for task in tasks}
    if not runs:
        return runs
    rows = await session.execute(
        select(CvGenerationOffer.task_id, JobOffer.id, JobOffer.title, JobOffer.company)
        .outerjoin(JobOffer, JobOffer.id == CvGenerationOffer.job_offer_id)
        .where(CvGenerationOffer.task_id.in_(runs))
        .order_by(CvGenerationOffer.offer_index)
    )
    for task_id, offer_id, title, company in rows.all():
        runs[task_id].offers.append(RunOffer(offer_id, title or "", company or ""))
    source_ids = {t.source_cv_file_id for t in tasks if t.source_cv_file_id}
    sources = {
        cv.id: RunSource(cv.id, display_name(cv))
        for cv in await session.scalars(select(CvFile).where(CvFile.id.in_(source_ids)))
    }
    for task in tasks:
        runs[task.id].source = sources.get(task.source_cv_file_id or "")
    return runs
