"""The LLM letter engine: one structured call for the draft, one for its repair (the machinery
letters and pitches share: jobs/letters/drafting.py).

The prompt (``prompts/cover-letter.md``) carries the rules and the options; the source CV and the
offer follow as tagged JSON data blocks, like the pipeline's (``jobs/pipeline/prompts.py``). The
answer's schema is ``core/schema.LetterDraft``; ``app.lib.llm.complete_structured`` requests it
in the endpoint's best structured mode and repairs an answer that does not parse.
"""

from __future__ import annotations

from typing import Any

from app.lib.llm.field_checks import Check, FieldCheck, declare
from jobs.letters.core.guard import LetterGuard
from jobs.letters.core.policy import line_or
from jobs.letters.core.schema import LetterDraft
from jobs.letters.core.target import offer_data
from jobs.letters.core.wording import LANGUAGE_NAMES
from jobs.letters.drafting import Drafted as Drafted  # bench/letter_eval.py records through it
from jobs.letters.drafting import DraftEngine
from jobs.letters.request import LetterRequest
from jobs.pipeline.core.evidence import cv_with_achievements
from jobs.pipeline.prompts import data_block, load_prompt, without_empty

SCHEMA_NAME = "cover_letter"
MAX_OFFER_CHARS = 8000  # an offer pasted with its whole page: the start says what matters

LENGTH_RULES = {
    "short": ("exactly 2 paragraphs", "2 paragraphs, at most 150 words in all."),
    "standard": ("3 or 4 paragraphs", "3 or 4 paragraphs, at most 350 words in all."),
}
TONE_RULES = {
    "formal": "formal and courteous.",
    "warm": "warm and personal, still professional.",
}


def build_messages(request: LetterRequest, language: str) -> list[dict[str, Any]]:
    length = "short" if request.length == "short" else "standard"
    paragraphs, length_rule = LENGTH_RULES[length]
    rules = (
        load_prompt("cover-letter.md")
        .replace("{language}", LANGUAGE_NAMES[language])
        .replace("{paragraphs}", paragraphs)
        .replace("{length_rule}", length_rule)
        .replace("{tone_rule}", TONE_RULES.get(request.tone, TONE_RULES["formal"]))
        .replace("{today}", request.today.isoformat())
    )
    offer = offer_data(request, MAX_OFFER_CHARS)
    system = "\n\n".join(
        [
            rules,
            "The source CV (data):",
            # With each experience's achievements from the user's bank (the guard accepts them).
            data_block("source_cv", without_empty(cv_with_achievements(request.cv))),
            "The job offer (data):",
            data_block("job_offer", without_empty(offer)),
        ]
    )
    user = f"Write the cover letter for this offer now, in {LANGUAGE_NAMES[language]}."
    return [{"role": "system", "content": system}, {"role": "user", "content": user}]


# Every sentence of a paragraph is a claim held to the source CV (refused ones repaired once,
# then dropped: writer.py); a greeting or closing is kept only when it passes whole.
CHECKED_DRAFT = declare(
    LetterDraft,
    {
        "greeting": FieldCheck(Check.CLAIM, line_or),
        "paragraphs[]": FieldCheck(Check.CLAIM, LetterGuard.check),
        "closing": FieldCheck(Check.CLAIM, line_or),
    },
)


class LetterEngine(DraftEngine[LetterRequest, LetterDraft]):
    """Writes letters with the model an admin chose (setting ``model_cover_letter``)."""

    schema, schema_name, repair_prompt = CHECKED_DRAFT, SCHEMA_NAME, "cover-letter-repair.md"
    build_messages = staticmethod(build_messages)
