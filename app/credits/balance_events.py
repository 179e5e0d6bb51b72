"""Publish ``credits:changed`` to the user's tabs once a ledger write is committed.

app/credits/ledger.py is the one place the ledger is written, always inside the
caller's transaction; it notes the user here, and the event goes out only after that
transaction commits (a rolled-back debit never reaches a tab). The Redis publisher rides on
the session (``create_session_factory(engine, publisher)``): the web app and the worker each
pass their own connection, and a session without one publishes nothing.
"""

from __future__ import annotations

import asyncio
import logging

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Session

from app.events import CREDITS_CHANGED, credits_changed
from app.lib.events import Publisher, publish_event

PUBLISHER_KEY = "publisher"
_PENDING_KEY = "credits_changed"  # user id → balance after the last write in this transaction

log = logging.getLogger(__name__)
# Strong references: the loop keeps only weak ones to the tasks it runs.
_in_flight: set[asyncio.Task[None]] = set()


def note_balance_change(session: AsyncSession, user_id: str, balance: int) -> None:
    sync = session.sync_session
    pending: dict[str, int] = sync.info.setdefault(_PENDING_KEY, {})
    pending[user_id] = balance
    if not event.contains(sync, "after_commit", _after_commit):
        event.listen(sync, "after_commit", _after_commit)
        event.listen(sync, "after_rollback", _after_rollback)


def _after_rollback(sync: Session) -> None:
    sync.info.pop(_PENDING_KEY, None)


def _after_commit(sync: Session) -> None:
    pending: dict[str, int] = sync.info.pop(_PENDING_KEY, None) or {}
    publisher: Publisher | None = sync.info.get(PUBLISHER_KEY)
    if not pending or publisher is None:
        return
    # SQLAlchemy runs this hook synchronously inside the awaited commit: publish right after it.
    task = asyncio.get_running_loop().create_task(_publish(publisher, pending))
    _in_flight.add(task)
    task.add_done_callback(_in_flight.discard)


async def _publish(publisher: Publisher, pending: dict[str, int]) -> None:
    for user_id, balance in pending.items():
        try:
            await publish_event(publisher, user_id, CREDITS_CHANGED, credits_changed(balance))
        except Exception:  # a missed live update must not fail the commit that caused it
            log.warning("could not publish %s for %s", CREDITS_CHANGED, user_id)
