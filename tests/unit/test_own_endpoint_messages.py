"""A failure of a user's own AI endpoint tells the user where to look (their account page) and
never says the administrator was told; the site's endpoint keeps its wording
(app/lib/llm/user_messages.py). Every sentence is in the French catalogue."""

from __future__ import annotations

import pytest

from app.lib import i18n
from app.lib.llm.errors import (
    LLMAuthError,
    LLMError,
    LLMInvalidOutputError,
    LLMModelNotFoundError,
    LLMRedirectError,
    LLMServerError,
    LLMTimeoutError,
    LLMUnreachableError,
)
from app.lib.llm.user_messages import USER_MESSAGES, user_message

URL = "https://llm.example.org/v1"
ERRORS = [
    LLMUnreachableError(URL),
    LLMTimeoutError(30.0),
    LLMAuthError(),
    LLMModelNotFoundError("tiny", URL),
    LLMServerError(500),
    LLMRedirectError(307),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_an_own_endpoints_failure_never_blames_the_administrator(error: LLMError) -> None:
    assert "administrator" in user_message(error) or type(error) is LLMRedirectError
    error.own_endpoint = True
    sentence = user_message(error)
    assert "administrator" not in sentence and "account page" in sentence


def test_neutral_failures_read_the_same_and_every_sentence_is_translated() -> None:
    garbled = LLMInvalidOutputError("garbled")
    site = user_message(garbled)
    garbled.own_endpoint = True
    assert user_message(garbled) == site  # nobody to blame: the same sentence
    french = i18n.catalogue("fr")
    assert all(message in french for message in USER_MESSAGES)
