"""Four common text extractors, page by page, as applicant-tracking systems run them:
poppler's pdftotext, pdfminer.six, pypdf and pdfplumber (each with its default settings).

Runs inside the ATS check's sandboxed child (``child.py``): the limits it set hold for each of
them, and for the pdftotext process it starts (same process group, killed with it). A reader
that fails or is not installed is reported as such: the others still answer.
"""

from __future__ import annotations

import io
import shutil
import subprocess
from collections.abc import Callable

MAX_PAGE_CHARS = 20_000  # of each reader's text per page: far above a CV page


def _bounded(texts: list[str], count: int) -> list[str]:
    pages = [text[:MAX_PAGE_CHARS] for text in texts[:count]]
    return pages + [""] * (count - len(pages))


def pdftotext_pages(data: bytes, count: int, timeout_s: float) -> list[str]:
    program = shutil.which("pdftotext")
    if program is None:
        raise FileNotFoundError("pdftotext")
    done = subprocess.run(  # noqa: S603 - poppler's reader, on our own pipe
        [program, "-q", "-enc", "UTF-8", "-l", str(count), "-", "-"],
        input=data,
        capture_output=True,
        timeout=timeout_s,
        check=True,
    )
    return _bounded(done.stdout.decode("utf-8", errors="replace").split("\f"), count)


def pdfminer_pages(data: bytes, count: int) -> list[str]:
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LTTextContainer

    texts = []
    for layout in extract_pages(io.BytesIO(data), maxpages=count):
        texts.append("".join(o.get_text() for o in layout if isinstance(o, LTTextContainer)))
    return _bounded(texts, count)


def pypdf_pages(data: bytes, count: int) -> list[str]:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return _bounded([page.extract_text() or "" for page in reader.pages[:count]], count)


def read_all(
    data: bytes, count: int, plumber: list[str], timeout_s: float
) -> tuple[dict[str, list[str]], dict[str, str]]:
    """Each reader's text of every page, and the readers that failed (name → what failed).
    ``plumber``: pdfplumber's page texts, read while the pages were scanned."""
    calls: dict[str, Callable[[], list[str]]] = {
        "pdftotext": lambda: pdftotext_pages(data, count, timeout_s),
        "pdfminer": lambda: pdfminer_pages(data, count),
        "pypdf": lambda: pypdf_pages(data, count),
    }
    texts: dict[str, list[str]] = {}
    failed: dict[str, str] = {}
    for name, call in calls.items():
        try:
            texts[name] = call()
        except MemoryError:
            raise
        except FileNotFoundError:
            failed[name] = "missing"
        except Exception as exc:  # a reader's own bug on this file: the finding is its failure
            failed[name] = type(exc).__name__
    texts["pdfplumber"] = _bounded(plumber, count)
    return texts, failed
