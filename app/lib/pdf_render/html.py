"""CvContent + design + locale → the HTML document both the PDF and the preview are made from.

A Jinja environment of its own: autoescape on for every template (CSS included), strict
undefined so a template typo fails a test instead of printing nothing, no UI catalogue.
User and LLM text only ever lands in element content or escaped ``href`` attributes — never in
``<style>`` or ``style=`` (a unit test scans the templates for that).
"""

from __future__ import annotations

import hashlib
from collections.abc import Collection
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from app.config import PROJECT_ROOT
from app.lib.cv_content import CvContent
from app.lib.pdf_render.designs import build_view, check_design, cv_locale

TEMPLATES_DIR = PROJECT_ROOT / "templates"
CV_DESIGNS_DIR = TEMPLATES_DIR / "cv_designs"


@cache
def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_cv_html(
    content: CvContent, *, design: str, locale: str, trimmed: Collection[str] = ()
) -> str:
    """The CV as a standalone HTML document (inline CSS, no external resource)."""
    template = _environment().get_template(f"cv_designs/{check_design(design)}/cv.html")
    view = build_view(content, locale=cv_locale(locale), trimmed=frozenset(trimmed))
    return template.render(cv=view, design=design)


@cache
def templates_fingerprint() -> str:
    """Hash of every file of the designs: part of the render cache key, so editing a design
    invalidates the renders made with the old one."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(CV_DESIGNS_DIR).rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(CV_DESIGNS_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
