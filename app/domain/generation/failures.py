"""Why the worker stopped a generation on its own: a code, an English template and its values,
kept on the offer (``batch_results["failure"]``, see ``state.fail_offer``) so the page shows
it in the reader's language while ``offer.error`` and the JSON API keep the English text."""

from __future__ import annotations

from typing import Any

from app.db.models import CvGenerationOffer
from app.lib.i18n import N_, gettext
from app.lib.problems import problem

BUDGET_EXCEEDED = "generation_budget_exceeded"
GAVE_UP = "generation_gave_up"
# The page adds "credit refunded" after an offer's error.
BUDGET_TEMPLATE = N_("Stopped: the generation took longer than its time budget (%(minutes)s min).")
GAVE_UP_TEMPLATE = N_(
    "Stopped after %(runs)s attempts: the generation kept interrupting its worker."
)
# The task centre row's error (no values: its page translates the stored text as it is).
TASK_BUDGET_ERROR = N_("The generation took longer than its time budget; credits refunded.")
TASK_GAVE_UP_ERROR = N_("The generation kept interrupting its worker; credits refunded.")
TASK_ERRORS = {BUDGET_EXCEEDED: TASK_BUDGET_ERROR, GAVE_UP: TASK_GAVE_UP_ERROR}


def budget_exceeded(budget_seconds: float) -> dict[str, Any]:
    minutes = max(1, round(budget_seconds / 60))
    return problem(BUDGET_EXCEEDED, BUDGET_TEMPLATE, "error", minutes=minutes)


def gave_up(runs: int) -> dict[str, Any]:
    return problem(GAVE_UP, GAVE_UP_TEMPLATE, "error", runs=runs)


def stored_failure(offer: CvGenerationOffer) -> dict[str, Any] | None:
    failure = (offer.batch_results or {}).get("failure")
    return failure if isinstance(failure, dict) and failure.get("template") else None


def offer_error_text(offer: CvGenerationOffer) -> str | None:
    """The offer's error in the current request's language when its code is known."""
    failure = stored_failure(offer)
    if failure is None:  # catalogue sentences (an LLM failure, app/lib/llm/user_messages.py)
        return gettext(offer.error) if offer.error else offer.error
    try:
        return gettext(str(failure["template"]), **dict(failure.get("values") or {}))
    except (KeyError, TypeError, ValueError):  # a translation with other placeholders
        return offer.error
