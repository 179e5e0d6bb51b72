"""The LLM implementation of the phase interface (``core/phase.py``; the offline one is
``core/offline.py``)."""

from __future__ import annotations

import time
from typing import Any

from pydantic import BaseModel

from app.lib.llm import LLMEndpoint, complete_structured
from jobs.pipeline.core.context import OfferContext
from jobs.pipeline.core.field_checks import CHECKED_SCHEMAS, TRANSLATE
from jobs.pipeline.core.phase import PhaseCall
from jobs.pipeline.prompts import build_messages, load_prompt, translation_messages


class LLMEngine:
    """Calls an OpenAI-compatible endpoint with the model an admin chose for each phase."""

    name = "llm"

    def __init__(self, endpoint: LLMEndpoint, models: dict[str, str]) -> None:
        self.endpoint = endpoint
        self.models = models

    async def _call(
        self, phase: str, messages: list[dict[str, Any]], asked: str | None = None
    ) -> PhaseCall:
        """``asked``: the schema's name when it is not the phase's own (a translation)."""
        started = time.perf_counter()
        result = await complete_structured(
            self.endpoint,
            model=self.models[phase],
            messages=messages,
            schema=CHECKED_SCHEMAS[asked or phase],
            schema_name=asked or phase,
        )
        return PhaseCall(
            data=result.data,
            model=result.model,
            prompt_tokens=result.prompt_tokens,
            completion_tokens=result.completion_tokens,
            cached_tokens=result.cached_tokens,
            duration_ms=int((time.perf_counter() - started) * 1000),
            schema_repairs=int(result.repaired),
        )

    async def run(self, ctx: OfferContext, phase: str, item: Any) -> PhaseCall:
        return await self._call(phase, build_messages(ctx, phase, item))

    async def repair(
        self, ctx: OfferContext, phase: str, item: Any, previous: BaseModel, violations: list[str]
    ) -> PhaseCall | None:
        messages = build_messages(ctx, phase, item)
        messages.append({"role": "assistant", "content": previous.model_dump_json()})
        messages.append({"role": "user", "content": repair_request(ctx, violations)})
        return await self._call(phase, messages)

    async def translate(self, ctx: OfferContext, phase: str, text: str) -> PhaseCall | None:
        return await self._call(phase, translation_messages(ctx, text), asked=TRANSLATE)


def repair_request(ctx: OfferContext, violations: list[str]) -> str:
    """The repair round's instructions (``prompts/repair.md``): each refused sentence is rewritten
    from the source sentence its violation names, or replaced by it; never trimmed."""
    listed = "\n".join(f"- {v}" for v in violations)
    text = load_prompt("repair.md").replace("{language}", ctx.language_name)
    return text.replace("{violations}", listed)
