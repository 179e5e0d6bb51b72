"""A render through the cache, as the CV, the letter and the sheet renderers all ask for it: an
identical earlier render when one is kept, else the job rendered in the sandbox and kept."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
from collections.abc import Callable
from pathlib import Path

from app.lib.pdf_render.cache import RenderCache, cache_key
from app.lib.pdf_render.result import RenderResult
from app.lib.pdf_render.sandbox import RenderJob, run_sandboxed


def job_key(job: RenderJob) -> str:
    """The cache key of ``job``: its fields are ``cache_key``'s parameters, but for a CV's photo,
    keyed by the JPEG itself rather than its base64."""
    fields = {field.name: getattr(job, field.name) for field in dataclasses.fields(job)}
    return cache_key(**fields | {"photo": base64.b64decode(job.photo) if job.photo else None})


def _always(_: RenderResult) -> bool:
    return True


async def cached_render(
    job: RenderJob,
    cache_dir: Path | None,
    *,
    timeout_seconds: float,
    memory_limit: int,
    keep: Callable[[RenderResult], bool] = _always,
) -> RenderResult:
    """``job``'s render: kept under ``cache_dir`` (None: no cache) and returned as is when an
    identical one was, else rendered in the sandbox with its key set, and kept when ``keep``
    says a render like it may be given again."""
    key = job_key(job)
    cache = RenderCache(cache_dir) if cache_dir is not None else None
    if cache is not None and (hit := await asyncio.to_thread(cache.get, key)) is not None:
        return hit
    result = await run_sandboxed(job, timeout_seconds=timeout_seconds, memory_limit=memory_limit)
    result = dataclasses.replace(result, cache_key=key)
    if cache is not None and keep(result):
        await asyncio.to_thread(cache.put, key, result)
    return result
