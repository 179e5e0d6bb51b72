"""``make run``: migrations, then the embedded Redis (if needed), the arq worker and the web server.

A small supervisor (``python -m app.launcher``). Each child runs in its own session, so a
terminal Ctrl-C reaches only the launcher, which then stops the children in reverse order
(web, worker, Redis): SIGTERM to the process group, SIGKILL after the stop timeout.

A child that dies on its own is restarted (app/lib/supervision.py): the embedded Redis at once
on the same socket (it persists its data, and the web's and worker's clients reconnect, see
app/lib/redis.py), the worker and the web after a back-off of 1 s, 2 s, 4 s … (capped). A child
that died ``MAX_FAILURES`` times within ``FAILURE_WINDOW`` seconds is not restarted again: the
launcher says which one and shows the end of its output (or of the Redis log), stops the others
and exits non-zero. An external Redis (``REDIS_URL``) is neither started nor watched.

Environment overrides (mostly for tests; commands are split like a shell would and the
placeholders ``{python}``, ``{host}``, ``{port}`` are substituted; an empty MIGRATE or WORKER
command skips that step):

- ``CVTAILOR_LAUNCHER_MIGRATE_CMD``  default ``{python} -m app.cli migrate``
- ``CVTAILOR_LAUNCHER_WORKER_CMD``   default ``{python} -m arq jobs.worker.WorkerSettings``
- ``CVTAILOR_LAUNCHER_WEB_CMD``      default ``{python} -m uvicorn app.asgi:create_app --factory
  --host {host} --port {port} --no-proxy-headers`` (the app reads forwarded headers itself,
  from ``CVTAILOR_TRUSTED_PROXIES`` only: app/lib/proxies.py)
- ``CVTAILOR_LAUNCHER_STARTUP_TIMEOUT`` seconds to wait for ``GET /health`` (default 60)
- ``CVTAILOR_LAUNCHER_STOP_TIMEOUT`` seconds before SIGKILL, per child (default 10)
- ``CVTAILOR_LAUNCHER_RESTART_DELAY`` first back-off before a restart, seconds (default 1)
- ``CVTAILOR_LAUNCHER_RESTART_MAX_DELAY`` longest back-off, seconds (default 30)
- ``CVTAILOR_LAUNCHER_MAX_FAILURES`` deaths of one child that make the launcher give up (5)
- ``CVTAILOR_LAUNCHER_FAILURE_WINDOW`` … when they happen within this many seconds (300)
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
from abc import ABC, abstractmethod
from types import FrameType

from app.config import PROJECT_ROOT, ConfigError, Settings, get_settings
from app.lib.embedded_redis import (
    EmbeddedRedis,
    EmbeddedRedisError,
    die_with_parent,
    log_tail,
    start_embedded_redis,
    stop_process_group,
)
from app.lib.pdf_read.ocr_setup import missing_help, ocr_status
from app.lib.supervision import FailureHistory, OutputRelay, RestartPolicy, write_line

DEFAULT_COMMANDS: dict[str, str] = {
    "migrate": "{python} -m app.cli migrate",
    "worker": "{python} -m arq jobs.worker.WorkerSettings",
    "web": (
        "{python} -m uvicorn app.asgi:create_app --factory --host {host} --port {port}"
        " --no-proxy-headers"
    ),
}
ENV_PREFIX = "CVTAILOR_LAUNCHER_"
POLL_SECONDS = 0.2


def log(message: str) -> None:
    write_line(f"[launcher] {message}")


def ocr_warning(settings: Settings) -> str | None:
    """What scanned CVs need that is not installed (app/lib/pdf_read/ocr_setup.py), or None."""
    if not settings.ocr_languages:
        return None  # OCR turned off on purpose
    return missing_help(ocr_status(settings.ocr_languages))


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


def restart_policy(environ: dict[str, str]) -> RestartPolicy:
    def number(name: str, default: float) -> float:
        return float(environ.get(f"{ENV_PREFIX}{name}", default))

    return RestartPolicy(
        first_delay=number("RESTART_DELAY", 1),
        max_delay=number("RESTART_MAX_DELAY", 30),
        max_failures=max(1, int(number("MAX_FAILURES", 5))),
        window=number("FAILURE_WINDOW", 300),
    )


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


class Child(ABC):
    """A supervised process: started again after it dies, until its failures run out."""

    name: str
    proc: subprocess.Popen[bytes] | None = None
    restart_at: float | None = None  # when a dead child is due to start again
    immediate_first_restart = False

    def __init__(self, name: str, policy: RestartPolicy) -> None:
        self.name = name
        self.failures = FailureHistory(policy)

    @abstractmethod
    def start(self) -> None:
        """Start the process (sets ``proc``); raises OSError or EmbeddedRedisError."""

    @abstractmethod
    def stop(self, timeout: float) -> None:
        """Stop and reap the process and its group (a dead one is only reaped)."""

    @abstractmethod
    def recent_output(self) -> str:
        """The last lines it wrote: what to show when the launcher gives up on it."""

    @property
    def running(self) -> bool:
        return self.proc is not None and _exited(self.proc) is None


class CommandChild(Child):
    """One of our commands; its output is relayed to ours and its last lines kept."""

    def __init__(
        self, name: str, argv: list[str], env: dict[str, str], policy: RestartPolicy
    ) -> None:
        super().__init__(name, policy)
        self.argv = argv
        self.env = env
        self.relay: OutputRelay | None = None

    def start(self) -> None:
        log(f"starting {self.name}: {shlex.join(self.argv)}")
        self.proc = subprocess.Popen(  # noqa: S603 - fixed commands or the operator's override
            self.argv,
            cwd=PROJECT_ROOT,
            env=self.env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # own process group: Ctrl-C reaches only the launcher
            preexec_fn=die_with_parent(),  # and no orphans even if the launcher is SIGKILLed
        )
        assert self.proc.stdout is not None
        self.relay = OutputRelay(self.proc.stdout)

    def stop(self, timeout: float) -> None:
        if self.proc is not None:
            if _exited(self.proc) is None:
                log(f"stopping {self.name} (pid {self.proc.pid})")
            stop_process_group(self.proc, timeout)  # reaps it (and any leftovers)

    def recent_output(self) -> str:
        return self.relay.tail() if self.relay else ""


class RedisChild(Child):
    """The embedded Redis, always on the socket of ``settings`` (so clients find it again)."""

    immediate_first_restart = True

    def __init__(self, settings: Settings, policy: RestartPolicy) -> None:
        super().__init__("the embedded Redis", policy)
        self.settings = settings
        self.server: EmbeddedRedis | None = None

    def start(self) -> None:
        log(f"starting the embedded Redis on {self.settings.embedded_redis_socket}")
        self.server = start_embedded_redis(self.settings, tie_to_parent=True)
        # None when another launcher's Redis already serves this socket: not ours to watch.
        self.proc = self.server.process

    def stop(self, timeout: float) -> None:
        if self.server is not None and self.server.owned:
            if self.running:
                log("stopping the embedded Redis")
            self.server.stop(timeout)  # also removes the socket a SIGKILL leaves behind

    def recent_output(self) -> str:
        log_path = self.settings.embedded_redis_socket.parent / "redis.log"
        return f"({log_path})\n{log_tail(log_path)}"


class Launcher:
    def __init__(self, settings: Settings, environ: dict[str, str]) -> None:
        self.settings = settings
        self.environ = environ
        self.stop_timeout = float(environ.get(f"{ENV_PREFIX}STOP_TIMEOUT", "10"))
        self.startup_timeout = float(environ.get(f"{ENV_PREFIX}STARTUP_TIMEOUT", "60"))
        self.policy = restart_policy(environ)
        self.children: list[Child] = []
        self.redis: RedisChild | None = None
        self.stop_signal: int | None = None

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        # Only record it: the main loop notices and shuts down outside the handler.
        if self.stop_signal is None:
            log(f"received {signal.Signals(signum).name}, shutting down…")
        self.stop_signal = signum

    def run(self) -> int:
        for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
            signal.signal(sig, self._on_signal)
        try:
            return self._run()
        finally:
            self.shutdown()

    def migrate(self, argv: list[str], env: dict[str, str]) -> int | None:
        """Run the migrations first, before anything can touch the DB; an exit code stops us."""
        child = CommandChild("migrations", argv, env, self.policy)
        child.start()
        self.children.append(child)
        assert child.proc is not None
        while (code := _exited(child.proc)) is None:
            if self.stop_signal is not None:
                return 0
            time.sleep(POLL_SECONDS)
        self.children.remove(child)
        child.stop(self.stop_timeout)
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
        if (missing := ocr_warning(settings)) is not None:
            log(f"warning: {missing}")
        # Children reach the embedded Redis through REDIS_URL (they never start their own).
        env = {**self.environ, "PYTHONUNBUFFERED": "1", "REDIS_URL": settings.effective_redis_url}
        migrate = command("migrate", settings, self.environ)
        if migrate and (code := self.migrate(migrate, env)) is not None:
            return code
        if not settings.redis_url:
            self.redis = RedisChild(settings, self.policy)
            try:
                self.redis.start()
            except EmbeddedRedisError as exc:
                log(f"error: {exc}")
                return 1
            self.children.append(self.redis)
            if self.stop_signal is not None:
                return 0
        worker = command("worker", settings, self.environ)
        if worker:
            self.children.append(CommandChild("worker", worker, env, self.policy))
        web = command("web", settings, self.environ)
        self.children.append(CommandChild("web", web, env, self.policy))
        for child in self.children:
            if child.proc is None and child is not self.redis:
                self.start_child(child)

        deadline = time.monotonic() + self.startup_timeout
        announced = False
        while self.stop_signal is None:
            if (code := self.supervise()) is not None:
                return code
            if not announced:
                if web_answers(url):
                    self.announce()
                    announced = True
                elif time.monotonic() > deadline:
                    log(f"error: the web server did not answer {url} in {self.startup_timeout:g}s")
                    return 1
            time.sleep(POLL_SECONDS)
        return 0

    def start_child(self, child: Child) -> bool:
        """Start ``child``; a failure to start counts as a death (False)."""
        child.restart_at = None
        try:
            child.start()
        except (EmbeddedRedisError, OSError) as exc:
            log(f"error: cannot start {child.name}: {exc}")
            return False
        return True

    def supervise(self) -> int | None:
        """Notice dead children and restart the due ones; an exit code once one gives out."""
        for child in self.children:
            died = False
            if child.proc is not None and (code := _exited(child.proc)) is not None:
                pid = child.proc.pid
                child.stop(self.stop_timeout)  # reap it and whatever it left in its group
                child.proc = None
                log(f"{child.name} (pid {pid}) {describe_exit(code)} unexpectedly")
                died = True
            elif child.restart_at is not None and time.monotonic() >= child.restart_at:
                died = not self.start_child(child)
            if died and (exit_code := self.schedule_restart(child)) is not None:
                return exit_code
        return None

    def schedule_restart(self, child: Child) -> int | None:
        now = time.monotonic()
        child.failures.record(now)
        policy = self.policy
        if child.failures.exhausted:
            log(
                f"error: {child.name} died {child.failures.count} times within"
                f" {policy.window:g}s; giving up and stopping everything."
                f" The last lines of {child.name}'s output:"
            )
            for line in (child.recent_output() or "(no output)").splitlines():
                write_line(f"    {line}")
            return 1
        delay = child.failures.delay(immediate_first=child.immediate_first_restart)
        child.restart_at = now + delay
        when = f"in {delay:g}s" if delay else "now"
        log(
            f"restarting {child.name} {when} (failure {child.failures.count} of"
            f" {policy.max_failures} allowed within {policy.window:g}s)"
        )
        return None

    def announce(self) -> None:
        settings = self.settings
        server = self.redis.server if self.redis else None
        if server is None:
            log(f"Redis: {settings.effective_redis_url} (external, from REDIS_URL)")
        elif server.owned:
            where = f"pid {server.pid}, log {server.log_path}"
            log(f"Redis: {server.url} (embedded, {where})")
        else:
            log(f"Redis: {server.url} (embedded, reusing the one already running there)")
        log(f"data directory: {settings.data_dir}")
        log(f"CV Tailor is running at http://{settings.host}:{settings.port}/ (Ctrl-C to stop)")

    def shutdown(self) -> None:
        """Stop children in reverse start order: web, worker, then the Redis we started."""
        for child in reversed(self.children):
            child.stop(self.stop_timeout)
        self.children.clear()
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
