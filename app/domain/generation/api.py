"""JSON API of pipeline v2: ``/api/cv/generate-v2``."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from litestar import Controller, get, post
from litestar.params import FromPath, JSONBody, KwargDefinition
from litestar.status_codes import HTTP_200_OK
from msgspec import Meta, Struct

from app.domain.generation.gates import ConfirmFirst
from app.domain.generation.services import (
    MAX_OFFERS,
    GenerationRequest,
    cancel_generation,
    create_generation,
    generation_offers,
    generation_subtasks,
    get_generation,
    offer_summary,
    task_summary,
)
from app.lib.dependencies import AppSettings, Arq, Db, SignedIn


class GenerateV2(Struct):
    # Documents the count create_generation checks (after dropping duplicates and empty ids),
    # without msgspec enforcing it: the answer stays 422 ``generation.offer_count``.
    jobOfferIds: Annotated[list[str], KwargDefinition(min_items=1, max_items=MAX_OFFERS)]
    sourceCvFile: str | None = None
    mode: str = "adapt"
    language: str | None = None
    deviceId: str | None = None
    withLetters: bool = False  # also write a cover letter for each tailored CV
    # With ``askFirst``, a source CV with open import flags or an offer whose header the reader
    # doubts is refused until confirmed (409 ``generation.confirm_first``, listing them), as the
    # page asks. Without it the run starts, as it always did for API clients, and its answer
    # lists the same open questions under ``unconfirmed``: a client written before the gate
    # keeps working (the blind tailoring check drives this door as such a client).
    askFirst: Annotated[
        bool, Meta(description="Refuse (409) while a flag or a doubted header is unconfirmed")
    ] = False
    confirmMisread: Annotated[
        bool, Meta(description="Tailor the source CV even with open import flags")
    ] = False
    confirmOffers: Annotated[
        bool | list[str],
        Meta(description="true, or the ids of the offers whose doubted header to go on with"),
    ] = False


class GenerationApi(Controller):
    path = "/api/cv/generate-v2"
    tags = ["generation"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @post("/", status_code=HTTP_200_OK)
    async def create(
        self, user: SignedIn, db: Db, settings: AppSettings, arq: Arq, data: JSONBody[GenerateV2]
    ) -> dict[str, Any]:
        req = GenerationRequest(
            source_cv_id=data.sourceCvFile,
            job_offer_ids=data.jobOfferIds,
            mode=data.mode,
            language=data.language,
            device_id=data.deviceId,
            with_letters=data.withLetters,
            misread_confirmed=data.confirmMisread,
            offers_confirmed=data.confirmOffers,
        )
        unconfirmed: dict[str, Any] = {}
        try:
            task = await create_generation(db, arq, settings, user, req)
        except ConfirmFirst as asked:
            if data.askFirst:
                raise
            # The gate runs before any slot or credit is taken: nothing to undo.
            unconfirmed = {"misreadFlags": asked.extra["misreadFlags"]}
            unconfirmed["doubtedOffers"] = asked.extra["doubtedOffers"]
            confirmed = replace(req, misread_confirmed=True, offers_confirmed=True)
            task = await create_generation(db, arq, settings, user, confirmed)
        answer = {"success": True, "taskId": task.id, "totalOffers": task.total_offers}
        return {**answer, "unconfirmed": unconfirmed} if unconfirmed else answer

    @get("/{task_id:str}")
    async def status(self, user: SignedIn, db: Db, task_id: FromPath[str]) -> dict[str, Any]:
        task = await get_generation(db, user, task_id)
        offers = await generation_offers(db, task)
        subtasks = await generation_subtasks(db, task)
        return {
            "task": task_summary(task),
            "offers": [
                {"id": offer.id, "offerIndex": offer.offer_index, **offer_summary(offer, job)}
                for offer, job in offers
            ],
            "subtasks": [
                {
                    "id": s.id,
                    "offerId": s.offer_id,
                    "type": s.type,
                    "itemIndex": s.item_index,
                    "status": s.status,
                    "promptTokens": s.prompt_tokens,
                    "completionTokens": s.completion_tokens,
                    "cachedTokens": s.cached_tokens,
                    "durationMs": s.duration_ms,
                    "modelUsed": s.model_used,
                    "retryCount": s.retry_count,
                    "error": s.error,
                }
                for s in subtasks
            ],
        }

    @post("/{task_id:str}/cancel", status_code=HTTP_200_OK)
    async def cancel(
        self, user: SignedIn, db: Db, arq: Arq, task_id: FromPath[str]
    ) -> dict[str, Any]:
        task, refunded = await cancel_generation(db, arq, user, task_id)
        return {"success": True, "status": task.status, "creditsRefunded": refunded}
