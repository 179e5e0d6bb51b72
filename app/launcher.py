"""``make run``: migrations, then the embedded Redis (if needed), the arq worker and the web server.

A small supervisor (``python -m app.launcher``). Each child runs in its own session, so a
terminal Ctrl-C reaches only the launcher, which then stops the children in reverse order
(web, worker, Redis): SIGTERM to the process group, SIGKILL after the stop timeout. If a child
dies on its own, the launcher says which one, stops the others and exits non-zero.

Environment overrides (mostly for tests; commands are split like a shell would and the
placeholders ``{python}``, ``{host}``, ``{port}`` are substituted; an empty MIGRATE or WORKER
command skips that step):

- ``CVTAILOR_LAUNCHER_MIGRATE_CMD``  default ``{python} -m app.cli migrate``
- ``CVTAILOR_LAUNCHER_WORKER_CMD``   default ``{python} -m arq jobs.worker.WorkerSettings``
- ``CVTAILOR_LAUNCHER_WEB_CMD``      default ``{python} -m uvicorn app.asgi:create_app --factory
  --host {host} --port {port}``
- ``CVTAILOR_LAUNCHER_STARTUP_TIMEOUT`` seconds to wait for ``GET /health`` (default 60)
- ``CVTAILOR_LAUNCHER_STOP_TIMEOUT`` seconds before SIGKILL, per child (default 10)
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from types import FrameType

from app.config import PROJECT_ROOT, ConfigError, Settings, get_settings
from app.lib.embedded_redis import (
    EmbeddedRedis,
    EmbeddedRedisError,
    die_with_parent,
    start_embedded_redis,
    stop_process_group,
)

DEFAULT_COMMANDS: dict[str, str] = {
    "migrate": "{python} -m app.cli migrate",
    "worker": "{python} -m arq jobs.worker.WorkerSettings",
    "web": "{python} -m uvicorn app.asgi:create_app --factory --host {host} --port {port}",
}
ENV_PREFIX = "CVTAILOR_LAUNCHER_"
POLL_SECONDS = 0.2


def log(message: str) -> None:
    print(f"[launcher] {message}", flush=True)


def command(name: str, settings: Settings, environ: dict[str, str]) -> list[str]:
    """The argv for step ``name`` (default or ``CVTAILOR_LAUNCHER_<NAME>_CMD``); [] = skip."""
    template = environ.get(f"{ENV_PREFIX}{name.upper()}_CMD", DEFAULT_COMMANDS[name])
    if not template.strip() and name == "web":
        template = DEFAULT_COMMANDS["web"]  # the web server is the point; never skip it
    values = {"{python}": sys.executable, "{host}": settings.host, "{port}": str(settings.port)}
    argv = shlex.split(template)
    for placeholder, value in values.items():
        argv = [arg.replace(placeholder, value) for arg in argv]
    return argv


def health_url(settings: Settings) -> str:
    """Where to poll: a wildcard bind address is reached through loopback."""
    wildcards = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}  # noqa: S104
    host = wildcards.get(settings.host, settings.host)
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{settings.port}/health"


def web_answers(url: str) -> bool:
    """Any HTTP answer (even an error status) means the server is up."""
    try:
        with urllib.request.urlopen(url, timeout=1):  # noqa: S310 - http URL built above
            return True
    except urllib.error.HTTPError:
        return True
    except (OSError, ValueError):
        return False


def _exited(proc: subprocess.Popen[bytes]) -> int | None:
    """Exit code if ``proc`` ended, without reaping it (its group is cleaned up first)."""
    if proc.returncode is not None:
        return proc.returncode
    try:
        info = os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return proc.poll()
    if info is None:
        return None
    return info.si_status if info.si_code == os.CLD_EXITED else -info.si_status


def describe_exit(code: int) -> str:
    if code >= 0:
        return f"exited with code {code}"
    try:
        return f"was killed by {signal.Signals(-code).name}"
    except ValueError:
        return f"was killed by signal {-code}"


@dataclass
class Child:
    name: str
    proc: subprocess.Popen[bytes]


class Launcher:
    def __init__(self, settings: Settings, environ: dict[str, str]) -> None:
        self.settings = settings
        self.environ = environ
        self.stop_timeout = float(environ.get(f"{ENV_PREFIX}STOP_TIMEOUT", "10"))
        self.startup_timeout = float(environ.get(f"{ENV_PREFIX}STARTUP_TIMEOUT", "60"))
        self.children: list[Child] = []
        self.redis: EmbeddedRedis | None = None
        self.stop_signal: int | None = None

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        # Only record it: the main loop notices and shuts down outside the handler.
        if self.stop_signal is None:
            log(f"received {signal.Signals(signum).name}, shutting down…")
        self.stop_signal = signum

    def spawn(self, name: str, argv: list[str], env: dict[str, str]) -> Child:
        log(f"starting {name}: {shlex.join(argv)}")
        proc = subprocess.Popen(  # noqa: S603 - fixed commands or the operator's override
            argv,
            cwd=PROJECT_ROOT,
            env=env,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # own process group: Ctrl-C reaches only the launcher
            preexec_fn=die_with_parent(),  # and no orphans even if the launcher is SIGKILLed
        )
        child = Child(name, proc)
        self.children.append(child)
        return child

    def dead_child(self) -> Child | None:
        return next((c for c in self.children if _exited(c.proc) is not None), None)

    def run(self) -> int:
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, self._on_signal)
        try:
            return self._run()
        finally:
            self.shutdown()

    def migrate(self, argv: list[str], env: dict[str, str]) -> int | None:
        """Run the migrations first, before anything can touch the DB; an exit code stops us."""
        child = self.spawn("migrations", argv, env)
        while (code := _exited(child.proc)) is None:
            if self.stop_signal is not None:
                return 0
            time.sleep(POLL_SECONDS)
        self.children.remove(child)
        stop_process_group(child.proc, self.stop_timeout)  # reaps it (and any leftovers)
        if code != 0:
            log(f"error: migrations {describe_exit(code)}")
            return code if code > 0 else 1
        return None

    def _run(self) -> int:
        settings = self.settings
        url = health_url(settings)
        if web_answers(url):  # else we would announce someone else's server
            log(f"error: something already answers on {url}; is CV Tailor already running?")
            return 1
        # Children reach the embedded Redis through REDIS_URL (they never start their own).
        env = {**self.environ, "PYTHONUNBUFFERED": "1", "REDIS_URL": settings.effective_redis_url}
        migrate = command("migrate", settings, self.environ)
        if migrate and (code := self.migrate(migrate, env)) is not None:
            return code
        if not settings.redis_url:
            log(f"starting the embedded Redis on {settings.embedded_redis_socket}")
            try:
                self.redis = start_embedded_redis(settings, tie_to_parent=True)
            except EmbeddedRedisError as exc:
                log(f"error: {exc}")
                return 1
            if self.stop_signal is not None:
                return 0
        worker = command("worker", settings, self.environ)
        if worker:
            self.spawn("worker", worker, env)
        self.spawn("web", command("web", settings, self.environ), env)

        deadline = time.monotonic() + self.startup_timeout
        while not web_answers(url):
            if self.stop_signal is not None:
                return 0
            if (dead := self.dead_child()) is not None:
                return self.report_death(dead)
            if time.monotonic() > deadline:
                log(f"error: the web server did not answer {url} in {self.startup_timeout:g}s")
                return 1
            time.sleep(POLL_SECONDS)
        self.announce()

        while self.stop_signal is None:
            if (dead := self.dead_child()) is not None:
                return self.report_death(dead)
            time.sleep(POLL_SECONDS)
        return 0

    def announce(self) -> None:
        settings = self.settings
        if self.redis is None:
            log(f"Redis: {settings.effective_redis_url} (external, from REDIS_URL)")
        elif self.redis.owned:
            where = f"pid {self.redis.pid}, log {self.redis.log_path}"
            log(f"Redis: {self.redis.url} (embedded, {where})")
        else:
            log(f"Redis: {self.redis.url} (embedded, reusing the one already running there)")
        log(f"data directory: {settings.data_dir}")
        log(f"CV Tailor is running at http://{settings.host}:{settings.port}/ (Ctrl-C to stop)")

    def report_death(self, child: Child) -> int:
        how = describe_exit(_exited(child.proc) or 0)
        log(f"error: {child.name} (pid {child.proc.pid}) {how} unexpectedly")
        return 1

    def shutdown(self) -> None:
        """Stop children in reverse start order (web, worker), then the Redis we started."""
        for child in reversed(self.children):
            if _exited(child.proc) is None:
                log(f"stopping {child.name} (pid {child.proc.pid})")
            stop_process_group(child.proc, self.stop_timeout)
        self.children.clear()
        if self.redis is not None and self.redis.owned:
            log("stopping the embedded Redis")
            self.redis.stop(self.stop_timeout)
        self.redis = None


def main() -> int:
    try:
        settings = get_settings()
    except (ConfigError, OSError) as exc:
        log(f"configuration error: {exc}")
        return 2
    code = Launcher(settings, dict(os.environ)).run()
    log("stopped" if code == 0 else f"stopped (exit code {code})")
    return code


if __name__ == "__main__":
    sys.exit(main())
