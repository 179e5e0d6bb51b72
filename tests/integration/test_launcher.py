"""The embedded Redis and the ``make run`` launcher (app/lib/embedded_redis.py, app/launcher.py).

Real processes, bounded in time. Steps whose module does not exist yet (app.cli, app.asgi,
jobs.worker) are replaced by trivial stand-ins through the launcher's CVTAILOR_LAUNCHER_*_CMD.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from arq import create_pool
from arq.connections import RedisSettings
from arq.worker import Worker, func

from app.config import PROJECT_ROOT, Settings, build_settings
from app.lib.embedded_redis import EmbeddedRedisError, start_embedded_redis

pytestmark = [
    pytest.mark.timeout(240),  # the waits below are polls, generous for a busy machine
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="uses /proc"),
]

# Stand-ins: a web server answering every GET, and a worker proving it reaches REDIS_URL.
STANDIN_WEB = """
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer
class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200); self.end_headers(); self.wfile.write(b"ok")
HTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
"""
STANDIN_WORKER = (
    "import os, time, redis; redis.Redis.from_url(os.environ['REDIS_URL']).set('standin', 1);"
    " print('stand-in worker up', flush=True); time.sleep(3600)"
)


@pytest.fixture
def short_dir() -> Iterator[Path]:
    """A short data dir: unix socket paths are limited to ~107 bytes."""
    path = Path(tempfile.mkdtemp(prefix="cvt-", dir="/tmp" if Path("/tmp").is_dir() else None))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def settings(short_dir: Path) -> Settings:
    return build_settings({"DATA_DIR": str(short_dir)})


def _proc_start_time(pid: int) -> str | None:
    """Field 22 of /proc/<pid>/stat (tells a recycled pid apart), None if gone or a zombie."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return None if fields[0] == "Z" else fields[19]


def _descendants(root: int) -> dict[int, str]:
    """pid → start time of every live descendant of ``root``."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            ppid = int(stat.read_text().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(stat.parent.name))
    found: dict[int, str] = {}
    todo = list(children.get(root, []))
    while todo:
        pid = todo.pop()
        if (start := _proc_start_time(pid)) is not None:
            found[pid] = start
        todo.extend(children.get(pid, []))
    return found


def _survivors(pids: dict[int, str]) -> list[int]:
    return [pid for pid, start in pids.items() if _proc_start_time(pid) == start]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _launcher_env(data_dir: Path, port: int, force_standins: bool = False) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DATABASE_URL"}}
    env.update(DATA_DIR=str(data_dir), HOST="127.0.0.1", PORT=str(port), PYTHONUNBUFFERED="1")
    web_script = data_dir / "standin_web.py"
    web_script.write_text(STANDIN_WEB)
    standins = {
        ("MIGRATE", "app/cli.py"): "{python} -c \"print('stand-in migrations')\"",
        ("WORKER", "jobs/worker.py"): f'{{python}} -c "{STANDIN_WORKER}"',
        ("WEB", "app/asgi.py"): f"{{python}} {web_script} {{port}}",
    }
    for (step, module), cmd in standins.items():
        if force_standins or not (PROJECT_ROOT / module).exists():
            env[f"CVTAILOR_LAUNCHER_{step}_CMD"] = cmd
    return env


class Launched:
    """The launcher subprocess with its merged output collected by a thread."""

    def __init__(self, env: dict[str, str]) -> None:
        self.lines: list[str] = []
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "app.launcher"],
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, needle: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not any(needle in line for line in self.lines):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"no {needle!r} in the launcher output:\n{self.output}")
            time.sleep(0.1)

    @property
    def output(self) -> str:
        return "\n".join(self.lines)

    def kill_tree(self) -> None:
        for pid in [*_descendants(self.proc.pid), self.proc.pid]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)
        self.proc.wait()


def test_embedded_redis_start_ping_stop(settings: Settings) -> None:
    with start_embedded_redis(settings) as server:
        assert server.owned and server.pid is not None
        assert server.url == settings.effective_redis_url  # what the app uses when REDIS_URL=""
        assert redis.Redis.from_url(server.url).ping()
        pid = server.pid
        start = _proc_start_time(pid)
        assert start is not None
        # Redis stops on the polite SIGTERM, not on the SIGKILL sent 60 s later (20 s: room
        # for a busy machine, nowhere near the escalation).
        stopping = time.monotonic()
        server.stop(timeout=60)
        assert time.monotonic() - stopping < 20
    assert _survivors({pid: start}) == []
    assert not settings.embedded_redis_socket.exists()


def test_embedded_redis_replaces_a_stale_socket_and_reuses_a_live_one(settings: Settings) -> None:
    sock_path = settings.embedded_redis_socket
    sock_path.parent.mkdir(parents=True)
    with socket.socket(socket.AF_UNIX) as stale:  # a crashed run leaves the file behind
        stale.bind(str(sock_path))
    with start_embedded_redis(settings) as first:
        assert first.owned
        redis.Redis.from_url(first.url).set("k", "v")
        second = start_embedded_redis(settings)  # another `make run` in the same data dir
        assert not second.owned and second.url == first.url
        second.stop()  # must leave the first launcher's server alone
        assert redis.Redis.from_url(first.url).get("k") == b"v"


def test_embedded_redis_failure_is_explained(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CVTAILOR_REDIS_SERVER", shutil.which("false") or "/bin/false")
    with pytest.raises(EmbeddedRedisError, match="exited with code 1"):
        start_embedded_redis(settings, timeout=5)


async def _add(ctx: dict[str, object], a: int, b: int) -> int:
    return a + b


@pytest.mark.filterwarnings("ignore:Call to deprecated close:DeprecationWarning")  # arq's own call
async def test_arq_works_over_the_unix_socket(settings: Settings) -> None:
    with start_embedded_redis(settings) as server:
        redis_settings = RedisSettings.from_dsn(server.url)
        assert redis_settings.unix_socket_path == str(settings.embedded_redis_socket)
        pool = await create_pool(redis_settings)
        try:
            job = await pool.enqueue_job("add", 2, 3)
            assert job is not None
            worker = Worker(
                functions=[func(_add, name="add")],
                redis_settings=redis_settings,
                burst=True,
                poll_delay=0.05,
                handle_signals=False,
            )
            try:
                await worker.main()
            finally:
                await worker.close()
            assert await job.result(timeout=5) == 5
        finally:
            await pool.aclose()


def test_launcher_runs_everything_and_stops_cleanly_on_ctrl_c(short_dir: Path) -> None:
    port = _free_port()
    launched = Launched(_launcher_env(short_dir, port))
    try:
        launched.wait_for(f"CV Tailor is running at http://127.0.0.1:{port}/", timeout=90)
        assert "embedded" in launched.output
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=30) as resp:
                status = resp.status
        except urllib.error.HTTPError as exc:  # any HTTP answer means the web is up
            status = exc.code
        assert 100 <= status < 600
        client = redis.Redis(unix_socket_path=str(short_dir / "redis" / "redis.sock"))
        assert client.ping()
        client.close()
        tree = _descendants(launched.proc.pid)
        assert len(tree) >= 3, tree  # redis, worker, web

        stopping = time.monotonic()
        launched.proc.send_signal(signal.SIGINT)  # Ctrl-C: only the launcher gets it
        assert launched.proc.wait(timeout=60) == 0, launched.output
        print(f"launcher stopped in {time.monotonic() - stopping:.2f}s")
        assert _survivors(tree) == [], launched.output
        assert not (short_dir / "redis" / "redis.sock").exists()
    finally:
        if launched.proc.poll() is None:
            launched.kill_tree()


def test_launcher_stops_everything_when_a_child_keeps_dying(short_dir: Path) -> None:
    env = _launcher_env(short_dir, _free_port(), force_standins=True)
    env["CVTAILOR_LAUNCHER_WORKER_CMD"] = '{python} -c "import time; time.sleep(3); exit(3)"'
    # Restarted once after 0.2 s, given up on at its second death (app/lib/supervision.py).
    env.update(CVTAILOR_LAUNCHER_RESTART_DELAY="0.2", CVTAILOR_LAUNCHER_MAX_FAILURES="2")
    launched = Launched(env)
    try:
        launched.wait_for("CV Tailor is running at", timeout=60)
        tree = _descendants(launched.proc.pid)
        assert launched.proc.wait(timeout=60) == 1, launched.output
        assert "worker" in launched.output and "exited with code 3" in launched.output
        assert "error: worker died 2 times" in launched.output
        assert _survivors(tree) == [], launched.output
    finally:
        if launched.proc.poll() is None:
            launched.kill_tree()
