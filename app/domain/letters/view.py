"""What the letter pages show, and the "Write a cover letter" box other pages include (the
offer page, an application's page): which CVs a letter can be written from and the offer's
letters so far. Read-only helpers; the rules live in services.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CoverLetter, CvFile, JobOffer, User
from app.db.models.cover_letter import LetterStatus
from app.domain.credits import view as credits_view
from app.domain.cvs.view import cv_labels
from app.domain.offers.services import display_title
from app.domain.written import view as written
from app.lib.i18n import N_, gettext
from app.lib.letter_reasons import dropped_reason
from app.lib.letter_template import MAX_TEMPLATE_CHARS, PLACEHOLDERS, check_template

STATUS_LABELS = written.status_labels(LetterStatus)
writing = written.writing
LENGTHS = {"short": N_("Short"), "standard": N_("Standard")}
TONES = {"formal": N_("Formal"), "warm": N_("Warm")}


@dataclass(frozen=True)
class LetterRow:
    """One line of the letters list."""

    letter: CoverLetter
    offer_title: str
    company: str
    cv_name: str = ""  # the CV it was written from ("" once that CV is deleted)


def offer_title(offer: JobOffer | None) -> str:
    return display_title(offer) if offer is not None else ""


async def letter_rows(db: AsyncSession, letters: list[CoverLetter]) -> list[LetterRow]:
    """Each letter with its offer's title and company (one query for all the offers)."""
    offers = await written.offers_of(db, letters)
    names = await _cv_names(db, letters)
    return [
        LetterRow(
            letter,
            offer_title(offers.get(letter.job_offer_id)),
            getattr(offers.get(letter.job_offer_id), "company", "") or "",
            names.get(letter.cv_file_id or "", ""),
        )
        for letter in letters
    ]


async def _cv_names(db: AsyncSession, letters: list[CoverLetter]) -> dict[str, str]:
    """How pickers name the CV each letter was written from (one look-up for all)."""
    return await written.cv_names(db, letters[0].user_id, letters) if letters else {}


async def letter_choices(db: AsyncSession, user: User, offer_id: str) -> dict[str, Any]:
    """The "Write a cover letter" box of an offer: the CVs to write from (the tailored CVs of
    this offer first, the likeliest choice, then the source CVs) and the offer's letters."""
    cvs = list(
        await db.scalars(
            select(CvFile)
            .where(CvFile.user_id == user.id, CvFile.extraction_status == "completed")
            .where((CvFile.kind != "generated") | (CvFile.job_offer_id == offer_id))
            .order_by(CvFile.created_at.desc())
        )
    )
    cvs.sort(key=lambda cv: cv.job_offer_id != offer_id)
    letters = list(
        await db.scalars(
            select(CoverLetter)
            .where(CoverLetter.user_id == user.id, CoverLetter.job_offer_id == offer_id)
            .order_by(CoverLetter.created_at.desc())
        )
    )
    return {
        "letter_offer_id": offer_id,
        "letter_cvs": list((await cv_labels(db, user.id, cvs)).items()),
        "offer_letters": letters,
        "letter_cv_names": await _cv_names(db, letters),
        "letter_status_labels": STATUS_LABELS,
        "letter_lengths": LENGTHS,
        "letter_tones": TONES,
        "letter_cost": await credits_view.cost_said(db, credits_view.COVER_LETTER),
    }


def fact_summary(meta: dict[str, Any]) -> dict[str, Any]:
    """What the fact guard did, from the letter's meta (jobs/letters/request.py: WrittenLetter)."""
    dropped = [
        {"text": str(d["text"]), "why": dropped_reason(d)}
        for d in meta.get("dropped") or []
        if isinstance(d, dict) and d.get("text")
    ]
    return {
        "verified": int(meta.get("verifiedClaims") or 0),
        "repaired": int(meta.get("repairedClaims") or 0),
        "dropped_count": int(meta.get("droppedClaims") or len(dropped)),
        "dropped": dropped,
        "known": any(k in meta for k in ("verifiedClaims", "droppedClaims", "repairedClaims")),
    }


# The user's letter template (User.letter_template): a section of the account page and a page
# of its own (where a plain post's error is shown). Its placeholders: app/lib/letter_template.py.
def template_errors(text: str) -> list[str]:
    """Why the template cannot be saved, in the reader's language (none: it can)."""
    errors = []
    if len(text) > MAX_TEMPLATE_CHARS:
        errors.append(
            gettext(
                N_("At most %(n)s characters (this one has %(actual)s)."),
                n=MAX_TEMPLATE_CHARS,
                actual=len(text),
            )
        )
    unknown = check_template(text)
    if unknown:
        names = ", ".join("{" + name + "}" for name in unknown)
        errors.append(
            gettext(
                N_("Unknown placeholders: %(names)s. Use only the ones listed below."), names=names
            )
        )
    return errors


def template_context(user: User, **extra: Any) -> dict[str, Any]:
    """The template form: the stored text (or what was posted), the placeholders to use."""
    return {
        "letter_template_text": extra.pop("text", None)
        if "text" in extra
        else user.letter_template,
        "letter_placeholders": PLACEHOLDERS,
        "letter_template_errors": extra.pop("errors", []),
        "letter_template_saved": extra.pop("saved", False),
        **extra,
    }


async def letters_of_cvs(db: AsyncSession, cv_ids: list[str]) -> dict[str, CoverLetter]:
    """The newest letter written from each of these CVs (a generation's tailored CVs)."""
    if not cv_ids:
        return {}
    found = await db.scalars(
        select(CoverLetter)
        .where(CoverLetter.cv_file_id.in_(cv_ids))
        .order_by(CoverLetter.created_at)
    )
    return {letter.cv_file_id: letter for letter in found if letter.cv_file_id}
