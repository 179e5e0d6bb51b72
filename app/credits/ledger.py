"""The credit ledger. Every change to ``User.credit_balance`` goes through here, in the caller's
transaction, so the balance always equals the sum of the ledger."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.credits.balance_events import note_balance_change
from app.db.models import CreditTransaction, User
from app.lib.errors import InsufficientCredits, ValidationFailed
from app.lib.i18n import N_
from app.lib.owned_rows import OwnedList

# One sentence without values, so every page can show it in the reader's language; the API
# answer also carries the amount (app/tasks/lifecycle.py refuses with it before costly work).
LOW_BALANCE = N_("Your credit balance is too low for this.")


async def _record(
    session: AsyncSession,
    user_id: str,
    amount: int,
    kind: str,
    reason: str,
    meta: dict[str, Any] | None,
) -> CreditTransaction:
    entry = CreditTransaction(
        user_id=user_id, amount=amount, type=kind, reason=reason, meta=meta or {}
    )
    session.add(entry)
    await session.flush()
    balance = await session.scalar(select(User.credit_balance).where(User.id == user_id))
    # Every open tab's header counter follows, once the caller's transaction commits.
    note_balance_change(session, user_id, int(balance or 0))
    return entry


async def grant(
    session: AsyncSession,
    user_id: str,
    amount: int,
    reason: str,
    meta: dict[str, Any] | None = None,
) -> CreditTransaction:
    if amount <= 0:
        raise ValidationFailed(
            "A grant must be a positive number of credits", code="credits.invalid"
        )
    await session.execute(
        update(User).where(User.id == user_id).values(credit_balance=User.credit_balance + amount)
    )
    return await _record(session, user_id, amount, "grant", reason, meta)


async def debit(
    session: AsyncSession,
    user_id: str,
    amount: int,
    reason: str,
    meta: dict[str, Any] | None = None,
) -> CreditTransaction | None:
    """Take ``amount`` credits or raise ``InsufficientCredits``; a zero cost records nothing.

    The conditional UPDATE is the atomic check: two concurrent debits cannot both pass.
    """
    if amount < 0:
        raise ValidationFailed("A debit cannot be negative", code="credits.invalid")
    if amount == 0:
        return None
    result = await session.execute(
        update(User)
        .where(User.id == user_id, User.credit_balance >= amount)
        .values(credit_balance=User.credit_balance - amount)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise InsufficientCredits(LOW_BALANCE, extra={"needed": amount})
    return await _record(session, user_id, -amount, "debit", reason, meta)


async def refund(
    session: AsyncSession,
    user_id: str,
    amount: int,
    reason: str,
    original_transaction_id: str | None,
    meta: dict[str, Any] | None = None,
) -> CreditTransaction:
    if amount <= 0:
        raise ValidationFailed("A refund must be positive", code="credits.invalid")
    await session.execute(
        update(User).where(User.id == user_id).values(credit_balance=User.credit_balance + amount)
    )
    data = dict(meta or {})
    data["originalTransactionId"] = original_transaction_id
    return await _record(session, user_id, amount, "refund", reason, data)


async def ledger_sum(session: AsyncSession, user_id: str) -> int:
    total = await session.scalar(
        select(func.coalesce(func.sum(CreditTransaction.amount), 0)).where(
            CreditTransaction.user_id == user_id
        )
    )
    return int(total or 0)


# The user's entries, newest first.
ENTRIES = OwnedList(CreditTransaction, CreditTransaction.created_at.desc())
ledger_page = ENTRIES.page


async def ledger(session: AsyncSession, user_id: str, limit: int = 100) -> list[CreditTransaction]:
    return await ENTRIES.all(session, user_id, limit)
