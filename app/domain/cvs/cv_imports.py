"""The signed-in user's CV imports as the pages and the JSON API start them (the ``imports``
dependency of their controllers): an upload, pasted text or a JSON Resume started with the
session, the queue and the settings bound once, and the gate a picture of a CV passes before it
is decoded. The rules live in importing.py."""

from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass

from litestar.di import NamedDependency, Provide
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import User
from app.domain.cvs.importing import ImportStarted, image_decoding, start_import
from app.domain.cvs.intake import Upload
from app.lib.dependencies import AppSettings, Db, Queue, SignedIn, TaskQueue


@dataclass(frozen=True, slots=True)
class CvImports:
    db: AsyncSession
    queue: TaskQueue
    settings: Settings
    user: User

    async def start(self, upload: Upload, device_id: str | None = None) -> ImportStarted:
        queue = self.queue
        return await start_import(
            self.db, queue.redis, queue.arq, self.settings, self.user, upload, device_id
        )

    def image_gate(self) -> AbstractAsyncContextManager[None]:
        """Around decoding a picture of a CV (importing.image_decoding)."""
        return image_decoding(self.db, self.queue.redis, self.user.id)


def provide_imports(user: SignedIn, db: Db, queue: Queue, settings: AppSettings) -> CvImports:
    return CvImports(db, queue, settings, user)


IMPORTS = {"imports": Provide(provide_imports, sync_to_thread=False)}
Imports = NamedDependency[CvImports]
