"""The load benchmark's scenario at toy scale: it measures, finds no error, and leaves nothing.

Real processes (migrate, arq worker, uvicorn web, fake LLM, embedded Redis) on SQLite; the full
run is ``python -m bench.load_bench`` (never timed here: this only checks it works end to end).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import psutil

from bench.load_scenario import Scenario, run_scenario


def _children() -> set[int]:
    return {p.pid for p in psutil.Process().children(recursive=True)}


def _started_since(before: set[int]) -> set[int]:
    """Processes started since ``before`` was taken, leaving out those started by a process
    already running then: a browser that an earlier test of this process launched starts and
    ends its own helper processes whenever it likes."""
    started = set()
    for child in psutil.Process().children(recursive=True):
        if child.pid in before:
            continue
        try:
            ancestors = {parent.pid for parent in child.parents()}
        except psutil.NoSuchProcess:
            continue  # ended while being looked at
        if not ancestors & before:
            started.add(child.pid)
    return started


def _scratch_dirs() -> set[Path]:
    return set(Path(tempfile.gettempdir()).glob("cvt-load-*"))


async def test_quick_scenario_completes_everything_and_cleans_up() -> None:
    children, scratch = _children(), _scratch_dirs()

    out = await run_scenario(Scenario("smoke", "sqlite", "fixed:0.1", users=2, timeout=120))

    assert out.problems == []
    assert out.cvs == 3  # users alternate 1 and 2 offers
    assert out.sse_completions == 2, out.sse_missed
    assert sorted(out.jobs_by_worker.items()) == [("worker-1", 2)]
    assert out.solo_s > 0 and 0 < out.wall_s < 120
    samples = [ms for values in out.page_ms.values() for ms in values]
    assert samples and out.page_errors == 0
    assert out.rss_samples > 0 and out.rss_tree["worker-1"] > out.rss_root["worker-1"] > 0
    assert _started_since(children) == set()  # every process stopped (the render server too)
    assert _scratch_dirs() <= scratch  # the data directory removed
