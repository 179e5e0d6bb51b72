"""How pickers and lists name a CV so that two CVs are never told apart by guesswork: a source
CV by its person and title, file and date; a tailored CV by its offer, the source CV it was
tailored from, and its date. Embedded by the pages of other features (offers, letters,
applications, the inbox, matching)."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, JobOffer

# The version check every write of a CV makes, offered to the features that write a CV too
# (the review of a tailored CV, its restore: app/domain/renders/).
from app.domain.cvs.editor_version import (
    ChangedElsewhere,
    check_version,
    current_version,
    etag,
    if_match_version,
    posted_version,
    read_cv,
)
from app.domain.cvs.report_view import checks_now
from app.domain.cvs.services import display_name
from app.domain.offers.services import title_and_company
from app.lib.i18n import gettext

__all__ = [
    "ChangedElsewhere",
    "check_version",
    "current_version",
    "etag",
    "if_match_version",
    "posted_version",
    "read_cv",
]

STAMP = "%Y-%m-%d %H:%M"


def source_id_of(cv: CvFile) -> str:
    """The source CV a tailored CV was made from ("" when unknown)."""
    return str((cv.generation_meta or {}).get("source_cv_id") or "")


async def cv_labels(session: AsyncSession, user_id: str, cvs: Iterable[CvFile]) -> dict[str, str]:
    """``{cv id: label}`` in the reader's language, two look-ups for the whole list."""
    cvs = list(cvs)
    offer_ids = {cv.job_offer_id for cv in cvs if cv.kind == "generated" and cv.job_offer_id}
    source_ids = {source_id_of(cv) for cv in cvs if cv.kind == "generated"} - {""}
    offers: dict[str, JobOffer] = {}
    if offer_ids:
        found = await session.scalars(
            select(JobOffer).where(JobOffer.user_id == user_id, JobOffer.id.in_(offer_ids))
        )
        offers = {offer.id: offer for offer in found}
    sources: dict[str, CvFile] = {cv.id: cv for cv in cvs}
    missing = source_ids - sources.keys()
    if missing:
        rows = await session.scalars(
            select(CvFile).where(CvFile.user_id == user_id, CvFile.id.in_(missing))
        )
        sources.update({cv.id: cv for cv in rows})
    labels = {cv.id: _label(cv, offers, sources) for cv in cvs}
    return _told_apart(labels, cvs)


def _told_apart(labels: dict[str, str], cvs: list[CvFile]) -> dict[str, str]:
    """Two CVs made from the same source for the same offer in the same minute still differ:
    numbered in the order they were made."""
    same: dict[str, list[CvFile]] = {}
    for cv in cvs:
        same.setdefault(labels[cv.id], []).append(cv)
    for label, group in same.items():
        if len(group) > 1:
            group.sort(key=lambda cv: (cv.created_at is None, cv.created_at, cv.id))
            for n, cv in enumerate(group, start=1):
                labels[cv.id] = f"{label} ({n})"
    return labels


def _label(cv: CvFile, offers: dict[str, JobOffer], sources: dict[str, CvFile]) -> str:
    stamp = cv.created_at.strftime(STAMP) if cv.created_at else ""
    if cv.kind != "generated":
        parts = [display_name(cv), cv.filename if cv.filename != display_name(cv) else "", stamp]
        return " · ".join(p for p in parts if p)
    offer = offers.get(cv.job_offer_id or "")
    target = (
        gettext("For %(offer)s", offer=title_and_company(offer))
        if offer is not None
        else gettext("Tailored CV (its offer was deleted)")
    )
    source = sources.get(source_id_of(cv))
    origin = (
        gettext("from %(source)s", source=display_name(source))
        if source is not None
        else gettext("from a deleted source CV")
    )
    return " · ".join(p for p in (target, origin, stamp) if p)


async def open_checks(session: AsyncSession, user_id: str, cv_ids: Iterable[str]) -> dict[str, int]:
    """``{cv id: things still to check}`` on each CV as it is now (what the user fixed or
    dismissed since the import no longer counts); a deleted CV has nothing left to check."""
    wanted = set(cv_ids)
    if not wanted:
        return {}
    rows = await session.scalars(
        select(CvFile).where(CvFile.user_id == user_id, CvFile.id.in_(wanted))
    )
    found = {cv.id: checks_now(cv) for cv in rows}
    return {cv_id: found.get(cv_id, 0) for cv_id in wanted}
