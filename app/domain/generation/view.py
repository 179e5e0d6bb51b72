"""What the generation page shows: per-offer rows with the seven step dots, k/N, ETA."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvGenerationTask
from app.db.models.generation import OFFER_STEPS
from app.domain.generation.failures import offer_error_text
from app.domain.generation.services import generation_offers
from app.domain.matching.services import MatchService
from app.domain.matching.view import MatchSummary, match_summary
from app.lib.i18n import N_

# Seed DEFAULT_DURATIONS: 45 s per offer until this task has history of its own.
DEFAULT_OFFER_SECONDS = 45.0

# The seed's step labels (§4.3); templates translate them with _().
STEP_LABELS = {
    "classify": N_("Classification"),
    "experiences": N_("Experiences"),
    "projects": N_("Projects"),
    "extras": N_("Extras"),
    "skills": N_("Skills"),
    "summary": N_("Summary"),
    "recompose": N_("Finalizing"),
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


def step_dots(status: str, current: str | None) -> list[tuple[str, str]]:
    if status == "completed":
        return [(s, "done") for s in OFFER_STEPS]
    if current not in OFFER_STEPS or status in ("pending", "cancelled"):
        return [(s, "upcoming") for s in OFFER_STEPS]
    position = OFFER_STEPS.index(current)
    dots = []
    for i, step in enumerate(OFFER_STEPS):
        # experiences, projects and extras run together: the three share one "running" stage.
        together = {"experiences", "projects", "extras"}
        if i < position and not (step in together and current in together):
            state = "done"
        elif step == current or (step in together and current in together):
            state = "failed" if status == "failed" else "running"
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
            )
        )
    finished = [o.generated_cv_id for o in rows if o.status == "completed" and o.generated_cv_id]
    if finished:
        matches = await MatchService(session).generated_matches(task.user_id, finished)
        for row in rows:
            found = matches.get(row.generated_cv_id or "")
            row.match = match_summary(found.analysis) if found else None
    done = [o for o in rows if o.status == "completed"]
    failed = [o for o in rows if o.status == "failed"]
    remaining = [o for o in rows if o.status not in ("completed", "failed", "cancelled")]
    ends = [o.completed_at for o, _ in pairs if o.status == "completed" and o.completed_at]
    per_offer = DEFAULT_OFFER_SECONDS
    if ends and task.created_at:
        # Offers run one after another: elapsed time over offers done is this run's pace.
        elapsed = (max(ends) - task.created_at).total_seconds()
        per_offer = max(1.0, elapsed / len(ends))
    return {
        "task": task,
        "offers": rows,
        "done": len(done),
        "failed": len(failed),
        "total": len(rows),
        "running": task.status in ("pending", "running"),
        "eta_seconds": int(per_offer * len(remaining))
        if task.status in ("pending", "running")
        else 0,
        "refunded": len(failed) * int((task.payload or {}).get("costPerOffer", 1)),
        "step_labels": STEP_LABELS,
        "state_labels": STATE_LABELS,
        "status_labels": STATUS_LABELS,
    }
