"""Start a cover letter: one ``CoverLetter`` + one ``BackgroundTask`` holding the letter slot and
its price, in one transaction, then the arq job ``write_cover_letter`` (jobs/cover_letters.py).

A letter asked for by hand that cannot start (a letter already being written, too few credits)
is refused whole: nothing is created. A letter asked for by a generation (``withLetters``) is
never refused: it is added waiting for the slot (a pending letter without a task,
``add_for_generation``) and started by ``start_waiting`` when the slot is free; without credits
it is recorded failed, its task too, so the task centre and the letter's page say why.
"""

from __future__ import annotations

import logging

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings, get_settings
from app.db.models import BackgroundTask, CoverLetter, CvFile, JobOffer, User
from app.db.models.cover_letter import LetterStatus
from app.db.models.status import TaskStatus
from app.domain.cvs import services as cvs
from app.domain.letters.lifecycle import LETTER, LETTER_NO_CREDITS, LETTER_TASK_TYPE, announce
from app.domain.offers import services as offers
from app.lib.dependencies import TaskQueue
from app.lib.errors import InsufficientCredits, TooManyRequests
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.settings.llm_endpoint import refuse_when_spent
from app.tasks.lifecycle import save_and_publish

log = logging.getLogger(__name__)
LENGTHS = ("short", "standard")
TONES = ("formal", "warm")
LANGUAGES = ("fr", "en")
WAITING = "waiting"  # meta key of a generation's letter waiting for the slot


def check_options(length: str, tone: str, language: str | None) -> None:
    if length not in LENGTHS:
        raise InputError(
            N_("The length must be 'short' or 'standard'."),
            code="letter.bad_length",
            where="length",
        )
    if tone not in TONES:
        raise InputError(
            N_("The tone must be 'formal' or 'warm'."), code="letter.bad_tone", where="tone"
        )
    if language not in (None, "", *LANGUAGES):
        raise InputError(
            N_("The letter language must be 'fr' or 'en'."),
            code="letter.bad_language",
            where="language",
        )


async def _inputs(
    session: AsyncSession, user_id: str, cv_file_id: str, job_offer_id: str
) -> tuple[CvFile, JobOffer]:
    """The user's CV and offer (another user's: 404); a CV still importing cannot be used."""
    cv = await cvs.ready_cv(session, user_id, cv_file_id, "letter.cv_not_ready")
    return cv, await offers.get_offer(session, user_id, job_offer_id)


def _new_letter(
    user_id: str, cv: CvFile, offer: JobOffer, length: str, tone: str, language: str | None
) -> CoverLetter:
    return CoverLetter(
        user_id=user_id,
        cv_file_id=cv.id,
        job_offer_id=offer.id,
        status=LetterStatus.PENDING,
        language=language or offer.language or cv.language or "en",
        length=length,
        tone=tone,
        content={},
        meta={"requestedLanguage": language or None},
        version=0,
    )


async def _new_task(
    session: AsyncSession,
    cap: int,
    letter: CoverLetter,
    title: str,
    device_id: str | None,
    *,
    charged: bool = True,
    subject: str = "",
) -> BackgroundTask:
    """``subject``: the offer's name on the ledger entry (its title when none is given)."""
    return await LETTER.open(
        session, letter, LETTER_TASK_TYPE, f"Letter — {title}",
        cap=cap, device_id=device_id, charged=charged, subject=subject or title,
    )  # fmt: skip


async def request_letter(
    session: AsyncSession,
    queue: TaskQueue,
    user: User,
    *,
    cv_file_id: str,
    job_offer_id: str,
    length: str = "standard",
    tone: str = "formal",
    language: str | None = None,
    settings: Settings | None = None,
    device_id: str | None = None,
) -> CoverLetter:
    """Create, charge and queue a letter for (CV, offer) of ``user``; refused whole (404, 422,
    429 a letter is being written, 403 ``credits.insufficient``) with nothing created."""
    user_id = user.id
    check_options(length, tone, language)
    cv, offer = await _inputs(session, user_id, cv_file_id, job_offer_id)
    settings = settings or get_settings()
    await refuse_when_spent(session, settings, queue.redis, user_id)  # before any debit
    cap = settings.background_tasks_per_user
    letter = _new_letter(user_id, cv, offer, length, tone, language)
    session.add(letter)
    try:
        await session.flush()
        task = await _new_task(
            session, cap, letter, offer.title, device_id, subject=offers.title_and_company(offer)
        )
    except BaseException:
        await session.rollback()  # no letter, no task, no ledger entry
        raise
    await session.commit()
    await LETTER.enqueue(session, queue, letter, task)
    return letter


def add_for_generation(
    session: AsyncSession, user_id: str, cv: CvFile, offer: JobOffer
) -> CoverLetter:
    """Add, in the caller's transaction, the letter a generation asks for when one of its
    offers completes: waiting for the slot, started by ``start_waiting`` once committed.

    The pipeline adds it in the transaction that completes the offer
    (jobs/pipeline/recompose.py), so a worker killed right after that commit cannot lose it:
    whoever calls ``start_waiting`` next (the worker that committed it, the end of a letter,
    the recovery sweep in jobs/recovery.py) starts it, charged then.
    """
    letter = _new_letter(user_id, cv, offer, "standard", "formal", None)
    letter.meta = {**letter.meta, WAITING: True}
    session.add(letter)
    return letter


async def users_with_waiting_letters(session: AsyncSession) -> list[str]:
    """The users having a generation's letter that waits for the slot."""
    rows = await session.scalars(
        select(CoverLetter.user_id)
        .where(
            CoverLetter.status == LetterStatus.PENDING,
            CoverLetter.background_task_id.is_(None),
        )
        .distinct()
    )
    return list(rows)


async def _fail_unpaid(
    session: AsyncSession, queue: TaskQueue, settings: Settings, letter: CoverLetter, title: str
) -> None:
    """Too few credits: the letter and a task of its own end failed, with the reason."""
    task = await _new_task(
        session, settings.background_tasks_per_user, letter, title, None, charged=False
    )
    letter.status = LetterStatus.FAILED
    letter.error = LETTER_NO_CREDITS
    letter.meta = {k: v for k, v in (letter.meta or {}).items() if k != WAITING}
    task.status = TaskStatus.FAILED
    task.error = LETTER_NO_CREDITS
    task.progress = {**task.progress, "step": "failed", "percent": 100}
    await save_and_publish(session, queue.redis, task)
    await announce(queue.redis, letter)


async def start_waiting(
    session: AsyncSession, queue: TaskQueue, settings: Settings, user_id: str
) -> CoverLetter | None:
    """Start the user's oldest letter waiting for the slot (called when a letter task ends):
    the started one, or None (none waiting, or the slot still busy)."""
    while True:
        waiting = await session.scalars(
            select(CoverLetter)
            .where(
                CoverLetter.user_id == user_id,
                CoverLetter.status == LetterStatus.PENDING,
                CoverLetter.background_task_id.is_(None),
            )
            .order_by(CoverLetter.created_at, CoverLetter.id)
        )
        letter = next((row for row in waiting if (row.meta or {}).get(WAITING)), None)
        if letter is None:
            await session.rollback()
            return None
        offer = await session.get(JobOffer, letter.job_offer_id)
        title = offer.title if offer is not None else ""
        letter_id = letter.id  # the rollback below expires the row: read before it
        try:
            task = await _new_task(session, settings.background_tasks_per_user, letter, title, None)
        except TooManyRequests:
            await session.rollback()
            return None
        except InsufficientCredits:
            await session.rollback()
            letter = await session.get(CoverLetter, letter_id) or letter
            await _fail_unpaid(session, queue, settings, letter, title)
            continue
        letter.meta = {k: v for k, v in (letter.meta or {}).items() if k != WAITING}
        await session.commit()
        await LETTER.enqueue(session, queue, letter, task)
        return letter
