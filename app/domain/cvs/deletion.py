"""What deleting a CV takes with it, for its confirmation page: its saved versions go; the CVs
tailored from it, the letters written from it, the applications it was sent to and the
achievements linked to its experiences (unlinked) stay."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import Achievement, Application, CoverLetter, CvFile, CvVersion, User
from app.domain.cvs.services import import_in_progress
from app.domain.cvs.view import cv_labels
from app.lib.confirm import Confirmation
from app.lib.i18n import gettext, ngettext


async def cv_confirmation(session: AsyncSession, user: User, cv: CvFile) -> Confirmation:
    count = select(func.count())
    versions = await session.scalar(count.where(CvVersion.cv_file_id == cv.id)) or 0
    letters = await session.scalar(
        count.where(CoverLetter.user_id == user.id, CoverLetter.cv_file_id == cv.id)
    )
    sent_with = await session.scalar(
        count.where(Application.user_id == user.id, Application.cv_file_id == cv.id)
    )
    linked = await session.scalar(
        count.where(Achievement.user_id == user.id, Achievement.cv_file_id == cv.id)
    )
    tailored = 0
    if cv.kind == "source":
        generated = await session.scalars(
            select(CvFile.generation_meta).where(
                CvFile.user_id == user.id, CvFile.kind == "generated"
            )
        )
        tailored = sum(1 for meta in generated if (meta or {}).get("source_cv_id") == cv.id)
    gone = []
    if versions:
        gone.append(ngettext("%(num)d saved version", "%(num)d saved versions", versions))
    if await import_in_progress(session, cv):
        gone.append(gettext("the import still under way (its credits are refunded)"))
    kept = []
    if tailored:
        kept.append(
            ngettext(
                "%(num)d CV tailored from it (each keeps its own content)",
                "%(num)d CVs tailored from it (each keeps its own content)",
                tailored,
            )
        )
    if letters:
        kept.append(
            ngettext(
                "%(num)d cover letter written from it",
                "%(num)d cover letters written from it",
                letters or 0,
            )
        )
    if sent_with:
        kept.append(
            ngettext(
                "%(num)d application that names it as the CV sent (it will name none)",
                "%(num)d applications that name it as the CV sent (they will name none)",
                sent_with or 0,
            )
        )
    if linked:
        kept.append(
            ngettext(
                "%(num)d achievement linked to its experiences: it stays in your bank, unlinked",
                "%(num)d achievements linked to its experiences: they stay in your bank, unlinked",
                linked or 0,
            )
        )
    labels = await cv_labels(session, user.id, [cv])
    return Confirmation(
        heading=gettext("Delete this CV?"),
        subject=labels[cv.id],
        action=f"/cvs/{cv.id}/delete",
        back=f"/cvs/{cv.id}",
        confirm_label=gettext("Delete the CV"),
        gone=gone,
        kept=kept,
    )
