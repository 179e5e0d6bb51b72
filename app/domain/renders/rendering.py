"""Getting a CV's render from the web process: the local render cache, else a worker job.

The web process never runs WeasyPrint (it stays responsive): on a cache miss it enqueues
``render_cv_pdf`` (a sent copy: ``render_sent_document``) and waits for its result, which
carries the PDF and HTML back through Redis, so a web process on another host than the worker
still gets them (and caches them in its own ``data_dir``). The cache lookup itself is
``spec.cached_render``.

``cv_file`` is the one path from a spec to the bytes a user downloads, PDF or Word: a live CV's
download and a sent copy's both go through it, so what was sent is what was downloaded.
"""

from __future__ import annotations

import asyncio
from enum import StrEnum
from typing import Any

from arq.connections import ArqRedis

from app import job_names
from app.config import Settings
from app.lib.errors import AppError
from app.lib.i18n import N_
from app.lib.pdf_render import RenderCache, RenderError, RenderResult, renders_dir
from app.lib.pdf_render.result import from_meta

from .spec import RenderSpec, docx_document, spec_cache_key
from .waiting import WAIT_FOR_RENDER_SECONDS as DEFAULT_WAIT
from .waiting import wait_for_render

RENDER_JOB = job_names.Job.RENDER_CV_PDF
WAIT_FOR_RENDER_SECONDS = DEFAULT_WAIT  # read at each call: tests shorten it


class RenderUnavailable(AppError):
    status_code = 503
    code = "render.unavailable"


def result_from_job(payload: dict[str, Any]) -> RenderResult:
    meta = payload["meta"]
    return from_meta(meta, payload["pdf"], payload["html"], cache_key=str(payload["cacheKey"]))


class FileType(StrEnum):
    PDF = "pdf"
    DOCX = "docx"


async def obtain_render(
    arq: ArqRedis,
    settings: Settings,
    spec: RenderSpec,
    *,
    user_id: str,
    cv_id: str,
    job: job_names.Job = RENDER_JOB,
) -> RenderResult:
    """The cached render of ``spec``, else a fresh one from a worker (or ``RenderUnavailable``).
    ``job(user_id, cv_id)`` renders ``spec`` on a miss: a CV's, or a sent copy's (``cv_id``
    then names the copy) whose CV may have changed or gone since."""
    cache = RenderCache(renders_dir(settings))
    key = spec_cache_key(spec)
    if (hit := await asyncio.to_thread(cache.get, key)) is not None:
        return hit
    payload = await wait_for_render(
        arq, job, user_id, cv_id,
        unavailable=RenderUnavailable, translate=_render_error,
        wait_seconds=WAIT_FOR_RENDER_SECONDS,
    )  # fmt: skip
    result = result_from_job(payload)
    if result.cache_key == key and await asyncio.to_thread(cache.get, key) is None:
        await asyncio.to_thread(cache.put, key, result)
    return result


async def cv_file(
    arq: ArqRedis,
    settings: Settings,
    spec: RenderSpec,
    file_type: FileType,
    *,
    user_id: str,
    cv_id: str,
    job: job_names.Job = RENDER_JOB,
) -> tuple[RenderResult, bytes]:
    """The render of ``spec`` (``obtain_render``) and the file a download of it gives: the PDF,
    or the Word file trimmed like it (built off the event loop). Photo, design, language and
    page budget all come from ``spec``, nothing else."""
    result = await obtain_render(arq, settings, spec, user_id=user_id, cv_id=cv_id, job=job)
    if file_type is FileType.DOCX:
        return result, await asyncio.to_thread(docx_document, spec, result)
    return result, result.pdf


def _render_error(exc: Exception) -> AppError | None:
    """A render that failed in the sandbox keeps its own code (render.timeout, .memory…)."""
    if isinstance(exc, RenderError):
        return RenderUnavailable(
            N_("The PDF could not be rendered."), code=exc.code, extra={"reason": str(exc)}
        )
    return None
