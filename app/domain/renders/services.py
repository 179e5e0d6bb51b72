"""CV lookups scoped to the owner, what to render for a CV, versions and render settings.

Render settings and records live in ``CvFile.generation_meta`` next to the pipeline's keys:
``page_budget`` (the user's choice; absent = the 1-or-2-page rule, raised to the page count of
the uploaded PDF a tailored CV was made from), ``relevance`` (bullet scores the pipeline may
store so re-renders trim the same way) and ``render`` (what the last render produced: pages,
what was trimmed). ``design`` and ``language`` are columns.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import CvFile, CvVersion, JobOffer, User
from app.domain.photos import services as photos
from app.lib.cv_content import CvContent
from app.lib.download_names import docx_filename, markdown_filename, pdf_filename
from app.lib.errors import NotFound, ValidationFailed
from app.lib.i18n import N_
from app.lib.markdown_export import cv_markdown
from app.lib.pdf_render import (
    DEFAULT_DESIGN,
    DESIGNS,
    RenderResult,
    default_page_budget,
)
from app.lib.pdf_render.designs import CV_LOCALES

# The one render waiter every feature's download goes through, and the one path from a spec
# to the bytes a user downloads (a live CV and a sent copy alike).
from .rendering import FileType as FileType
from .rendering import RenderUnavailable as RenderUnavailable
from .rendering import cv_file as cv_file
from .spec import RenderSpec as RenderSpec
from .spec import cached_render as cached_render
from .spec import docx_document as docx_document
from .spec import spec_cache_key as spec_cache_key
from .waiting import pdf_from_worker as pdf_from_worker
from .waiting import wait_for_render as wait_for_render

META_PAGE_BUDGET = "page_budget"
META_RELEVANCE = "relevance"
META_LAST_RENDER = "render"
PAGE_BUDGET_CHOICES = (1, 2, 3)
RESTORE_CREATED_BY = "restore"


class Keep(Enum):
    """``set_render_settings``: leave this setting as it is."""

    KEEP = "keep"


KEEP = Keep.KEEP


async def get_offer(session: AsyncSession, cv: CvFile) -> JobOffer | None:
    if not cv.job_offer_id:
        return None
    return await session.scalar(
        select(JobOffer).where(JobOffer.id == cv.job_offer_id, JobOffer.user_id == cv.user_id)
    )


def _relevance(meta: dict[str, Any]) -> dict[str, float] | None:
    raw = meta.get(META_RELEVANCE)
    if not isinstance(raw, dict):
        return None
    scores = {str(k): float(v) for k, v in raw.items() if isinstance(v, int | float)}
    return scores or None


def chosen_page_budget(cv: CvFile) -> int | None:
    value = (cv.generation_meta or {}).get(META_PAGE_BUDGET)
    return value if isinstance(value, int) and value in PAGE_BUDGET_CHOICES else None


PDF_MIME = "application/pdf"


async def source_page_count(session: AsyncSession, cv: CvFile) -> int | None:
    """Pages of the uploaded PDF a tailored ``cv`` was made from, as its import read them
    (``import_report["pages"]``); None for any other CV, a pasted or JSON source, or a source
    since deleted."""
    source_id = str((cv.generation_meta or {}).get("source_cv_id") or "")
    if cv.kind != "generated" or not source_id:
        return None
    row = (
        await session.execute(
            select(CvFile.original_mime, CvFile.import_report).where(
                CvFile.id == source_id, CvFile.user_id == cv.user_id
            )
        )
    ).first()
    if row is None or row.original_mime != PDF_MIME or not isinstance(row.import_report, dict):
        return None
    pages = row.import_report.get("pages")
    return pages if isinstance(pages, int) and not isinstance(pages, bool) and pages > 0 else None


async def default_budget(session: AsyncSession, cv: CvFile, content: CvContent) -> int:
    """The 1-or-2-page rule, but never fewer pages than the user's own PDF the CV was tailored
    from had (up to the largest budget offered)."""
    budget = default_page_budget(content)
    pages = await source_page_count(session, cv)
    if pages is not None:
        budget = min(max(budget, pages), max(PAGE_BUDGET_CHOICES))
    return budget


async def render_spec(
    session: AsyncSession, cv: CvFile, *, fallback_locale: str, user_locale: str | None = None
) -> RenderSpec:
    """Everything a render of ``cv`` depends on (and so its cache key)."""
    content = CvContent.from_json(cv.content)
    offer = await get_offer(session, cv)
    locale = next(
        (
            lang
            for lang in (cv.language, offer.language if offer else None, user_locale)
            if lang in CV_LOCALES
        ),
        fallback_locale if fallback_locale in CV_LOCALES else "en",
    )
    chosen = chosen_page_budget(cv)
    return RenderSpec(
        content=content,
        design=cv.design if cv.design in DESIGNS else DEFAULT_DESIGN,
        locale=locale,
        page_budget=chosen or await default_budget(session, cv, content),
        page_budget_is_default=chosen is None,
        relevance=_relevance(cv.generation_meta or {}),
        offer_title=offer.title if offer else "",
        offer_company=offer.company if offer else "",
        photo=await photos.photo_for_cv(session, cv),
    )


def record_render(cv: CvFile, meta: dict[str, Any]) -> bool:
    """Store what the last render produced; False when nothing changed (no write needed)."""
    current = dict(cv.generation_meta or {})
    if current.get(META_LAST_RENDER) == meta:
        return False
    current[META_LAST_RENDER] = meta
    cv.generation_meta = current  # a new dict: JSON columns only notice reassignment
    return True


async def set_render_settings(
    session: AsyncSession,
    cv: CvFile,
    *,
    design: str | None = None,
    page_budget: int | Keep | None = KEEP,
    language: str | Keep | None = KEEP,
) -> None:
    """Change design / page budget (None = automatic) / CV language (None = automatic)."""
    if design is not None:
        if design not in DESIGNS:
            raise ValidationFailed(N_("Unknown design."), code="render.unknown_design")
        cv.design = design
    if page_budget is not KEEP:
        if page_budget is not None and page_budget not in PAGE_BUDGET_CHOICES:
            raise ValidationFailed(
                N_("The page budget must be 1, 2 or 3 pages."), code="render.bad_budget"
            )
        meta = dict(cv.generation_meta or {})
        if page_budget is None:
            meta.pop(META_PAGE_BUDGET, None)
        else:
            meta[META_PAGE_BUDGET] = page_budget
        cv.generation_meta = meta
    if language is not KEEP:
        if language is not None and language not in CV_LOCALES:
            raise ValidationFailed(
                N_("The CV language must be French or English."), code="render.bad_language"
            )
        cv.language = language
    await session.flush()


MAX_VERSION = 2**31 - 1  # version numbers are 32-bit columns in PostgreSQL


async def list_versions(session: AsyncSession, cv: CvFile) -> list[CvVersion]:
    rows = await session.scalars(
        select(CvVersion).where(CvVersion.cv_file_id == cv.id).order_by(CvVersion.version.desc())
    )
    return list(rows)


async def restore_version(session: AsyncSession, cv: CvFile, version: int) -> CvVersion:
    """Make ``version``'s content current again, as a new version (history is append-only)."""
    if not 1 <= version <= MAX_VERSION:  # a database integer cannot hold more: no such version
        raise NotFound(N_("No such version."), code="cv.version_not_found")
    source = await session.scalar(
        select(CvVersion).where(CvVersion.cv_file_id == cv.id, CvVersion.version == version)
    )
    if source is None:
        raise NotFound(N_("No such version."), code="cv.version_not_found")
    latest = await session.scalar(
        select(func.max(CvVersion.version)).where(CvVersion.cv_file_id == cv.id)
    )
    content = CvContent.from_json(source.content).to_json()
    cv.content = content
    restored = CvVersion(
        cv_file_id=cv.id,
        version=int(latest or 0) + 1,
        content=content,
        created_by=RESTORE_CREATED_BY,
    )
    session.add(restored)
    await session.flush()
    return restored


def current_version_number(versions: list[CvVersion], cv: CvFile) -> int | None:
    """The newest version whose content is the CV's current content (None if edited since)."""
    current = CvContent.from_json(cv.content).to_json()
    for row in versions:  # newest first
        if CvContent.from_json(row.content).to_json() == current:
            return row.version
    return None


def owner_locale(user: User | None) -> str | None:
    return user.locale if user is not None else None


async def spec_for(
    session: AsyncSession, settings: Settings, cv: CvFile, owner: User | None = None
) -> RenderSpec:
    """What a download of ``cv`` asks for: its design, language, page budget and relevance.
    Pages pass the signed-in ``owner``; the worker lets it be looked up."""
    if owner is None:
        owner = await session.get(User, cv.user_id)
    return await render_spec(
        session, cv, fallback_locale=settings.default_locale, user_locale=owner_locale(owner)
    )


def download_name(spec: RenderSpec, *, word: bool = False, markdown: bool = False) -> str:
    """``Name - Offer title - Company.pdf`` for a tailored CV, ``Name - Title.pdf`` otherwise;
    ``.docx`` for the Word export (``word``), ``.md`` for the Markdown one (``markdown``)."""
    header = spec.content.header
    filename = markdown_filename if markdown else docx_filename if word else pdf_filename
    if spec.offer_title or spec.offer_company:
        return filename(header.name, spec.offer_title, spec.offer_company)
    return filename(header.name, header.current_title)


def markdown_document(spec: RenderSpec, trimmed: list[str] | None = None) -> str:
    """The CV as Markdown, in the language its PDF is rendered in, without the ``trimmed`` keys
    (those of the PDF of ``spec``: ``render_trimmed``), so it is the CV the user reviewed."""
    return cv_markdown(spec.content, locale=spec.locale, trimmed=trimmed or ())


def render_trimmed(render: RenderResult | None) -> list[str]:
    """The trim keys a render of the PDF left out (none without a render)."""
    return [item.key for item in render.trimmed] if render is not None else []


def known_trim(cv: CvFile, spec: RenderSpec, render: RenderResult | None) -> list[str]:
    """What the PDF of ``spec`` leaves out without rendering it: ``render``'s trim when there
    is one, else the last recorded render's when it rendered ``spec`` (its cache entry may be
    gone), else nothing (the whole CV)."""
    if render is not None:
        return render_trimmed(render)
    recorded = (cv.generation_meta or {}).get(META_LAST_RENDER)
    if not isinstance(recorded, dict) or recorded.get("cacheKey") != spec_cache_key(spec):
        return []
    items = recorded.get("trimmed")
    if not isinstance(items, list):
        return []
    return [str(item["key"]) for item in items if isinstance(item, dict) and "key" in item]
