"""Why an item or skill is where it is, from reason codes in ``CvFile.generation_meta``.

The pipeline and the review record ``{"code", "params"}`` (``reasons`` by item id,
``skills_changes.removed_reasons`` by skill name) so that the reader sees them in their own
language; the changes page renders them with ``reason_text``.
"""

from __future__ import annotations

from typing import Any

from app.lib.i18n import N_, gettext

USER_OVERRIDE = "user_override"

REASON_TEMPLATES: dict[str, str] = {
    "matches_requirement": N_("Shows “%(requirement)s”, asked for by the offer"),
    "recent": N_("Recent experience"),
    "old_unrelated": N_("Ended over %(years)s years ago and shows nothing the offer asks for"),
    "side_project": N_("A personal project listed as a job"),
    "employer_job": N_("Kept as an experience: a job at %(company)s, not a personal project"),
    "condensed_gap": N_("Kept as one line — removing it would leave a %(months)s-month gap"),
    "old_unrelated_line": N_(
        "One line, first to go when the page is full: ended over %(years)s years ago and "
        "shows nothing the offer asks for"
    ),
    "old_unrelated_first": N_(
        "Kept whole while the page has room; its bullets go first when it is full: ended "
        "over %(years)s years ago and shows nothing the offer asks for"
    ),
    "other_language": N_(
        "Kept: written in another language than the offer, whose words cannot tell what is "
        "unrelated"
    ),
    "thin_offer": N_("Kept: the offer says too little to tell what is unrelated"),
    "recent_rule": N_("Kept: ended less than %(years)s years ago"),
    "unclassified": N_("Not classified: kept"),
    "kept": N_("Kept"),
    "project_kept": N_("Project kept"),
    USER_OVERRIDE: N_("Your choice"),
    "unrelated_skill": N_("Not asked for by this offer"),
}


def reason_text(code: str, params: dict[str, Any] | None, fallback: str = "") -> str:
    """The reason in the current UI language; ``fallback`` (the classifier's own words) when the
    code is unknown or its parameters do not fit the message."""
    template = REASON_TEMPLATES.get(code)
    if template is None:
        return fallback
    try:
        return gettext(template, **(params or {})) if "%(" in template else gettext(template)
    except (KeyError, TypeError, ValueError):
        return fallback
