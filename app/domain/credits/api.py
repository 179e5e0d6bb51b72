"""``GET /api/credits``: balance and ledger."""

from __future__ import annotations

from typing import Any

from litestar import get

from app.credits.ledger import ledger
from app.lib.dependencies import Db, SignedIn
from app.lib.labels import label


@get("/api/credits", tags=["credits"])
async def get_credits(user: SignedIn, db: Db) -> dict[str, Any]:
    entries = await ledger(db, user.id)
    return {
        "balance": user.credit_balance,
        "transactions": [
            {
                "id": e.id,
                "amount": e.amount,
                "type": e.type,
                "reason": e.reason,  # the stored code ("gpt_cv_generation", or a typed grant)
                "reasonText": label(e.reason),  # what it means, in the reader's language
                "metadata": e.meta,
                "createdAt": e.created_at.isoformat(),
            }
            for e in entries
        ],
    }
