"""Getting a CV's render from the web process: the local render cache, else a worker job.

The web process never runs WeasyPrint (it stays responsive): on a cache miss it enqueues
``render_cv_pdf`` and waits for its result, which carries the PDF and HTML back through Redis, so
a web process on another host than the worker still gets them (and caches them in its own
``data_dir``). The cache lookup itself is ``services.cached_render``.
"""

from __future__ import annotations

import asyncio
from typing import Any

from arq.connections import ArqRedis

from app import job_names
from app.config import Settings
from app.lib.errors import AppError
from app.lib.i18n import N_
from app.lib.pdf_render import RenderCache, RenderError, RenderResult, renders_dir
from app.lib.pdf_render.result import TrimmedBullet, extra_from_meta

from .services import RenderSpec, spec_cache_key
from .waiting import WAIT_FOR_RENDER_SECONDS as DEFAULT_WAIT
from .waiting import wait_for_render

RENDER_JOB = job_names.Job.RENDER_CV_PDF
WAIT_FOR_RENDER_SECONDS = DEFAULT_WAIT  # read at each call: tests shorten it


class RenderUnavailable(AppError):
    status_code = 503
    code = "render.unavailable"


def result_from_job(payload: dict[str, Any]) -> RenderResult:
    meta = payload["meta"]
    return RenderResult(
        pdf=payload["pdf"],
        page_count=int(meta["pageCount"]),
        trimmed=[TrimmedBullet.from_json(t) for t in meta["trimmed"]],
        html=payload["html"],
        design=str(meta["design"]),
        locale=str(meta["locale"]),
        page_budget=int(meta["pageBudget"]),
        fits=bool(meta["fits"]),
        layout_passes=int(meta["layoutPasses"]),
        render_ms=float(meta["renderMs"]),
        cache_key=str(payload["cacheKey"]),
        extra=extra_from_meta(meta),
    )


async def obtain_render(
    arq: ArqRedis, settings: Settings, spec: RenderSpec, *, user_id: str, cv_id: str
) -> RenderResult:
    """The cached render of ``spec``, else a fresh one from a worker (or ``RenderUnavailable``)."""
    cache = RenderCache(renders_dir(settings))
    key = spec_cache_key(spec)
    if (hit := await asyncio.to_thread(cache.get, key)) is not None:
        return hit
    payload = await wait_for_render(
        arq, RENDER_JOB, user_id, cv_id,
        unavailable=RenderUnavailable, translate=_render_error,
        wait_seconds=WAIT_FOR_RENDER_SECONDS,
    )  # fmt: skip
    result = result_from_job(payload)
    if result.cache_key == key and await asyncio.to_thread(cache.get, key) is None:
        await asyncio.to_thread(cache.put, key, result)
    return result


def _render_error(exc: Exception) -> AppError | None:
    """A render that failed in the sandbox keeps its own code (render.timeout, .memory…)."""
    if isinstance(exc, RenderError):
        return RenderUnavailable(
            N_("The PDF could not be rendered."), code=exc.code, extra={"reason": str(exc)}
        )
    return None
