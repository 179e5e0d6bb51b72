"""What every job of a task-centre task does, whatever its kind: load its task and input, end
the task when the input is gone, re-confirm a finished one, claim before each write, publish
progress, retry a transient failure with a growing delay, end the task failed when its work
breaks, and stop quietly when the task was settled elsewhere (cancelled, its input deleted).

A kind's job is a ``TaskRun`` subclass, saying only what is its own (how its input loads, how
it works, how it ends), run by ``run_task``: jobs/imports.py, jobs/ats_check.py and
jobs/coach/reply.py. A row task's (app/tasks/row_kind.py) is a ``RowRun``, which ends its row as
its ``RowTask`` declares: jobs/cover_letters.py and jobs/pitch_jobs.py.

Every write first claims the task (app/tasks/lifecycle.py): once a cancel from the task centre
has settled it, the job stops without writing anything.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar, cast

from arq import Retry
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask
from app.db.models.status import FINISHED, TaskStatus
from app.lib.llm.errors import TransientFailure
from app.lib.problems import problem
from app.tasks.failures import UNEXPECTED
from app.tasks.failures import UnusableInput as ImportFailure
from app.tasks.lifecycle import TaskSettled, claim, save_and_publish
from app.tasks.row_kind import RowTask
from app.tasks.task_rows import EndsWithAStatus

log = logging.getLogger(__name__)
# A row task's row (a CoverLetter, a Pitch): unbound, as mypy does not match mapped columns
# against a protocol in a class's bases; its RowTask checks it.
Row = TypeVar("Row")
MAX_RETRIES = 4  # below the worker's max_tries (5): the last try always settles the task
FAIL_TRIES = 5  # writes of a failure handler, each after the previous one was refused
FAIL_PAUSE_S = 1.0  # before the next, times the tries made


def retry_delay(ctx: dict[str, Any]) -> int:
    return min(2 ** int(ctx.get("job_try", 1)), 60)


def may_retry(ctx: dict[str, Any]) -> bool:
    return int(ctx.get("job_try", 1)) < MAX_RETRIES


async def rollback(db: AsyncSession, *rows: Any) -> None:
    """Roll back a failed step and reload the rows it touched (rollback expires them)."""
    await db.rollback()
    for row in rows:
        await db.refresh(row)


async def claim_or_stop(db: AsyncSession, task: BackgroundTask) -> None:
    """Claim the task for this transaction, or stop the job: it was cancelled (or its CV
    deleted) meanwhile, and that outcome must not be overwritten."""
    task_id = task.id  # read before the rollback expires the row
    if not await claim(db, task_id):
        await db.rollback()
        raise TaskSettled(task_id)


async def progress(
    db: AsyncSession, redis: Any, task: BackgroundTask, step: str, percent: int, **extra: Any
) -> None:
    await claim_or_stop(db, task)
    await save_and_publish(
        db,
        redis,
        task,
        status=TaskStatus.RUNNING,
        progress={**task.progress, "step": step, "percent": percent, **extra},
    )


async def complete(
    db: AsyncSession, redis: Any, task: BackgroundTask, summary: dict[str, Any]
) -> None:
    """Commit the claimed task as completed with its result, and publish it."""
    await save_and_publish(
        db,
        redis,
        task,
        status=TaskStatus.COMPLETED,
        result=summary,
        progress={**task.progress, "step": "done", "percent": 100},
    )


async def publish_failure(db: AsyncSession, redis: Any, task: BackgroundTask, ended: bool) -> None:
    """Commit and publish a task that ``end_import``/``end_offer_extraction`` ended as failed;
    if it had been settled elsewhere (``ended`` False) stop the job: nothing was written, and
    the session closes with it."""
    if not ended:
        raise TaskSettled(task.id)
    await save_and_publish(db, redis, task)


@dataclass(frozen=True)
class Job:
    """What the failure handling of a job needs to know of it."""

    name: str  # for the log: "CV import"
    key: str  # of the row id in the job's result: "cvId"
    row_id: str
    failures: tuple[type[ImportFailure], ...] = ()  # bad input: failed at once, with its problem


async def guarded(
    ctx: dict[str, Any],
    db: AsyncSession,
    redis: Any,
    task: BackgroundTask,
    row: Any,
    job: Job,
    work: Callable[[], Awaitable[dict[str, Any]]],
    fail: Callable[[dict[str, Any]], Awaitable[None]],
) -> dict[str, Any]:
    """Run a job's ``work``; when it breaks, roll back and end the task as failed through
    ``fail`` (given the problem to show), or retry a transient failure while tries are left.
    A task settled elsewhere (``TaskSettled``) stops the job as it is."""
    try:
        return await work()
    except TaskSettled:
        raise
    except job.failures as failure:
        await settle_failed(db, (task, row), fail, failure.as_problem())
        return {job.key: job.row_id, "failed": failure.code}
    except (TransientFailure, OperationalError) as exc:
        if may_retry(ctx):
            log.warning("%s %s will be retried: %s", job.name, job.row_id, exc)
            try:
                await rollback(db, task, row)
                await progress(db, redis, task, "retrying", 30)
            except OperationalError:  # the note is not worth failing for: the retry runs
                log.warning("%s %s: its retry could not be noted", job.name, job.row_id)
            raise Retry(defer=retry_delay(ctx)) from exc
        log.exception("%s %s failed after retries", job.name, job.row_id)
        await settle_failed(db, (task, row), fail, problem("unexpected", UNEXPECTED, "error"))
        return {job.key: job.row_id, "failed": "retries"}
    except Exception:
        log.exception("%s %s failed unexpectedly", job.name, job.row_id)
        await settle_failed(db, (task, row), fail, problem("unexpected", UNEXPECTED, "error"))
        return {job.key: job.row_id, "failed": "unexpected"}


async def settle_failed(
    db: AsyncSession,
    rows: tuple[Any, ...],
    fail: Callable[[dict[str, Any]], Awaitable[None]],
    failure: dict[str, Any],
) -> None:
    """Roll back the failed work and end the task through ``fail``. Under a burst its own
    write may be refused (SQLite's "database is locked" after the busy timeout): it is tried
    again, each time in a new transaction with the rows reloaded, rather than leaving the task
    "running" with no job behind it. Past the last try the job fails, and the recovery sweep
    ends the task (app/tasks/recovery.py)."""
    for attempt in range(1, FAIL_TRIES + 1):
        try:
            await rollback(db, *rows)
            await fail(failure)
            return
        except OperationalError:
            if attempt == FAIL_TRIES:
                raise
            log.warning("ending a failed task: write refused, try %d of %d", attempt, FAIL_TRIES)
            await asyncio.sleep(FAIL_PAUSE_S * attempt)


async def unless_settled(
    body: Awaitable[dict[str, Any]], settled: dict[str, Any], message: str, task_id: str
) -> dict[str, Any]:
    """Run a job's body; if its task was settled elsewhere meanwhile, log ``message`` and return
    ``settled`` (the job ends quietly, nothing retried)."""
    try:
        return await body
    except TaskSettled:
        log.info(message, task_id)
        return settled


class TaskRun:
    """One run of a task's job. A kind subclasses it with its ``name`` (for the log), ``key``
    (of its row id in the job's result), the ``failures`` that end it at once (bad input), and
    its own steps; ``run_task`` calls them in order:

    1. ``load``: read the input rows onto the run; False when one is gone (deleted meanwhile),
       and then ``end_gone`` ends the task (refunding it, as a delete would have);
    2. ``done``: the work was finished by an earlier delivery; then ``confirm_done`` ends the
       task as completed again, once claimed;
    3. ``work`` (the result is the job's), or ``fail`` with the problem to show when it breaks
       (``guarded``: transient failures are retried first).
    """

    name: ClassVar[str]
    key: ClassVar[str]
    failures: ClassVar[tuple[type[ImportFailure], ...]] = ()

    def __init__(
        self, ctx: dict[str, Any], db: AsyncSession, task: BackgroundTask, row_id: str
    ) -> None:
        self.ctx = ctx
        self.db = db
        self.redis: Any = ctx["redis"]
        self.task = task
        self.row_id = row_id

    @property
    def row(self) -> Any:
        """The kind's own row, reloaded with the task after a rolled-back step."""
        raise NotImplementedError

    async def load(self) -> bool:
        raise NotImplementedError

    async def end_gone(self) -> None:
        raise NotImplementedError

    def done(self) -> bool:
        return False

    async def confirm_done(self) -> None:
        await complete(self.db, self.redis, self.task, {self.key: self.row_id, "alreadyDone": True})

    async def step(self, name: str, percent: int, **extra: Any) -> None:
        """Commit and publish the task's progress (a task-centre step, not a generation's stage)."""
        await progress(self.db, self.redis, self.task, name, percent, **extra)

    async def claim(self) -> None:
        await claim_or_stop(self.db, self.task)

    async def complete(self, summary: dict[str, Any]) -> dict[str, Any]:
        await complete(self.db, self.redis, self.task, summary)
        return summary

    async def work(self) -> dict[str, Any]:
        raise NotImplementedError

    async def fail(self, failure: dict[str, Any]) -> None:
        raise NotImplementedError


class RowRun(TaskRun, Generic[Row]):
    """The run of a row task (app/tasks/row_kind.py: a cover letter, a pitch): its row is loaded
    by id, re-confirmed when its status says it is completed, and when its input is gone or its
    work breaks it ends as its ``RowTask`` (``spec``) declares, the user's tabs told. A kind adds
    ``inputs`` (the other rows its work reads; False when one is gone) and ``work``."""

    spec: ClassVar[RowTask[Any]]
    found: Row | None = None  # ended with the task even when an input is gone

    @property
    def row(self) -> Row:
        assert self.found is not None  # loaded
        return self.found

    async def load(self) -> bool:
        self.found = await self.db.get(self.spec.row.model, self.row_id)
        return self.found is not None and await self.inputs()

    async def inputs(self) -> bool:
        return True

    def done(self) -> bool:
        row = cast(EndsWithAStatus, self.row)
        return row.status == self.spec.row.ended[TaskStatus.COMPLETED]

    async def end_gone(self) -> None:
        if await self.spec.end_gone(self.db, self.task, self.found):
            await save_and_publish(self.db, self.redis, self.task)
            await self.spec.tell(self.redis, self.found)

    async def fail(self, failure: dict[str, Any]) -> None:
        ended = await self.spec.end_failed(self.db, self.task, self.row)
        await publish_failure(self.db, self.redis, self.task, ended)
        await self.spec.tell(self.redis, self.row)


async def run_task(
    kind: type[TaskRun], ctx: dict[str, Any], row_id: str, task_id: str
) -> dict[str, Any]:
    """The job of any ``TaskRun`` kind, for one task."""
    settled = {kind.key: row_id, "skipped": "settled"}
    message = f"{kind.name} task %s was settled elsewhere (cancelled); its result is dropped"
    return await unless_settled(_run(kind, ctx, row_id, task_id), settled, message, task_id)


async def _run(
    kind: type[TaskRun], ctx: dict[str, Any], row_id: str, task_id: str
) -> dict[str, Any]:
    async with ctx["session_factory"]() as db:
        task = await db.get(BackgroundTask, task_id)
        if task is None or task.status in FINISHED:
            return {"skipped": task.status if task else "no task"}
        run = kind(ctx, db, task, row_id)
        if not await run.load():
            await run.end_gone()
            return {kind.key: row_id, "skipped": "input gone"}
        if run.done():  # a re-delivered job whose work is done
            await claim_or_stop(db, task)
            await run.confirm_done()
            return {kind.key: row_id, "alreadyDone": True}
        job = Job(kind.name, kind.key, row_id, kind.failures)
        return await guarded(ctx, db, run.redis, task, run.row, job, run.work, run.fail)
