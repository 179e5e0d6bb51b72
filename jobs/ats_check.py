"""The arq job of ATS checks: ``run_ats_check``, built on jobs/task_job.py like the imports
(jobs/imports.py): every write first claims the task, progress is committed then published, a
file that cannot be read at all ends the check failed with the reader's own reason.

A tailored CV's PDF is rendered as its downloads render it (the render cache first: the
generation rendered it already), and the render recorded on the CV as a download records it
(jobs/render.py). The check itself reads the file in limited child processes
(app/lib/ats_check/check.py); no transaction is open meanwhile.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import AtsCheck, AtsCheckStatus, BackgroundTask
from app.db.models.status import FINISHED, TaskStatus
from app.domain.ats.lifecycle import ATS_INPUT_GONE, end_check
from app.domain.cvs.services import find_cv
from app.domain.renders.services import record_render, spec_for
from app.lib.ats_check.check import check_pdf
from app.lib.pdf_text import PdfTextError
from app.tasks.failures import UnusableInput
from app.tasks.lifecycle import save_and_publish
from jobs.render import render_spec_pdf
from jobs.task_job import (
    Job,
    claim_or_stop,
    complete,
    guarded,
    progress,
    publish_failure,
    rollback,
    unless_settled,
)


class InputGone(Exception):
    """The tailored CV was deleted before its PDF could be rendered."""


async def _tailored_pdf(db: AsyncSession, settings: Settings, check: AtsCheck) -> bytes:
    """The tailored CV's PDF as downloads get it, its render recorded on the CV."""
    cv = await find_cv(db, check.user_id, check.cv_file_id or "")
    if cv is None:
        raise InputGone
    spec = await spec_for(db, settings, cv)
    await db.commit()  # no transaction (nor SQLite's write lock) held while WeasyPrint works
    result = await render_spec_pdf(settings, spec)
    cv = await find_cv(db, check.user_id, check.cv_file_id or "", lock=True)
    if cv is None:
        raise InputGone
    record_render(cv, result.meta())
    check.render_key = result.cache_key
    return result.pdf


async def run_ats_check(ctx: dict[str, Any], check_id: str, task_id: str) -> dict[str, Any]:
    return await unless_settled(
        _run(ctx, check_id, task_id),
        {"checkId": check_id, "skipped": "settled"},
        "ATS check task %s was settled elsewhere (cancelled); its result is dropped",
        task_id,
    )


async def _input_gone(
    db: AsyncSession, redis: Any, task: BackgroundTask, check: AtsCheck | None, check_id: str
) -> dict[str, Any]:
    if await end_check(db, task, check, status=TaskStatus.FAILED, message=ATS_INPUT_GONE):
        await save_and_publish(db, redis, task)
    return {"checkId": check_id, "skipped": "input gone"}


async def _run(ctx: dict[str, Any], check_id: str, task_id: str) -> dict[str, Any]:
    redis = ctx["redis"]
    settings: Settings = ctx["settings"]
    async with ctx["session_factory"]() as db:
        task = await db.get(BackgroundTask, task_id)
        if task is None or task.status in FINISHED:
            return {"skipped": task.status if task else "no task"}
        check = await db.get(AtsCheck, check_id)
        if check is None or (check.pdf is None and check.cv_file_id is None):
            return await _input_gone(db, redis, task, check, check_id)
        if check.status == AtsCheckStatus.COMPLETED:  # a re-delivered job whose work is done
            await claim_or_stop(db, task)
            await complete(db, redis, task, {"checkId": check.id, "alreadyDone": True})
            return {"checkId": check.id, "alreadyDone": True}

        async def step(name: str, percent: int) -> None:
            await progress(db, redis, task, name, percent)

        async def work() -> dict[str, Any]:
            check.status = AtsCheckStatus.RUNNING  # written after the claim (no autoflush there)
            await step("preparing", 5)
            data = check.pdf
            if data is None:
                try:
                    data = await _tailored_pdf(db, settings, check)
                except InputGone:
                    await rollback(db, task, check)
                    return await _input_gone(db, redis, task, check, check_id)
            await db.commit()  # no transaction held while the child processes read
            try:
                report = await check_pdf(data, max_pages=settings.pdf_max_pages, step=step)
            except PdfTextError as exc:  # not readable at all: the reader's own words
                raise UnusableInput(exc.code, exc.template, **exc.values) from None
            await claim_or_stop(db, task)  # a cancel that landed meanwhile wins
            check.pdf = data
            check.report = report
            check.verdict = str(report["verdict"])
            check.status = AtsCheckStatus.COMPLETED
            check.error = None
            summary = {"checkId": check.id, "verdict": check.verdict, "counts": report["counts"]}
            await complete(db, redis, task, summary)
            return summary

        async def fail(failure: dict[str, Any]) -> None:
            check.failure = failure
            message = str(failure["message"])
            ended = await end_check(db, task, check, status=TaskStatus.FAILED, message=message)
            await publish_failure(db, redis, task, ended)

        job = Job("ATS check", "checkId", check_id, (UnusableInput,))
        return await guarded(ctx, db, redis, task, check, job, work, fail)


JOB_FUNCTIONS: list[Any] = [run_ats_check]
