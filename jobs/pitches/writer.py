"""Write one pitch: pick the engine, hold every sentence to the CV and the achievements, keep
it within its length.

The LLM when an endpoint is configured (``llm.py``), else the offline pitch (``offline.py``).
Every engine's sentences pass the letters' guard (jobs/letters/core/guard.py, through
``evidence.py``): the model's refused sentences get one repair call, then whatever is still
refused is dropped and counted (jobs/letters/core/policy.py), never stored. A model's pitch over
its most words loses its last sentences; one with too little left after the guard (or that is
not a pitch at all) is replaced by the offline pitch, and ``meta["fallback"]`` says why. Other
LLM errors (endpoint down) are raised: the task decides whether to retry or fail.
"""

from __future__ import annotations

from typing import Any

from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.lib.llm import LLMInvalidOutputError
from app.lib.speech import word_count
from app.lib.text_forms import squash
from jobs.letters.core.policy import Outcome, passed, settle
from jobs.letters.drafting import engine_for, guarded_draft
from jobs.pipeline.core.text import sentences
from jobs.pitches.evidence import pitch_guard
from jobs.pitches.llm import PitchEngine
from jobs.pitches.offline import offline_pitch
from jobs.pitches.request import MAX_WORDS, TARGET_WORDS, PitchRequest, WrittenPitch
from jobs.pitches.wording import said_names

PHASE = "pitch"  # its model: the setting model_pitch (app/settings/registry.py)
MAX_PARAGRAPHS = {"30s": 2, "3min": 6}
MIN_SHARE = 0.4  # a model's pitch with less than 40% of its target words left is not kept

FALLBACK_INVALID = "invalid_output"  # the model's answer was not a pitch
FALLBACK_TOO_LITTLE = "too_little_left"  # the guard left too little of it


async def pitch_engine(
    session: AsyncSession, settings: Settings, *, user_id: str, redis: Redis
) -> PitchEngine | None:
    """The LLM engine with the admin's model for pitches, or None (no endpoint: offline)."""
    return await engine_for(PitchEngine, PHASE, session, settings, user_id=user_id, redis=redis)


def within(paragraphs: list[str], most: int) -> tuple[list[str], int]:
    """The paragraphs without a sentence said twice (a small model repeats its last one) and
    without the last sentences that take them over ``most`` words, and how many sentences
    were cut."""
    flat: list[tuple[int, str]] = []
    seen: set[str] = set()
    for i, paragraph in enumerate(paragraphs):
        for sentence in sentences(paragraph) or [paragraph]:
            if squash(sentence) not in seen:
                seen.add(squash(sentence))
                flat.append((i, sentence))
    cut = sum(len(sentences(p) or [p]) for p in paragraphs) - len(flat)
    while flat and sum(word_count(s) for _, s in flat) > most:
        # The closing sentence stays: the one before it goes.
        flat.pop(-2 if len(flat) > 1 else -1)
        cut += 1
    grouped: dict[int, list[str]] = {}
    for index, sentence in flat:
        grouped.setdefault(index, []).append(sentence)
    return [" ".join(grouped[i]) for i in sorted(grouped)], cut


def _finish(
    request: PitchRequest, outcome: Outcome, language: str, engine: str, model: str = ""
) -> WrittenPitch:
    paragraphs, cut = within(outcome.paragraphs, MAX_WORDS[request.kind])
    # Whichever engine wrote it, the candidate's name is said as a name ("Jane Doe").
    text = said_names("\n\n".join(paragraphs), request.cv.header.name)
    meta: dict[str, Any] = {**outcome.meta(model), "words": word_count(text), "trimmed": cut}
    return WrittenPitch(text, language, engine, meta)


def _offline(request: PitchRequest, meta: dict[str, Any] | None = None) -> WrittenPitch:
    paragraphs, language = offline_pitch(request)
    guard = pitch_guard(request, language)
    checked = [guard.check(p) for p in paragraphs]
    written = _finish(request, settle(checked, passed(checked)), language, "offline")
    written.meta.update(meta or {})
    return written


def _fit(paragraphs: list[str], kind: str) -> list[str]:
    return [" ".join(p.split()) for p in paragraphs[: MAX_PARAGRAPHS[kind]] if p.strip()]


async def write_pitch(request: PitchRequest, engine: PitchEngine | None) -> WrittenPitch:
    """The pitch for ``request``: the model's when there is one, else the offline one."""
    if engine is None:
        return _offline(request)
    language = request.language if request.language in ("fr", "en") else "en"
    guard = pitch_guard(request, language)
    try:
        _, outcome, model = await guarded_draft(
            engine,
            request,
            language,
            guard,
            lambda ps: _fit(ps, request.kind),
            replace_refused_only=False,
        )
    except LLMInvalidOutputError:
        return _offline(request, {"fallback": FALLBACK_INVALID, "model": engine.model})
    words = sum(word_count(p) for p in outcome.paragraphs)
    if words < MIN_SHARE * TARGET_WORDS[request.kind]:
        written = _offline(request)
        written.meta.update(
            fallback=FALLBACK_TOO_LITTLE,
            model=model,
            droppedClaims=len(outcome.dropped) + written.meta["droppedClaims"],
            dropped=[*outcome.dropped, *written.meta["dropped"]][:50],
        )
        return written
    return _finish(request, outcome, language, "llm", model)
