"""The signed-in user's coach as the pages and the JSON API ask it (the ``coach`` dependency,
declared in routes.py): their conversation by id and each step of it, with the session, the
queue and the settings every step needs bound once. The rules live in services.py."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar.di import NamedDependency
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import User
from app.db.models.coach import CoachConversation, CoachStatus
from app.domain.coach import services
from app.lib.dependencies import AppSettings, Db, Queue, SignedIn, TaskQueue


@dataclass(frozen=True, slots=True)
class Coaching:
    db: AsyncSession
    queue: TaskQueue
    settings: Settings
    user: User

    async def get(self, conversation_id: str) -> CoachConversation:
        """The user's conversation (another user's: 404, like a missing one)."""
        return await services.get(self.db, self.user.id, conversation_id)

    async def send(self, conversation: CoachConversation, text: str) -> CoachConversation:
        return await services.post_message(self.db, self.queue, self.settings, conversation, text)

    async def ask_again(self, conversation: CoachConversation) -> CoachConversation:
        return await services.ask_again(self.db, self.queue, self.settings, conversation)

    async def accept(self, conversation: CoachConversation, fields: dict[str, Any]) -> str:
        return await services.accept(self.db, self.queue, conversation, fields)

    async def set_status(self, conversation: CoachConversation, status: CoachStatus) -> None:
        await services.set_status(self.db, self.queue, conversation, status)


def provide_coaching(user: SignedIn, db: Db, queue: Queue, settings: AppSettings) -> Coaching:
    return Coaching(db, queue, settings, user)


Coach = NamedDependency[Coaching]
"""``coach``: the signed-in user's coach (``provide_coaching``, declared in routes.py)."""
