"""The ATS check's reading of a PDF, in a child process with limits: ``python -I child.py``.

Why a child: the four extractors inflate streams without a cap, as the import's reader does
(app/lib/pdf_read/text_layer.py), so they run under ``RLIMIT_AS``/``RLIMIT_CPU``, with no
environment, killed with their process group at the deadline (app/lib/image_decode/sandbox.py
runs it); so do the comparisons of what they read. The child imports the stdlib and the PDF
libraries only: the project's reader (app/lib/pdf_read/) and this folder's child-side modules
(``page_scan``, ``readers``, ``agreement``) are loaded from their files as stand-alone
packages, never through ``app``.

It answers one JSON object on stdout: ``{"pages": [...], "readers": [...], "failed": {...}}``,
or ``{"error": code}`` with the reader's codes (``corrupt``, ``encrypted``, ``too_many_pages``,
``too_complex``).
"""

from __future__ import annotations

import dataclasses
import importlib
import importlib.util
import json
import sys
import types
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PDF_READ = HERE.parent / "pdf_read"


def _load_packages() -> None:
    """``pdf_reader`` (app/lib/pdf_read/) and ``ats_reader`` (this folder) as packages whose
    modules import each other relatively; the text forms under their own name, as the
    reader's child does (app/lib/pdf_read/text_layer.py)."""
    forms = importlib.util.spec_from_file_location(
        "app.lib.text_forms", HERE.parent / "text_forms.py"
    )
    assert forms is not None and forms.loader is not None
    sys.modules[forms.name] = module = importlib.util.module_from_spec(forms)
    forms.loader.exec_module(module)
    for name, folder in (("pdf_reader", PDF_READ), ("ats_reader", HERE)):
        package = types.ModuleType(name)
        package.__path__ = [str(folder)]
        sys.modules[name] = package


def examine(data: bytes, max_pages: int, reader_timeout_s: float) -> dict[str, Any]:
    """Every page scanned (``page_scan``), read by our reader in its reading order, and by the
    four extractors (``readers``), whose texts are compared page by page (``agreement``)."""
    layout = importlib.import_module("pdf_reader.layout")
    hidden = importlib.import_module("pdf_reader.hidden")
    columns = importlib.import_module("pdf_reader.columns")
    repairs = importlib.import_module("pdf_reader.document_repair")
    page_scan = importlib.import_module("ats_reader.page_scan")
    readers = importlib.import_module("ats_reader.readers")
    agreement = importlib.import_module("ats_reader.agreement")
    repairs.prepare()
    pdf, count = repairs.open_pdf(data)
    if count > max_pages or len(pdf.pages) > max_pages:
        return {"error": "too_many_pages", "pages": max(count, len(pdf.pages)), "limit": max_pages}
    problems: dict[str, int] = {}
    scans: list[dict[str, Any]] = []
    words: list[Any] = []  # the reader's words per page (layout.PageWords)
    plumber: list[str] = []
    for page in pdf.pages:
        scans.append({"width": float(page.width), "height": float(page.height)})
        plumber.append(page.extract_text() or "")
        scans[-1].update(page_scan.scan(page, hidden))
        words.append(layout.page_words(page, problems))
        page.close()
    repairs.repair_words(words, problems)  # lost glyphs solved as the import solves them
    document = layout.read_document(words, problems)
    for scanned, found, text, count in zip(
        scans, words, document.pages, document.columns, strict=True
    ):
        scanned["ours"] = repairs.UNPRINTABLE.sub("", text)[: readers.MAX_PAGE_CHARS]
        scanned["columns"] = count
        scanned["columnSides"] = (
            page_scan.column_sides(scanned["width"], scanned["height"], columns, found.words)
            if count > 1
            else []
        )
    texts, failed = readers.read_all(data, len(scans), plumber, reader_timeout_s)
    for index, scanned in enumerate(scans):
        agreed = agreement.page_agreement(
            index + 1,
            scanned["ours"],
            scanned["columns"],
            [side["text"] for side in scanned["columnSides"]],
            {name: pages[index] for name, pages in texts.items()},
        )
        scanned["agreement"] = dataclasses.asdict(agreed)
    return {"pages": scans, "readers": texts, "failed": failed, "problems": problems}


def _answer(data: bytes, max_pages: int, reader_timeout_s: float) -> dict[str, Any]:
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    try:
        return examine(data, max_pages, reader_timeout_s)
    except MemoryError:
        return {"error": "too_complex"}
    except RecursionError:
        return {"error": "too_complex"}
    except Exception as exc:
        causes = [exc, *getattr(exc, "args", ()), exc.__cause__, exc.__context__]
        if any(isinstance(c, PDFPasswordIncorrect) for c in causes):
            return {"error": "encrypted"}
        return {"error": "corrupt", "detail": type(exc).__name__}


def _child_main(argv: list[str]) -> None:
    import resource

    max_pages, memory_mb, cpu_s = (int(a) for a in argv[1:4])
    reader_timeout_s = float(argv[4])
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s))
    data = sys.stdin.buffer.read()
    _load_packages()
    sys.stdout.write(json.dumps(_answer(data, max_pages, reader_timeout_s)))
    sys.stdout.flush()


if __name__ == "__main__":
    _child_main(sys.argv)
