"""The arq job of ATS checks: ``run_ats_check``, the run of its row task (jobs/task_job.py
``RowRun``, as letters' and pitches'): every write first claims the task, progress is committed
then published, a file that cannot be read at all ends the check failed with the reader's own
reason.

A tailored CV's PDF is rendered as its downloads render it (the render cache first: the
generation rendered it already), and the render recorded on the CV as a download records it
(jobs/render.py). The check itself reads the file in limited child processes
(app/lib/ats_check/check.py); no transaction is open meanwhile.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import AtsCheck, AtsCheckStatus
from app.db.models.status import TaskStatus
from app.domain.ats.lifecycle import CHECK
from app.domain.cvs.services import find_cv
from app.domain.renders.services import record_render, spec_for
from app.lib.ats_check.check import check_pdf
from app.lib.pdf_text import PdfTextError
from app.tasks.failures import UnusableInput
from jobs.render import render_spec_pdf
from jobs.task_job import RowRun, publish_failure, rollback, run_task


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
    return await run_task(AtsCheckRun, ctx, check_id, task_id)


class AtsCheckRun(RowRun[AtsCheck]):
    name = "ATS check"
    key = "checkId"
    spec = CHECK
    failures = (UnusableInput,)

    async def inputs(self) -> bool:
        """An upload needs its bytes, a tailored CV its row (rendered below)."""
        check = self.row
        return check.pdf is not None or check.cv_file_id is not None

    async def work(self) -> dict[str, Any]:
        db, check, settings = self.db, self.row, self.ctx["settings"]
        check.status = AtsCheckStatus.RUNNING  # written after the claim (no autoflush there)
        await self.step("preparing", 5)
        data = check.pdf
        if data is None:
            try:
                data = await _tailored_pdf(db, settings, check)
            except InputGone:
                await rollback(db, self.task, check)
                await self.end_gone()
                return {self.key: self.row_id, "skipped": "input gone"}
        await db.commit()  # no transaction held while the child processes read
        try:
            report = await check_pdf(data, max_pages=settings.pdf_max_pages, step=self.step)
        except PdfTextError as exc:  # not readable at all: the reader's own words
            raise UnusableInput(exc.code, exc.template, **exc.values) from None
        await self.claim()  # a cancel that landed meanwhile wins
        check.pdf = data
        check.report = report
        check.verdict = str(report["verdict"])
        check.status = AtsCheckStatus.COMPLETED
        check.error = None
        return await self.complete(
            {"checkId": check.id, "verdict": check.verdict, "counts": report["counts"]}
        )

    async def fail(self, failure: dict[str, Any]) -> None:
        """Failed with the failure's own message (a reader's reason), not a generic one."""
        check = self.row
        check.failure = failure
        message = str(failure["message"])
        ended = await CHECK.end(
            self.db, self.task, check, TaskStatus.FAILED, message, CHECK.ends.refund_failed
        )
        await publish_failure(self.db, self.redis, self.task, ended)


JOB_FUNCTIONS: list[Any] = [run_ats_check]
