"""Waiting for a worker's render from a web request: one job enqueued, its result awaited, and
each way it can miss said the same way for every document (a CV, a letter, a sent copy, the
interview prep).

The web process never runs WeasyPrint; the request waits for the job's result, which comes back
through Redis. Each caller names its own 503 error class (its code is ``render.unavailable``
in every feature) and may map what the job raised to an error of its own first (a letter too
long for its page: app/domain/letters/rendering.py); anything else it raised is
``render.failed``, no answer in time is ``render.timeout``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from arq.connections import ArqRedis
from arq.jobs import ResultNotFound

from app.job_names import Job, enqueue
from app.lib.errors import AppError
from app.lib.i18n import N_

WAIT_FOR_RENDER_SECONDS = 45.0
RESULT_POLL_SECONDS = 0.05

# What the job raised (re-raised here by arq) -> the caller's own error, or None for the default.
Translate = Callable[[Exception], AppError | None]


async def wait_for_render(
    arq: ArqRedis,
    job: Job,
    *args: Any,
    unavailable: type[AppError],
    translate: Translate | None = None,
    wait_seconds: float = WAIT_FOR_RENDER_SECONDS,
) -> dict[str, Any]:
    """The result of render job ``job(*args)``, or ``unavailable`` (or ``translate``'s error)."""
    queued = await enqueue(arq, job, *args, _expires=wait_seconds)
    if queued is None:  # only with a duplicate _job_id, which no caller sets
        raise unavailable(N_("The PDF could not be queued; try again."))
    try:
        payload: dict[str, Any] = await queued.result(
            timeout=wait_seconds, poll_delay=RESULT_POLL_SECONDS
        )
    except (TimeoutError, ResultNotFound) as exc:
        raise unavailable(
            N_("No worker rendered the PDF in time; try again in a moment."),
            code="render.timeout",
        ) from exc
    except AppError:
        raise
    except Exception as exc:  # what the job raised (a RenderError…), re-raised by arq
        if translate is not None and (mapped := translate(exc)) is not None:
            raise mapped from exc
        raise unavailable(N_("The PDF could not be rendered."), code="render.failed") from exc
    return payload


async def pdf_from_worker(
    arq: ArqRedis,
    job: Job,
    *args: Any,
    unavailable: type[AppError],
    translate: Translate | None = None,
) -> bytes:
    """The PDF bytes of render job ``job(*args)`` (see ``wait_for_render``)."""
    payload = await wait_for_render(arq, job, *args, unavailable=unavailable, translate=translate)
    pdf: bytes = payload["pdf"]
    return pdf
