"""``mode=template``: no source CV — a skeleton for the offer from the account's own data.

Header from the account (name, email), headline = the offer title, every other section empty,
and the offer's requirements kept as hints for the user to fill in. No LLM call, no invention.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, User
from app.db.models.status import OfferStep
from app.lib.cv_content import Contact, CvContent, Header
from app.lib.pdf_render.designs import DEFAULT_DESIGN
from jobs.pipeline.core.context import OfferBrief
from jobs.pipeline.core.fact_guard import GuardCounts
from jobs.pipeline.recompose import announce, build_cv_file, save_generated_cv
from jobs.pipeline.runner import OfferRun


async def template_cv(session: AsyncSession, user_id: str, offer: OfferBrief) -> CvContent:
    user = await session.get(User, user_id)
    name = user.display_name if user else ""
    email = user.email if user else ""
    return CvContent(
        header=Header(name=name, current_title=offer.title, contact=Contact(email=email))
    )


async def process_template_offer(
    run: OfferRun, render: Callable[[CvFile], Awaitable[object]] | None
) -> None:
    await run.progress(OfferStep.RECOMPOSE, "running", offer_status="recomposing")
    offer = run.ctx.offer
    hints = [
        str(h)
        for h in [*offer.requirements, *offer.responsibilities, *offer.skills]
        if str(h).strip()
    ]
    meta = {
        "mode": "template",
        "task_id": run.ctx.task_id,
        "offer_title": offer.title,
        "company": offer.company,
        "template_hints": hints[:40],
        "fact_guard": GuardCounts().as_meta(),
    }
    cv_file = build_cv_file(run, run.ctx.source, design=DEFAULT_DESIGN, meta=meta)
    if render is not None:
        await render(cv_file)
    await save_generated_cv(run, cv_file)
    await run.progress(OfferStep.RECOMPOSE, "completed")
    await announce(run, cv_file)
