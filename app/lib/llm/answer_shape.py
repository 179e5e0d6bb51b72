"""Reading a chat completion whatever the server sent, for ``transport`` and ``streaming``.

The SDK builds its response objects without validating them: JSON of another shape
(``{"choices": "x"}``, a message that is a number, token counts written as words) comes through
as is, and reading it raised ``AttributeError``, ``TypeError`` or ``ValueError`` in the caller:
"Test the connection" answered 500, and a CV import or an offer extraction "failed unexpectedly"
instead of falling back to the rules. Every read here is checked; a wrong shape is
``NotACompletion``, which the callers turn into an ``LLMServerError`` like any unusable answer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any


class NotACompletion(Exception):
    """The answer is not shaped like a chat completion (or one of its stream chunks)."""


@dataclass(frozen=True, slots=True)
class Choice:
    text: str | None
    finish_reason: str | None


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise NotACompletion(f"text of type {type(value).__name__}")


def _choice(choice: Any, part: str) -> Choice:
    """``part``: "message" for a completion, "delta" for a stream chunk."""
    try:
        body = getattr(choice, part)
        text = None if body is None else _text(body.content)
        return Choice(text, _text(getattr(choice, "finish_reason", None)))
    except AttributeError as exc:
        raise NotACompletion(f"a choice without its {part}") from exc


def _choices(answer: Any) -> list[Any]:
    choices = getattr(answer, "choices", None)
    if choices is None:
        return []
    if not isinstance(choices, list):
        raise NotACompletion(f"choices of type {type(choices).__name__}")
    return choices


def first_choice(completion: Any) -> Choice | None:
    """The completion's first choice; None when it has none."""
    choices = _choices(completion)
    return _choice(choices[0], "message") if choices else None


def chunk_choices(chunk: Any) -> Iterator[Choice]:
    """The pieces of one stream chunk."""
    for choice in _choices(chunk):
        yield _choice(choice, "delta")


def _count(value: Any) -> int:
    try:
        return max(int(value or 0), 0)
    except (TypeError, ValueError):
        return 0  # a count the server wrote as something else: as if it sent none


def token_counts(usage: Any) -> tuple[int, int, int]:
    """(prompt, completion, cached) tokens; 0 for what is missing or unreadable."""
    if usage is None:  # some servers omit usage entirely
        return 0, 0, 0
    details = getattr(usage, "prompt_tokens_details", None)
    return (
        _count(getattr(usage, "prompt_tokens", 0)),
        _count(getattr(usage, "completion_tokens", 0)),
        _count(getattr(details, "cached_tokens", 0)),
    )


def model_name(answer: Any, fallback: str) -> str:
    name = getattr(answer, "model", None)
    return name if isinstance(name, str) and name else fallback
