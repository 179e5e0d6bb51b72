"""The portrait on an imported CV: an image near the top of page 1 shaped like a face photo.

Most French CVs carry one. It is found and cut out in a child process with the page-image
renderer's limits (``page_image.py``: ``RLIMIT_AS``/``RLIMIT_CPU``, a wall-clock timeout, no
environment), since pdfium parses the uploaded file again. The child renders the image's area
of the page (so every image encoding pdfium reads gives the same result, masks applied) at a
bounded size and answers PNG bytes; the caller treats them as any upload (app/lib/photo/clean.py).

A candidate: its top edge in the upper ``TOP_SHARE`` of the page, width / height within
``MIN_ASPECT``..``MAX_ASPECT`` (faces, not logos or banners), each side at least ``MIN_SIDE_PT``
(not an icon) and at most ``MAX_PAGE_SHARE`` of the page's width (not a background). The
largest wins. The result is only ever offered to the user, never used silently.

Public: ``find_portrait`` (async; None when there is none or anything goes wrong).
"""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

TOP_SHARE = 0.4
MIN_ASPECT, MAX_ASPECT = 0.6, 1.4
MIN_SIDE_PT = 42.0  # about 15 mm
MAX_PAGE_SHARE = 0.5
TARGET_PX = 600  # the portrait's longer side as rendered
MAX_SCALE = 8.0  # a tiny portrait is not blown up past 8 px a point (576 dpi)
TIMEOUT_S = 15.0
MEMORY_MB = 512
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
CHILD = Path(__file__).resolve()


async def find_portrait(data: bytes, *, timeout_s: float = TIMEOUT_S) -> bytes | None:
    """PNG bytes of the portrait on page 1 of the PDF ``data``, or None."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-I",
        str(CHILD),
        str(MEMORY_MB),
        str(int(timeout_s) + 1),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
        env={"PATH": os.defpath, "LANG": "C.UTF-8"},
    )
    try:
        stdout, _ = await asyncio.wait_for(process.communicate(data), timeout=timeout_s)
    except TimeoutError:
        process.kill()
        await process.wait()
        return None
    except asyncio.CancelledError:
        process.kill()
        await process.wait()
        raise
    return stdout if stdout.startswith(PNG_MAGIC) else None


def is_portrait(
    box: tuple[float, float, float, float], page_width: float, page_height: float
) -> bool:
    """``box`` (left, bottom, right, top in PDF points) passes the candidate rules above."""
    left, bottom, right, top = box
    width, height = right - left, top - bottom
    if width < MIN_SIDE_PT or height < MIN_SIDE_PT:
        return False
    if width > page_width * MAX_PAGE_SHARE or height > page_height * MAX_PAGE_SHARE:
        return False
    if not MIN_ASPECT <= width / height <= MAX_ASPECT:
        return False
    return top >= page_height * (1 - TOP_SHARE)


# ---------------------------------------------------------------------------- child process


def _child_find(data: bytes) -> bytes | None:
    import io

    import pypdfium2
    import pypdfium2.raw as pdfium_c

    document = pypdfium2.PdfDocument(data)
    try:
        if len(document) < 1:
            return None
        page = document[0]
        page_width, page_height = page.get_size()
        if page_width <= 0 or page_height <= 0:
            return None
        boxes: list[tuple[float, float, float, float]] = []
        for found in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_IMAGE,), max_depth=3):
            left, bottom, right, top = (float(v) for v in found.get_bounds())
            box = (left, bottom, right, top)
            if len(boxes) > 200:  # a page of hundreds of images is no CV with a portrait
                return None
            if is_portrait(box, page_width, page_height):
                boxes.append(box)
        if not boxes:
            return None
        left, bottom, right, top = max(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))
        scale = min(MAX_SCALE, TARGET_PX / max(right - left, top - bottom))
        # render's crop is what to cut from each edge: left, bottom, right, top.
        crop = (
            max(0.0, left),
            max(0.0, bottom),
            max(0.0, page_width - right),
            max(0.0, page_height - top),
        )
        image = page.render(scale=scale, crop=crop).to_pil()
        out = io.BytesIO()
        image.convert("RGB").save(out, format="PNG")
        return out.getvalue()
    finally:
        document.close()


def _child_main(argv: list[str]) -> None:
    import resource

    memory_mb, cpu_s = (int(a) for a in argv[1:3])
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s))
    data = sys.stdin.buffer.read()
    try:
        result = _child_find(data)
    except Exception:  # a corrupt file, a limit hit: no portrait, the import goes on
        result = None
    if result:
        sys.stdout.buffer.write(result)
    sys.stdout.flush()


if __name__ == "__main__":
    _child_main(sys.argv)
