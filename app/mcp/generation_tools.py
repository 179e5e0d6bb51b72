"""Generation tools: start one for several offers (``POST /api/cv/generate-v2``: the same
checks, credits and per-user slot) and follow it, offer by offer."""

from __future__ import annotations

from typing import Any

from app.db.models.status import GenerationStatus
from app.domain.generation.services import (
    GenerationRequest,
    create_generation,
    generation_offers,
    get_generation,
    offer_summary,
    task_summary,
)
from app.mcp.calls import ToolCall

FINISHED = frozenset(
    {GenerationStatus.COMPLETED, GenerationStatus.FAILED, GenerationStatus.CANCELLED}
)


async def start_generation(
    call: ToolCall,
    source_cv_id: str | None,
    offer_ids: list[str],
    mode: str,
    language: str | None,
    with_letters: bool,
    confirm_misread: bool = False,
    confirm_offers: bool | list[str] = False,
) -> dict[str, Any]:
    request = GenerationRequest(
        source_cv_id=source_cv_id,
        job_offer_ids=offer_ids,
        mode=mode,
        language=language,
        with_letters=with_letters,
        misread_confirmed=confirm_misread,
        offers_confirmed=confirm_offers,
    )
    task = await create_generation(
        call.db, call.backend.arq, call.backend.settings, call.user, request
    )
    return {"taskId": task.id, "totalOffers": task.total_offers}


async def generation_status(call: ToolCall, task_id: str) -> dict[str, Any]:
    task = await get_generation(call.db, call.user, task_id)
    return {
        "task": task_summary(task),
        "finished": task.status in FINISHED,
        "offers": [
            offer_summary(offer, job) for offer, job in await generation_offers(call.db, task)
        ],
    }
