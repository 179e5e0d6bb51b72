"""The row a task works on (a cover letter, a pitch, an ATS check), found and ended one way.

Such a task names its row in its input (``BackgroundTask.input_id``) and its arq job id is its
kind's prefix and the task id. Ending it as failed or cancelled claims the task first
(app/tasks/lifecycle.py), then marks the row, then settles the task, all in the caller's
transaction: a row the worker finished meanwhile keeps its outcome, a paid task is refunded once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Generic, Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.db.models.status import TaskStatus
from app.lib.refund_reasons import Refund
from app.tasks.lifecycle import claim, settle


class EndsWithAStatus(Protocol):
    """A row whose outcome a task writes: its status, and the catalogue id of its error."""

    status: str
    error: str | None


Row = TypeVar("Row", bound=EndsWithAStatus)
ENDS = (TaskStatus.COMPLETED, TaskStatus.FAILED, TaskStatus.CANCELLED)


def same_names(statuses: type[StrEnum]) -> dict[TaskStatus, str]:
    """The row's status for each end of its task, when its statuses are named as the ends are
    (``LetterStatus.FAILED`` for a failed task)."""
    return {end: statuses[end.name] for end in ENDS}


@dataclass(frozen=True, slots=True)
class TaskRow(Generic[Row]):
    model: type[Row]
    input_key: str  # the key of the row's id in the task's input
    job_prefix: str
    ended: Mapping[TaskStatus, str]  # the row's status for each end of its task

    def job_id(self, task_id: str) -> str:
        return f"{self.job_prefix}:{task_id}"

    def row_id_of(self, task: BackgroundTask) -> str:
        return task.input_id(self.input_key)

    async def row_of(self, session: AsyncSession, task: BackgroundTask) -> Row | None:
        row_id = self.row_id_of(task)
        return await session.get(self.model, row_id) if row_id else None

    async def end(
        self,
        session: AsyncSession,
        task: BackgroundTask,
        row: Row | None,
        *,
        status: TaskStatus,
        message: str,
        refund_reason: Refund,
    ) -> bool:
        """End an open task as failed or cancelled: the row (if still there) shows ``message``,
        a charge is refunded once, the slot freed. False, and nothing written, when the task had
        already ended."""
        if not await claim(session, task.id):
            return False
        if row is not None:
            row.status = self.ended[status]
            row.error = message
        await settle(session, task, status=status, error=message, refund_reason=refund_reason)
        return True
