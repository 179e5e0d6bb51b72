"""CPU seconds per test, a pytest plugin: where `make test`'s processor time goes.

    CVT_TEST_CPU_LOG=run.jsonl .venv/bin/pytest -p bench.test_cpu -m "not sweep" -q
    python -m bench.test_profile --cpu run.jsonl

On two cores the suite is bound by processor time, not by waiting (bench/TESTS.md), and a
test's wall time grows with whatever else runs beside it; its CPU time hardly does. Each test
(setup, call and teardown together) is charged with the CPU of the test process (all of its
threads: the in-process apps and fake servers), of the child processes it reaped (the workers
and servers it started and stopped), and of the descendants still alive at its end (a browser
lent from test to test). A child that ended without being reaped is not counted, and a child
reaped during a test is charged only for what earlier tests did not already count.
"""

from __future__ import annotations

import json
import os
import resource
import time
from collections.abc import Generator
from pathlib import Path

import psutil
import pytest

LOG_VARIABLE = "CVT_TEST_CPU_LOG"


def _descendant_seconds() -> dict[int, float]:
    seconds = {}
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:
            continue  # ended while being looked at
        seconds[child.pid] = times.user + times.system
    return seconds


def _reaped_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Generator[None, None, None]:
    log = os.environ.get(LOG_VARIABLE)
    if not log:
        yield
        return
    own, reaped, alive = time.process_time(), _reaped_seconds(), _descendant_seconds()
    started = time.monotonic()
    yield
    alive_after = _descendant_seconds()
    children = _reaped_seconds() - reaped
    children += sum(secs - alive.get(pid, 0.0) for pid, secs in alive_after.items())
    # A descendant seen alive before and reaped during this test enters the reaped total with
    # its whole life: what earlier tests were already charged for it is taken back, or the
    # test that happens to close a browser lent since the session began pays for all of it.
    children -= sum(secs for pid, secs in alive.items() if pid not in alive_after)
    row = {
        "test": item.nodeid,
        "own": round(time.process_time() - own, 3),
        "children": round(max(children, 0.0), 3),
        "wall": round(time.monotonic() - started, 3),
    }
    # One line per test, appended: the xdist workers share the file.
    with Path(log).open("a", encoding="utf-8") as out:
        out.write(json.dumps(row) + "\n")
