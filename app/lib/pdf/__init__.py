"""CV rendering: designs, page budget, hardened WeasyPrint in a sandboxed process, cache.

Call ``render_cv_pdf_bytes`` from the worker; ``render_cv_html`` gives the same document's
HTML without WeasyPrint; ``default_page_budget`` computes the 1-or-2-page rule.
"""

from app.lib.pdf.budget import bullet_key, default_page_budget, years_of_experience
from app.lib.pdf.cache import RenderCache, cache_key, renders_dir
from app.lib.pdf.designs import DEFAULT_DESIGN, DESIGNS, check_design
from app.lib.pdf.errors import (
    RenderCrashed,
    RenderError,
    RenderMemoryExceeded,
    RenderTimeout,
    UnknownDesign,
)
from app.lib.pdf.html import render_cv_html
from app.lib.pdf.render import render_cv_pdf_bytes
from app.lib.pdf.result import RenderResult, TrimmedBullet

__all__ = [
    "DEFAULT_DESIGN",
    "DESIGNS",
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
    "renders_dir",
    "years_of_experience",
]
