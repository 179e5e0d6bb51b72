"""Run a render in a throw-away process with a wall-clock and an address-space limit.

The first render of a process starts the render server (``server.py``: WeasyPrint imported and
warmed up once, ~2 s); every render is then a fresh fork of it (~10-30 ms) that limits itself,
renders, answers over a unix socket and exits. So a runaway or exploited render never outlives
its job and never keeps memory, and the worker itself (threads, DB connections) is never forked.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import weakref
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.config import PROJECT_ROOT
from app.lib.pdf_render import protocol
from app.lib.pdf_render.errors import (
    RenderCrashed,
    RenderError,
    RenderMemoryExceeded,
    RenderTimeout,
)
from app.lib.pdf_render.limits import (
    MAX_CONCURRENT_RENDERS,
    RENDER_MEMORY_LIMIT_BYTES,
    RENDER_TIMEOUT_SECONDS,
)
from app.lib.pdf_render.result import RenderResult, from_meta

SERVER_START_TIMEOUT_SECONDS = 60.0
# The child kills itself at the deadline; the parent stops waiting a little later.
PARENT_GRACE_SECONDS = 2.0


@dataclass(frozen=True, slots=True)
class RenderJob:
    content: dict[str, Any]
    design: str
    locale: str
    page_budget: int
    relevance: dict[str, float] | None
    # What ``content`` is: "cv" (a CvContent) or "letter" ({"letter": LetterContent, "header":
    # Header}, laid out on one page by ``letter_fit.py``). One server renders both.
    kind: str = "cv"
    # A CV's photo: the JPEG in base64 (the protocol is JSON), or None.
    photo: str | None = None


class RenderServer:
    """The per-process render server: started on first use, restarted if it died."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._process: subprocess.Popen[bytes] | None = None
        self._directory: str | None = None

    @property
    def socket_path(self) -> str:
        assert self._directory is not None
        return os.path.join(self._directory, "render.sock")

    def ensure_running(self) -> str:
        """Start the server if needed (blocking: call through ``asyncio.to_thread``)."""
        with self._lock:
            if self._process is not None and self._process.poll() is None:
                return self.socket_path
            self._cleanup()
            self._directory = tempfile.mkdtemp(prefix="cvtailor-render-")
            env = dict(os.environ)
            env["PYTHONPATH"] = os.pathsep.join(
                p for p in (str(PROJECT_ROOT), env.get("PYTHONPATH", "")) if p
            )
            process = subprocess.Popen(  # noqa: S603 - our own module, fixed arguments
                [sys.executable, "-m", "app.lib.pdf_render.server", self.socket_path],
                cwd=PROJECT_ROOT,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
            )
            self._process = process
            assert process.stdout is not None
            # The server prints "ready" once WeasyPrint is imported and warm.
            ready = _read_line_with_timeout(process, SERVER_START_TIMEOUT_SECONDS)
            if ready != b"ready":
                self._cleanup()
                raise RenderCrashed("the render server did not start")
            return self.socket_path

    def restart(self) -> None:
        with self._lock:
            self._cleanup()

    def _cleanup(self) -> None:
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait(timeout=10)
            if self._process.stdout is not None:
                self._process.stdout.close()
            self._process = None
        if self._directory is not None:
            shutil.rmtree(self._directory, ignore_errors=True)
            self._directory = None

    def stop(self) -> None:
        self.restart()


def _read_line_with_timeout(process: subprocess.Popen[bytes], timeout: float) -> bytes:
    result: list[bytes] = []

    def read() -> None:
        assert process.stdout is not None
        result.append(process.stdout.readline().strip())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout)
    return result[0] if result else b""


SERVER = RenderServer()
_semaphores: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
    weakref.WeakKeyDictionary()
)


def _semaphore() -> asyncio.Semaphore:
    loop = asyncio.get_running_loop()
    if loop not in _semaphores:
        _semaphores[loop] = asyncio.Semaphore(MAX_CONCURRENT_RENDERS)
    return _semaphores[loop]


async def start_render_server() -> None:
    """Start the render server ahead of the first render (optional: e.g. at worker start-up)."""
    await asyncio.to_thread(SERVER.ensure_running)


async def _connect() -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    path = await asyncio.to_thread(SERVER.ensure_running)
    try:
        return await asyncio.open_unix_connection(path, limit=protocol.MAX_FRAME_BYTES)
    except OSError:
        # The server died since (killed, OOM): start a fresh one, once.
        await asyncio.to_thread(SERVER.restart)
        path = await asyncio.to_thread(SERVER.ensure_running)
        return await asyncio.open_unix_connection(path, limit=protocol.MAX_FRAME_BYTES)


def _failure(header: dict[str, Any]) -> RenderError:
    if header.get("status") == "memory":
        return RenderMemoryExceeded("the render exceeded its memory limit")
    return RenderError(f"render failed: {header.get('type')}: {header.get('message')}")


async def run_sandboxed(
    job: RenderJob,
    *,
    timeout_seconds: float = RENDER_TIMEOUT_SECONDS,
    memory_limit: int = RENDER_MEMORY_LIMIT_BYTES,
) -> RenderResult:
    """Render ``job`` in a fresh limited process; raise a ``RenderError`` subclass on failure."""
    request = {
        "kind": job.kind,
        "content": job.content,
        "design": job.design,
        "locale": job.locale,
        "page_budget": job.page_budget,
        "relevance": job.relevance,
        "photo": job.photo,
        "timeout": timeout_seconds,
        "memory_limit": memory_limit,
    }
    async with _semaphore():
        loop = asyncio.get_running_loop()
        reader, writer = await _connect()
        started = loop.time()
        try:
            writer.write(protocol.encode_json(request))
            await writer.drain()
            async with asyncio.timeout(timeout_seconds + PARENT_GRACE_SECONDS):
                header = json.loads(await protocol.read_frame(reader))
                if header.get("status") != "ok":
                    raise _failure(header)
                pdf = await protocol.read_frame(reader)
                html = (await protocol.read_frame(reader)).decode()
        except TimeoutError as exc:
            raise RenderTimeout(f"the render took longer than {timeout_seconds:g} s") from exc
        except (asyncio.IncompleteReadError, ConnectionError, protocol.ProtocolError) as exc:
            # The child's own timer kills it at the deadline: a death then is a timeout.
            if loop.time() - started >= timeout_seconds - 0.05:
                raise RenderTimeout(f"the render took longer than {timeout_seconds:g} s") from exc
            raise RenderCrashed("the render process died without an answer") from exc
        finally:
            writer.close()
            with contextlib.suppress(Exception):
                await writer.wait_closed()
    return from_meta(header, pdf, html, extra=dict(header.get("extra") or {}))


def socket_directory() -> Path | None:
    """Where the running server listens (tests check it is private)."""
    return Path(SERVER._directory) if SERVER._directory else None
