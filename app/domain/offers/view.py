"""What the offers list shows, for its own page and for the pages that answer its forms (the
"Generate" form re-shown with what was missing, app/domain/generation/pages.py)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import JobOffer, User
from app.domain.credits import view as credits_view
from app.domain.cvs.view import cv_labels
from app.domain.matching.services import MatchService
from app.domain.offers import services
from app.domain.offers.posting import posting_fields
from app.lib.paging import PageRequest

__all__ = ["list_context", "posting_badge", "postings_of"]

SORTS = ("recent", "match")


async def list_context(
    db: AsyncSession,
    user: User,
    sort: str = "recent",
    paging: PageRequest | None = None,
    **extra: Any,
) -> dict[str, Any]:
    """One page of the list (``page``), newest first, or best matches first against the most
    recent source CV (the one the generate form preselects), each row then showing its score."""
    paging = paging or PageRequest.of()
    matching = MatchService(db)
    source_cvs = await matching.source_cvs(user)
    sort = sort if sort in SORTS and source_cvs else "recent"
    scores: dict[str, int] = {}
    if sort == "match":
        every = await services.list_offers(db, user.id)
        scores = await matching.scores(source_cvs[0], every)
        # Stable: equal scores (and offers still being read, scored -1) keep newest first.
        page = paging.slice(sorted(every, key=lambda o: -scores.get(o.id, -1)))
    else:
        page = await services.offers_page(db, user.id, paging)
    offers = page.items
    extra.setdefault("picked", ())  # the offers ticked when the form comes back with an error
    extra.setdefault("chosen_cv_id", source_cvs[0].id if source_cvs else "")
    return {
        "offers": offers,
        "titles": {o.id: services.display_title(o) for o in offers},
        "postings": {o.id: posting_fields(o) for o in offers},
        "source_cvs": source_cvs,
        "cv_names": await cv_labels(db, user.id, source_cvs),
        "sort": sort,
        "scores": scores,
        "page": page,
        "cv_cost": await credits_view.cost_said(db, credits_view.TAILORED_CV),
        "letter_cost": await credits_view.cost_said(db, credits_view.COVER_LETTER),
        **extra,
    }


def posting_badge(offer: JobOffer) -> dict[str, Any]:
    """What templates/offers/_partials/posting_badge.html shows for an offer (the board's
    cards and the inbox's rows too)."""
    return posting_fields(offer)


async def postings_of(
    db: AsyncSession, user_id: str, offer_ids: list[str]
) -> dict[str, dict[str, Any]]:
    """The badges of these offers of the user, by offer id (the inbox's approved items)."""
    wanted = [offer_id for offer_id in offer_ids if offer_id]
    if not wanted:
        return {}
    rows = await db.scalars(
        select(JobOffer).where(JobOffer.user_id == user_id, JobOffer.id.in_(wanted))
    )
    return {offer.id: posting_fields(offer) for offer in rows}
