"""Which CV the application page's "The CV you sent" starts on.

The likeliest one is tailored for this application's offer, and for the same person as the
letter the page's letter box shows first (its newest for the offer): one user may keep CVs of
several people, and a default of another person's CV, sent by mistake, is the worst choice. With
no CV tailored for the offer, the letter's own CV, else the one the tracker recorded, else the
only source CV. None when nothing fits: the page then asks for a choice rather than picking an
unrelated CV.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.db.models import CvFile
from app.domain.cvs.view import source_id_of


def _person(cv: CvFile) -> str:
    """Whose CV it is, as the source CV it comes from (a source CV is its own)."""
    return (source_id_of(cv) if cv.kind == "generated" else "") or cv.id


def sent_cv_choice(
    cvs: Sequence[CvFile], offer_id: str, recorded_id: str | None, letter_cv_id: str | None
) -> str | None:
    """The id of the CV to show chosen among ``cvs`` (the page's options), or None.
    ``recorded_id``: the application's CV (the newest tailored one, set by a generation);
    ``letter_cv_id``: the CV the offer's newest letter was written from."""
    by_id = {cv.id: cv for cv in cvs}
    tailored = sorted(
        (cv for cv in cvs if cv.kind == "generated" and cv.job_offer_id == offer_id),
        key=lambda cv: (cv.created_at is not None, cv.created_at),
        reverse=True,
    )
    letter_cv = by_id.get(letter_cv_id or "")
    person = _person(letter_cv) if letter_cv is not None else None
    recorded = by_id.get(recorded_id or "")
    if recorded is not None and recorded in tailored and person in (None, _person(recorded)):
        return recorded.id
    same_person = [cv for cv in tailored if person is not None and _person(cv) == person]
    if same_person:
        return same_person[0].id
    if letter_cv is not None:
        return letter_cv.id
    if recorded is not None:
        return recorded.id
    if tailored:
        return tailored[0].id
    # Nothing about this offer: the source CV when there is only one (no one else's to pick).
    sources = [cv for cv in cvs if cv.kind != "generated"]
    return sources[0].id if len(sources) == 1 else None
