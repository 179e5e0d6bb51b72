"""Calls run at once end together (jobs/pipeline/together.py): a failure or a cancel never
leaves a sibling running — the orphaned batch calls that kept a cancelled generation's lease
and wrote its subtask rows after the cancel."""

from __future__ import annotations

import asyncio

import pytest

from jobs.pipeline.together import cancel_and_wait, run_together


class Boom(Exception):
    pass


async def test_the_first_failure_stops_and_waits_for_the_others() -> None:
    events: list[str] = []

    async def slow(name: str) -> str:
        try:
            await asyncio.sleep(3600)
        finally:
            await asyncio.sleep(0.05)  # a cleanup that takes time, as a session's close does
            events.append(f"{name} ended")
        return name

    async def failing() -> str:
        await asyncio.sleep(0)
        raise Boom

    with pytest.raises(Boom):
        await run_together(slow("a"), failing(), slow("b"))
    events.append("failure seen")
    assert events == ["a ended", "b ended", "failure seen"]


async def test_results_come_in_order() -> None:
    async def value(v: int) -> int:
        await asyncio.sleep(0.01 * (3 - v))
        return v

    assert await run_together(value(1), value(2), value(3)) == [1, 2, 3]


async def test_a_cancel_of_the_caller_ends_every_call_first() -> None:
    ended: list[str] = []
    started = asyncio.Event()

    async def call(name: str) -> None:
        started.set()
        try:
            await asyncio.sleep(3600)
        finally:
            ended.append(name)

    caller = asyncio.ensure_future(run_together(call("a"), call("b")))
    await started.wait()
    caller.cancel()
    with pytest.raises(asyncio.CancelledError):
        await caller
    assert sorted(ended) == ["a", "b"]


async def test_a_second_cancel_while_waiting_does_not_leave_a_call_running() -> None:
    stopping = asyncio.Event()
    release = asyncio.Event()
    ended: list[str] = []

    async def stubborn() -> None:
        try:
            await asyncio.sleep(3600)
        finally:
            stopping.set()
            await asyncio.shield(release.wait())  # its cleanup outlives one more cancel
            ended.append("stubborn")

    child = asyncio.ensure_future(stubborn())
    await asyncio.sleep(0)
    waiter = asyncio.ensure_future(cancel_and_wait([child]))
    await stopping.wait()
    waiter.cancel()  # the caller is cancelled again while it waits
    await asyncio.sleep(0.05)
    assert not waiter.done()  # still waiting for the child
    release.set()
    with pytest.raises(asyncio.CancelledError):
        await waiter
    assert ended == ["stubborn"] and child.done()
