"""The render server: ``python -m app.lib.pdf_render.server <socket path>``, started by
``sandbox.py``. A request's ``kind`` says what it renders: a CV within its page budget
(``fit.py``) or a cover letter on one page (``letter_fit.py``).

It imports WeasyPrint and warms it up once (``preload``), then forks one child per connection.
The child limits itself before touching the request's content — ``RLIMIT_AS`` for memory, a
real-time timer whose default action kills the process for wall-clock time, ``RLIMIT_CPU`` as a
backstop — renders, answers and exits. The server is single-threaded (checked: WeasyPrint,
Pango and fontconfig start no thread), so forking it is safe; it exits with its parent.
"""

from __future__ import annotations

import contextlib
import json
import os
import resource
import select
import signal
import socket
import sys
from pathlib import Path
from typing import Any

from app.lib.pdf_render import protocol

REQUEST_READ_TIMEOUT_SECONDS = 10.0
MEMORY_LIMIT_MARGIN = 32 * 1024 * 1024


def _limit_self(timeout: float, memory_limit: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory_limit, memory_limit))
    cpu = int(timeout) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    signal.signal(signal.SIGALRM, signal.SIG_DFL)  # default action: terminate the process
    signal.setitimer(signal.ITIMER_REAL, timeout)


def _serve_one(conn: socket.socket) -> None:
    from app.lib.pdf_render.fit import render_to_budget
    from app.lib.pdf_render.letter_fit import render_letter_to_page
    from app.lib.pdf_render.sheet_fit import render_sheet_to_pdf

    conn.settimeout(REQUEST_READ_TIMEOUT_SECONDS)
    request: dict[str, Any] = json.loads(protocol.recv_frame(conn))
    _limit_self(float(request["timeout"]), int(request["memory_limit"]))
    conn.settimeout(None)
    try:
        kind = request.get("kind", "cv")
        if kind == "letter":
            result = render_letter_to_page(
                request["content"], design=str(request["design"]), locale=str(request["locale"])
            )
        elif kind == "sheet":
            result = render_sheet_to_pdf(request["content"], locale=str(request["locale"]))
        elif kind == "cv":
            result = render_to_budget(
                request["content"],
                design=str(request["design"]),
                locale=str(request["locale"]),
                page_budget=int(request["page_budget"]),
                relevance=request.get("relevance"),
                photo=request.get("photo"),
            )
        else:
            raise ValueError(f"unknown document kind {kind!r}")
        header = {"status": "ok", **result.meta(), "extra": result.extra}
        conn.sendall(protocol.encode_json(header))
        conn.sendall(protocol.encode(result.pdf))
        conn.sendall(protocol.encode(result.html.encode()))
    except MemoryError:
        _try_send(conn, {"status": "memory"})
    except Exception as exc:
        if isinstance(exc, SystemError) and _near_memory_limit(int(request["memory_limit"])):
            _try_send(conn, {"status": "memory"})
            return
        _try_send(conn, {"status": "error", "type": type(exc).__name__, "message": str(exc)[:500]})


def _near_memory_limit(limit: int) -> bool:
    """Whether the address space is within ``MEMORY_LIMIT_MARGIN`` of its limit: an allocation
    refused inside C code (the interpreter's, Pango's) can surface as a SystemError ("error
    return without exception set") rather than a MemoryError."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return False
    return pages * resource.getpagesize() >= limit - MEMORY_LIMIT_MARGIN


def _try_send(conn: socket.socket, message: dict[str, Any]) -> None:
    with contextlib.suppress(MemoryError, OSError):
        conn.sendall(protocol.encode_json(message))


def _reap_children() -> None:
    with contextlib.suppress(ChildProcessError):
        while os.waitpid(-1, os.WNOHANG)[0] > 0:
            pass


def serve(socket_path: str) -> None:
    import app.lib.pdf_render.preload  # noqa: F401 - imports and warms WeasyPrint before any fork

    parent = os.getppid()
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_path)
    listener.listen(64)
    print("ready", flush=True)  # the parent waits for this line
    try:
        while os.getppid() == parent:
            readable, _, _ = select.select([listener], [], [], 1.0)
            _reap_children()
            if not readable:
                continue
            conn, _ = listener.accept()
            pid = os.fork()
            if pid == 0:
                code = 0
                try:
                    listener.close()
                    _serve_one(conn)
                except BaseException:
                    code = 1
                finally:
                    os._exit(code)  # never run the server's cleanup in a child
            conn.close()
    finally:
        listener.close()
        with contextlib.suppress(OSError):
            Path(socket_path).unlink()
            Path(socket_path).parent.rmdir()  # the private directory made for this server


if __name__ == "__main__":
    serve(sys.argv[1])
