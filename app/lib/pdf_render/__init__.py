"""CV rendering: designs, page budget, hardened WeasyPrint in a sandboxed process, cache.

Call ``render_cv_pdf_bytes`` (and ``render_letter_pdf_bytes`` for a cover letter, one page in
the CV's design) from the worker; ``render_cv_html`` gives the same document's
HTML without WeasyPrint; ``default_page_budget`` computes the 1-or-2-page rule.
"""

from app.lib.pdf_render.budget import bullet_key, default_page_budget, years_of_experience
from app.lib.pdf_render.cache import RenderCache, cache_key, renders_dir
from app.lib.pdf_render.designs import DEFAULT_DESIGN, DESIGNS, check_design
from app.lib.pdf_render.errors import (
    LetterTooLong,
    RenderCrashed,
    RenderError,
    RenderMemoryExceeded,
    RenderTimeout,
    UnknownDesign,
)
from app.lib.pdf_render.html import render_cv_html
from app.lib.pdf_render.letter import render_letter_pdf_bytes
from app.lib.pdf_render.letter_html import render_letter_html
from app.lib.pdf_render.render import render_cv_pdf_bytes
from app.lib.pdf_render.result import RenderResult, TrimmedBullet

__all__ = [
    "DEFAULT_DESIGN",
    "DESIGNS",
    "LetterTooLong",
    "RenderCache",
    "RenderCrashed",
    "RenderError",
    "RenderMemoryExceeded",
    "RenderResult",
    "RenderTimeout",
    "TrimmedBullet",
    "UnknownDesign",
    "bullet_key",
    "cache_key",
    "check_design",
    "default_page_budget",
    "render_cv_html",
    "render_cv_pdf_bytes",
    "render_letter_html",
    "render_letter_pdf_bytes",
    "renders_dir",
    "years_of_experience",
]
