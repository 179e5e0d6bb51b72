"""Calls that run at once and end together.

``asyncio.gather`` returns at the first failure and leaves the other calls running: after a
failed batch call, or a cancel seen by one of them, its siblings went on calling the model and
writing their subtask rows behind the offer's retry, or after the task was cancelled — holding
the task's lease past its end. Here the first failure cancels the others and waits for them
before it propagates.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Iterable
from typing import Any, TypeVar

T = TypeVar("T")


async def run_together(*calls: Awaitable[T]) -> list[T]:
    """``asyncio.gather(*calls)``, except that nothing is left running when it raises."""
    tasks = [asyncio.ensure_future(call) for call in calls]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        await cancel_and_wait(tasks)
        raise


async def cancel_and_wait(tasks: Iterable[asyncio.Future[Any]]) -> None:
    """Cancel ``tasks`` and wait until every one has ended. A cancel of the caller while it
    waits is kept for the end: leaving now would leave them running (they end soon, having
    been cancelled)."""
    tasks = list(tasks)
    pending = [task for task in tasks if not task.done()]
    for task in pending:
        task.cancel()
    interrupted = False
    while pending:
        try:
            await asyncio.wait(pending)  # unlike gather, waiting does not cancel them again
        except asyncio.CancelledError:
            interrupted = True
        pending = [task for task in pending if not task.done()]
    for task in tasks:
        if task.done() and not task.cancelled():
            task.exception()  # retrieved: their failures are not "never retrieved" warnings
    if interrupted:
        raise asyncio.CancelledError
