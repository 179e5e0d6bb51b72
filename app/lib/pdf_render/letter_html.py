"""LetterContent + the CV's Header + design + locale → the letter's HTML document.

The same Jinja environment as the CVs (``html.py``: autoescape on, strict undefined), and the
sender header goes through the CV designs' own view (``designs.build_view``), so the letter's
header prints exactly what the CV's does (vetted links, mailto only for a real address). User and
LLM text lands in element content only; the fit step is an integer class name, never a style.
"""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import CvContent, Header
from app.lib.letter_content import LetterContent
from app.lib.pdf_render.designs import build_view, check_design, cv_locale
from app.lib.pdf_render.html import _environment

# Steps of ``_letter.css`` (``fit-0`` … ``fit-3``): 10.5 pt down to 9 pt, tighter spacing.
FIT_STEPS = 4


def letter_view(letter: LetterContent, header: Header, *, locale: str) -> dict[str, Any]:
    """The template context: the CV view's language, titles and header, plus the letter."""
    cv_view = build_view(CvContent(header=header), locale=cv_locale(locale))
    return {
        "cv": {"lang": cv_view["lang"], "header": cv_view["header"]},
        "letter": {
            "recipient": list(letter.recipient),
            "date_line": letter.date_line,
            "subject": letter.subject,
            "greeting": letter.greeting,
            "paragraphs": list(letter.paragraphs),
            "closing": letter.closing,
            "signature": letter.signature,
        },
    }


def render_letter_html(
    letter: LetterContent, header: Header, *, design: str, locale: str, fit_step: int = 0
) -> str:
    """The letter as a standalone HTML document (inline CSS, no external resource)."""
    template = _environment().get_template(f"cv_designs/{check_design(design)}/letter.html")
    step = min(max(int(fit_step), 0), FIT_STEPS - 1)
    return template.render(**letter_view(letter, header, locale=locale), fit_step=step)
