"""What a user is told when the LLM fails: the problem in words, never the endpoint.

``LLMError.message`` names the admin's endpoint (``Could not connect to … at http://10.0.0.5``)
and may quote the server's answer; users see a fixed sentence per error code instead (stored
in English, translated by the pages like any catalogue string) and the admin page shows the
details (``app/lib/llm/last_error.py``).
"""

from __future__ import annotations

from app.lib.i18n import N_
from app.lib.llm.errors import LLMError

UNREACHABLE = N_("The AI service is unreachable; the administrator has been told.")
REFUSED = N_("The AI service refused its access key; the administrator has been told.")
NO_MODEL = N_("The AI model set for this step is not available; the administrator has been told.")
BUSY = N_("The AI service is busy right now; try again in a few minutes.")
BAD_OUTPUT = N_("The AI service's answer could not be used.")
FAILED = N_("The AI service failed to answer; the administrator has been told.")
SPENT = N_("Your daily AI budget is used up; try again tomorrow (the day counts in UTC).")

_BY_CODE = {
    "unreachable": UNREACHABLE,
    "timeout": UNREACHABLE,
    "auth": REFUSED,
    "model_not_found": NO_MODEL,
    "rate_limited": BUSY,
    "invalid_output": BAD_OUTPUT,
    "spend_limit": SPENT,
}

# A user's own endpoint (account page, "Your own AI key"): the user, not the administrator, can
# act on it, so the sentence says whose endpoint failed and where to look.
OWN_UNREACHABLE = N_("Your own AI endpoint did not answer; check its address on your account page.")
OWN_REFUSED = N_("Your own AI endpoint refused your key; check it on your account page.")
OWN_NO_MODEL = N_(
    "The model set for this step is not on your own AI endpoint; check the models on your "
    "account page."
)
OWN_FAILED = N_("Your own AI endpoint failed to answer; check it on your account page.")
_OWN_BY_CODE = {
    "unreachable": OWN_UNREACHABLE,
    "timeout": OWN_UNREACHABLE,
    "auth": OWN_REFUSED,
    "model_not_found": OWN_NO_MODEL,
}

USER_MESSAGES = (
    UNREACHABLE, REFUSED, NO_MODEL, BUSY, BAD_OUTPUT, FAILED, SPENT,
    OWN_UNREACHABLE, OWN_REFUSED, OWN_NO_MODEL, OWN_FAILED,
)  # fmt: skip


def user_message(error: LLMError) -> str:
    """The English sentence stored for the user (``gettext`` it to show it); a user's own
    endpoint's failure never mentions the administrator."""
    if error.own_endpoint:
        return own_sentence_for(error.code)
    return sentence_for(error.code)


def own_sentence_for(code: str) -> str:
    if code in _OWN_BY_CODE:
        return _OWN_BY_CODE[code]
    return (
        _BY_CODE.get(code, OWN_FAILED)
        if code in ("rate_limited", "invalid_output", "spend_limit")
        else OWN_FAILED
    )


def sentence_for(code: str) -> str:
    return _BY_CODE.get(code, FAILED)
