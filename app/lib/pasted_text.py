"""Text pasted in place of a file (a CV, a job offer), checked one way: trimmed, not empty, with
a letter or a digit somewhere (a page of bullet marks holds nothing to read), at least
``min_chars`` characters that are not whitespace, at most ``max_chars`` once trimmed. Each
feature declares its limits and its words (``app/lib/openapi.py``'s ``pasted_text_schema``
documents the same limits)."""

from __future__ import annotations

from dataclasses import dataclass

from app.lib.input_errors import InputError


@dataclass(frozen=True, slots=True)
class Refusal:
    message: str  # a catalogue message id (N_), with %(chars)s and, when too long, %(limit)s
    code: str


@dataclass(frozen=True, slots=True)
class PastedText:
    min_chars: int
    max_chars: int
    empty: Refusal
    too_short: Refusal
    too_long: Refusal
    no_words: Refusal | None = None  # marks and symbols only; the empty refusal when None

    def checked(self, text: str, *, truncate: bool = False) -> str:
        """``text`` trimmed, or refused; ``truncate``: a text too long is cut to the limit."""
        cleaned = text.strip()
        visible = sum(1 for c in cleaned if not c.isspace())
        if visible == 0:
            raise InputError(self.empty.message, code=self.empty.code)
        if not any(c.isalnum() for c in cleaned):
            refusal = self.no_words or self.empty
            raise InputError(refusal.message, code=refusal.code)
        if visible < self.min_chars:
            raise InputError(self.too_short.message, code=self.too_short.code, chars=visible)
        if len(cleaned) > self.max_chars:
            if truncate:
                return cleaned[: self.max_chars]
            raise InputError(
                self.too_long.message,
                code=self.too_long.code,
                chars=len(cleaned),
                limit=self.max_chars,
            )
        return cleaned
