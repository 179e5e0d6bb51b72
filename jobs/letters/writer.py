"""Write one cover letter: pick the engine, apply the fact guard's policy, fall back honestly.

Engines: the user's template when the request has one (``core/template.py``), else the LLM when
an endpoint is configured (``llm.py``), else the offline letter (``core/offline.py``). Every
engine's paragraphs pass the guard (``core/guard.py``); the LLM's refused paragraphs get one
repair call first. An LLM answer that is not a letter (``LLMInvalidOutputError``, after the
client's own schema repair) or one with fewer than two paragraphs left after the guard is
replaced by the offline letter, and ``meta["fallback"]`` says why. Other LLM errors (endpoint
down, bad key) are raised: the caller's task decides whether to retry or fail.
"""

from __future__ import annotations

from typing import Any

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.lib.letter_content import MAX_PARAGRAPH_CHARS, LetterContent
from app.lib.llm import LLMInvalidOutputError
from jobs.letters.core.facts import gather_facts
from jobs.letters.core.frame import closing, frame_fields, greeting, letter_language
from jobs.letters.core.guard import LetterGuard, offer_allowed
from jobs.letters.core.offline import normalise, offline_letter
from jobs.letters.core.policy import guard_content, line_or
from jobs.letters.core.template import template_allowed, template_letter
from jobs.letters.drafting import engine_for, guarded_draft
from jobs.letters.llm import LetterEngine
from jobs.letters.request import LetterRequest, WrittenLetter
from jobs.pipeline.core.text import sentences

PHASE = "cover_letter"  # its model: the setting model_cover_letter (app/settings/registry.py)
MAX_BODY = {"short": 2, "standard": 4}

# meta["fallback"]: why an LLM letter was replaced by the offline one.
FALLBACK_INVALID = "invalid_output"  # the model's answer was not a letter
FALLBACK_TOO_LITTLE = "too_little_left"  # the guard left fewer than two paragraphs


async def letter_engine(
    session: AsyncSession, settings: Settings, *, user_id: str, redis: Redis
) -> LetterEngine | None:
    """The LLM engine with the admin's model for letters, or None (no endpoint: offline). Its
    calls count on ``user_id``'s daily budget (app/lib/llm/spend.py)."""
    return await engine_for(LetterEngine, PHASE, session, settings, user_id=user_id, redis=redis)


def _guard_for(request: LetterRequest, language: str, extra: str = "") -> LetterGuard:
    allowed = offer_allowed(
        request.offer_title, request.offer_company, request.offer_location, extra
    )
    names = [request.offer_title, request.offer_company, request.offer_location]
    return LetterGuard(request.facts_cv, language, allowed, names, today=request.today)


def _static(
    request: LetterRequest, engine: str, meta: dict[str, Any] | None = None
) -> WrittenLetter:
    """The offline or template letter, through the guard (defence in depth)."""
    _length, tone = normalise(request.length, request.tone)
    if engine == "template":
        content, language = template_letter(request)
        guard = _guard_for(request, language, template_allowed(request))
    else:
        content, language = offline_letter(request)
        guard = _guard_for(request, language)
    facts = gather_facts(request, items=0)
    content, outcome = guard_content(
        content, guard, greeting(facts, language, tone), closing(language, tone)
    )
    return WrittenLetter(content, language, engine, {**outcome.meta(), **(meta or {})})


def _fit(paragraphs: list[str], length: str) -> list[str]:
    """The model's paragraphs, at most as many as the length allows, each within the limit."""
    fitted = []
    for paragraph in paragraphs[: MAX_BODY[length]]:
        text = " ".join(paragraph.split())
        while len(text) > MAX_PARAGRAPH_CHARS:
            parts = sentences(text)
            text = " ".join(parts[:-1]) if len(parts) > 1 else text[:MAX_PARAGRAPH_CHARS]
        if text:
            fitted.append(text)
    return fitted


async def _llm_letter(request: LetterRequest, engine: LetterEngine) -> WrittenLetter:
    length, tone = normalise(request.length, request.tone)
    language = letter_language(request, engine="llm")
    guard = _guard_for(request, language)
    try:
        draft, outcome, model = await guarded_draft(
            engine, request, language, guard, lambda ps: _fit(ps, length), replace_refused_only=True
        )
    except LLMInvalidOutputError:
        return _static(request, "offline", {"fallback": FALLBACK_INVALID, "model": engine.model})
    if not outcome.enough:
        # The model's dropped sentences stay listed: they are why the letter is the offline one.
        meta = {**outcome.meta(model), "fallback": FALLBACK_TOO_LITTLE}
        letter = _static(request, "offline")
        letter.meta.update(
            fallback=FALLBACK_TOO_LITTLE,
            model=model,
            droppedClaims=meta["droppedClaims"] + letter.meta["droppedClaims"],
            dropped=[*meta["dropped"], *letter.meta["dropped"]][:50],
        )
        return letter
    facts = gather_facts(request, items=0)
    fields = frame_fields(facts, language, tone, request.today)
    fields["greeting"] = line_or(draft.greeting, str(fields["greeting"]), guard, facts.name)
    fields["closing"] = line_or(draft.closing, str(fields["closing"]), guard, facts.name)
    content = LetterContent.model_validate({**fields, "paragraphs": outcome.paragraphs})
    return WrittenLetter(content, language, "llm", outcome.meta(model))


async def write_letter(request: LetterRequest, engine: LetterEngine | None) -> WrittenLetter:
    """The letter for ``request``: the user's template, else the LLM's, else the offline one."""
    if request.template.strip():
        return _static(request, "template")
    if engine is None:
        return _static(request, "offline")
    return await _llm_letter(request, engine)
