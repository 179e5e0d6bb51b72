"""``make run`` supervises its children (app/launcher.py, app/lib/supervision.py): a SIGKILLed
embedded Redis comes back on the same socket with its data (AOF under DATA_DIR, written by
app/lib/embedded_redis.py) and the real web and worker carry on with it; a killed web comes back;
a child that keeps dying makes the launcher stop everything and say why.

Real processes: the launcher as ``python -m app.launcher``, as tests/integration/test_launcher.py
starts it. Every wait polls with a generous timeout.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import redis

from app.config import build_settings
from app.lib.embedded_redis import start_embedded_redis
from app.lib.heartbeat import HEARTBEAT_PREFIX
from tests.integration.test_launcher import (
    Launched,
    _descendants,
    _free_port,
    _launcher_env,
    _survivors,
)

pytestmark = [
    pytest.mark.timeout(300),  # the polls below bound each step, generous for a busy machine
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc"),
]

PASSWORD = "correct horse"


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A short data dir: unix socket paths are limited to ~107 bytes."""
    path = Path(tempfile.mkdtemp(prefix="cvt-", dir="/tmp" if Path("/tmp").is_dir() else None))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@contextlib.contextmanager
def launched(env: dict[str, str]) -> Iterator[Launched]:
    launcher = Launched(env)
    try:
        yield launcher
    finally:
        if launcher.proc.poll() is None:
            launcher.proc.send_signal(signal.SIGTERM)
            try:
                launcher.proc.wait(timeout=30)
            except Exception:
                launcher.kill_tree()
                raise


def poll(what: str, check: Callable[[], object], timeout: float, output: Callable[[], str]) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"{what}: not after {timeout:g}s\n{output()}")
        time.sleep(0.1)


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def redis_server_pid(launcher: Launched) -> int | None:
    found = [p for p in _descendants(launcher.proc.pid) if "redis-server" in _cmdline(p)]
    return found[0] if len(found) == 1 else None


def child_pid(launcher: Launched, needle: str) -> int | None:
    """The launcher's direct child whose command line contains ``needle``."""
    for pid in _descendants(launcher.proc.pid):
        if needle in _cmdline(pid) and _parent(pid) == launcher.proc.pid:
            return pid
    return None


def _parent(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (OSError, IndexError, ValueError):
        return None


def pings(client: redis.Redis) -> bool:
    try:
        return bool(client.ping())
    except (redis.RedisError, OSError):
        return False


def test_embedded_redis_keeps_its_keys_across_a_restart(short_dir: Path) -> None:
    settings = build_settings({"DATA_DIR": str(short_dir)})
    with start_embedded_redis(settings) as first:
        client = redis.Redis.from_url(first.url)
        client.set("cvtailor:sessions:someone", "signed in")
        client.close()
    with start_embedded_redis(settings) as second:
        client = redis.Redis.from_url(second.url)
        assert client.get("cvtailor:sessions:someone") == b"signed in"
        client.close()


def test_killed_embedded_redis_comes_back_with_its_data_and_the_app_carries_on(
    short_dir: Path,
) -> None:
    """The real migrations, worker and web; only the embedded Redis is killed."""
    port = _free_port()
    env = _launcher_env(short_dir, port)
    env["CVTAILOR_HEALTH_CHECK_INTERVAL_SECONDS"] = "1"  # the worker's heartbeat, proof of life
    socket_path = short_dir / "redis" / "redis.sock"
    with launched(env) as launcher, httpx.Client(base_url=f"http://127.0.0.1:{port}") as http:
        launcher.wait_for("CV Tailor is running at", timeout=90)
        http.get("/health")
        csrf = {"x-csrftoken": http.cookies["csrftoken"]}
        body = {"email": "alice@example.com", "password": PASSWORD}
        assert http.post("/api/auth/register", json=body, headers=csrf).status_code == 201
        assert http.get("/api/auth/me").status_code == 200

        client = redis.Redis(unix_socket_path=str(socket_path))
        client.set("written-before-the-kill", "kept")
        aof = short_dir / "redis" / "appendonly.aof"
        # Redis writes its AOF before it answers (fsync comes later, and only a machine
        # crash loses what is written but not synced): a SIGKILL must not lose this key.
        poll(
            "the key reaches the append-only file",
            lambda: aof.exists() and b"written-before-the-kill" in aof.read_bytes(),
            timeout=30,
            output=lambda: launcher.output,
        )
        worker = child_pid(launcher, "arq")
        web = child_pid(launcher, "uvicorn")
        killed = redis_server_pid(launcher)
        assert killed is not None and worker is not None and web is not None, launcher.output

        os.kill(killed, signal.SIGKILL)
        poll(
            "the embedded Redis is back on the same socket",
            lambda: redis_server_pid(launcher) not in (None, killed) and pings(client),
            timeout=30,
            output=lambda: launcher.output,
        )
        assert client.get("written-before-the-kill") == b"kept"
        # The worker reconnected: its heartbeat, deleted here, is written again.
        for key in client.scan_iter(match=HEARTBEAT_PREFIX + "*"):
            client.delete(key)
        poll(
            "the worker beats again",
            lambda: any(True for _ in client.scan_iter(match=HEARTBEAT_PREFIX + "*")),
            timeout=30,
            output=lambda: launcher.output,
        )
        # The web reconnected, and Alice's session survived: she is still signed in.
        poll(
            "the web serves Alice again",
            lambda: http.get("/api/auth/me", timeout=30).status_code == 200,
            timeout=30,
            output=lambda: launcher.output,
        )
        assert http.get("/api/auth/me").json()["email"] == "alice@example.com"
        assert http.get("/").status_code == 200  # a page, not only the API
        # Neither had to be restarted for that.
        children = (child_pid(launcher, "arq"), child_pid(launcher, "uvicorn"))
        assert children == (worker, web), launcher.output
        assert launcher.proc.poll() is None, launcher.output
        client.close()

        launcher.proc.send_signal(signal.SIGINT)
        assert launcher.proc.wait(timeout=60) == 0, launcher.output
    assert not socket_path.exists()


def test_killed_web_is_restarted(short_dir: Path) -> None:
    port = _free_port()
    env = _launcher_env(short_dir, port, force_standins=True)
    env["CVTAILOR_LAUNCHER_RESTART_DELAY"] = "0.5"
    with launched(env) as launcher:
        launcher.wait_for("CV Tailor is running at", timeout=60)
        web = child_pid(launcher, "standin_web")
        assert web is not None, launcher.output
        os.kill(web, signal.SIGKILL)

        def web_is_back() -> bool:
            if child_pid(launcher, "standin_web") in (None, web):
                return False
            with contextlib.suppress(httpx.HTTPError):
                return httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200
            return False

        poll("a new web answers", web_is_back, timeout=60, output=lambda: launcher.output)
        assert "web (pid" in launcher.output and "was killed by SIGKILL" in launcher.output
        assert "restarting web in 0.5s" in launcher.output
        assert launcher.proc.poll() is None, launcher.output


def test_a_child_that_always_dies_stops_the_launcher(short_dir: Path) -> None:
    env = _launcher_env(short_dir, _free_port(), force_standins=True)
    env["CVTAILOR_LAUNCHER_WORKER_CMD"] = (
        "{python} -c \"print('worker: cannot reach the queue', flush=True); exit(7)\""
    )
    env.update(CVTAILOR_LAUNCHER_RESTART_DELAY="0.5", CVTAILOR_LAUNCHER_MAX_FAILURES="3")
    with launched(env) as launcher:
        launcher.wait_for("starting web", timeout=60)
        tree = _descendants(launcher.proc.pid)  # the embedded Redis and the web at least
        assert launcher.proc.wait(timeout=60) == 1, launcher.output
        output = launcher.output
        assert "restarting worker in 0.5s" in output and "restarting worker in 1s" in output
        give_up = "error: worker died 3 times within 300s; giving up and stopping everything."
        assert give_up in output, output
        assert "cannot reach the queue" in output.split(give_up, 1)[1]  # the tail of its output
        assert "stopped (exit code 1)" in output
        assert _survivors(tree) == [], output
