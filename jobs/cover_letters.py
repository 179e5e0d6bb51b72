"""arq jobs of cover letters: ``write_cover_letter`` (the task) and ``render_letter_pdf`` (a
download's PDF, which the web process waits for).

``write_cover_letter`` is built on jobs/task_job.py like the CV import (jobs/imports.py): every
write first claims the task, progress is committed then published, a transient failure is
retried, anything else ends the letter failed with a catalogue message, refunded once through
the kernel (app/domain/letters/lifecycle.py). The letter is written by jobs/letters/writer.py
from the CV's facts only (its fact guard drops what the source CV does not support: for a
tailored CV, the source CV it was made from, ``source_of``).

When a letter task ends, however it ends, the user's next letter waiting for the slot (the
letters of a generation started with ``withLetters``) is started.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any

from arq.worker import func
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings, get_settings
from app.db.models import (
    BackgroundTask,
    CoverLetter,
    CoverLetterVersion,
    CvFile,
    InboxItem,
    JobOffer,
    SavedSearch,
    User,
)
from app.db.models.cover_letter import LetterStatus
from app.db.models.status import FINISHED
from app.domain.letters import services as letters
from app.domain.letters.lifecycle import LETTER, announce
from app.lib.cv_content import CvContent
from app.lib.dependencies import TaskQueue
from app.lib.letter_content import LetterContent
from app.lib.pdf_render import render_letter_pdf_bytes, renders_dir
from app.tasks.slots import release_slot
from jobs.letters import writer
from jobs.letters.request import LetterRequest
from jobs.pipeline.bank import attach_bank
from jobs.pipeline.core.evidence import share_evidence
from jobs.task_job import RowRun, run_task

log = logging.getLogger(__name__)


async def letter_template(db: AsyncSession, letter: CoverLetter) -> str:
    """The template of the saved search the offer came from (its inbox item), else the user's
    own; "" when neither has one."""
    search_template = await db.scalar(
        select(SavedSearch.letter_template)
        .join(InboxItem, InboxItem.search_id == SavedSearch.id)
        .where(
            InboxItem.job_offer_id == letter.job_offer_id,
            InboxItem.user_id == letter.user_id,
            SavedSearch.letter_template != "",
        )
        .limit(1)
    )
    if search_template:
        return str(search_template)
    user = await db.get(User, letter.user_id)
    return user.letter_template if user is not None else ""


async def source_of(db: AsyncSession, cv: CvFile) -> CvFile | None:
    """The source CV a tailored CV was made from (its ``generation_meta``), the same user's;
    None for a source CV, or when the source was deleted (the tailored CV's facts are then
    all there is, and they are a subset of the source's)."""
    source_id = (cv.generation_meta or {}).get("source_cv_id")
    if not source_id or str(source_id) == cv.id:
        return None
    source = await db.get(CvFile, str(source_id))
    if source is None or source.user_id != cv.user_id or not source.content:
        return None
    return source


def letter_request(
    letter: CoverLetter, cv: CvFile, offer: JobOffer, template: str, source: CvFile | None = None
) -> LetterRequest:
    """The writer's input: the letter's CV (its facts are chosen from it) and, for a tailored
    CV, its source CV (the guard's facts: a claim must be in the source, as for the CV)."""
    requested = (letter.meta or {}).get("requestedLanguage")
    return LetterRequest(
        cv=CvContent.from_json(cv.content),
        offer_title=offer.title,
        offer_company=offer.company,
        offer_location=offer.location,
        offer_text=offer.description,
        offer_requirements=[str(r) for r in offer.requirements or []],
        offer_language=requested or offer.language,
        length=letter.length,
        tone=letter.tone,
        template=template,
        today=datetime.date.today(),
        source=CvContent.from_json(source.content) if source is not None else None,
    )


async def attach_achievements(
    db: AsyncSession, cv: CvFile, source: CvFile | None, request: LetterRequest
) -> None:
    """The user's achievements linked to the experiences of the letter's source CV, on the
    guard's facts and on the letter's CV (jobs/pipeline/core/evidence.py)."""
    facts_row = source or cv
    if facts_row.kind != "source":
        return  # a tailored CV whose source is gone: its achievements cannot be placed
    await attach_bank(db, facts_row, request.facts_cv)
    if request.source is not None:
        share_evidence(request.source, request.cv)


async def write_cover_letter(ctx: dict[str, Any], letter_id: str, task_id: str) -> dict[str, Any]:
    try:
        return await run_task(LetterRun, ctx, letter_id, task_id)
    finally:
        await _start_next(ctx, task_id)


async def _start_next(ctx: dict[str, Any], task_id: str) -> None:
    """The slot is free again (unless this job is retried): start the next waiting letter."""
    try:
        async with ctx["session_factory"]() as db:
            task = await db.get(BackgroundTask, task_id)
            if task is None or task.status not in FINISHED:
                await db.rollback()
                return
            queue = TaskQueue(ctx["redis"], ctx["redis"])
            await letters.start_waiting(db, queue, ctx["settings"], task.user_id)
    except Exception:  # the letter itself is settled; a waiting one is started by the next end
        log.exception("Could not start the next waiting cover letter after task %s", task_id)


class LetterRun(RowRun[CoverLetter]):
    name = "Cover letter"
    key = "letterId"
    spec = LETTER
    cv: CvFile
    offer: JobOffer

    async def inputs(self) -> bool:
        letter = self.row
        cv = await self.db.get(CvFile, letter.cv_file_id) if letter.cv_file_id else None
        offer = await self.db.get(JobOffer, letter.job_offer_id)
        if cv is None or offer is None:  # deleted meanwhile
            return False
        self.cv, self.offer = cv, offer
        return True

    async def confirm_done(self) -> None:
        await release_slot(self.db, self.task.id)
        await super().confirm_done()

    async def work(self) -> dict[str, Any]:
        db, redis, letter, cv = self.db, self.redis, self.row, self.cv
        letter.status = LetterStatus.RUNNING  # written after the claim (no autoflush there)
        await self.step("writing", 20)
        await announce(redis, letter)
        template = await letter_template(db, letter)
        source = await source_of(db, cv)
        request = letter_request(letter, cv, self.offer, template, source)
        await attach_achievements(db, cv, source, request)
        engine = await writer.letter_engine(
            db, self.ctx["settings"], user_id=letter.user_id, redis=redis
        )
        await db.commit()  # no transaction (nor SQLite's write lock) held while the model writes
        written = await writer.write_letter(request, engine)
        await self.step("saving", 90)
        await self.claim()  # a cancel that landed while it was written wins
        content = LetterContent.model_validate(written.content.to_json())
        letter.content = content.to_json()
        letter.language = written.language
        letter.engine = written.engine
        letter.meta = {**(letter.meta or {}), **written.meta}
        letter.status = LetterStatus.COMPLETED
        letter.error = None
        letter.version = int(letter.version or 0) + 1
        db.add(
            CoverLetterVersion(
                cover_letter_id=letter.id,
                number=letter.version,
                origin="generated",
                content=letter.content,
            )
        )
        await release_slot(db, self.task.id)
        summary = await self.complete(
            {
                "letterId": letter.id,
                "engine": written.engine,
                "language": written.language,
                "verifiedClaims": written.meta.get("verifiedClaims", 0),
                "droppedClaims": written.meta.get("droppedClaims", 0),
            }
        )
        await announce(redis, letter)
        return summary


async def start_waiting_letters(
    sessions: async_sessionmaker[AsyncSession],
    redis: Any,
    user_id: str,
    settings: Settings | None = None,
) -> None:
    """Start the user's letter waiting for the slot, if the slot is free: called when a
    generation's offer added its letter (jobs/pipeline/recompose.py) and by the recovery sweep
    (jobs/recovery.py). Never fails its caller: a letter that cannot start says why itself
    (app/domain/letters/requesting.py)."""
    try:
        async with sessions() as db:
            queue = TaskQueue(redis, redis)
            await letters.start_waiting(db, queue, settings or get_settings(), user_id)
    except Exception:
        log.exception("Could not start the waiting cover letters of user %s", user_id)


async def render_letter_pdf(ctx: dict[str, Any], user_id: str, letter_id: str) -> dict[str, Any]:
    """A download's PDF: the letter as it is now, one page, in its CV's design."""
    async with ctx["session_factory"]() as db:
        spec = await letters.owned_spec(db, user_id, letter_id)
    return await render_spec(ctx, spec)


async def render_spec(ctx: dict[str, Any], spec: letters.LetterSpec) -> dict[str, Any]:
    result = await render_letter_pdf_bytes(
        spec.content,
        spec.header,
        design=spec.design,
        locale=spec.locale,
        cache_dir=renders_dir(ctx["settings"]),
    )
    return {"pdf": result.pdf, "pageCount": result.page_count}


# The result carries the PDF through Redis: kept just long enough for the waiting request.
RENDER_LETTER_PDF = func(
    render_letter_pdf, name=letters.RENDER_LETTER_JOB, keep_result=120, timeout=120, max_tries=1
)
JOB_FUNCTIONS: list[Any] = [write_cover_letter, RENDER_LETTER_PDF]
