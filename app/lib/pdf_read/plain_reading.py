"""A PDF's text in plain reading order, the second reading of an import
(app/lib/parsing/entries/reading_choice.py).

Poppler's ``pdftotext`` gives the text a copy-paste gives: no columns, rows or gutters worked
out. It reads the user's file, so it runs like every reader of uploads: under ``RLIMIT_AS`` and
``RLIMIT_CPU`` (``prlimit``), with no environment of ours, killed with its group at the deadline
(app/lib/image_decode/sandbox.py). The second reading is optional: any failure gives "".
"""

from __future__ import annotations

import shutil

from app.lib.image_decode.sandbox import SandboxTimeout, run_limited

MEMORY_MB = 512
CPU_S = 10
TIMEOUT_S = 15.0


def _command(max_pages: int) -> list[str] | None:
    reader, limiter = shutil.which("pdftotext"), shutil.which("prlimit")
    if reader is None or limiter is None:
        return None
    limits = [f"--as={MEMORY_MB * 1024 * 1024}", f"--cpu={CPU_S}"]
    return [limiter, *limits, reader, "-q", "-enc", "UTF-8", "-l", str(max_pages), "-", "-"]


async def plain_pdf_text(data: bytes, *, max_pages: int) -> str:
    """The PDF's text as ``pdftotext`` reads it, or "" when it cannot."""
    command = _command(max_pages)
    if command is None:
        return ""
    try:
        finished = await run_limited(command, data, timeout_s=TIMEOUT_S)
    except (SandboxTimeout, OSError):
        return ""
    if finished.returncode != 0:
        return ""
    return finished.stdout.decode("utf-8", errors="replace").replace("\f", "\n")
