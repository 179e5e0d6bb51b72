"""What the pitch pages show: the form's choices (CVs, offers), each pitch's target, word count
and speaking time. Read-only helpers; the rules live in services.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, JobOffer, Pitch, PitchStatus, User
from app.domain.credits import view as credits_view
from app.domain.cvs.view import cv_labels
from app.domain.letters.view import fact_summary
from app.domain.offers.services import display_title
from app.domain.written import view as written
from app.lib.i18n import N_, gettext
from app.lib.speech import WORDS_PER_MINUTE, duration_label, speaking_seconds, word_count

STATUS_LABELS = written.status_labels(PitchStatus)
KIND_LABELS = {"30s": N_("30-second pitch"), "3min": N_("3-minute pitch")}
TARGETS = {"30s": (75, 90), "3min": (400, 450)}  # words aimed at, most (jobs/pitches/request.py)
OFFER_GONE = N_("an offer since deleted")
writing = written.writing


@dataclass(frozen=True)
class PitchRow:
    pitch: Pitch
    target: str  # the offer's title (and company), or the context
    cv_name: str
    words: int
    duration: str  # "0:32"
    paragraphs: list[str]

    @property
    def aimed(self) -> int:
        return TARGETS.get(self.pitch.kind, (0, 0))[0]


async def pitch_rows(db: AsyncSession, user: User, pitches: list[Pitch]) -> list[PitchRow]:
    offers = await written.offers_of(db, pitches)
    names = await written.cv_names(db, user.id, pitches)
    rows = []
    for pitch in pitches:
        offer = offers.get(pitch.job_offer_id or "")
        target = display_title(offer) if offer is not None else pitch.context
        if not target:  # its offer was deleted since (the pitch keeps its text)
            target = gettext(OFFER_GONE)
        words = word_count(pitch.text or "")
        rows.append(
            PitchRow(
                pitch=pitch,
                target=target,
                cv_name=names.get(pitch.cv_file_id or "", ""),
                words=words,
                duration=duration_label(speaking_seconds(words)),
                paragraphs=[p for p in (pitch.text or "").split("\n\n") if p.strip()],
            )
        )
    return rows


async def form_choices(db: AsyncSession, user: User) -> dict[str, Any]:
    """The "Write a pitch" form: the user's ready CVs (newest first) and offers."""
    cvs = list(
        await db.scalars(
            select(CvFile)
            .where(CvFile.user_id == user.id, CvFile.extraction_status == "completed")
            .order_by(CvFile.created_at.desc())
        )
    )
    offers = list(
        await db.scalars(
            select(JobOffer).where(JobOffer.user_id == user.id).order_by(JobOffer.created_at.desc())
        )
    )
    return {
        "pitch_cvs": list((await cv_labels(db, user.id, cvs)).items()),
        "pitch_offers": [(o.id, display_title(o)) for o in offers],
        "kind_labels": KIND_LABELS,
        "words_per_minute": WORDS_PER_MINUTE,
        "pitch_cost": await credits_view.cost_said(db, credits_view.PITCH),
    }


def page_context(row: PitchRow) -> dict[str, Any]:
    return {
        "row": row,
        "pitch": row.pitch,
        "writing": writing(row.pitch),
        "facts": fact_summary(row.pitch.meta or {}),
        "status_labels": STATUS_LABELS,
        "kind_labels": KIND_LABELS,
        "words_per_minute": WORDS_PER_MINUTE,
        "most_words": TARGETS.get(row.pitch.kind, (0, 0))[1],
    }
