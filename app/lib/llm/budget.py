"""``max_tokens`` for each structured call: a ceiling proportional to what the schema asks for.

Without a ceiling a runaway answer (a small model repeating itself) runs to the server's own
cap, minutes on a CPU model. The budget is ``base + per_input × (user text in tokens)``, capped:
the answer of a rewriting phase is about as long as the item it rewrites (the user turn), while
a summary has a fixed length whatever it reads. Tokens are estimated at 3 characters each, on
the generous side (French and JSON escapes tokenise worse than English prose).

Calibrated on ``make eval-tailor``'s 18 corpus pairs (chars / 4 as tokens): the longest
plausible answer is 0.65 × its user turn for the rewriting phases (338 tokens at most for one
experience), 133 tokens for a summary, and 3.2 × the CV text for a CV import (a CvContent JSON
with its empty fields). Each budget leaves at least twice that room.

=================  ====  =========  =====  =========================================
schema name        base  per input  cap    answers
=================  ====  =========  =====  =========================================
classify            256     1.0      2048  one decision and reason per item
batch_experience    384     1.5      3072  one item's description, bullets, skills
batch_project       384     1.5      3072  same, for a project
batch_extras        256     1.0      2048  one line per certification, award…
batch_skills        384     1.0      3072  skills with their evidence quotes
batch_summary       512     0         512  a summary of at most ~70 words
cv_extraction       512     2.0      8192  the whole CV as JSON (import)
offer_extraction    256     1.2      4096  the offer's own words, sorted (extraction)
probe               128     0         128  ``{"ok": true}``
cover_letter       1536     0        1536  a letter of at most ~350 words (jobs/letters)
(any other)         512     1.5      4096
=================  ====  =========  =====  =========================================
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

CHARS_PER_TOKEN = 3


@dataclass(frozen=True, slots=True)
class OutputBudget:
    base: int
    per_input: float  # answer tokens allowed per token of user text
    cap: int

    def for_input(self, input_tokens: int) -> int:
        return min(self.cap, self.base + round(self.per_input * input_tokens))


BUDGETS: dict[str, OutputBudget] = {
    "classify": OutputBudget(256, 1.0, 2048),
    "batch_experience": OutputBudget(384, 1.5, 3072),
    "batch_project": OutputBudget(384, 1.5, 3072),
    "batch_extras": OutputBudget(256, 1.0, 2048),
    "batch_skills": OutputBudget(384, 1.0, 3072),
    "batch_summary": OutputBudget(512, 0.0, 512),
    "cv_extraction": OutputBudget(512, 2.0, 8192),
    "offer_extraction": OutputBudget(256, 1.2, 4096),
    "probe": OutputBudget(128, 0.0, 128),
    # The CV and offer sit in the system turn: the user turn says nothing of the letter's size.
    "cover_letter": OutputBudget(1536, 0.0, 1536),
}
DEFAULT_BUDGET = OutputBudget(512, 1.5, 4096)


def _text(content: Any) -> str:
    if isinstance(content, list):  # multi-part content
        return "".join(str(p.get("text", "")) for p in content if isinstance(p, Mapping))
    return "" if content is None else str(content)


def user_tokens(messages: Iterable[Mapping[str, Any]]) -> int:
    """Estimated tokens of the user turns: the item or document the answer is about. The system
    turn (rules, the whole CV and offer) is shared by every phase and says nothing of the size."""
    chars = sum(len(_text(m.get("content"))) for m in messages if m.get("role") == "user")
    return -(-chars // CHARS_PER_TOKEN)


def max_tokens_for(schema_name: str, messages: Iterable[Mapping[str, Any]]) -> int:
    """The ``max_tokens`` to send with a call answering ``schema_name`` to ``messages``."""
    return BUDGETS.get(schema_name, DEFAULT_BUDGET).for_input(user_tokens(messages))
