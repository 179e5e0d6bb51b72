"""One page of an uploaded PDF as a PNG, for the review page (the source beside what was read).

Rendered by pypdfium2 (installed with pdfplumber) in a child process with the text reader's
limits (``text_layer.py``: ``RLIMIT_AS``/``RLIMIT_CPU``, a wall-clock timeout, no environment):
a hostile file may ask for a huge page or an endless content stream. The child is run like the
image decoder's (app/lib/image_decode/sandbox.py): killed with its process group at the
deadline, or as soon as the caller is cancelled. The page is scaled to
``width`` pixels and never beyond ``MAX_HEIGHT_RATIO`` times that in height, so its bitmap is
bounded whatever the page size it declares. The child imports only the stdlib and pypdfium2.

Public: ``render_page_png`` (async), ``PageImageError`` (``code``).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

DEFAULT_WIDTH = 900
MAX_WIDTH = 1600
MAX_HEIGHT_RATIO = 3  # a page taller than three widths is drawn smaller, not bigger
DEFAULT_TIMEOUT_S = 15.0
DEFAULT_MEMORY_MB = 512
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
CHILD = Path(__file__).resolve()


class PageImageError(Exception):
    """``code``: "no_page" (no such page), "too_many_pages", "too_complex", "timeout",
    "corrupt"."""

    def __init__(self, code: str) -> None:
        self.code = code
        super().__init__(code)


async def render_page_png(
    data: bytes,
    page: int,
    *,
    width: int = DEFAULT_WIDTH,
    max_pages: int,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    memory_mb: int = DEFAULT_MEMORY_MB,
) -> bytes:
    """Page ``page`` (1-based) of the PDF ``data`` as PNG bytes."""
    # Imported here: the child runs this very file, without the ``app`` package.
    from app.lib.image_decode.sandbox import SandboxTimeout, python_command, run_limited

    width = max(100, min(MAX_WIDTH, width))
    if page < 1 or page > max_pages:
        raise PageImageError("no_page")
    command = python_command(CHILD, page, width, max_pages, memory_mb, int(timeout_s) + 1)
    try:
        finished = await run_limited(command, data, timeout_s=timeout_s)
    except SandboxTimeout:
        raise PageImageError("timeout") from None
    stdout = finished.stdout
    if stdout.startswith(PNG_MAGIC):
        return stdout
    try:
        answer = json.loads(stdout.decode("utf-8")) if stdout else {}
    except ValueError:
        answer = {}
    code = str(answer.get("error") or "")
    if not code:  # killed by a limit, or crashed before answering
        code = "too_complex" if finished.killed else "corrupt"
    raise PageImageError(code)


# ---------------------------------------------------------------------------- child process


def _child_render(data: bytes, page: int, width: int, max_pages: int) -> bytes | dict[str, str]:
    import io

    import pypdfium2

    try:
        document = pypdfium2.PdfDocument(data)
    except pypdfium2.PdfiumError:
        return {"error": "corrupt"}
    try:
        if len(document) > max_pages:
            return {"error": "too_many_pages"}
        if page > len(document):
            return {"error": "no_page"}
        sheet = document[page - 1]
        points_wide, points_high = sheet.get_size()
        if points_wide <= 0 or points_high <= 0:
            return {"error": "corrupt"}
        scale = width / points_wide
        if points_high * scale > MAX_HEIGHT_RATIO * width:
            scale = MAX_HEIGHT_RATIO * width / points_high
        image = sheet.render(scale=scale).to_pil()
        out = io.BytesIO()
        # A 64-colour palette keeps text crisp at a fraction of the size.
        image.quantize(colors=64).save(out, format="PNG", optimize=True)
        return out.getvalue()
    finally:
        document.close()


def _child_main(argv: list[str]) -> None:
    import resource

    page, width, max_pages, memory_mb, cpu_s = (int(a) for a in argv[1:6])
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s))
    data = sys.stdin.buffer.read()
    try:
        result = _child_render(data, page, width, max_pages)
    except MemoryError:
        result = {"error": "too_complex"}
    except Exception:
        result = {"error": "corrupt"}
    if isinstance(result, bytes):
        sys.stdout.buffer.write(result)
    else:
        sys.stdout.write(json.dumps(result))
    sys.stdout.flush()


if __name__ == "__main__":
    _child_main(sys.argv)
