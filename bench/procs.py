"""Real processes for the load benchmark: web, worker, fake LLM; RSS sampling; PostgreSQL admin URL.

Every child leads its own process group (so its own children, e.g. the worker's PDF render
server, stop with it) and gets SIGTERM if the benchmark dies (``die_with_parent``).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

import psutil

from app.config import PROJECT_ROOT, build_settings
from app.launcher import command
from app.lib.embedded_redis import die_with_parent, stop_process_group


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Proc:
    name: str
    proc: subprocess.Popen[bytes]
    log_path: Path
    url: str = ""

    def log_tail(self, lines: int = 30) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        return "(no log)"


@dataclass
class Stack:
    """The processes of one scenario; ``stop`` is safe to call at any point, and twice."""

    env: dict[str, str]
    log_dir: Path
    procs: list[Proc] = field(default_factory=list)
    stopped: bool = False

    def spawn(self, name: str, argv: list[str], stdout: int | IO[bytes] | None = None) -> Proc:
        log_path = self.log_dir / f"{name}.log"
        with log_path.open("ab") as log:
            proc = subprocess.Popen(
                argv,
                cwd=PROJECT_ROOT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=stdout if stdout is not None else log,
                stderr=log,
                start_new_session=True,
                preexec_fn=die_with_parent(),
            )
        child = Proc(name, proc, log_path)
        self.procs.append(child)
        return child

    def web(self, name: str) -> Proc:
        """``uvicorn app.asgi:create_app --factory``: the argv ``make run``'s launcher uses."""
        port = free_port()
        settings = replace(build_settings(self.env), host="127.0.0.1", port=port)
        child = self.spawn(name, command("web", settings, {}))
        child.url = f"http://127.0.0.1:{port}"
        return child

    def worker(self, name: str) -> Proc:
        return self.spawn(name, command("worker", build_settings(self.env), {}))

    def fake_llm(self, latency: str) -> Proc:
        child = self.spawn(
            "fake-llm",
            [sys.executable, "-m", "bench.fake_llm", "--latency", latency],
            stdout=subprocess.PIPE,
        )
        assert child.proc.stdout is not None
        line = child.proc.stdout.readline().decode()  # printed once listening
        if not line.startswith("FAKE_OPENAI_BASE_URL="):
            raise RuntimeError(f"fake LLM did not start: {line!r}\n{child.log_tail()}")
        child.url = line.split("=", 1)[1].strip()
        return child

    def wait_healthy(self, web: Proc, workers: int, timeout: float = 90) -> None:
        """Until ``/health`` answers and reports ``workers`` live worker heartbeats."""
        deadline = time.monotonic() + timeout
        while True:
            self.check_alive()
            # Any failure (not listening yet, 503, no worker key) means: not yet.
            with (
                contextlib.suppress(OSError, ValueError, KeyError),
                urllib.request.urlopen(f"{web.url}/health", timeout=2) as answer,
            ):
                if json.load(answer)["worker"]["count"] >= workers:
                    return
            if time.monotonic() > deadline:
                raise TimeoutError(f"{web.name} not healthy with {workers} worker(s) in {timeout}s")
            time.sleep(0.2)

    def check_alive(self) -> None:
        if self.stopped:  # e.g. Ctrl-C while a thread still waits for /health
            raise RuntimeError("the stack was stopped")
        for child in self.procs:
            if child.proc.poll() is not None:
                raise RuntimeError(
                    f"{child.name} exited with {child.proc.returncode}:\n{child.log_tail()}"
                )

    def stop(self) -> None:
        self.stopped = True
        for child in reversed(self.procs):
            stop_process_group(child.proc, timeout=10)
            if child.proc.stdout is not None:
                child.proc.stdout.close()
        self.procs.clear()


class RssSampler:
    """Peak RSS of each process tree (root + descendants), and of all of them at once."""

    def __init__(self, procs: list[Proc], interval: float = 0.1) -> None:
        self.roots = {p.name: psutil.Process(p.proc.pid) for p in procs}
        self.interval = interval
        self.peak_root: dict[str, int] = dict.fromkeys(self.roots, 0)
        self.peak_tree: dict[str, int] = dict.fromkeys(self.roots, 0)
        self.peak_sum = 0
        self.samples = 0
        self.cpu_at_start: dict[str, tuple[float, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="rss-sampler", daemon=True)

    def _rss(self, process: psutil.Process) -> int:
        with contextlib.suppress(psutil.Error):
            return int(process.memory_info().rss)
        return 0

    def sample(self) -> None:
        total = 0
        for name, root in self.roots.items():
            own = self._rss(root)
            with contextlib.suppress(psutil.Error):
                tree = own + sum(self._rss(c) for c in root.children(recursive=True))
            self.peak_root[name] = max(self.peak_root[name], own)
            self.peak_tree[name] = max(self.peak_tree[name], tree)
            total += tree
        self.peak_sum = max(self.peak_sum, total)
        self.samples += 1

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.sample()

    def __enter__(self) -> RssSampler:
        self.cpu_at_start = self.cpu_seconds()
        self.sample()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(5)

    def cpu_seconds(self) -> dict[str, tuple[float, float]]:
        """(own, with children) user + system CPU seconds of each tree since ``__enter__``;
        children that exited count through their parent's ``children_*`` times."""
        out: dict[str, tuple[float, float]] = {}
        for name, root in self.roots.items():
            own = total = 0.0
            with contextlib.suppress(psutil.Error):
                for process in [root, *root.children(recursive=True)]:
                    with contextlib.suppress(psutil.Error):
                        t = process.cpu_times()
                        total += t.user + t.system + t.children_user + t.children_system
                        if process is root:
                            own = t.user + t.system
            start_own, start_total = self.cpu_at_start.get(name, (0.0, 0.0))
            out[name] = (own - start_own, total - start_total)
        return out


def postgres_admin_url() -> str:
    """The local PostgreSQL (trust auth) unless ``TEST_DATABASE_URL`` names another."""
    url = os.environ.get("TEST_DATABASE_URL", "")
    if url.startswith("postgresql"):
        return url
    return "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
