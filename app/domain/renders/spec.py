"""What a render of a CV depends on (``RenderSpec``), its cache key, and the Word file made
from it: the pieces both the spec's lookup (services.py) and the render's fetching
(rendering.py) read, kept apart so neither imports the other."""

from __future__ import annotations

from dataclasses import dataclass

from app.config import Settings
from app.lib.cv_content import CvContent
from app.lib.docx_export import cv_docx_bytes
from app.lib.pdf_render import RenderCache, RenderResult, cache_key, renders_dir


@dataclass(frozen=True, slots=True)
class RenderSpec:
    content: CvContent
    design: str
    locale: str
    page_budget: int
    page_budget_is_default: bool
    relevance: dict[str, float] | None
    offer_title: str
    offer_company: str
    # The account's photo JPEG when this CV shows it (app/domain/photos/services.py).
    photo: bytes | None = None


def spec_cache_key(spec: RenderSpec) -> str:
    return cache_key(
        spec.content.to_json(),
        design=spec.design,
        locale=spec.locale,
        page_budget=spec.page_budget,
        relevance=spec.relevance,
        photo=spec.photo,
    )


def cached_render(settings: Settings, spec: RenderSpec) -> RenderResult | None:
    return RenderCache(renders_dir(settings)).get(spec_cache_key(spec))


def docx_document(spec: RenderSpec, render: RenderResult | None = None) -> bytes:
    """The CV as a Word file, in the language its PDF is rendered in, trimmed like ``render``
    (the PDF of ``spec``) so it is the CV the user reviewed. Built in the web process (call it
    in a thread): no HTML, CSS or font is interpreted, so no sandbox is needed, and a CV at the
    content limits (docs/content-limits.md) takes about half a second."""
    trimmed = [item.key for item in render.trimmed] if render is not None else []
    return cv_docx_bytes(spec.content, locale=spec.locale, trimmed=trimmed, photo=spec.photo)
