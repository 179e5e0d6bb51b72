"""Worker side of rendered CVs.

- ``render_cv_file``: render a ``CvFile`` exactly as downloads will ask for it (same design,
  language, page budget and relevance, so the same cache entry) and record the result on it.
  ``spec_for`` (app/domain/renders/services.py) + ``render_spec_pdf`` are its two halves, for
  callers (the pipeline's recompose) that must not hold a DB session while WeasyPrint works.
- ``render_cv_pdf`` (arq job): the same for the web process, which waits for the result; the
  PDF and HTML travel back through Redis so the web needs no shared disk.
"""

from __future__ import annotations

from typing import Any

from arq.worker import func
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.db.models import CvFile
from app.domain.cvs.services import get_cv
from app.domain.renders.services import RenderSpec, record_render, spec_for
from app.lib.pdf_render import RenderResult, render_cv_pdf_bytes, renders_dir
from app.lib.pdf_render.sheet import render_sheet_pdf_bytes


async def render_spec_pdf(settings: Settings, spec: RenderSpec) -> RenderResult:
    """Render ``spec`` in the sandboxed renderer (cache first); needs no DB session."""
    return await render_cv_pdf_bytes(
        spec.content,
        design=spec.design,
        locale=spec.locale,
        page_budget=spec.page_budget,
        relevance=spec.relevance,
        photo=spec.photo,
        cache_dir=renders_dir(settings),
    )


async def render_cv_file(session: AsyncSession, settings: Settings, cv: CvFile) -> RenderResult:
    """Render ``cv`` (cache first) and store pages / trimmed bullets in its generation_meta.

    Raises the ``RenderError`` family on timeout, memory limit or crash: let it fail the step.
    The caller commits.
    """
    result = await render_spec_pdf(settings, await spec_for(session, settings, cv))
    record_render(cv, result.meta())
    return result


async def render_cv_pdf(ctx: dict[str, Any], user_id: str, cv_id: str) -> dict[str, Any]:
    settings: Settings = ctx["settings"]
    # The render runs outside any transaction: on SQLite a session holds the write lock from
    # its BEGIN (app/db/session.py), and a render under load can outlast every other writer's
    # busy timeout. The spec is read first; the row is locked only to record the result.
    async with ctx["session_factory"]() as session:
        spec = await spec_for(session, settings, await get_cv(session, user_id, cv_id))
    result = await render_spec_pdf(settings, spec)
    async with ctx["session_factory"]() as session:
        # Lock the row: the JSON column may be written concurrently by the web process.
        cv = await get_cv(session, user_id, cv_id, lock=True)
        record_render(cv, result.meta())
        await session.commit()
    return render_payload(result)


def render_payload(result: RenderResult) -> dict[str, Any]:
    """What a render job answers the waiting web request (read back by ``result_from_job``,
    app/domain/renders/rendering.py): the whole render, so the web caches it as the worker did."""
    return {
        "cacheKey": result.cache_key,
        "meta": result.meta(),
        "pdf": result.pdf,
        "html": result.html,
    }


# Results carry the PDF through Redis: keep them just long enough for the waiting request.
RENDER_CV_PDF = func(render_cv_pdf, name="render_cv_pdf", keep_result=120, timeout=120, max_tries=1)


async def render_sheet_pdf(
    ctx: dict[str, Any], sheet: dict[str, Any], locale: str
) -> dict[str, Any]:
    """A printable sheet's PDF (the interview prep: app/domain/interview/), for a web request
    that waits for it; the sheet is built by the web process, from the user's own data."""
    result = await render_sheet_pdf_bytes(
        sheet, locale=locale, cache_dir=renders_dir(ctx["settings"])
    )
    return {"pdf": result.pdf, "pageCount": result.page_count}


RENDER_SHEET_PDF = func(
    render_sheet_pdf, name="render_sheet_pdf", keep_result=120, timeout=120, max_tries=1
)
