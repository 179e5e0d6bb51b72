"""``GET /api/credits``: balance and ledger."""

from __future__ import annotations

from typing import Any

from litestar import Request, Response, get

from app.credits.ledger import ledger_page
from app.domain.credits.view import reason_text
from app.lib.dependencies import Db, SignedIn
from app.lib.paging import Paging, link_headers


@get("/api/credits", tags=["credits"])
async def get_credits(
    request: Request, user: SignedIn, db: Db, paging: Paging
) -> Response[dict[str, Any]]:
    """The balance, and the ledger by page (the newest first; the Link header names the next)."""
    page = await ledger_page(db, user.id, paging)
    entries = page.items
    body = {
        "balance": user.credit_balance,
        "transactions": [
            {
                "id": e.id,
                "amount": e.amount,
                "type": e.type,
                "reason": e.reason,  # the stored code ("gpt_cv_generation", or a typed grant)
                # What it was, as a sentence in the reader's language.
                "reasonText": reason_text(e.reason, e.meta),
                "metadata": e.meta,
                "createdAt": e.created_at.isoformat(),
            }
            for e in entries
        ],
    }
    return Response(body, headers=link_headers(request, page))
