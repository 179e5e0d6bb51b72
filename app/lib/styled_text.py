"""Text that carries the typographic style of each of its lines.

A PDF's text layer knows how each line is set (size, weight, colour); pasted text does not. The
PDF reader returns its text as ``StyledText`` so that whatever reads a CV's text — the app's
import, benchmarks, scorers outside the app — hands the styles on without a second argument,
and a plain ``str`` simply has none. A style is ``{"size": float, "bold": bool, "colour": str}``
(``app/lib/pdf_read/line_style.py``); a blank line has ``None``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

LineStyle = dict[str, Any]


class StyledText(str):
    """A ``str`` with ``line_styles``: one style (or ``None``) per line of ``split("\\n")``."""

    line_styles: tuple[LineStyle | None, ...]

    def __new__(cls, text: str, line_styles: Sequence[LineStyle | None] = ()) -> StyledText:
        made = super().__new__(cls, text)
        lines = text.count("\n") + 1
        # Styles that do not line up with the text are dropped rather than misapplied.
        made.line_styles = tuple(line_styles) if len(line_styles) == lines else ()
        return made

    def __getnewargs__(self) -> tuple[str, tuple[LineStyle | None, ...]]:  # type: ignore[override]
        return (str(self), self.line_styles)  # copies and pickles keep the styles


def line_styles_of(text: str) -> tuple[LineStyle | None, ...]:
    """The styles of ``text``'s lines, or ``()`` for text without them (pasted, edited)."""
    return getattr(text, "line_styles", ())
