"""Applications: one per (user, job offer). Scoped look-ups, creation (by hand, or after a
generation completes an offer), status moves with their history, notes, the tracked fields,
deletion. Callers commit, then publish ``application:updated`` (``announce``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any, TypeVar

from redis.asyncio import Redis
from sqlalchemy import Select, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import (
    Application,
    ApplicationNote,
    ApplicationStatus,
    ApplicationStatusChange,
    JobOffer,
    SentDocument,
)
from app.db.models.base import utcnow
from app.domain.offers import services as offers
from app.events import APPLICATION_DELETED, APPLICATION_UPDATED, application_changed
from app.lib.errors import NotFound
from app.lib.events import publish_event
from app.lib.i18n import N_, gettext, ngettext
from app.lib.labels import label
from app.lib.paging import Page, PageRequest, read_rows_page

STATUSES = tuple(ApplicationStatus)
# Statuses that mean the employer answered: the response rate counts them (app/domain/
# applications/stats.py).
ANSWERED = frozenset(
    {ApplicationStatus.INTERVIEW, ApplicationStatus.OFFER, ApplicationStatus.HIRED}
)


@dataclass(frozen=True, slots=True)
class Tracked:
    """An application with the offer it is for (what lists and cards show)."""

    application: Application
    offer: JobOffer


async def get_application(
    session: AsyncSession, user_id: str, application_id: str, *, lock: bool = False
) -> Application:
    """The user's application; another user's id answers like a missing one (404). ``lock``
    takes the row lock (PostgreSQL) so two concurrent moves run one after the other."""
    stmt = select(Application).where(
        Application.id == application_id, Application.user_id == user_id
    )
    if lock:
        # A locking SELECT also reloads a row this session read earlier (SQLAlchemy implies
        # populate_existing), so a move committed meanwhile by another tab is the start.
        stmt = stmt.with_for_update()
    found = await session.scalar(stmt)
    if found is None:
        raise NotFound(N_("No such application."), code="application.not_found")
    return found


async def find_for_offer(session: AsyncSession, user_id: str, offer_id: str) -> Application | None:
    return await session.scalar(
        select(Application).where(
            Application.user_id == user_id, Application.job_offer_id == offer_id
        )
    )


def _tracked(user_id: str) -> Select[Application, JobOffer]:
    """The user's applications with their offers, the most recently moved first."""
    return (
        select(Application, JobOffer)
        .join(JobOffer, JobOffer.id == Application.job_offer_id)
        .where(Application.user_id == user_id)
        .order_by(Application.status_changed_at.desc(), Application.id)
    )


async def list_tracked(session: AsyncSession, user_id: str) -> list[Tracked]:
    """Every application of the user with its offer, the most recently moved first."""
    rows = await session.execute(_tracked(user_id))
    return [Tracked(application, offer) for application, offer in rows]


async def tracked_page(session: AsyncSession, user_id: str, paging: PageRequest) -> Page[Tracked]:
    page = await read_rows_page(session, _tracked(user_id), paging)
    return page.map(lambda row: Tracked(row[0], row[1]))


async def _insert(
    session: AsyncSession, user_id: str, offer_id: str, cv_file_id: str | None
) -> tuple[Application, bool]:
    """The new application, or the one a concurrent request created first (the unique
    (user, offer) constraint decides, inside a savepoint so the caller's work survives)."""
    application = Application(
        user_id=user_id,
        job_offer_id=offer_id,
        cv_file_id=cv_file_id,
        status=ApplicationStatus.TO_APPLY,
        contact_name="",
        contact_email="",
        contact_link="",
    )
    try:
        async with session.begin_nested():
            session.add(application)
            await session.flush()
            session.add(
                ApplicationStatusChange(
                    application_id=application.id, to_status=ApplicationStatus.TO_APPLY
                )
            )
            await session.flush()
    except IntegrityError:
        existing = await find_for_offer(session, user_id, offer_id)
        if existing is None:
            raise
        return existing, False
    return application, True


async def create_for_offer(
    session: AsyncSession, user_id: str, offer_id: str
) -> tuple[Application, bool]:
    """Track the user's offer by hand: its application, and whether it is new (one per offer:
    a second call returns the first)."""
    offer = await offers.get_offer(session, user_id, offer_id)  # another user's: 404
    existing = await find_for_offer(session, user_id, offer.id)
    if existing is not None:
        return existing, False
    return await _insert(session, user_id, offer.id, None)


async def track_generated_cv(
    session: AsyncSession, user_id: str, offer_id: str, cv_file_id: str
) -> Application:
    """A generation completed ``offer_id``: its application (``to_apply``) now points at the
    tailored CV. Runs in the generation's own transaction (jobs/pipeline/recompose.py)."""
    existing = await find_for_offer(session, user_id, offer_id)
    if existing is None:
        application, created = await _insert(session, user_id, offer_id, cv_file_id)
        if created:
            return application
        existing = application
    existing.cv_file_id = cv_file_id  # the newest tailored CV is the one to send
    return existing


async def move(
    session: AsyncSession,
    application: Application,
    status: ApplicationStatus,
    device_id: str | None = None,
    mail_reply_id: str | None = None,
) -> bool:
    """Move to ``status`` and record the move once; False when it is already there. The caller
    holds the row lock (``get_application(lock=True)``), so ``from`` is the committed status
    even when another tab moved it a moment ago. ``mail_reply_id``: the employer's reply that
    made the move (app/domain/mailbox/), which the history quotes."""
    if application.status == status:
        return False
    session.add(
        ApplicationStatusChange(
            application_id=application.id,
            from_status=application.status,
            to_status=status,
            device_id=(device_id or None) and device_id[:64],
            mail_reply_id=mail_reply_id,
        )
    )
    application.status = status
    application.status_changed_at = utcnow()
    if status == ApplicationStatus.APPLIED and application.applied_on is None:
        application.applied_on = date.today()
    return True


def add_note(session: AsyncSession, application: Application, body: str) -> ApplicationNote:
    note = ApplicationNote(application_id=application.id, body=body)
    session.add(note)
    application.updated_at = utcnow()  # the note changes the application: bump its version
    return note


# The rows an application owns, each kind read by ``_owned``.
_Owned = TypeVar("_Owned", ApplicationNote, ApplicationStatusChange, SentDocument)


async def _owned(
    session: AsyncSession, model: type[_Owned], application: Application, *order: Any
) -> list[_Owned]:
    rows = await session.scalars(
        select(model).where(model.application_id == application.id).order_by(*order)
    )
    return list(rows)


async def notes(session: AsyncSession, application: Application) -> list[ApplicationNote]:
    order = (ApplicationNote.created_at.desc(), ApplicationNote.id)
    return await _owned(session, ApplicationNote, application, *order)


async def history(session: AsyncSession, application: Application) -> list[ApplicationStatusChange]:
    """Every move, oldest first."""
    order = (ApplicationStatusChange.at, ApplicationStatusChange.id)
    return await _owned(session, ApplicationStatusChange, application, *order)


async def sent_documents(session: AsyncSession, application: Application) -> list[SentDocument]:
    """The frozen copies, the latest first (the PDF bytes stay unloaded)."""
    order = (SentDocument.sent_at.desc(), SentDocument.id)
    return await _owned(session, SentDocument, application, *order)


async def delete(session: AsyncSession, application: Application) -> None:
    await session.delete(application)


@dataclass(frozen=True)
class AtStake:
    """What the user wrote or sent in an application that deleting its offer would lose."""

    application: Application
    notes: int
    sent: int


async def at_stake(session: AsyncSession, user_id: str, offer_id: str) -> AtStake | None:
    """The offer's application when it holds more than its automatic creation: a move, notes,
    documents sent, a rating, a follow-up or a contact. None when there is nothing to lose."""
    application = await find_for_offer(session, user_id, offer_id)
    if application is None:
        return None
    stake = await record(session, application)
    touched = (
        application.status != ApplicationStatus.TO_APPLY
        or application.rating is not None
        or application.follow_up_at is not None
        or bool(application.contact_name or application.contact_email or application.contact_link)
    )
    if not (touched or stake.notes or stake.sent):
        return None
    return stake


async def record(session: AsyncSession, application: Application) -> AtStake:
    """The application with the count of its notes and documents sent (what its deletion loses)."""
    count = select(func.count())
    notes = await session.scalar(count.where(ApplicationNote.application_id == application.id))
    sent = await session.scalar(count.where(SentDocument.application_id == application.id))
    return AtStake(application, notes or 0, sent or 0)


def record_lines(stake: AtStake) -> list[str]:
    """The deletion page's lines for an application's own record, in the reader's language."""
    lines = [
        gettext(
            "its status (%(status)s) and the history of its moves",
            status=label(str(stake.application.status)),
        )
    ]
    if stake.notes:
        lines.append(ngettext("%(num)d note", "%(num)d notes", stake.notes))
    if stake.sent:
        lines.append(
            ngettext(
                "%(num)d document sent (the copy kept of what you sent)",
                "%(num)d documents sent (the copies kept of what you sent)",
                stake.sent,
            )
        )
    return lines


async def announce(redis: Redis, user_id: str, application: Application) -> None:
    """After the commit: every tab of the user refreshes this application."""
    await publish_event(
        redis,
        user_id,
        APPLICATION_UPDATED,
        application_changed(application.id, str(application.status)),
    )


async def announce_deleted(redis: Redis, user_id: str, application_id: str) -> None:
    await publish_event(redis, user_id, APPLICATION_DELETED, application_changed(application_id))
