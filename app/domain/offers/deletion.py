"""What deleting an offer takes with it, for its confirmation page: its application (with the
user's record in it) and its cover letters go; the CVs tailored to it stay, unlinked."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CoverLetter, CvFile, JobOffer, User
from app.domain.applications import services as applications
from app.domain.offers.services import title_and_company
from app.lib.confirm import Confirmation
from app.lib.i18n import gettext, ngettext


async def offer_confirmation(session: AsyncSession, user: User, offer: JobOffer) -> Confirmation:
    count = select(func.count())
    letters = await session.scalar(
        count.where(CoverLetter.user_id == user.id, CoverLetter.job_offer_id == offer.id)
    )
    tailored = await session.scalar(
        count.where(
            CvFile.user_id == user.id,
            CvFile.job_offer_id == offer.id,
            CvFile.kind == "generated",
        )
    )
    gone: list[str] = []
    links: list[tuple[str, str]] = []
    application = await applications.find_for_offer(session, user.id, offer.id)
    if application is not None:
        stake = await applications.record(session, application)
        lines = "; ".join(applications.record_lines(stake))
        gone.append(gettext("its application: %(record)s", record=lines))
        links.append((f"/applications/{application.id}", gettext("Open the application")))
    if letters:
        gone.append(
            ngettext(
                "%(num)d cover letter written for it",
                "%(num)d cover letters written for it",
                letters or 0,
            )
        )
    kept = []
    if tailored:
        kept.append(
            ngettext(
                "%(num)d CV tailored to it: it stays in your CVs, no longer linked to an offer",
                "%(num)d CVs tailored to it: they stay in your CVs, no longer linked to an offer",
                tailored or 0,
            )
        )
    return Confirmation(
        heading=gettext("Delete this offer?"),
        subject=title_and_company(offer),
        action=f"/offers/{offer.id}/delete",
        back=f"/offers/{offer.id}",
        confirm_label=gettext("Delete the offer"),
        gone=gone,
        kept=kept,
        links=links,
    )
