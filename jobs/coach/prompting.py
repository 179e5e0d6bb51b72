"""The coach's prompts: the reply's (``prompts/coach-star.md``) with the step the code chose,
and the proposal's (``prompts/coach-proposal.md``) with the user's answers only.

The step comes from the conversation's phase (app/domain/coach/phases.py): the model is told
which question to ask, it never decides when a step is answered.
"""

from __future__ import annotations

import json
from typing import Any

from app.db.models.coach import CoachConversation
from app.domain.coach.services import experience_picked
from jobs.letters.core.wording import LANGUAGE_NAMES
from jobs.pipeline.prompts import load_prompt

STEPS = {
    "experience": (
        "Experience. Greet the person in one sentence, then ask which experience (a job or a "
        "project) and which moment of it they want to talk about, in a few words."
    ),
    "situation": (
        "Situation. Ask for the context: where, when, what was going on and what was at "
        "stake, with figures (size of the team, volume, budget, deadline)."
    ),
    "task": (
        "Task. Ask what the person was responsible for: the goal or problem that was theirs, "
        "and how success would be measured."
    ),
    "action": (
        "Action. Ask what the person did themselves, step by step, with the tools or methods "
        'used; ask them to say "I" rather than "we".'
    ),
    "result": (
        "Result. Ask what changed thanks to them, with figures: time or money saved, volume, "
        "quality, people, before and after."
    ),
}
# The experience step once the person picked it at the start: its moment, never which one.
MOMENT_STEP = (
    "Experience. The person already chose the experience above: never ask which experience, "
    "job or project it is. Greet the person in one sentence, then ask which moment, project or "
    "problem of this experience they are proudest of, in a few words."
)
NUDGES = {
    "short": (
        "The person's last answer was too short or did not answer: ask the same step's "
        "question again, more simply, with a hint of what a good answer holds."
    ),
    "figure": (
        "The person's result has no figure yet: ask once for one, even rough (a percentage, an "
        "amount, a time, a number of people), and say that a sentence is fine if none exists."
    ),
}
MAX_HISTORY = 24  # messages kept in the prompt: the latest, the story's answers are in them


def _experience(conversation: CoachConversation) -> str:
    label = conversation.experience_label or "(none picked: the person will name it)"
    return json.dumps(label, ensure_ascii=False)


def step_of(conversation: CoachConversation) -> str:
    if conversation.phase == "experience" and experience_picked(conversation):
        return MOMENT_STEP
    return STEPS.get(conversation.phase, STEPS["result"])


def reply_messages(conversation: CoachConversation) -> list[dict[str, Any]]:
    """The system rules with the current step, then the conversation so far."""
    said = [m for m in conversation.messages if m.get("text")]
    last_user = next((m for m in reversed(said) if m.get("role") == "user"), None)
    nudge = NUDGES.get(str(last_user.get("nudge") or "")) if last_user else None
    system = (
        load_prompt("coach-star.md")
        .replace("{language}", LANGUAGE_NAMES.get(conversation.language, "English"))
        .replace("{experience}", _experience(conversation))
        .replace("{step}", step_of(conversation))
        .replace("{nudge}", nudge or "")
    )
    history = [
        {"role": "user" if m.get("role") == "user" else "assistant", "content": str(m["text"])}
        for m in said[-MAX_HISTORY:]
    ]
    if not history or history[-1]["role"] != "user":
        history.append({"role": "user", "content": "(Start.)"})
    return [{"role": "system", "content": system.strip()}, *history]


def proposal_messages(conversation: CoachConversation) -> list[dict[str, Any]]:
    """The proposal's rules, then the user's accepted answers by step (the coach's words are
    not facts and are not sent)."""
    answers = conversation.answers or {}
    data = {
        "experience_picked": conversation.experience_label,
        **{step: str(answers.get(step) or "") for step in STEPS},
    }
    body = json.dumps(data, ensure_ascii=False, indent=1).replace("</answers>", "<\\/answers>")
    system = load_prompt("coach-proposal.md").replace(
        "{language}", LANGUAGE_NAMES.get(conversation.language, "English")
    )
    user = f"The person's answers (data):\n<answers>\n{body}\n</answers>\n\nWrite the achievement."
    return [{"role": "system", "content": system.strip()}, {"role": "user", "content": user}]
