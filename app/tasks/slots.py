"""Per-type concurrency: at most 3 different task types running per user, and one task per type.
State lives in the ``task_slot`` table, so every web and worker process agrees. A task kind names
its slot type in its registration (app/tasks/registry.py), or none."""

from __future__ import annotations

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import TaskSlot, User
from app.lib.errors import TooManyRequests
from app.lib.i18n import N_

MAX_CONCURRENT_TASK_TYPES = 3
# Offer extractions take no slot: adding offers while a generation or an import runs is expected.
# The 429 message for "a task of this type is already running", by type; pages translate it.
ALREADY_RUNNING = {
    "cv_generation": N_("A CV generation is already running; wait for it to finish or cancel it."),
    "pdf_import": N_("A CV import is already running; wait for it to finish or cancel it."),
}
ANOTHER_OF_THIS_TYPE = N_(
    "A task of this type is already running; wait for it to finish or cancel it."
)
TOO_MANY_TYPES = N_("Too many different tasks are running at once; try again when one finishes.")


def already_running(task_type: str) -> TooManyRequests:
    return TooManyRequests(
        ALREADY_RUNNING.get(task_type, ANOTHER_OF_THIS_TYPE), code=f"{task_type}_already_running"
    )


async def lock_user_tasks(session: AsyncSession, user_id: str) -> None:
    """Serialise the user's slot and cap checks until the caller's transaction ends.

    Touching the user row takes its row lock on PostgreSQL (the write lock on SQLite), so a count
    made after this cannot race with another request's acquisition (app/tasks/caps.py too)."""
    await session.execute(
        update(User).where(User.id == user_id).values(credit_balance=User.credit_balance)
    )


async def acquire_slot(session: AsyncSession, user_id: str, task_type: str, task_id: str) -> None:
    """Take the user's slot for ``task_type`` inside the caller's transaction, or raise 429."""
    await lock_user_tasks(session, user_id)
    held = list(
        await session.scalars(select(TaskSlot.task_type).where(TaskSlot.user_id == user_id))
    )
    if task_type in held:
        raise already_running(task_type)
    if len(held) >= MAX_CONCURRENT_TASK_TYPES:
        raise TooManyRequests(TOO_MANY_TYPES, code="max_concurrent_tasks_reached")
    session.add(TaskSlot(user_id=user_id, task_type=task_type, task_id=task_id))
    try:
        await session.flush()
    except IntegrityError as exc:  # another process took it between our check and insert
        raise already_running(task_type) from exc


async def release_slot(session: AsyncSession, task_id: str) -> None:
    """Free whatever slot ``task_id`` holds (idempotent; called on every end state)."""
    await session.execute(delete(TaskSlot).where(TaskSlot.task_id == task_id))


async def held_types(session: AsyncSession, user_id: str) -> list[str]:
    rows = await session.scalars(select(TaskSlot.task_type).where(TaskSlot.user_id == user_id))
    return list(rows)


async def count_slots(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count()).select_from(TaskSlot)) or 0)
