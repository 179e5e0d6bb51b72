"""Changes to the signed-in user's applications, as the API and the pages' forms make them:
each under the row lock, committed, then announced to every tab of the user.

``Tracker`` is injected into both controllers (``tracker``, declared on this feature's router in
routes.py): one object holds what a change needs, so the handlers neither repeat the same five
parameters nor write the commit-then-announce order twice."""

from __future__ import annotations

from dataclasses import dataclass

from litestar.di import NamedDependency
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import Application, ApplicationNote, User
from app.domain.applications import services
from app.domain.applications.changes import ApplicationChanges, apply_fields
from app.domain.applications.sent import mark_letter_sent, mark_sent
from app.lib.dependencies import AppSettings, Db, RedisClient, SignedIn
from app.lib.errors import Conflict
from app.lib.i18n import N_


@dataclass(frozen=True, slots=True)
class Tracker:
    """The signed-in ``user``'s applications, with the request's session and the event bus."""

    user: User
    db: AsyncSession
    redis: Redis
    settings: Settings

    async def track(self, job_offer_id: str) -> tuple[Application, bool]:
        """The offer's application: a new one (announced), or the one it has (one per offer)."""
        application, created = await services.create_for_offer(self.db, self.user.id, job_offer_id)
        if created:
            await self.db.commit()
            await services.announce(self.redis, self.user.id, application)
        return application, created

    async def change(
        self, application_id: str, changes: ApplicationChanges, device_id: str | None = None
    ) -> Application:
        """Apply ``changes`` (already checked) and commit; a stale ``version`` is a 409. Two tabs
        moving the same card at once are serialised by the lock: both moves are recorded, the
        second one from where the first left it."""
        application = await self._locked(application_id)
        if changes.expected_version is not None and changes.expected_version != application.version:
            raise Conflict(
                N_("This application changed meanwhile; reload it and try again."),
                code="application.stale",
                extra={"version": application.version},
            )
        changed = apply_fields(application, changes)
        if changes.status is not None:
            moved = await services.move(self.db, application, changes.status, device_id)
            changed = moved or changed
        if changes.sent_cv_file_id is not None:
            await mark_sent(self.db, self.settings, self.user, application, changes.sent_cv_file_id)
            changed = True
        if changes.sent_letter_id is not None:
            await mark_letter_sent(self.db, self.user, application, changes.sent_letter_id)
            changed = True
        if changed:
            await self._commit_and_announce(application)
        return application

    async def add_note(self, application_id: str, body: str) -> ApplicationNote:
        """``body`` already checked (``parse_note``)."""
        application = await self._locked(application_id)
        note = services.add_note(self.db, application, body)
        await self._commit_and_announce(application)
        return note

    async def delete(self, application_id: str) -> None:
        application = await self._locked(application_id)
        await services.delete(self.db, application)
        await self.db.commit()
        await services.announce_deleted(self.redis, self.user.id, application_id)

    async def _locked(self, application_id: str) -> Application:
        return await services.get_application(self.db, self.user.id, application_id, lock=True)

    async def _commit_and_announce(self, application: Application) -> None:
        await self.db.commit()
        await services.announce(self.redis, self.user.id, application)


def provide_tracker(user: SignedIn, db: Db, redis: RedisClient, settings: AppSettings) -> Tracker:
    return Tracker(user, db, redis, settings)


Tracked = NamedDependency[Tracker]
"""``tracker``: the signed-in user's applications (``provide_tracker``)."""
