"""The coach's phases and when one is answered: decided by code, never by the model.

A conversation goes experience → situation → task → action → result → review. A phase moves on
only when the user's answer to it is substantive (``substantive``); a result without any figure
is asked about once more (``NUDGE_FIGURE``) before the coach moves on without one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

PHASES = ("experience", "situation", "task", "action", "result", "review")
REVIEW = "review"
ASKED = PHASES[:-1]  # the phases the user answers

MIN_WORDS = 3
MIN_LETTERS = 12
# The user's message may be long (a whole story at once) but not a document.
MAX_MESSAGE_CHARS = 4000

NUDGE_SHORT = "short"  # too short or a non-answer: the same question again
NUDGE_FIGURE = "figure"  # a result without a number: asked once for a figure

# Answers that say nothing, whatever their length ("I don't know", "je ne sais pas").
_NON_ANSWERS = re.compile(
    r"^(?:i\s+don'?t\s+know|no\s+idea|nothing|skip|pass|idk|n/?a|je\s+ne\s+sais\s+pas|"
    r"aucune\s+idée|rien|passer|je\s+sais\s+pas|ok(?:ay)?|yes|no|oui|non)[\s.!?…]*$",
    re.IGNORECASE,
)
_FIGURE = re.compile(r"\d")


def substantive(text: str) -> bool:
    """An answer worth moving on with: a few words with some letters, not a non-answer."""
    words = re.findall(r"[^\W_]+", text)
    letters = sum(len(w) for w in words if not w.isdigit())
    if len(words) < MIN_WORDS or letters < MIN_LETTERS:
        return False
    return not _NON_ANSWERS.match(text.strip())


def has_figure(text: str) -> bool:
    return bool(_FIGURE.search(text))


def next_phase(phase: str) -> str:
    index = PHASES.index(phase) if phase in PHASES else 0
    return PHASES[min(index + 1, len(PHASES) - 1)]


@dataclass(frozen=True, slots=True)
class Step:
    """What one user message did: the phase the conversation is in after it, whether the
    message counts as (part of) the phase's answer, and what the coach must ask again."""

    phase: str
    accepted: bool
    nudge: str | None = None


def answer(phase: str, text: str, answers: dict[str, Any]) -> Step:
    """Where the user's ``text``, written in ``phase``, takes the conversation. ``answers``
    holds the phase's earlier accepted text (``answers[phase]``) and the figure nudge's flag."""
    if phase not in ASKED:
        return Step(phase, False)
    if not substantive(text):
        return Step(phase, False, NUDGE_SHORT)
    so_far = " ".join([str(answers.get(phase) or ""), text])
    if phase == "result" and not has_figure(so_far) and not answers.get("figure_asked"):
        return Step(phase, True, NUDGE_FIGURE)
    return Step(next_phase(phase), True)


def record(answers: dict[str, Any], phase: str, text: str, step: Step) -> dict[str, Any]:
    """The answers after ``step`` (a new dict: the JSON column is replaced, not mutated)."""
    out = dict(answers)
    if step.accepted:
        earlier = str(out.get(phase) or "")
        out[phase] = f"{earlier}\n{text}".strip() if earlier else text.strip()
    if step.nudge == NUDGE_FIGURE:
        out["figure_asked"] = True
    return out
