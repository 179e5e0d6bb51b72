"""CvContent + design + locale → the HTML document both the PDF and the preview are made from.

A Jinja environment of its own: autoescape on for every template (CSS included), strict
undefined so a template typo fails a test instead of printing nothing, no UI catalogue.
User and LLM text only ever lands in element content or escaped ``href`` attributes — never in
``<style>`` or ``style=`` (a unit test scans the templates for that).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection
from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from app.config import PROJECT_ROOT
from app.lib.cv_content import CvContent
from app.lib.link_text import link_text
from app.lib.pdf_render.designs import build_view, check_design, cv_locale

TEMPLATES_DIR = PROJECT_ROOT / "templates"
CV_DESIGNS_DIR = TEMPLATES_DIR / "cv_designs"
COMPACT_STEPS = 3  # templates/cv_designs/_compact.css: tighter spacing, then type down to 9 pt


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES_DIR),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    # A link prints its address (printed copies and ATS text lose the href): the same rule
    # as the Word export, so both documents carry the same text.
    env.filters["link_text"] = link_text
    return env


def render_cv_html(
    content: CvContent,
    *,
    design: str,
    locale: str,
    trimmed: Collection[str] = (),
    photo: str | None = None,
    compact: int = 0,
) -> str:
    """The CV as a standalone HTML document (inline CSS, no external resource); ``photo`` (a
    base64 JPEG) is embedded as a ``data:`` URL, the one kind of resource the fetcher loads.
    An experience whose ``entry_key`` is in ``trimmed`` is left out whole (``build_view``).
    ``compact``: the step of the fit's ladder (0 to ``COMPACT_STEPS``, ``_compact.css``)."""
    template = _environment().get_template(f"cv_designs/{check_design(design)}/cv.html")
    view = build_view(content, locale=cv_locale(locale), trimmed=frozenset(trimmed))
    view["photo"] = photo_url(photo)
    step = min(max(int(compact), 0), COMPACT_STEPS)
    return template.render(cv=view, design=design, compact=step)


_BASE64 = re.compile(r"^[A-Za-z0-9+/]+={0,2}$")


def photo_url(photo: str | None) -> str | None:
    """``data:image/jpeg;base64,…`` for a base64 JPEG; None for anything else (the value
    lands in an attribute: only base64 characters may be in it)."""
    if not photo or not _BASE64.match(photo):
        return None
    return f"data:image/jpeg;base64,{photo}"


@cache
def templates_fingerprint() -> str:
    """Hash of every file of the designs: part of the render cache key, so editing a design
    invalidates the renders made with the old one."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(CV_DESIGNS_DIR).rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(CV_DESIGNS_DIR)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
