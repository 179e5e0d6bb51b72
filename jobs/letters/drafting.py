"""What the LLM engines of letters and pitches share: one structured call for the draft, one for
its repair, and the guard's loop around them.

Each kind says what differs — its request, its draft's shape (a model with ``paragraphs``), its
prompts — in a subclass of ``DraftEngine`` (jobs/letters/llm.py, jobs/pitches/llm.py); its
writer (jobs/letters/writer.py, jobs/pitches/writer.py) runs ``guarded_draft``: every paragraph
passes the fact guard (core/guard.py), the refused ones get one repair call, and what is still
refused is dropped and counted (core/policy.py). Data blocks are tagged JSON, like the
pipeline's (``data_block``, jobs/pipeline/prompts.py).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, Protocol, Self, TypeVar

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.lib.llm import LLMEndpoint, LLMInvalidOutputError, complete_structured
from app.settings.llm_endpoint import llm_endpoint, model_for_phase
from jobs.letters.core.guard import LetterGuard, violations
from jobs.letters.core.policy import Outcome, passed, settle
from jobs.letters.core.wording import LANGUAGE_NAMES
from jobs.pipeline.prompts import load_prompt


class ParagraphDraft(Protocol):
    """A model's answer: pydantic, with its body as paragraphs."""

    paragraphs: list[str]

    def model_copy(
        self, *, update: Mapping[str, Any] | None = None, deep: bool = False
    ) -> Self: ...

    def model_dump_json(self) -> str: ...


RequestT = TypeVar("RequestT")
DraftT = TypeVar("DraftT", bound=ParagraphDraft)
EngineT = TypeVar("EngineT")


@dataclass(frozen=True)
class Drafted(Generic[DraftT]):
    draft: DraftT
    model: str


def repair_request(prompt: str, language: str, refused: list[str]) -> str:
    """The repair prompt ``prompt`` listing what the guard refused."""
    listed = "\n".join(f"- {v}" for v in refused)
    text = load_prompt(prompt).replace("{language}", LANGUAGE_NAMES[language])
    return text.replace("{violations}", listed)


class DraftEngine(Generic[RequestT, DraftT]):
    """Drafts with the model an admin chose for the kind; a subclass names its answer's
    checked schema, the repair prompt and how its messages are built."""

    name = "llm"
    schema: Any  # the draft model, with its field checks declared (app/lib/llm/field_checks.py)
    schema_name: str
    repair_prompt: str

    def __init__(self, endpoint: LLMEndpoint, model: str) -> None:
        self.endpoint = endpoint
        self.model = model

    def build_messages(self, request: RequestT, language: str) -> list[dict[str, Any]]:
        raise NotImplementedError

    async def _call(self, messages: list[dict[str, Any]]) -> Drafted[DraftT]:
        result = await complete_structured(
            self.endpoint,
            model=self.model,
            messages=messages,
            schema=self.schema,
            schema_name=self.schema_name,
        )
        return Drafted(result.data, result.model)

    async def draft(self, request: RequestT, language: str) -> Drafted[DraftT]:
        return await self._call(self.build_messages(request, language))

    async def repair(
        self, request: RequestT, language: str, previous: DraftT, refused: list[str]
    ) -> Drafted[DraftT]:
        messages = self.build_messages(request, language)
        messages.append({"role": "assistant", "content": previous.model_dump_json()})
        messages.append(
            {"role": "user", "content": repair_request(self.repair_prompt, language, refused)}
        )
        return await self._call(messages)


async def engine_for(
    make: Callable[[LLMEndpoint, str], EngineT],
    phase: str,
    session: AsyncSession,
    settings: Settings,
    *,
    user_id: str,
    redis: Redis,
) -> EngineT | None:
    """The kind's engine with the admin's model for ``phase``, or None (no endpoint: offline).
    Its calls count on ``user_id``'s daily budget (app/lib/llm/spend.py)."""
    endpoint = await llm_endpoint(session, settings, user_id=user_id, redis=redis)
    if endpoint is None:
        return None
    return make(endpoint, await model_for_phase(session, phase, endpoint))


async def guarded_draft(
    engine: DraftEngine[RequestT, DraftT],
    request: RequestT,
    language: str,
    guard: LetterGuard,
    fit: Callable[[list[str]], list[str]],
    *,
    replace_refused_only: bool,
) -> tuple[DraftT, Outcome, str]:
    """The model's draft after the guard, its one repair and the drops: the first draft, the
    outcome, the model that answered last. ``fit`` trims the paragraphs to the kind's length;
    with ``replace_refused_only``, a repair of as many paragraphs replaces only the refused
    ones."""
    drafted = await engine.draft(request, language)
    paragraphs = fit(drafted.draft.paragraphs)
    checked = [guard.check(p) for p in paragraphs]
    first_passed = passed(checked)
    refused = [line for verdicts in checked for line in violations(verdicts)]
    model = drafted.model
    if refused:
        shown = drafted.draft.model_copy(update={"paragraphs": paragraphs})
        try:
            fixed = await engine.repair(request, language, shown, refused)
        except LLMInvalidOutputError:
            fixed = None  # a garbled repair: the first answer's passing sentences stay
        if fixed is not None:
            again = fit(fixed.draft.paragraphs)
            if replace_refused_only and len(again) == len(paragraphs):
                failing = [any(not v.ok for v in verdicts) for verdicts in checked]
                paragraphs = [
                    new if bad else old
                    for new, old, bad in zip(again, paragraphs, failing, strict=True)
                ]
            else:
                paragraphs = again
            checked = [guard.check(p) for p in paragraphs]
            model = fixed.model
    return drafted.draft, settle(checked, first_passed), model
