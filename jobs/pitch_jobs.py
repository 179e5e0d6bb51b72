"""The arq job of pitches: ``write_pitch``, built on jobs/task_job.py like the cover letter's
(jobs/cover_letters.py): every write first claims the task, progress is committed then
published, a transient failure is retried, anything else ends the pitch failed with a catalogue
message. The pitch is written by jobs/pitches/writer.py from the CV (its source CV, for a
tailored one) and the user's complete achievements, the only facts it may state."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import BackgroundTask, CvFile, JobOffer, Pitch, PitchStatus
from app.db.models.status import TaskStatus
from app.domain.pitches.lifecycle import (
    PITCH_FAILED,
    PITCH_INPUT_GONE,
    REFUND_FAILED,
    REFUND_LOST,
    end_pitch,
)
from app.lib.cv_content import CvContent
from app.tasks.lifecycle import save_and_publish
from jobs.cover_letters import source_of
from jobs.pitches import writer
from jobs.pitches.request import PitchRequest
from jobs.pitches.stories import complete_stories
from jobs.task_job import TaskRun, claim_or_stop, complete, progress, publish_failure, run_task

log = logging.getLogger(__name__)


async def pitch_request(db: AsyncSession, pitch: Pitch, cv: CvFile) -> PitchRequest:
    offer = await db.get(JobOffer, pitch.job_offer_id) if pitch.job_offer_id else None
    source = await source_of(db, cv)
    return PitchRequest(
        cv=CvContent.from_json(cv.content),
        kind=pitch.kind,
        language=pitch.language,
        stories=await complete_stories(db, pitch.user_id, pitch.cv_file_id),
        offer_title=offer.title if offer else "",
        offer_company=offer.company if offer else "",
        offer_location=offer.location if offer else "",
        offer_text=offer.description if offer else "",
        offer_requirements=tuple(str(r) for r in (offer.requirements or [])) if offer else (),
        context=pitch.context,
        source=CvContent.from_json(source.content) if source is not None else None,
    )


async def write_pitch(ctx: dict[str, Any], pitch_id: str, task_id: str) -> dict[str, Any]:
    return await run_task(PitchRun, ctx, pitch_id, task_id)


class PitchRun(TaskRun):
    name = "Pitch"
    key = "pitchId"
    found: Pitch | None = None  # ended with the task even when its CV is gone
    pitch: Pitch
    cv: CvFile

    @property
    def row(self) -> Pitch:
        return self.pitch

    async def load(self) -> bool:
        pitch = self.found = await self.db.get(Pitch, self.row_id)
        cv = await self.db.get(CvFile, pitch.cv_file_id) if pitch and pitch.cv_file_id else None
        if pitch is None or cv is None or not cv.content:  # deleted meanwhile
            return False
        self.pitch, self.cv = pitch, cv
        return True

    async def end_gone(self) -> None:
        ended = await end_pitch(
            self.db,
            self.task,
            self.found,
            status=TaskStatus.FAILED,
            message=PITCH_INPUT_GONE,
            refund_reason=REFUND_LOST,
        )
        if ended:
            await save_and_publish(self.db, self.redis, self.task)

    def done(self) -> bool:
        return self.pitch.status == PitchStatus.COMPLETED

    async def work(self) -> dict[str, Any]:
        return await _work(self.ctx, self.db, self.task, self.pitch, self.cv)

    async def fail(self, failure: dict[str, Any]) -> None:
        ended = await end_pitch(
            self.db,
            self.task,
            self.pitch,
            status=TaskStatus.FAILED,
            message=PITCH_FAILED,
            refund_reason=REFUND_FAILED,
        )
        await publish_failure(self.db, self.redis, self.task, ended)


async def _work(
    ctx: dict[str, Any], db: AsyncSession, task: BackgroundTask, pitch: Pitch, cv: CvFile
) -> dict[str, Any]:
    redis = ctx["redis"]
    pitch.status = PitchStatus.RUNNING  # written after the claim (no autoflush there)
    await progress(db, redis, task, "writing", 20)
    request = await pitch_request(db, pitch, cv)
    engine = await writer.pitch_engine(db, ctx["settings"], user_id=pitch.user_id, redis=redis)
    await db.commit()  # no transaction (nor SQLite's write lock) held while the model writes
    written = await writer.write_pitch(request, engine)
    await progress(db, redis, task, "saving", 90)
    await claim_or_stop(db, task)  # a cancel that landed while it was written wins
    pitch.text = written.text
    pitch.language = written.language
    pitch.engine = written.engine
    pitch.meta = {**(pitch.meta or {}), **written.meta, "stories": len(request.stories)}
    pitch.status = PitchStatus.COMPLETED
    pitch.error = None
    summary = {
        "pitchId": pitch.id,
        "engine": written.engine,
        "language": written.language,
        "words": written.meta.get("words", 0),
        "verifiedClaims": written.meta.get("verifiedClaims", 0),
        "droppedClaims": written.meta.get("droppedClaims", 0),
    }
    await complete(db, redis, task, summary)
    return summary


JOB_FUNCTIONS: list[Any] = [write_pitch]
