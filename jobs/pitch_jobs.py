"""The arq job of pitches: ``write_pitch``, built on jobs/task_job.py like the cover letter's
(jobs/cover_letters.py): every write first claims the task, progress is committed then
published, a transient failure is retried, anything else ends the pitch failed with a catalogue
message. The pitch is written by jobs/pitches/writer.py from the CV (its source CV, for a
tailored one) and the user's complete achievements, the only facts it may state."""

from __future__ import annotations

import logging
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, JobOffer, Pitch, PitchStatus
from app.domain.pitches.lifecycle import PITCH
from app.lib.cv_content import CvContent
from jobs.cover_letters import source_of
from jobs.pitches import writer
from jobs.pitches.request import PitchRequest
from jobs.pitches.stories import complete_stories
from jobs.task_job import RowRun, run_task

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


class PitchRun(RowRun[Pitch]):
    name = "Pitch"
    key = "pitchId"
    spec = PITCH
    cv: CvFile

    async def inputs(self) -> bool:
        pitch = self.row
        cv = await self.db.get(CvFile, pitch.cv_file_id) if pitch.cv_file_id else None
        if cv is None or not cv.content:  # deleted meanwhile
            return False
        self.cv = cv
        return True

    async def work(self) -> dict[str, Any]:
        db, redis, pitch = self.db, self.redis, self.row
        pitch.status = PitchStatus.RUNNING  # written after the claim (no autoflush there)
        await self.step("writing", 20)
        request = await pitch_request(db, pitch, self.cv)
        settings = self.ctx["settings"]
        engine = await writer.pitch_engine(db, settings, user_id=pitch.user_id, redis=redis)
        await db.commit()  # no transaction (nor SQLite's write lock) held while the model writes
        written = await writer.write_pitch(request, engine)
        await self.step("saving", 90)
        await self.claim()  # a cancel that landed while it was written wins
        pitch.text = written.text
        pitch.language = written.language
        pitch.engine = written.engine
        pitch.meta = {**(pitch.meta or {}), **written.meta, "stories": len(request.stories)}
        pitch.status = PitchStatus.COMPLETED
        pitch.error = None
        return await self.complete(
            {
                "pitchId": pitch.id,
                "engine": written.engine,
                "language": written.language,
                "words": written.meta.get("words", 0),
                "verifiedClaims": written.meta.get("verifiedClaims", 0),
                "droppedClaims": written.meta.get("droppedClaims", 0),
            }
        )


JOB_FUNCTIONS: list[Any] = [write_pitch]
