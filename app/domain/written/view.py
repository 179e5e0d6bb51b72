"""What the pages of a text written from a CV by a row task (a cover letter:
app/domain/letters/, a pitch: app/domain/pitches/) show alike: each status in words, whether the
text is still being written, the offers the texts were written for and how pickers name the CV
each was written from. Each feature's view.py reads these for its own rows; the rules live in
its services.py."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Protocol, TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, JobOffer
from app.domain.cvs.view import cv_labels
from app.lib.i18n import N_

# Both kinds' statuses have these values (app/db/models/cover_letter.py, pitch.py); templates
# translate the words with _().
_STATUS_WORDS = {
    "pending": N_("Waiting to be written"),
    "running": N_("Being written"),
    "completed": N_("Ready"),
    "failed": N_("Failed"),
    "cancelled": N_("Cancelled"),
}
_WRITING = frozenset({"pending", "running"})

Status = TypeVar("Status", bound=StrEnum)


class Written(Protocol):
    """A text a row task writes: its status, the CV and offer it was written from."""

    @property
    def status(self) -> str: ...
    @property
    def cv_file_id(self) -> str | None: ...
    @property
    def job_offer_id(self) -> str | None: ...


def status_labels(statuses: type[Status]) -> dict[Status, str]:
    """What the status column and the text's page say of each of ``statuses``."""
    return {status: _STATUS_WORDS[status.value] for status in statuses}


def writing(row: Written) -> bool:
    """Still being written (its page's status box refreshes)."""
    return row.status in _WRITING


async def offers_of(db: AsyncSession, rows: Iterable[Written]) -> dict[str, JobOffer]:
    """``{offer id: offer}`` of the offers these texts were written for, one query for all (a
    deleted offer is missing)."""
    ids = {row.job_offer_id for row in rows if row.job_offer_id}
    if not ids:
        return {}
    found = await db.scalars(select(JobOffer).where(JobOffer.id.in_(ids)))
    return {offer.id: offer for offer in found}


async def cv_names(db: AsyncSession, user_id: str, rows: Sequence[Written]) -> dict[str, str]:
    """How pickers name the CV each text was written from, one look-up for all (a deleted CV
    is missing)."""
    ids = {row.cv_file_id for row in rows if row.cv_file_id}
    if not ids:
        return {}
    return await cv_labels(db, user_id, await db.scalars(select(CvFile).where(CvFile.id.in_(ids))))
