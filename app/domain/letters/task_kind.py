"""The cover letter as a task kind (app/tasks/registry.py): its own slot (one letter written at
a time per user; the others of a generation wait their turn, app/domain/letters/requesting.py),
its price, its cancel and its recovery when the worker's queue lost its job."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.db.models.cover_letter import LetterStatus
from app.db.models.status import TaskStatus
from app.domain.letters.lifecycle import (
    LETTER_CANCELLED,
    LETTER_FEATURE,
    LETTER_INPUT_GONE,
    LETTER_JOB,
    LETTER_SLOT,
    LETTER_TASK_TYPE,
    REFUND_CANCELLED,
    REFUND_LOST,
    end_letter,
    event_of,
    letter_id_of,
    letter_of,
)
from app.lib.i18n import N_
from app.tasks.registry import Ended, LostInput, Price, Recovery, TaskKind


def link(task: BackgroundTask) -> tuple[str, str] | None:
    """The letter's page, unless it was cancelled (the letter may be gone with it)."""
    if task.status == TaskStatus.CANCELLED:
        return None
    letter_id = letter_id_of(task)
    return (f"/cover-letters/{letter_id}", N_("Open the letter")) if letter_id else None


def _ended(letter_id: str, status: str) -> Ended:
    return Ended(events=(event_of(letter_id, status),) if letter_id else ())


async def cancel(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    """Cancelled for good: the letter shows it, a paid one is refunded once, the slot freed."""
    letter = await letter_of(session, task)
    ended = await end_letter(
        session,
        task,
        letter,
        status=TaskStatus.CANCELLED,
        message=LETTER_CANCELLED,
        refund_reason=REFUND_CANCELLED,
    )
    return _ended(letter_id_of(task), LetterStatus.CANCELLED) if ended else None


async def find_input(session: AsyncSession, task: BackgroundTask) -> LostInput:
    letter = await letter_of(session, task)
    present = letter is not None and letter.cv_file_id is not None
    return LostInput(job_args=(letter_id_of(task), task.id) if present else None)


async def fail_lost(session: AsyncSession, task: BackgroundTask) -> Ended | None:
    """Its letter or CV is gone: failed with the reason, refunded, the slot freed."""
    letter = await letter_of(session, task)
    ended = await end_letter(
        session,
        task,
        letter,
        status=TaskStatus.FAILED,
        message=LETTER_INPUT_GONE,
        refund_reason=REFUND_LOST,
    )
    return _ended(letter_id_of(task), LetterStatus.FAILED) if ended else None


KIND = TaskKind(
    type=LETTER_TASK_TYPE,
    label=N_("Cover letter"),
    slot=LETTER_SLOT,
    price=Price(feature=LETTER_FEATURE, default=1, description="Credits per cover letter"),
    cancel=cancel,
    recovery=Recovery(job=LETTER_JOB, find_input=find_input, fail_lost=fail_lost),
    link=link,
    title_prefix="Letter — ",
)
