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
from arq.jobs import Job, ResultNotFound

from app import job_names
from app.config import Settings
from app.lib.errors import AppError
from app.lib.i18n import N_
from app.lib.pdf_render import RenderCache, RenderError, RenderResult, renders_dir
from app.lib.pdf_render.result import TrimmedBullet, extra_from_meta

from .services import RenderSpec, spec_cache_key

RENDER_JOB = job_names.Job.RENDER_CV_PDF
WAIT_FOR_RENDER_SECONDS = 45.0
RESULT_POLL_SECONDS = 0.05


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
    job = await job_names.enqueue(arq, RENDER_JOB, user_id, cv_id, _expires=WAIT_FOR_RENDER_SECONDS)
    if job is None:  # only with a duplicate _job_id, which we never set
        raise RenderUnavailable(N_("The PDF could not be queued; try again."))
    payload = await _wait(job)
    result = result_from_job(payload)
    if result.cache_key == key and await asyncio.to_thread(cache.get, key) is None:
        await asyncio.to_thread(cache.put, key, result)
    return result


async def _wait(job: Job) -> dict[str, Any]:
    try:
        payload: dict[str, Any] = await job.result(
            timeout=WAIT_FOR_RENDER_SECONDS, poll_delay=RESULT_POLL_SECONDS
        )
    except (TimeoutError, ResultNotFound) as exc:
        raise RenderUnavailable(
            N_("No worker rendered the PDF in time; try again in a moment."),
            code="render.timeout",
        ) from exc
    except RenderError as exc:
        raise RenderUnavailable(
            N_("The PDF could not be rendered."), code=exc.code, extra={"reason": str(exc)}
        ) from exc
    except AppError:
        raise
    except Exception as exc:  # anything else the job raised, re-raised here by arq
        raise RenderUnavailable(N_("The PDF could not be rendered."), code="render.failed") from exc
    return payload
