"""One offer's execution state: subtask rows (idempotent), progress events, cancellation.

Every LLM call is a ``CvGenerationSubtask`` keyed by (offer, type, itemIndex). A completed row is
never redone: after a crash or a retry its stored result is reused, so each call happens at most
once after its completion was recorded.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any, TypeVar

from pydantic import BaseModel
from redis.asyncio import Redis
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import CvGenerationOffer, CvGenerationSubtask, CvGenerationTask
from app.db.models.base import utcnow
from app.db.models.status import OFFER_FINISHED, GenerationStatus, OfferStep, SubtaskStatus
from app.events import GENERATION_OFFER_PROGRESS
from app.lib.events import publish_event
from app.lib.i18n import N_
from app.lib.llm import LLMError, LLMInvalidOutputError
from app.lib.llm.user_messages import user_message
from jobs.pipeline.core.context import OfferContext
from jobs.pipeline.core.fact_guard import Checked, GuardCounts
from jobs.pipeline.core.offline import OfflineEngine
from jobs.pipeline.core.phase import PhaseCall, PhaseEngine
from jobs.pipeline.core.schemas import PHASE_SCHEMAS, Translation
from jobs.pipeline.core.translation import accept, settled, untranslated

log = logging.getLogger(__name__)
T = TypeVar("T", bound=BaseModel)
STEP_FAILED = N_("This step failed; the offer is tried again, then refunded if it keeps failing.")
Guard = Callable[[Any], tuple[BaseModel, Checked]]


class TaskCancelled(Exception):
    """The user cancelled the task: stop before the next LLM call."""


class OfferRun:
    def __init__(
        self,
        ctx: OfferContext,
        engine: PhaseEngine,
        sessions: async_sessionmaker[AsyncSession],
        redis: Redis,
        source_cv_id: str | None = None,
    ) -> None:
        self.ctx = ctx
        self.source_cv_id = source_cv_id
        self.engine = engine
        self.sessions = sessions
        self.redis = redis
        self.counts = GuardCounts()
        # Shared by the task's offers (orchestrator.Generation): calls of this task at once.
        self.calls: asyncio.Semaphore | None = None

    # ------------------------------------------------------------ events and state

    async def progress(
        self, step: OfferStep, status: str, *, offer_status: str | None = None
    ) -> None:
        """Persist the step, then publish ``offer_progress`` (DB first, event second)."""
        values: dict[str, Any] = {"current_step": step}
        if offer_status:
            values["status"] = offer_status
        async with self.sessions() as session:
            await session.execute(
                update(CvGenerationOffer)
                .where(
                    CvGenerationOffer.id == self.ctx.offer_row_id,
                    CvGenerationOffer.status.not_in(OFFER_FINISHED),
                )
                .values(**values)
            )
            await session.commit()
        await publish_event(
            self.redis,
            self.ctx.user_id,
            GENERATION_OFFER_PROGRESS,
            {
                "taskId": self.ctx.task_id,
                "offerId": self.ctx.offer_row_id,
                "offerIndex": self.ctx.offer_index,
                "totalOffers": self.ctx.total_offers,
                "step": step,
                "status": status,
            },
        )

    async def save_offer(self, **values: Any) -> None:
        """Store intermediate results on the offer row (classificationResult, batchResults)."""
        async with self.sessions() as session:
            await session.execute(
                update(CvGenerationOffer)
                .where(CvGenerationOffer.id == self.ctx.offer_row_id)
                .values(**values)
            )
            await session.commit()

    async def _task_status(self, session: AsyncSession) -> str | None:
        return await session.scalar(
            select(CvGenerationTask.status).where(CvGenerationTask.id == self.ctx.task_id)
        )

    async def ensure_not_cancelled(self) -> None:
        async with self.sessions() as session:
            status = await self._task_status(session)
        if status == GenerationStatus.CANCELLED:
            raise TaskCancelled(self.ctx.task_id)

    # ------------------------------------------------------------ subtasks

    async def _existing(
        self, session: AsyncSession, phase: str, index: int | None
    ) -> CvGenerationSubtask | None:
        stmt = select(CvGenerationSubtask).where(
            CvGenerationSubtask.offer_id == self.ctx.offer_row_id,
            CvGenerationSubtask.type == phase,
            CvGenerationSubtask.item_index.is_(None)
            if index is None
            else CvGenerationSubtask.item_index == index,
        )
        return await session.scalar(stmt)

    async def call(
        self, phase: str, item: Any, index: int | None, guard: Guard, schema: type[T]
    ) -> T:
        """Run one phase call once: reuse a completed result, else call, guard and record it."""
        if self.calls is None:
            return await self._call(phase, item, index, guard, schema)
        async with self.calls:  # the cancel check below runs once the call may go
            return await self._call(phase, item, index, guard, schema)

    async def _call(
        self, phase: str, item: Any, index: int | None, guard: Guard, schema: type[T]
    ) -> T:
        async with self.sessions() as session:
            row = await self._existing(session, phase, index)
            if row is not None and row.status == SubtaskStatus.COMPLETED and row.result is not None:
                self.counts.add(GuardCounts(**row.result.get("guard", {})))
                return schema.model_validate(row.result["data"])
            if row is None:
                row = CvGenerationSubtask(
                    task_id=self.ctx.task_id,
                    offer_id=self.ctx.offer_row_id,
                    type=phase,
                    item_index=index,
                )
                session.add(row)
            else:
                row.retry_count += 1
            row.status, row.error = SubtaskStatus.RUNNING, None
            # Checked in the same transaction that starts the subtask, just before the call.
            cancelled = await self._task_status(session) == GenerationStatus.CANCELLED
            if not cancelled:
                await session.commit()
            row_id = row.id
        if cancelled:
            raise TaskCancelled(self.ctx.task_id)
        try:
            call, cleaned, counts = await self._guarded(phase, item, guard)
        except asyncio.CancelledError:
            # A sibling call failed (jobs/pipeline/together.py) or the job is being stopped:
            # this call ends unanswered, and its row must not stay "running" after the offer.
            with contextlib.suppress(Exception):
                await self._record_cancelled(row_id)
            raise
        except Exception as exc:
            await self._record_failure(row_id, exc)
            raise
        await self._record_success(row_id, call, cleaned, counts)
        self.counts.add(counts)
        return schema.model_validate(cleaned.model_dump())

    async def _guarded(
        self, phase: str, item: Any, guard: Guard
    ) -> tuple[PhaseCall, BaseModel, GuardCounts]:
        call, cleaned, counts = await self._answered(phase, item, guard)
        return await self._translated(phase, call, cleaned, counts, guard)

    async def _answered(
        self, phase: str, item: Any, guard: Guard
    ) -> tuple[PhaseCall, BaseModel, GuardCounts]:
        """The phase's call, guarded, and its repair round when the guard refused something.
        An answer the model could not give in the schema, even after the client's own repair
        (a small model running on until the token cap), is replaced by the phase's rule answer
        (the offline engine's: the source's wording), as a letter falls back to the offline
        letter (jobs/letters/writer.py): the offer goes on instead of failing on it."""
        try:
            call = await self.engine.run(self.ctx, phase, item)
        except LLMInvalidOutputError:
            log.info("offer %s: %s answer unusable; rules answer it", self.ctx.offer_row_id, phase)
            call = await OfflineEngine().run(self.ctx, phase, item)
            cleaned, checked = guard(_as_phase(phase, call))
            note = f"{phase}: the model's answer could not be used; the source's wording is kept"
            return call, cleaned, GuardCounts(dropped=1, notes=[note])  # none of it the model's
        cleaned, checked = guard(_as_phase(phase, call))
        counts = GuardCounts(verified=checked.ok)
        if not checked.bad:
            return call, cleaned, counts
        await self.ensure_not_cancelled()
        try:
            repair = await self.engine.repair(self.ctx, phase, item, call.data, checked.bad)
        except LLMInvalidOutputError:
            repair = None  # a garbled repair: the first answer's passing fields stay
        if repair is None:
            return (
                call,
                cleaned,
                GuardCounts(verified=checked.ok, dropped=len(checked.bad), notes=checked.bad),
            )
        call = call.plus(repair)
        cleaned, after = guard(_as_phase(phase, repair))
        fixed = max(0, len(checked.bad) - len(after.bad))
        counts = GuardCounts(
            verified=max(0, after.ok - fixed),
            repaired=fixed,
            dropped=len(after.bad),
            notes=checked.bad,
        )
        return call, cleaned, counts

    async def _translated(
        self, phase: str, call: PhaseCall, cleaned: BaseModel, counts: GuardCounts, guard: Guard
    ) -> tuple[PhaseCall, BaseModel, GuardCounts]:
        """Each prose field left in the other language, translated alone and kept when the
        phase's guard passes it (``core/translation.py``)."""
        language = self.ctx.language
        todo = untranslated(cleaned, language)
        if not todo:
            return call, cleaned, counts
        refused = guard(cleaned)[1].bad
        for field in todo:
            text = field[1]
            await self.ensure_not_cancelled()
            try:
                answer = await self.engine.translate(self.ctx, phase, text)
            except LLMInvalidOutputError:
                counts.notes.append(f"translation of {text!r} unusable")
                continue  # the source's wording stays, as when a translation is refused
            if answer is None:
                break  # an engine that cannot translate
            call = call.plus_cost(answer)
            translation = Translation.model_validate(answer.data.model_dump()).text
            accepted = accept(guard, cleaned, refused, field, translation)
            if isinstance(accepted, str):
                counts.notes.append(f"translation {translation!r} of {text!r} refused: {accepted}")
                continue
            cleaned, refused = accepted
            counts.verified += 1
            counts.translated += 1
        return call, settled(cleaned, language), counts

    async def _record_success(
        self, row_id: str, call: PhaseCall, cleaned: BaseModel, counts: GuardCounts
    ) -> None:
        async with self.sessions() as session:
            row = await session.get(CvGenerationSubtask, row_id)
            assert row is not None
            row.status = SubtaskStatus.COMPLETED
            row.result = {
                "data": cleaned.model_dump(mode="json"),
                "guard": {
                    "verified": counts.verified,
                    "repaired": counts.repaired,
                    "dropped": counts.dropped,
                    "translated": counts.translated,
                    "notes": counts.notes[:20],
                },
            }
            row.prompt_tokens = call.prompt_tokens
            row.completion_tokens = call.completion_tokens
            row.cached_tokens = call.cached_tokens
            row.duration_ms = call.duration_ms
            row.model_used = call.model
            row.schema_repairs = call.schema_repairs
            row.completed_at = utcnow()
            await session.commit()

    async def _record_cancelled(self, row_id: str) -> None:
        async with self.sessions() as session:
            row = await session.get(CvGenerationSubtask, row_id)
            if row is not None and row.status == SubtaskStatus.RUNNING:
                row.status = SubtaskStatus.CANCELLED
                await session.commit()

    async def _record_failure(self, row_id: str, exc: BaseException) -> None:
        async with self.sessions() as session:
            row = await session.get(CvGenerationSubtask, row_id)
            if row is not None:
                row.status = SubtaskStatus.FAILED
                row.error = subtask_error(exc)
                await session.commit()
        log.warning("subtask %s failed: %s: %s", row_id, type(exc).__name__, exc)


def _as_phase(phase: str, call: PhaseCall) -> BaseModel:
    """An answer as the phase's guard reads it, whatever subset of it the model was asked for
    (an item is asked for its sentences only: ``core/field_checks.py``)."""
    return PHASE_SCHEMAS[phase].model_validate(call.data.model_dump())


def subtask_error(exc: BaseException) -> str:
    """What a failed call's row keeps: a catalogue sentence, shown in the reader's language
    (the API shows subtasks to their user). Never the exception's text: an LLM error names the
    admin's endpoint, and any other is the code's own English; the log keeps both."""
    return user_message(exc) if isinstance(exc, LLMError) else STEP_FAILED
