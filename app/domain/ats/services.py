"""ATS checks scoped to their owner: one check (another user's id answers 404, as a missing
one), the recent ones, the tailored CVs that can be checked, and the latest check of each of
some tailored CVs (the generation rows' verdicts, app/domain/ats/view.py)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import defer

from app.db.models import AtsCheck, CvFile
from app.lib.errors import NotFound
from app.lib.i18n import N_
from app.lib.owned_rows import OwnedList

TAILORED_CHOICES = 100


async def get_check(
    session: AsyncSession, user_id: str, check_id: str, *, with_pdf: bool = False
) -> AtsCheck:
    query = select(AtsCheck).where(AtsCheck.id == check_id, AtsCheck.user_id == user_id)
    if not with_pdf:
        query = query.options(defer(AtsCheck.pdf))
    check = await session.scalar(query)
    if check is None:
        raise NotFound(N_("No such ATS check."), code="ats.not_found")
    return check


# The user's checks, the newest first, without their PDF and report (the heavy part).
LISTED = OwnedList(
    AtsCheck, AtsCheck.created_at.desc(), (defer(AtsCheck.pdf), defer(AtsCheck.report))
)
checks_page = LISTED.page


async def tailored_cvs(session: AsyncSession, user_id: str) -> list[tuple[str, str]]:
    """(id, name) of the user's tailored CVs, the newest first."""
    rows = await session.execute(
        select(CvFile.id, CvFile.filename)
        .where(CvFile.user_id == user_id, CvFile.kind == "generated")
        .order_by(CvFile.created_at.desc(), CvFile.id)
        .limit(TAILORED_CHOICES)
    )
    return [(cv_id, name or cv_id[:8]) for cv_id, name in rows.all()]


async def latest_of_cvs(
    session: AsyncSession, user_id: str, cv_ids: list[str]
) -> dict[str, AtsCheck]:
    """Each CV's newest check (its file left unread)."""
    if not cv_ids:
        return {}
    rows = await session.scalars(
        select(AtsCheck)
        .options(defer(AtsCheck.pdf))
        .where(AtsCheck.user_id == user_id, AtsCheck.cv_file_id.in_(cv_ids))
        .order_by(AtsCheck.created_at.desc(), AtsCheck.id)
    )
    latest: dict[str, AtsCheck] = {}
    for check in rows:
        latest.setdefault(check.cv_file_id or "", check)
    return latest
