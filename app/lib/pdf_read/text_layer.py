"""Read the text layer of an uploaded PDF safely: pdfplumber in a child process with limits.

Why a child: pdfminer inflates streams without a cap (a 1 MB file can ask for gigabytes), so the
parse runs under ``RLIMIT_AS``/``RLIMIT_CPU`` with a wall-clock timeout, and the child gets no
environment (no secrets). The child (``python -I app/lib/pdf_read/text_layer.py``) imports only
the stdlib and pdfplumber; its sibling modules (``layout`` and the ones it uses) are loaded from
their files, as a stand-alone package, so the child stays isolated (no ``app`` import).

Public: ``read_pdf_text`` (async, for the worker), ``read_pdf_text_sync``, ``looks_like_pdf``,
``PdfText``, ``PdfTextError`` (``code`` + English ``message``).
"""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the child process never imports ``app``
    from app.lib.pdf_read.source_boxes import SourceBox

DEFAULT_TIMEOUT_S = 20.0
DEFAULT_MEMORY_MB = 512
MIN_TEXT_CHARS = 40  # fewer visible letters than this is not a CV's text layer
CHILD = Path(__file__).resolve()


def N_(message: str) -> str:
    """Marks a message for the catalogue (app.lib.i18n.N_; not imported: the child process runs
    this file without the app package)."""
    return message


# Error codes → messages a user can act on (translated where they are shown).
MESSAGES = {
    "not_pdf": N_("This file is not a PDF."),
    "corrupt": N_("This PDF is damaged or incomplete; export it again and upload the new file."),
    "encrypted": N_(
        "This PDF is protected by a password. Remove the protection (print it to a new PDF) "
        "and upload it again."
    ),
    "too_many_pages": N_("This PDF has %(pages)s pages; a CV may have at most %(limit)s."),
    "no_text_layer": N_(
        "This PDF has no text layer: it looks like a scan or a picture. Text recognition (OCR) "
        "is not available here; export the CV as a PDF from your word processor, or paste its "
        "text instead."
    ),
    "empty_text": N_(
        "This PDF contains almost no text (%(chars)s characters), so there is nothing to import. "
        "Upload the PDF exported from your word processor, or paste the text."
    ),
    "too_complex": N_(
        "This PDF needs too much memory to read (it may be a decompression bomb); it was not "
        "imported."
    ),
    "timeout": N_("Reading this PDF took too long (over %(seconds)s s); it was not imported."),
}


class PdfTextError(Exception):
    """The PDF cannot be imported; ``code`` is stable, ``message`` is shown to the user."""

    def __init__(self, code: str, **values: Any) -> None:
        template = MESSAGES.get(code, MESSAGES["corrupt"])
        self.code = code
        self.template = template
        self.values = values
        self.message = template % values if values else template
        super().__init__(self.message)


@dataclass(frozen=True, slots=True)
class HiddenText:
    page: int
    reason: str  # "invisible_colour" | "tiny" | "off_page" | "clipped" | "covered"
    text: str


@dataclass(frozen=True, slots=True)
class PdfText:
    text: str  # visible text in reading order, pages separated by a blank line (StyledText)
    pages: int
    columns: list[int]  # detected text columns per page
    hidden: list[HiddenText] = field(default_factory=list)
    elapsed_ms: int = 0
    # What the text layer had to repair, code → count (app/lib/pdf_read/layout.py lists the
    # codes): "doubled_chars", "junk_glyphs", "page_furniture", "clipped_text", ...
    problems: dict[str, int] = field(default_factory=dict)
    # Where the text sits: (page, x0, top, x1, bottom, text), fractions of the page
    # (app/lib/pdf_read/source_boxes.py); the review page highlights an entry's lines with them.
    boxes: list[SourceBox] = field(default_factory=list)

    @property
    def visible_chars(self) -> int:
        return sum(1 for c in self.text if not c.isspace())


def looks_like_pdf(data: bytes) -> bool:
    """PDF magic: ``%PDF-`` within the first 1024 bytes (where readers look for it)."""
    return b"%PDF-" in data[:1024]


def _command(max_pages: int, memory_mb: int, cpu_s: int) -> list[str]:
    return [sys.executable, "-I", str(CHILD), str(max_pages), str(memory_mb), str(cpu_s)]


def _child_env() -> dict[str, str]:
    # Nothing from our environment (API keys, database URLs) reaches the parser.
    return {"PATH": os.defpath, "LANG": "C.UTF-8", "PYTHONHASHSEED": "0"}


def _interpret(returncode: int | None, stdout: bytes, timeout_s: float, started: float) -> PdfText:
    try:
        result = json.loads(stdout.decode("utf-8")) if stdout else None
    except ValueError:
        result = None
    if not isinstance(result, dict):
        # Killed by the kernel (memory/CPU limit) or crashed before answering.
        if returncode is not None and returncode < 0:
            raise PdfTextError("too_complex")
        raise PdfTextError("corrupt")
    if "error" in result:
        error = str(result["error"])
        if error == "too_many_pages":
            raise PdfTextError(error, pages=result.get("pages"), limit=result.get("limit"))
        if error == "timeout":
            raise PdfTextError(error, seconds=int(timeout_s))
        raise PdfTextError(error)
    from app.lib.pdf_read.source_boxes import parse_boxes  # here: the child never imports app
    from app.lib.styled_text import StyledText

    styles = result.get("line_styles")
    parsed = PdfText(
        text=StyledText(str(result["text"]), styles if isinstance(styles, list) else []),
        pages=int(result["pages"]),
        columns=[int(c) for c in result["columns"]],
        hidden=[
            HiddenText(int(h["page"]), str(h["reason"]), str(h["text"])) for h in result["hidden"]
        ],
        elapsed_ms=round((time.perf_counter() - started) * 1000),
        problems={str(k): int(v) for k, v in dict(result.get("problems") or {}).items()},
        boxes=parse_boxes(result.get("boxes")),
    )
    if parsed.visible_chars < MIN_TEXT_CHARS:
        if parsed.visible_chars == 0 or result.get("images", 0):
            raise PdfTextError("no_text_layer")
        raise PdfTextError("empty_text", chars=parsed.visible_chars)
    return parsed


async def read_pdf_text(
    data: bytes,
    *,
    max_pages: int,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    memory_mb: int = DEFAULT_MEMORY_MB,
) -> PdfText:
    """Parse ``data`` in a limited child process; raise ``PdfTextError`` with a clear code."""
    if not looks_like_pdf(data):
        raise PdfTextError("not_pdf")
    started = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        *_command(max_pages, memory_mb, int(timeout_s) + 1),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
        env=_child_env(),
    )
    try:
        stdout, _ = await asyncio.wait_for(process.communicate(data), timeout=timeout_s)
    except TimeoutError:
        process.kill()
        await process.wait()
        raise PdfTextError("timeout", seconds=int(timeout_s)) from None
    except asyncio.CancelledError:
        process.kill()
        await process.wait()
        raise
    return _interpret(process.returncode, stdout, timeout_s, started)


def read_pdf_text_sync(
    data: bytes,
    *,
    max_pages: int,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    memory_mb: int = DEFAULT_MEMORY_MB,
) -> PdfText:
    """The same as ``read_pdf_text`` for synchronous callers (scripts, benchmarks)."""
    if not looks_like_pdf(data):
        raise PdfTextError("not_pdf")
    started = time.perf_counter()
    try:
        completed = subprocess.run(  # noqa: S603 - our own interpreter and file
            _command(max_pages, memory_mb, int(timeout_s) + 1),
            input=data,
            capture_output=True,
            timeout=timeout_s,
            env=_child_env(),
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise PdfTextError("timeout", seconds=int(timeout_s)) from None
    return _interpret(completed.returncode, completed.stdout, timeout_s, started)


# ---------------------------------------------------------------------------- child process


def _child_main(argv: list[str]) -> None:
    import resource

    max_pages, memory_mb, cpu_s = (int(a) for a in argv[1:4])
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s))
    data = sys.stdin.buffer.read()
    try:
        result = _child_extract(data, max_pages)
    except MemoryError:
        result = {"error": "too_complex"}
    except RecursionError:
        result = {"error": "too_complex"}
    sys.stdout.write(json.dumps(result))
    sys.stdout.flush()


def _load_layout() -> Any:
    """``app/lib/pdf_read/layout.py`` and its siblings as a stand-alone package.

    The package is named ``pdf_reader`` and its path is this folder, so the modules'
    relative imports work without importing ``app`` (and its settings, database, ...). The
    project's text forms (``app/lib/text_forms.py``, stdlib only) are loaded from their file
    under their own name, so ``from app.lib.text_forms import fold`` finds them without ``app``.
    """
    import importlib
    import importlib.util
    import types

    forms = importlib.util.spec_from_file_location(
        "app.lib.text_forms", CHILD.parent.parent / "text_forms.py"
    )
    assert forms is not None and forms.loader is not None
    sys.modules[forms.name] = module = importlib.util.module_from_spec(forms)
    forms.loader.exec_module(module)
    package = types.ModuleType("pdf_reader")
    package.__path__ = [str(CHILD.parent)]
    sys.modules["pdf_reader"] = package
    return importlib.import_module("pdf_reader.layout")


def _child_extract(data: bytes, max_pages: int) -> dict[str, Any]:
    import importlib

    from pdfminer.pdfdocument import PDFPasswordIncorrect

    layout = _load_layout()
    repairs = importlib.import_module("pdf_reader.document_repair")
    repairs.prepare()
    try:
        pdf, count = repairs.open_pdf(data)  # a damaged file is rebuilt as poppler reads it
        if count > max_pages:
            return {"error": "too_many_pages", "pages": count, "limit": max_pages}
        pages = pdf.pages
        if len(pages) > max_pages:
            return {"error": "too_many_pages", "pages": len(pages), "limit": max_pages}
        problems: dict[str, int] = {}
        words = []
        for page in pages:
            words.append(layout.page_words(page, problems))
            page.close()
        repairs.repair_words(words, problems)  # lost glyphs, solved from all pages' words
        document = layout.read_document(words, problems)
        kept = repairs.readable_pages(words, document.pages, document.styles)
        return {
            "text": "\n\n".join(t for t, _ in kept),
            # one style per line of "text": each page's, and None for the blank line between
            "line_styles": [x for i, (_, s) in enumerate(kept) for x in ([None] if i else []) + s],
            "pages": len(pages),
            "columns": document.columns,
            "hidden": [
                {"page": number, "reason": reason, "text": text}
                for number, reason, text in document.hidden
            ],
            "images": document.images,
            "problems": document.problems,
            "boxes": document.boxes,
        }
    except MemoryError:
        raise
    except Exception as exc:
        causes = [exc, *getattr(exc, "args", ()), exc.__cause__, exc.__context__]
        if any(isinstance(c, PDFPasswordIncorrect) for c in causes):
            return {"error": "encrypted"}
        if any(isinstance(c, MemoryError) for c in causes):
            return {"error": "too_complex"}
        return {"error": "corrupt", "detail": type(exc).__name__}


if __name__ == "__main__":
    _child_main(sys.argv)
