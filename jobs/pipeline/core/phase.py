"""The phase interface: an engine takes the offer context, a phase name and the item data, and
returns a validated result with its cost (tokens, duration, model). The LLM engine is
``jobs/pipeline/engine.py``, the offline one ``offline.py``."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, Protocol

from pydantic import BaseModel

from jobs.pipeline.core.context import OfferContext


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

    def plus_cost(self, other: PhaseCall) -> PhaseCall:
        """This call's data, with a follow-up's cost added (a translation of one field)."""
        return replace(self.plus(other), data=self.data)


class PhaseEngine(Protocol):
    name: str

    async def run(self, ctx: OfferContext, phase: str, item: Any) -> PhaseCall: ...

    async def repair(
        self, ctx: OfferContext, phase: str, item: Any, previous: BaseModel, violations: list[str]
    ) -> PhaseCall | None: ...

    async def translate(self, ctx: OfferContext, phase: str, text: str) -> PhaseCall | None:
        """``text`` (one field of ``phase``'s output) in the CV's language, as a ``Translation``;
        None when the engine cannot translate."""
        ...
