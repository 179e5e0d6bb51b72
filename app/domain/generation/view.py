"""What the generation pages show: per-offer rows with the seven step dots, k/N, ETA; and what
names a generation in lists (its offers and its source CV), for the tailored-CVs page and the
dashboard: one query for the offers of all the listed runs and one for their source CVs,
whatever the number of runs."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, CvGenerationOffer, CvGenerationTask, JobOffer
from app.db.models.generation import OFFER_STEPS
from app.db.models.status import (
    GENERATION_OPEN,
    OFFER_FINISHED,
    STEPS_TOGETHER,
    OfferStatus,
    OfferStep,
)
from app.domain.ats.view import VERDICT_PENDING, RowVerdict, row_verdicts
from app.domain.cvs.services import display_name
from app.domain.generation.failures import offer_error_text
from app.domain.generation.pace import engine_of, measured_seconds_per_offer
from app.domain.generation.services import generation_offers
from app.domain.letters.view import letters_of_cvs
from app.domain.matching.services import MatchService
from app.domain.matching.view import MatchSummary, match_summary
from app.domain.renders.view import open_checks
from app.lib.i18n import N_

# Each pipeline stage's label (app/db/models/status.py names them); templates translate them.
STEP_LABELS: dict[str, str] = {
    OfferStep.CLASSIFY: N_("Classification"),
    OfferStep.EXPERIENCES: N_("Experiences"),
    OfferStep.PROJECTS: N_("Projects"),
    OfferStep.EXTRAS: N_("Extras"),
    OfferStep.SKILLS: N_("Skills"),
    OfferStep.SUMMARY: N_("Summary"),
    OfferStep.RECOMPOSE: N_("Finalizing"),
}
STATE_LABELS = {
    "done": N_("done"),
    "running": N_("running"),
    "upcoming": N_("upcoming"),
    "failed": N_("failed"),
}
STATUS_LABELS = {
    "pending": N_("pending"),
    "running": N_("running"),
    "completed": N_("completed"),
    "failed": N_("failed"),
    "cancelled": N_("cancelled"),
}


@dataclass
class OfferRow:
    id: str
    index: int
    title: str
    company: str
    status: str
    current_step: str | None
    generated_cv_id: str | None
    error: str | None
    dots: list[tuple[str, str]] = field(default_factory=list)  # (step, done|running|upcoming)
    match: MatchSummary | None = None  # finished offers: how the tailored CV matches the offer
    job_offer_id: str | None = None
    letter_id: str | None = None  # finished offers: the cover letter of the tailored CV, if any
    to_check: int = 0  # finished offers: what the contract of a sendable CV still finds
    ats: RowVerdict | None = None  # finished offers: how machines read the CV's PDF


def step_dots(status: str, current: str | None) -> list[tuple[str, str]]:
    if status == OfferStatus.COMPLETED:
        return [(s, "done") for s in OFFER_STEPS]
    if current not in OFFER_STEPS or status in (OfferStatus.PENDING, OfferStatus.CANCELLED):
        return [(s, "upcoming") for s in OFFER_STEPS]
    position = OFFER_STEPS.index(current)
    dots: list[tuple[str, str]] = []
    for i, step in enumerate(OFFER_STEPS):
        # experiences, projects and extras run together: the three share one "running" stage.
        together = step in STEPS_TOGETHER and current in STEPS_TOGETHER
        if i < position and not together:
            state = "done"
        elif step == current or together:
            state = "failed" if status == OfferStatus.FAILED else "running"
        else:
            state = "upcoming"
        dots.append((step, state))
    return dots


async def page_state(session: AsyncSession, task: CvGenerationTask) -> dict[str, Any]:
    rows: list[OfferRow] = []
    pairs = await generation_offers(session, task)
    for offer, job in pairs:
        rows.append(
            OfferRow(
                id=offer.id,
                index=offer.offer_index,
                title=job.title if job else "",
                company=job.company if job else "",
                status=offer.status,
                current_step=offer.current_step,
                generated_cv_id=offer.generated_cv_file_id,
                error=offer_error_text(offer),
                dots=step_dots(offer.status, offer.current_step),
                job_offer_id=offer.job_offer_id,
            )
        )
    finished = [
        o.generated_cv_id for o in rows if o.status == OfferStatus.COMPLETED and o.generated_cv_id
    ]
    if finished:
        matches = await MatchService(session).generated_matches(task.user_id, finished)
        for row in rows:
            found = matches.get(row.generated_cv_id or "")
            row.match = match_summary(found.analysis) if found else None
        found_metas = await session.execute(
            select(CvFile.id, CvFile.generation_meta).where(CvFile.id.in_(finished))
        )
        metas = {cv_id: meta for cv_id, meta in found_metas.all()}
        verdicts = await row_verdicts(session, task.user_id, metas)
        for row in rows:
            row.to_check = open_checks(metas.get(row.generated_cv_id or ""))
            row.ats = verdicts.get(row.generated_cv_id or "")
        letters = await letters_of_cvs(session, finished)
        for row in rows:
            letter = letters.get(row.generated_cv_id or "")
            row.letter_id = letter.id if letter else None
    done = [o for o in rows if o.status == OfferStatus.COMPLETED]
    failed = [o for o in rows if o.status == OfferStatus.FAILED]
    remaining = [o for o in rows if o.status not in OFFER_FINISHED]
    ends = [
        o.completed_at for o, _ in pairs if o.status == OfferStatus.COMPLETED and o.completed_at
    ]
    per_offer: float | None = None
    if ends and task.created_at:
        # Offers run one after another: elapsed time over offers done is this run's pace.
        elapsed = (max(ends) - task.created_at).total_seconds()
        per_offer = max(0.5, elapsed / len(ends))
    elif remaining and task.status in GENERATION_OPEN:
        # Before its first offer ends: the recent runs of its engine (None: no figure shown).
        per_offer = await measured_seconds_per_offer(session, engine_of(task))
    return {
        "task": task,
        "offers": rows,
        "done": len(done),
        "failed": len(failed),
        "total": len(rows),
        "running": task.status in GENERATION_OPEN,
        # Something on the panel will still change by itself: the polling fallback goes on.
        "live": task.status in GENERATION_OPEN
        or any(row.ats is not None and row.ats.state in VERDICT_PENDING for row in rows),
        "eta_seconds": (
            max(1, round(per_offer * len(remaining)))
            if per_offer is not None and remaining and task.status in GENERATION_OPEN
            else 0
        ),
        "refunded": len(failed) * int((task.payload or {}).get("costPerOffer", 1)),
        "step_labels": STEP_LABELS,
        "state_labels": STATE_LABELS,
        "status_labels": STATUS_LABELS,
    }


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
