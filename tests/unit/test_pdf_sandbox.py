"""The sandboxed renderer: a real render server process, real limits, real cache files."""

from __future__ import annotations

import asyncio
import io
import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pdfplumber
import psutil
import pytest

from app.config import PROJECT_ROOT
from app.lib.pdf_render import (
    RenderMemoryExceeded,
    RenderTimeout,
    render_cv_pdf_bytes,
)
from app.lib.pdf_render.cache import RenderCache, cache_key
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.samples import junior_cv, long_cv, sample_cv
from app.lib.pdf_render.sandbox import SERVER, socket_directory, start_render_server


def text_of(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return "\n".join(page.extract_text() or "" for page in doc.pages)


def server_pid() -> int:
    assert SERVER._process is not None
    return SERVER._process.pid


async def wait_for_no_children(pid: int, seconds: float = 30.0) -> list[psutil.Process]:
    deadline = time.monotonic() + seconds
    children = psutil.Process(pid).children()
    while children and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
        children = psutil.Process(pid).children()
    return children


async def test_sandboxed_render_matches_the_in_process_one() -> None:
    cv = sample_cv("fr")
    result = await render_cv_pdf_bytes(cv, design="modern", locale="fr", page_budget=2)
    direct = render_to_budget(
        cv.to_json(), design="modern", locale="fr", page_budget=2, relevance=None
    )
    assert result.page_count == direct.page_count == 2
    assert result.html == direct.html
    assert text_of(result.pdf) == text_of(direct.pdf)
    assert not result.cached and len(result.cache_key) == 64
    # The server listens in a private directory, and each render process is gone afterwards.
    directory = socket_directory()
    assert directory is not None
    assert stat.S_IMODE(directory.stat().st_mode) == 0o700
    assert await wait_for_no_children(server_pid()) == []


async def test_a_render_past_its_deadline_is_killed() -> None:
    await start_render_server()
    # The render needs about 3x its 0.25 s deadline on an idle machine: the error is the proof
    # that it was cut short (a wall-clock bound here would only measure the machine's load).
    with pytest.raises(RenderTimeout):
        await render_cv_pdf_bytes(
            long_cv(6), design="classic", locale="en", page_budget=1, timeout_seconds=0.25
        )
    assert await wait_for_no_children(server_pid()) == []


async def test_a_render_over_its_memory_limit_fails_cleanly() -> None:
    await start_render_server()
    # A limit equal to what the warmed-up server already maps leaves the forked render no room
    # for one more mapping. (A fixed figure does not: the server maps 200-330 MB depending on the
    # machine, and a render needs only a few MB more.)
    mapped = psutil.Process(server_pid()).memory_info().vms
    with pytest.raises(RenderMemoryExceeded):
        await render_cv_pdf_bytes(
            long_cv(2), design="classic", locale="en", page_budget=2, memory_limit=mapped
        )
    ok = await render_cv_pdf_bytes(junior_cv(), design="classic", locale="en", page_budget=1)
    assert ok.page_count == 1  # the next render is unaffected


async def test_a_dead_render_server_is_replaced() -> None:
    await start_render_server()
    old = server_pid()
    psutil.Process(old).kill()
    psutil.Process(old).wait(5)
    result = await render_cv_pdf_bytes(junior_cv(), design="modern", locale="en", page_budget=1)
    assert result.page_count == 1 and server_pid() != old


async def test_concurrent_renders_all_complete() -> None:
    cvs = [junior_cv(), sample_cv("en"), sample_cv("fr"), junior_cv()]
    results = await asyncio.gather(
        *[
            render_cv_pdf_bytes(cv, design=d, locale="en", page_budget=2)
            for cv, d in zip(cvs, ["classic", "modern", "classic", "modern"], strict=True)
        ]
    )
    assert [r.page_count for r in results] == [1, 2, 2, 1]


async def test_the_same_content_and_design_render_once(tmp_path: Path) -> None:
    cv = junior_cv()
    first = await render_cv_pdf_bytes(
        cv, design="classic", locale="en", page_budget=1, cache_dir=tmp_path
    )
    second = await render_cv_pdf_bytes(
        cv, design="classic", locale="en", page_budget=1, cache_dir=tmp_path
    )
    assert not first.cached and second.cached
    assert second.pdf == first.pdf and second.html == first.html
    assert second.cache_key == first.cache_key
    assert sorted(p.suffix for p in tmp_path.iterdir()) == [".html", ".json", ".pdf"]
    # Any change of content, design, language, budget or relevance is another render.
    keys = {
        cache_key(cv.to_json(), design="classic", locale="en", page_budget=1, relevance=None),
        cache_key(cv.to_json(), design="modern", locale="en", page_budget=1, relevance=None),
        cache_key(cv.to_json(), design="classic", locale="fr", page_budget=1, relevance=None),
        cache_key(cv.to_json(), design="classic", locale="en", page_budget=2, relevance=None),
        cache_key(cv.to_json(), design="classic", locale="en", page_budget=1, relevance={"a": 1}),
        cache_key(
            {**cv.to_json(), "summary": "x"},
            design="classic",
            locale="en",
            page_budget=1,
            relevance=None,
        ),
    }
    assert len(keys) == 6 and first.cache_key in keys


def test_cache_evicts_the_least_recently_used(tmp_path: Path) -> None:
    result = render_to_budget(
        junior_cv().to_json(), design="classic", locale="en", page_budget=1, relevance=None
    )
    cache = RenderCache(tmp_path, max_entries=2)
    keys = [f"{n:064x}" for n in range(3)]
    cache.put(keys[0], result)
    cache.put(keys[1], result)
    os.utime(tmp_path / f"{keys[1]}.json", (1, 1))  # make key 1 the oldest
    assert cache.get(keys[0]) is not None  # and touch key 0
    cache.put(keys[2], result)
    assert cache.get(keys[1]) is None
    assert cache.get(keys[0]) is not None and cache.get(keys[2]) is not None
    assert cache.get("../../etc/passwd") is None
    with pytest.raises(ValueError):
        cache.put("../../tmp/x", result)


def test_the_render_server_exits_with_its_parent() -> None:
    script = (
        "import asyncio\n"
        "from app.lib.pdf_render.sandbox import SERVER, start_render_server\n"
        "asyncio.run(start_render_server())\n"
        "print(SERVER._process.pid, flush=True)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script],
        cwd=PROJECT_ROOT,
        env={**os.environ, "PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    pid = int(out.stdout.strip())
    deadline = time.monotonic() + 30  # a poll: it ends as soon as the server is gone
    while psutil.pid_exists(pid) and psutil.Process(pid).status() != psutil.STATUS_ZOMBIE:
        assert time.monotonic() < deadline, "the render server outlived its parent"
        time.sleep(0.1)
