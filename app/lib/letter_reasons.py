"""Why the fact guard left a sentence out of a cover letter, in words.

The writer stores each dropped sentence with a reason code and the words it refused
(``CoverLetter.meta["dropped"]``: ``{"text", "reason", "tokens"}``, codes from
``jobs/letters/core/guard.py``); pages show ``dropped_reason(entry)`` in the reader's language.
"""

from __future__ import annotations

from typing import Any

from app.lib.i18n import N_, gettext

DROP_REASONS = {
    "not_in_cv": N_("Not in your CV: %(tokens)s"),
    "skill_not_in_cv": N_("A skill or topic your CV does not show: %(tokens)s"),
    "other_language": N_("Words in another language than the letter's: %(tokens)s"),
}


def dropped_reason(entry: dict[str, Any]) -> str:
    """The reason of one ``meta["dropped"]`` entry, in the current locale."""
    message = DROP_REASONS.get(str(entry.get("reason", "")), DROP_REASONS["not_in_cv"])
    tokens = ", ".join(str(t) for t in entry.get("tokens") or [])
    return gettext(message, tokens=tokens)
