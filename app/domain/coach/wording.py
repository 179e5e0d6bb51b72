"""What the coach says when code, not the model, writes it: the guided form's questions, their
examples and the quantification hint, the asks-again and the review's words. Stored on a
conversation as codes (``ask.situation``…) and shown in the reader's language."""

from __future__ import annotations

from app.lib.i18n import N_

QUESTIONS = {
    "experience": N_(
        "Which experience or project do you want to turn into an achievement? Name the job or "
        "project and the moment you are proud of."
    ),
    "situation": N_(
        "Situation: what was the context? Where were you, what was going on, and what was at stake?"
    ),
    "task": N_("Task: what were you responsible for? What goal or problem was yours to handle?"),
    "action": N_(
        'Action: what did you do yourself, step by step? Use "I", not "we", and name the '
        "tools or methods you used."
    ),
    "result": N_(
        "Result: what changed thanks to you? Give figures if you can: time saved, money, "
        "volume, quality, people."
    ),
}

EXAMPLES = {
    "experience": N_('Example: "Logistics coordinator at a food wholesaler, the 2022 rush."'),
    "situation": N_('Example: "Our warehouse shipped 300 orders a day and one in ten left late."'),
    "task": N_('Example: "I had to cut late shipments before the holiday season."'),
    "action": N_(
        'Example: "I mapped the picking route, reordered the shelves and trained the 6 pickers."'
    ),
    "result": N_('Example: "Late shipments fell from 10% to 2% in two months."'),
}

# The experience step once the experience was picked at the start: what to tell of it, never
# "which experience?" again.
MOMENT = N_(
    "Which moment of this experience are you proudest of? Name the project or problem in a "
    "few words."
)
MOMENT_EXAMPLE = N_('Example: "The 2022 holiday rush, when one order in ten left late."')

# The quantification hint, shown under the action and result questions of the guided form.
QUANTIFY_HINT = N_(
    "Count what you can: how many, how much, how often, how fast, compared with before. A "
    "rough figure you are sure of is better than none."
)

NUDGES = {
    "short": N_("Could you tell me a little more? A few sentences in your own words are enough."),
    "figure": N_(
        "Can you put a figure on that result, even a rough one (a percentage, an amount, a "
        "time, a number of people)? If there is none, just say so in a sentence."
    ),
}

REVIEW = N_(
    "Here is your achievement, written from your answers. Check every line, edit what you "
    "want, then add it to your bank."
)
REPLY_FAILED = N_("The coach could not answer just now. Send your message again in a moment.")
REPLY_CANCELLED = N_("The coach's reply was cancelled.")
INPUT_GONE = N_("This conversation was deleted; the coach's reply was dropped.")

# The opening message of a conversation started from an interview question (app/domain/
# interview/): the question's own code and parameters ride with it (``view.message_text``).
PRACTICE_CODE = "practice"
PRACTICE = N_(
    "Let us prepare this interview question: “%(question)s” Answer it with one real story of "
    "yours; I will ask you for each part of it, one at a time."
)

# Stored code → message id.
CODES: dict[str, str] = {
    **{f"ask.{phase}": text for phase, text in QUESTIONS.items()},
    **{f"nudge.{kind}": text for kind, text in NUDGES.items()},
    "ask.moment": MOMENT,
    "review": REVIEW,
}


def question_code(phase: str, nudge: str | None = None, picked: bool = False) -> str:
    """The code of what the guided form asks next: the nudge, or the phase's question (with
    ``picked``, an experience chosen at the start, its moment rather than which one)."""
    if nudge:
        return f"nudge.{nudge}"
    return "ask.moment" if picked and phase == "experience" else f"ask.{phase}"


# Why the truth check refused a part of the proposal (jobs/coach/truth.py's reasons).
REFUSALS = {
    "missing": N_("You never wrote: %(terms)s."),
    "unsupported": N_("Your answers do not describe this."),
    "skill": N_("Your answers do not name this skill."),
}
