"""Work a request does for its client, cancelled when that client hangs up.

An ASGI server does not cancel a handler whose client left: the handler runs to its end for
nobody. Once the request body has been read, the next ``receive()`` returns only when the
connection closes (``http.disconnect``: uvicorn, and Litestar's test client once the response
is sent), so waiting on it beside the work tells when to stop. Cancelling the work ends what it
runs: the decoder's child is killed with its process group (``sandbox.py``).

Only for handlers that have read their whole body (before that, ``receive()`` hands out body
chunks, which this would swallow).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from typing import TypeVar

from litestar.types import Receive

from app.lib.errors import AppError
from app.lib.i18n import N_

T = TypeVar("T")


class ClientGone(AppError):
    """The client closed the connection before the work was done; the work was cancelled.
    An ``AppError`` so every handler's error path answers it (nobody reads the answer)."""

    status_code = 499  # nginx's status for a request its client closed
    code = "client_gone"


async def _disconnected(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        continue


async def unless_client_leaves(receive: Receive, work: Awaitable[T]) -> T:
    """``work``'s result; ``ClientGone`` (and ``work`` cancelled) if the client leaves first."""
    job = asyncio.ensure_future(work)
    watch = asyncio.ensure_future(_disconnected(receive))
    try:
        done, _ = await asyncio.wait({job, watch}, return_when=asyncio.FIRST_COMPLETED)
    except BaseException:  # this request itself is cancelled: nothing may outlive it
        for task in (job, watch):
            task.cancel()
        await asyncio.gather(job, watch, return_exceptions=True)
        raise
    if job in done:
        watch.cancel()
        await asyncio.gather(watch, return_exceptions=True)
        return job.result()
    job.cancel()
    await asyncio.gather(job, return_exceptions=True)
    raise ClientGone(N_("The connection was closed before the file was read."))
