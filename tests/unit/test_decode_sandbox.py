"""The limited child (app/lib/image_decode/sandbox.py) outlives neither its deadline nor its
caller, and a request's work stops when its client leaves (client_gone.py): the child and
whatever it started are killed, not left decoding for nobody."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path
from typing import Any

import pytest

from app.lib.image_decode.client_gone import ClientGone, unless_client_leaves
from app.lib.image_decode.sandbox import SandboxTimeout, run_limited

# A child that starts a grandchild, writes both process ids, then sleeps: a decoder stuck on
# a hostile file, and a helper program it launched (as the OCR launches Tesseract).
SLEEPER = """
import os, subprocess, sys, time
helper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
with open(sys.argv[1], "w") as out:
    out.write(f"{os.getpid()} {helper.pid}")
time.sleep(60)
"""


def alive(pid: int) -> bool:
    """Running: a killed grandchild may stay a zombie until init reaps it, which is dead."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    try:
        return status.read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


async def started_pids(pid_file: Path) -> list[int]:
    for _ in range(200):
        if pid_file.exists() and pid_file.read_text().strip():
            return [int(p) for p in pid_file.read_text().split()]
        await asyncio.sleep(0.05)
    raise AssertionError("the child never started")


async def all_gone(pids: list[int]) -> bool:
    # The grandchild is reaped by init: give it a moment. Up to 20 s: a full run with both
    # cores taken once saw a killed child still running after 5 s.
    for _ in range(400):
        if not any(alive(pid) for pid in pids):
            return True
        await asyncio.sleep(0.05)
    return False


def sleeper(pid_file: Path) -> list[str]:
    return [sys.executable, "-c", SLEEPER, str(pid_file)]


async def test_a_cancelled_caller_takes_the_child_and_its_helpers_down(tmp_path: Path) -> None:
    pid_file = tmp_path / "pids"
    work = asyncio.create_task(run_limited(sleeper(pid_file), b"", timeout_s=60))
    pids = await started_pids(pid_file)
    assert all(alive(pid) for pid in pids)
    work.cancel()
    with pytest.raises(asyncio.CancelledError):
        await work
    assert await all_gone(pids)


async def test_the_deadline_kills_the_child(tmp_path: Path) -> None:
    pid_file = tmp_path / "pids"
    work = asyncio.create_task(run_limited(sleeper(pid_file), b"", timeout_s=3.0))
    pids = await started_pids(pid_file)
    with pytest.raises(SandboxTimeout):
        await work
    assert await all_gone(pids)


async def test_the_work_stops_when_the_client_hangs_up(tmp_path: Path) -> None:
    pid_file = tmp_path / "pids"
    hung_up = asyncio.Event()

    async def receive() -> dict[str, Any]:
        await hung_up.wait()
        return {"type": "http.disconnect"}

    work = asyncio.create_task(
        unless_client_leaves(receive, run_limited(sleeper(pid_file), b"", timeout_s=60))
    )
    pids = await started_pids(pid_file)
    hung_up.set()
    with pytest.raises(ClientGone):
        await work
    assert await all_gone(pids)


async def test_a_client_that_stays_gets_the_result() -> None:
    never = asyncio.Event()

    async def receive() -> dict[str, Any]:
        await never.wait()
        return {"type": "http.disconnect"}

    done = await unless_client_leaves(
        receive, run_limited([sys.executable, "-c", "print('ok')"], b"", timeout_s=30)
    )
    assert done.stdout.strip() == b"ok" and done.returncode == 0
