"""The phase interface, and its LLM implementation (the offline one is in ``offline.py``).

A phase call takes the offer context, a phase name and the item data, and returns a validated
result with its cost (tokens, duration, model).
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel

from app.lib.llm import LLMEndpoint, complete_structured
from jobs.pipeline.context import OfferContext
from jobs.pipeline.prompts import build_messages, load_prompt
from jobs.pipeline.schemas import PHASE_SCHEMAS


@dataclass(frozen=True, slots=True)
class PhaseCall:
    data: BaseModel
    model: str
    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0
    duration_ms: int = 0
    schema_repairs: int = 0  # answers that failed the schema and were asked again (LLM layer)

    def plus(self, other: PhaseCall) -> PhaseCall:
        """This call's cost plus a follow-up's (a repair round), keeping the later data."""
        return PhaseCall(
            data=other.data,
            model=other.model,
            prompt_tokens=self.prompt_tokens + other.prompt_tokens,
            completion_tokens=self.completion_tokens + other.completion_tokens,
            cached_tokens=self.cached_tokens + other.cached_tokens,
            duration_ms=self.duration_ms + other.duration_ms,
            schema_repairs=self.schema_repairs + other.schema_repairs,
        )


class PhaseEngine(Protocol):
    name: str

    async def run(self, ctx: OfferContext, phase: str, item: Any) -> PhaseCall: ...

    async def repair(
        self, ctx: OfferContext, phase: str, item: Any, previous: BaseModel, violations: list[str]
    ) -> PhaseCall | None: ...


class LLMEngine:
    """Calls an OpenAI-compatible endpoint with the model an admin chose for each phase."""

    name = "llm"

    def __init__(self, endpoint: LLMEndpoint, models: dict[str, str]) -> None:
        self.endpoint = endpoint
        self.models = models

    async def _call(self, phase: str, messages: list[dict[str, Any]]) -> PhaseCall:
        started = time.perf_counter()
        result = await complete_structured(
            self.endpoint,
            model=self.models[phase],
            messages=messages,
            schema=PHASE_SCHEMAS[phase],
            schema_name=phase,
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


def repair_request(ctx: OfferContext, violations: list[str]) -> str:
    """The repair round's instructions (``prompts/repair.md``): each refused sentence is rewritten
    from the source sentence its violation names, or replaced by it; never trimmed."""
    listed = "\n".join(f"- {v}" for v in violations)
    text = load_prompt("repair.md").replace("{language}", ctx.language_name)
    return text.replace("{violations}", listed)


def describe_item(item: Any) -> str:
    return json.dumps(item, ensure_ascii=False)[:200]
