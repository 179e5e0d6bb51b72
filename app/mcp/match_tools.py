"""Match tools: the evidence ledger of a CV against an offer, and the answer to a requirement
the CV does not show — through the match feature's own service (``app/domain/matching/
services.py``), the one the offer page and the JSON API call: the same ledger, the same
refusals, and an answer that goes to the achievements bank, never into the CV."""

from __future__ import annotations

from typing import Any

import msgspec

from app.domain.matching.schemas import answer_out, match_out
from app.domain.matching.services import MatchService, answer
from app.mcp.calls import ToolCall


async def get_match(call: ToolCall, offer_id: str, cv_id: str | None) -> dict[str, Any]:
    found = await MatchService(call.db).for_offer(call.user, offer_id, cv_id)
    return dict(msgspec.to_builtins(match_out(found)))


async def answer_requirement(
    call: ToolCall,
    offer_id: str,
    requirement_id: str,
    statement: str,
    experience_id: str | None,
    cv_id: str | None,
) -> dict[str, Any]:
    answered = await answer(
        MatchService(call.db), call.user, offer_id, requirement_id, statement, experience_id, cv_id
    )
    return dict(msgspec.to_builtins(answer_out(answered)))
