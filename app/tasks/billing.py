"""Credits for a task run (imports and offer extractions are free by default; admins may set a
cost).

A task kind declares its ``Price`` (app/tasks/registry.py): the credit feature, whose cost
setting says how many credits one run takes, and the default when that setting is unset. The
debit happens in the transaction that creates the task (``reserve`` in app/tasks/lifecycle.py),
the refund in the one that ends it failed or cancelled, so the ledger always matches what
happened.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.credits import ledger as credits
from app.db.models import CreditTransaction
from app.lib.refund_reasons import Refund
from app.settings.service import get_int_setting
from app.tasks.registry import Price


async def cost_of(session: AsyncSession, price: Price) -> int:
    """Credits one run takes now: the admin's setting, never below 0."""
    return max(0, await get_int_setting(session, price.setting, price.default))


async def charge(
    session: AsyncSession, user_id: str, price: Price, meta: dict[str, Any]
) -> str | None:
    """Debit one run (raises ``InsufficientCredits``); the ledger entry id or None."""
    cost = await cost_of(session, price)
    entry = await credits.debit(session, user_id, cost, price.feature, meta)
    return entry.id if entry is not None else None


async def refund_charge(
    session: AsyncSession, user_id: str, transaction_id: str | None, reason: Refund
) -> None:
    if not transaction_id:
        return
    original = await session.get(CreditTransaction, transaction_id)
    if original is None or original.amount >= 0:
        return
    await credits.refund(
        session, user_id, -original.amount, reason, original.id, dict(original.meta or {})
    )
