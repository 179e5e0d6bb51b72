"""Credits for imports and offer extractions (free by default; admins may set a cost).

The seed's ``TASK_FEATURE_MAPPING`` names the feature of each task type; its cost setting says
how many credits one run takes. The debit happens in the transaction that creates the task, the
refund in the one that marks it failed, so the ledger always matches what happened.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CreditTransaction
from app.domain.admin.settings_registry import TASK_FEATURE_MAPPING, feature_cost_setting
from app.domain.admin.settings_service import get_int_setting
from app.domain.credits import services as credits


async def charge(
    session: AsyncSession, user_id: str, task_type: str, meta: dict[str, Any]
) -> str | None:
    """Debit the feature's cost (raises ``InsufficientCredits``); the ledger entry id or None."""
    feature = TASK_FEATURE_MAPPING[task_type]
    cost = await get_int_setting(session, feature_cost_setting(feature), 0)
    entry = await credits.debit(session, user_id, max(cost, 0), feature, meta)
    return entry.id if entry is not None else None


async def refund_charge(
    session: AsyncSession, user_id: str, transaction_id: str | None, reason: str
) -> None:
    if not transaction_id:
        return
    original = await session.get(CreditTransaction, transaction_id)
    if original is None or original.amount >= 0:
        return
    await credits.refund(
        session, user_id, -original.amount, reason, original.id, dict(original.meta or {})
    )
