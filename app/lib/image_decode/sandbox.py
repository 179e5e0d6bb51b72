"""A decoder run in a child process that can outlive neither its budget nor its caller.

Shared by the image decoder (``child.py``) and the PDF page renderer
(app/lib/pdf_read/page_image.py). The child is our own interpreter in isolated mode (``-I``: no
``PYTHON*`` variables, no user site) with an environment of its own (nothing of ours, no
secrets), in a session of its own so whatever it starts belongs to its process group. It sets
its own ``RLIMIT_AS``/``RLIMIT_CPU`` before it reads its input. The caller waits
at most ``timeout_s``; past it, or when the caller is cancelled (a request whose client left,
a job aborted), the whole group is killed and reaped: nothing keeps decoding for nobody.

Public: ``run_limited``, ``python_command``, ``Finished``, ``SandboxTimeout``.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
from dataclasses import dataclass
from pathlib import Path

CHILD_ENV = {"PATH": os.defpath, "LANG": "C.UTF-8"}


class SandboxTimeout(Exception):
    """The child did not answer within its wall-clock time and was killed."""


@dataclass(frozen=True, slots=True)
class Finished:
    returncode: int
    stdout: bytes

    @property
    def killed(self) -> bool:
        """Ended by a signal: a limit (``RLIMIT_CPU`` sends SIGXCPU/SIGKILL) or a crash."""
        return self.returncode < 0


def python_command(script: Path, *args: object) -> list[str]:
    return [sys.executable, "-I", str(script), *(str(a) for a in args)]


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


async def run_limited(command: list[str], data: bytes, *, timeout_s: float) -> Finished:
    """Run ``command`` with ``data`` on its stdin; its stdout and exit status.
    ``SandboxTimeout`` past ``timeout_s``; cancelled, the child is killed before re-raising."""
    process = await asyncio.create_subprocess_exec(
        *command,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
        env=CHILD_ENV,
        start_new_session=True,
    )
    try:
        stdout, _ = await asyncio.wait_for(process.communicate(data), timeout=timeout_s)
    except TimeoutError:
        _kill_group(process.pid)
        await process.wait()
        raise SandboxTimeout from None
    except BaseException:  # cancelled: the caller is gone, so is the child
        _kill_group(process.pid)
        await asyncio.shield(process.wait())
        raise
    return Finished(process.returncode or 0, stdout)
