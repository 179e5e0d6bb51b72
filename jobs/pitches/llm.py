"""The LLM pitch engine: one structured call for the draft, one for its repair (the machinery
letters and pitches share: jobs/letters/drafting.py).

The prompt (``prompts/pitch.md``) carries the rules and the length; the CV, the achievements
and the target follow as tagged JSON data blocks, as for the letters (jobs/letters/llm.py).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from app.lib.llm.field_checks import Check, FieldCheck, declare
from app.lib.speech import WORDS_PER_MINUTE
from jobs.letters.core.guard import LetterGuard
from jobs.letters.core.target import offer_data
from jobs.letters.core.wording import LANGUAGE_NAMES
from jobs.letters.drafting import DraftEngine
from jobs.pipeline.prompts import data_block, load_prompt, without_empty
from jobs.pitches.evidence import target_context
from jobs.pitches.request import TARGET_WORDS, PitchRequest

SCHEMA_NAME = "pitch"
MAX_OFFER_CHARS = 6000

LENGTH_RULES = {
    "30s": ("1 paragraph", "a 30-second pitch: about 75 words, never more than 90."),
    "3min": ("3 to 5 paragraphs", "a 3-minute pitch: about 400 words, never more than 450."),
}


class PitchDraft(BaseModel):
    paragraphs: list[str] = Field(description="The pitch's paragraphs, in speaking order")


# Every sentence is a claim held to the CV and the achievements (writer.py: one repair, then
# dropped sentence by sentence).
CHECKED_DRAFT = declare(PitchDraft, {"paragraphs[]": FieldCheck(Check.CLAIM, LetterGuard.check)})


def _target(request: PitchRequest) -> tuple[str, str, dict[str, Any]]:
    """What the pitch is for (the prompt's words), the names it may say, the target's data."""
    if request.offer_title or request.offer_company:
        names = ", ".join(
            n for n in (request.offer_title, request.offer_company, request.offer_location) if n
        )
        data = offer_data(request, MAX_OFFER_CHARS)
        return "a recruiter for the job offer below", names, data
    context = target_context(request)
    if context:
        return "the audience of the context below", context, {"context": context}
    return "a recruiter in a first conversation", "none", {}


def build_messages(request: PitchRequest, language: str) -> list[dict[str, Any]]:
    paragraphs, length_rule = LENGTH_RULES[request.kind]
    target_kind, names, target = _target(request)
    rules = (
        load_prompt("pitch.md")
        .replace("{target_kind}", target_kind)
        .replace("{target_names}", names)
        .replace("{language}", LANGUAGE_NAMES[language])
        .replace("{paragraphs}", paragraphs)
        .replace("{length_rule}", length_rule)
        .replace("{wpm}", str(WORDS_PER_MINUTE))
    )
    stories = [
        {
            "title": s.title,
            "situation": s.situation,
            "task": s.task,
            "action": s.action,
            "result": s.result,
            "skills": list(s.skills),
        }
        for s in request.stories
    ]
    parts = [
        rules,
        "The source CV (data):",
        data_block("source_cv", without_empty(request.cv.to_json())),
        "The achievements (data):",
        data_block("achievements", [without_empty(s) for s in stories]),
    ]
    if target:
        parts += ["The target (data):", data_block("target", without_empty(target))]
    words = TARGET_WORDS[request.kind]
    user = f"Write the pitch now, in {LANGUAGE_NAMES[language]}, about {words} words."
    return [{"role": "system", "content": "\n\n".join(parts)}, {"role": "user", "content": user}]


class PitchEngine(DraftEngine[PitchRequest, PitchDraft]):
    """Writes pitches with the model an admin chose (setting ``model_pitch``)."""

    schema, schema_name, repair_prompt = CHECKED_DRAFT, SCHEMA_NAME, "pitch-repair.md"
    build_messages = staticmethod(build_messages)
