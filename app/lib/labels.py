"""What users read for the codes the app stores: event names, credit-ledger reasons, setting
keys, pipeline phases and statuses. One catalogue, English message ids translated by
``app/locales`` like every other string; templates show ``{{ code | label }}`` while the
database, the API and the events keep the codes.

Each table mirrors a registry of the code (checked by ``tests/unit/test_labels.py``):
the event names of ``app/events.py``, the credit features of
``app/settings/registry.py`` and its settings, the phases of
``jobs/pipeline/core/schemas.py`` and the statuses of ``app/db/models``.
"""

from __future__ import annotations

from collections.abc import Callable

from app import events
from app.lib.i18n import N_, gettext, npgettext
from app.lib.refund_reasons import STORED_BEFORE, RefundReason

EVENTS = {
    events.GENERATION_CREATED: N_("Tailoring started"),
    events.GENERATION_OFFER_PROGRESS: N_("Tailoring in progress"),
    events.GENERATION_OFFER_COMPLETED: N_("Tailored CV ready"),
    events.GENERATION_OFFER_FAILED: N_("Tailoring failed for an offer"),
    events.GENERATION_ERROR: N_("Tailoring error"),
    events.GENERATION_COMPLETED: N_("Tailoring finished"),
    events.GENERATION_CANCELLED: N_("Tailoring cancelled"),
    events.TASK_UPDATED: N_("Task updated"),
    events.TASK_DELETED: N_("Task removed"),
    events.TASKS_PURGED: N_("Finished tasks cleared"),
    events.CV_LIST_CHANGED: N_("CV list updated"),
    events.CREDITS_CHANGED: N_("Credit balance updated"),
    events.OFFER_UPDATED: N_("Offer updated"),
    events.APPLICATION_UPDATED: N_("Application updated"),
    events.APPLICATION_DELETED: N_("Application removed"),
    events.COVER_LETTER_UPDATED: N_("Cover letter updated"),
    events.JOB_DISCOVERED: N_("New offers found"),
    events.COACH_DELTA: N_("The coach is writing"),
    events.COACH_UPDATED: N_("Coach conversation updated"),
    events.SYSTEM_PONG: N_("The worker answered"),
}

# Credit features (debit reasons), then each refund reason (app/lib/refund_reasons.py) by its
# code and by the words rows written before the codes hold.
LEDGER_REASONS = {
    "gpt_cv_generation": N_("Tailored CVs"),
    "import_pdf": N_("CV import"),
    "extract_job_offer": N_("Offer extraction"),
    "cover_letter": N_("Cover letters"),
    "pitch": N_("Pitches"),
    **{reason.value: reason.sentence for reason in RefundReason},
    **{stored: reason.sentence for stored, reason in STORED_BEFORE.items()},
}
# Grant reasons stored as English sentences: shown translated.
LEDGER_SENTENCES = (
    N_("Welcome credits"),
    N_("Admin grant"),  # a grant whose administrator typed no reason
)

SETTINGS = {
    "model_cv_classify": N_("Tailoring: classification"),
    "model_cv_batch_experience": N_("Tailoring: experience"),
    "model_cv_batch_projects": N_("Tailoring: projects"),
    "model_cv_batch_extras": N_("Tailoring: other sections"),
    "model_cv_batch_skills": N_("Tailoring: skills"),
    "model_cv_batch_summary": N_("Tailoring: summary"),
    "model_cv_import": N_("CV import"),
    "model_offer_extract": N_("Offer extraction"),
    "model_cover_letter": N_("Cover letter"),
    "model_pitch": N_("Pitch"),
    "model_star_coach": N_("STAR coach"),
    "llm_base_url": N_("LLM endpoint URL"),
    "llm_api_key": N_("API key"),
    "llm_temperature": N_("Temperature"),
    "llm_max_concurrency": N_("Requests at once per worker"),
    "llm_vision": N_("Scanned CVs read by the model"),
    "pipeline_offer_concurrency": N_("Offers tailored at once"),
    "max_retries": N_("Attempts per failing offer before its refund"),
    "registration": N_("Sign-up"),
    "credits_new_user": N_("Credits given to a new account"),
    "feature_cost_gpt_cv_generation": N_("Credits per tailored CV"),
    "feature_cost_import_pdf": N_("Credits per CV import"),
    "feature_cost_extract_job_offer": N_("Credits per offer extraction"),
    "feature_cost_cover_letter": N_("Credits per cover letter"),
    "feature_cost_pitch": N_("Credits per pitch"),
    "allow_private_offer_urls": N_("Offer URLs on private addresses"),
    "allow_user_llm_endpoints": N_("Users' own AI endpoints"),
}
# The admin page's groups of model settings.
SETTING_GROUPS = {
    "Pipeline CV v2": N_("CV tailoring"),
    "Import de CV": N_("CV import"),
    "Extraction d'offre": N_("Offer extraction"),
    "Lettre de motivation": N_("Cover letter"),  # its French label is its code
    "Pitch": N_("Pitch"),
    "Coach STAR": N_("STAR coach"),
}

PHASES = {
    "classify": N_("Classification"),
    "batch_experience": N_("Experience"),
    "batch_project": N_("Projects"),
    "batch_extras": N_("Extras"),
    "batch_skills": N_("Skills"),
    "batch_summary": N_("Summary"),
    "cv_import": N_("CV import"),
    "offer_extract": N_("Offer extraction"),
    "cover_letter": N_("Cover letter"),
    "pitch": N_("Pitch"),
    "star_coach": N_("STAR coach"),
    "generation": N_("CV generation"),  # an AI failure of a generation (the admin's last error)
}

# Statuses of generations, offers and background tasks.
STATUSES = {
    "pending": N_("Pending"),
    "queued": N_("Queued"),
    "running": N_("Running"),
    "classifying": N_("Classifying"),
    "batching": N_("Tailoring"),
    "recomposing": N_("Assembling"),
    "completed": N_("Completed"),
    "failed": N_("Failed"),
    "cancelled": N_("Cancelled"),
}

# Where an application stands (ApplicationStatus in app/db/models/application.py).
APPLICATION_STATUSES = {
    "to_apply": N_("To apply"),
    "applied": N_("Applied"),
    "interview": N_("Interview"),
    "offer": N_("Offer received"),
    "rejected": N_("Rejected"),
    "hired": N_("Hired"),
}

LABELS: dict[str, str] = {
    **EVENTS,
    **LEDGER_REASONS,
    **{sentence: sentence for sentence in LEDGER_SENTENCES},
    **SETTINGS,
    **SETTING_GROUPS,
    **PHASES,
    **STATUSES,
    **APPLICATION_STATUSES,
}


# "2 completed" beside a count of generations: French agrees the word with "génération" and
# with the number ("1 terminée", "2 terminées"), so each is a plural message of its own.
_GENERATION_COUNTS: dict[str, Callable[[int], str]] = {
    "pending": lambda n: npgettext("generations", "%(num)s pending", "%(num)s pending", n),
    "running": lambda n: npgettext("generations", "%(num)s running", "%(num)s running", n),
    "completed": lambda n: npgettext("generations", "%(num)s completed", "%(num)s completed", n),
    "failed": lambda n: npgettext("generations", "%(num)s failed", "%(num)s failed", n),
    "cancelled": lambda n: npgettext("generations", "%(num)s cancelled", "%(num)s cancelled", n),
}


def generation_count(status: object, count: int) -> str:
    """``count`` generations in ``status``, in words ("2 terminées"); an unknown status as
    "status: count"."""
    words = _GENERATION_COUNTS.get(str(status))
    return words(count) if words is not None else f"{label(status)}: {count}"


def label(code: object) -> str:
    """The text shown for a stored code, in the current locale; an unknown value as it is
    (a reason an administrator typed, a model name)."""
    text = str(code) if code is not None else ""
    message = LABELS.get(text)
    return gettext(message) if message is not None else text
