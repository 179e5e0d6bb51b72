"""Why credits were given back: every refund reason, declared once with its sentence.

The ledger stores the code (``CreditTransaction.reason``); pages and the JSON API's
``reasonText`` show the sentence in the reader's language (``label``, app/lib/labels.py). Rows
written before the reasons were codes hold English sentences; ``STORED_BEFORE`` reads each as
its reason, so they show as a new row would.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from app.lib.i18n import N_


class RefundReason(StrEnum):
    """A refund's reason; ``sentence`` is its catalogue message id."""

    sentence: str

    def __new__(cls, code: str, sentence: str) -> RefundReason:
        member = str.__new__(cls, code)
        member._value_ = code
        member.sentence = sentence
        return member

    GENERATION_FAILED = "cv_generation_failed", N_("Refund: tailoring failed")
    GENERATION_CANCELLED = "cv_generation_cancelled", N_("Refund: tailoring cancelled")
    IMPORT_FAILED = "cv_import_failed", N_("Refund: CV import failed")
    IMPORT_CANCELLED = "cv_import_cancelled", N_("Refund: CV import cancelled")
    IMPORT_LOST = "cv_import_lost", N_("Refund: CV import could not run")
    IMPORT_NOT_QUEUED = "cv_import_not_queued", N_("Refund: CV import could not be queued")
    IMPORT_CV_DELETED = "cv_import_cv_deleted", N_("Refund: CV deleted before its import finished")
    EXTRACT_FAILED = "offer_extract_failed", N_("Refund: offer extraction failed")
    EXTRACT_CANCELLED = "offer_extract_cancelled", N_("Refund: offer extraction cancelled")
    EXTRACT_LOST = "offer_extract_lost", N_("Refund: offer extraction could not run")
    EXTRACT_OFFER_DELETED = (
        "offer_extract_offer_deleted",
        N_("Refund: offer deleted before its extraction finished"),
    )
    LETTER_FAILED = "cover_letter_failed", N_("Refund: cover letter failed")
    LETTER_CANCELLED = "cover_letter_cancelled", N_("Refund: cover letter cancelled")
    LETTER_LOST = "cover_letter_lost", N_("Refund: cover letter could not run")
    LETTER_NOT_QUEUED = "cover_letter_not_queued", N_("Refund: cover letter could not be queued")
    PITCH_FAILED = "pitch_failed", N_("Refund: pitch failed")
    PITCH_CANCELLED = "pitch_cancelled", N_("Refund: pitch cancelled")
    PITCH_LOST = "pitch_lost", N_("Refund: pitch could not run")
    PITCH_NOT_QUEUED = "pitch_not_queued", N_("Refund: pitch could not be queued")


# What rows written before the codes hold: each reason's own sentence, and two older forms that
# named the task by its type.
STORED_BEFORE: dict[str, RefundReason] = {
    **{
        reason.sentence: reason
        for reason in RefundReason
        if reason not in (RefundReason.GENERATION_FAILED, RefundReason.GENERATION_CANCELLED)
    },
    "Refund: cv_import could not run": RefundReason.IMPORT_LOST,
    "Refund: offer_extract could not run": RefundReason.EXTRACT_LOST,
}

# A free task (a check, a coach reply, a search) takes nothing, so it gives nothing back.
NO_REFUND: Literal[""] = ""
# What ends a task: a reason, or nothing to give back.
Refund = RefundReason | Literal[""]
