"""Start a pitch: one ``Pitch`` + one ``BackgroundTask`` in one transaction, then the arq job
``write_pitch`` (jobs/pitch_jobs.py). A request that cannot start (bad option, a CV still
importing, another user's CV or offer, too few credits, too many pitches at once or today:
limits.py) is refused whole: nothing is created."""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings, get_settings
from app.db.models import CvFile, JobOffer, Pitch, PitchStatus, User
from app.domain.cvs import services as cvs
from app.domain.offers import services as offers
from app.domain.pitches.lifecycle import PITCH, PITCH_TASK_TYPE
from app.domain.pitches.limits import counted_today, refuse_past_at_once
from app.lib.dependencies import TaskQueue
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.settings.llm_endpoint import refuse_when_spent

log = logging.getLogger(__name__)
KINDS = ("30s", "3min")
LANGUAGES = ("fr", "en")
MAX_CONTEXT = 120  # one line naming the target: the pitch may say it (jobs/pitches/evidence.py)


def check_options(kind: str, language: str | None, job_offer_id: str, context: str) -> str:
    """The context as stored (spaces squeezed), or 422 saying which option is wrong."""
    if kind not in KINDS:
        raise InputError(
            N_("The pitch length must be '30s' or '3min'."), code="pitch.bad_kind", where="kind"
        )
    if language not in (None, "", *LANGUAGES):
        raise InputError(
            N_("The pitch language must be 'fr' or 'en'."),
            code="pitch.bad_language",
            where="language",
        )
    context = " ".join(context.split())
    if len(context) > MAX_CONTEXT:
        raise InputError(
            N_("The context must be one line of at most %(max)d characters."),
            code="pitch.context_too_long",
            where="context",
            max=MAX_CONTEXT,
        )
    if bool(job_offer_id) == bool(context):
        raise InputError(
            N_("Choose the target of the pitch: one of your offers, or a context (not both)."),
            code="pitch.no_target",
            where="jobOfferId",
        )
    return context


async def _inputs(
    session: AsyncSession, user_id: str, cv_file_id: str, job_offer_id: str
) -> tuple[CvFile, JobOffer | None]:
    cv = await cvs.ready_cv(session, user_id, cv_file_id, "pitch.cv_not_ready")
    offer = await offers.get_offer(session, user_id, job_offer_id) if job_offer_id else None
    return cv, offer


async def request_pitch(
    session: AsyncSession,
    queue: TaskQueue,
    user: User,
    *,
    cv_file_id: str,
    kind: str,
    job_offer_id: str = "",
    context: str = "",
    language: str | None = None,
    settings: Settings | None = None,
    device_id: str | None = None,
) -> Pitch:
    """Create, charge (when an admin set a cost) and queue a pitch of ``user``; refused whole
    (404, 409, 422, 403 ``credits.insufficient``, 429 ``pitch.too_many_at_once`` or
    ``pitch.daily_limit``) with nothing made."""
    context = check_options(kind, language, job_offer_id, context)
    cv, offer = await _inputs(session, user.id, cv_file_id, job_offer_id)
    settings = settings or get_settings()
    await refuse_when_spent(session, settings, queue.redis, user.id)
    chosen = language or (offer.language if offer else None) or cv.language or user.locale
    pitch = Pitch(
        user_id=user.id,
        cv_file_id=cv.id,
        job_offer_id=offer.id if offer else None,
        context=context,
        kind=kind,
        language=chosen if chosen in LANGUAGES else "en",
        status=PitchStatus.PENDING,
        text="",
        meta={"requestedLanguage": language or None},
    )
    try:
        # Both counts under the user's lock (taken by the first), held until the commit: two
        # requests at once are counted one after the other, exactly.
        await refuse_past_at_once(session, user.id, settings)
        async with counted_today(queue.redis, user.id, settings):  # given back if refused
            session.add(pitch)
            await session.flush()
            subject = offer.title if offer else context
            task = await PITCH.open(
                session,
                pitch,
                PITCH_TASK_TYPE,
                f"Pitch — {kind} · {subject}"[:200],
                cap=settings.background_tasks_per_user,
                device_id=device_id,
                subject=offers.title_and_company(offer) if offer else context,
            )
            await session.commit()
    except BaseException:
        await session.rollback()  # no pitch, no task, no debit
        raise
    await PITCH.enqueue(session, queue, pitch, task)  # Redis refuses: failed, 503
    return pitch
