"""Worker job ``render_cv_pdf``: render one CV (cache first), record the result on the CV, and
hand the PDF + HTML back to the web process that waits for it (see app/domain/renders)."""

from __future__ import annotations

from typing import Any

from arq.worker import func

from app.config import Settings
from app.db.models import User
from app.domain.renders.services import get_cv, record_render, render_spec
from app.lib.pdf import render_cv_pdf_bytes, renders_dir


async def render_cv_pdf(ctx: dict[str, Any], user_id: str, cv_id: str) -> dict[str, Any]:
    settings: Settings = ctx["settings"]
    async with ctx["session_factory"]() as session:
        cv = await get_cv(session, user_id, cv_id)
        user = await session.get(User, user_id)
        spec = await render_spec(
            session,
            cv,
            fallback_locale=settings.default_locale,
            user_locale=user.locale if user else None,
        )
        await session.rollback()  # no transaction held open during the render
        result = await render_cv_pdf_bytes(
            spec.content,
            design=spec.design,
            locale=spec.locale,
            page_budget=spec.page_budget,
            relevance=spec.relevance,
            cache_dir=renders_dir(settings),
        )
        meta = result.meta()
        # Record pages and trimmed bullets on the CV (under a row lock: other keys of the same
        # JSON column may be written concurrently by the web process).
        cv = await get_cv(session, user_id, cv_id, lock=True)
        if record_render(cv, meta):
            await session.commit()
        else:
            await session.rollback()
    return {"cacheKey": result.cache_key, "meta": meta, "pdf": result.pdf, "html": result.html}


# Results carry the PDF through Redis: keep them just long enough for the waiting request.
RENDER_CV_PDF = func(render_cv_pdf, name="render_cv_pdf", keep_result=120, timeout=120, max_tries=1)
