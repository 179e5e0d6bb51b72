"""The home page: for a signed-in user their counts, the engine in use and their last runs; for
a visitor what the app does, the sign-in form and sign-up as the server allows it."""

from __future__ import annotations

from typing import Any

from litestar import get
from litestar.response import Template
from sqlalchemy import func, select

from app.db.models import CvFile, JobOffer
from app.domain.accounts.services import sign_up_offer
from app.domain.applications.view import follow_ups_due
from app.domain.credits.view import costs_said
from app.domain.generation.services import recent_generations
from app.domain.generation.view import STATUS_LABELS as GENERATION_STATUS_LABELS
from app.domain.generation.view import run_summaries
from app.lib.dependencies import Db, MaybeSignedIn
from app.settings.llm_endpoint import Engine

RECENT_GENERATIONS = 5


@get("/", include_in_schema=False)
async def dashboard(optional_user: MaybeSignedIn, db: Db, engine: Engine) -> Template:
    if optional_user is None:
        # Signed out: what the app does, the sign-in form, and sign-up as the server allows it.
        return Template("dashboard/landing.html", context={"sign_up": await sign_up_offer(db)})
    user = optional_user

    async def count(model: type[CvFile] | type[JobOffer], *conditions: Any) -> int:
        stmt = select(func.count()).select_from(model).where(model.user_id == user.id, *conditions)
        return int(await db.scalar(stmt) or 0)

    counts = {
        "source_cvs": await count(CvFile, CvFile.kind == "source"),
        "offers": await count(JobOffer),
    }
    recent = await recent_generations(db, user.id, RECENT_GENERATIONS)
    return Template(
        "dashboard/index.html",
        context={
            "user": user,
            "counts": counts,
            "engine": await engine(),
            "generations": recent,
            "runs": await run_summaries(db, recent),
            "status_labels": GENERATION_STATUS_LABELS,
            "follow_ups": await follow_ups_due(db, user),
            "costs": await costs_said(db),
        },
    )
