"""Read the text layer of an uploaded PDF safely: pdfplumber in a child process with limits.

Why a child: pdfminer inflates streams without a cap (a 1 MB file can ask for gigabytes), so the
parse runs under ``RLIMIT_AS``/``RLIMIT_CPU`` with a wall-clock timeout, and the child gets no
environment (no secrets). The child (``python -I app/lib/pdf_read/text_layer.py``) imports only
the stdlib and pdfplumber; its sibling modules (``layout`` and the ones it uses) are loaded from
their files, as a stand-alone package, so the child stays isolated (no ``app`` import).

Pages without a text layer (scans) are read by Tesseract in the same child when the caller
passes ``ocr`` (``OcrOptions``; ``ocr.py``): the page is drawn, recognised, and its words go
through the same layout steps. The child then gets the OCR budget on top of its time.

Public: ``read_pdf_text`` (async, for the worker), ``read_pdf_text_sync``, ``looks_like_pdf``,
``PdfText``, ``PdfTextError`` (``code`` + English ``message``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the child process never imports ``app``
    from app.lib.pdf_read.ocr_reading import OcrOptions, OcrReading
    from app.lib.pdf_read.source_boxes import SourceBox

DEFAULT_TIMEOUT_S = 20.0
DEFAULT_MEMORY_MB = 512
MIN_TEXT_CHARS = 40  # fewer visible letters than this is not a CV's text layer
# A metadata field longer than this is no name field and is left out, not cut: cut, it would
# pass document_names.py's own bound (app/lib/parsing/fields/document_names.py).
MAX_NAME_CHARS = 200
MAX_LINKS = 50  # a CV links a few addresses; a link farm is not read further
MAX_LINK_CHARS = 500
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
    "ocr_empty": N_(
        "This PDF has no text layer: it looks like a scan or a picture, and text recognition "
        "(OCR) found almost no text in it. Scan it again more sharply (300 dpi, straight), "
        "export the CV as a PDF from your word processor, or paste its text instead."
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
    # Set when pages were scans read by OCR (app/lib/pdf_read/ocr_reading.py).
    ocr: OcrReading | None = None
    # Pages that look scanned (no text layer, a picture over much of them), read by OCR or not.
    scanned: list[int] = field(default_factory=list)
    # The document's own Author and Title (metadata): a second reading of the candidate's name
    # (app/lib/parsing/fields/document_names.py).
    names: tuple[str, ...] = ()
    # Where the pages' links point (mailto:, https:): a second reading of the contact details
    # (app/lib/parsing/fields/document_links.py).
    links: tuple[str, ...] = ()

    @property
    def visible_chars(self) -> int:
        return sum(1 for c in self.text if not c.isspace())


def looks_like_pdf(data: bytes) -> bool:
    """PDF magic: ``%PDF-`` within the first 1024 bytes (where readers look for it)."""
    return b"%PDF-" in data[:1024]


def _command(max_pages: int, memory_mb: int, cpu_s: int, ocr: OcrOptions | None) -> list[str]:
    languages, budget = (ocr.languages, ocr.budget_s) if ocr else ("", 0.0)
    args = (max_pages, memory_mb, cpu_s, languages or "-", budget)
    return [sys.executable, "-I", str(CHILD), *(str(a) for a in args)]


def _total_time(timeout_s: float, ocr: OcrOptions | None) -> float:
    """The child's wall-clock limit: reading, plus the OCR budget when OCR may run."""
    return timeout_s + (ocr.budget_s if ocr else 0.0)


def _kill_group(pid: int) -> None:
    """The child and Tesseract, which it starts: the child leads its own process group."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def _child_env() -> dict[str, str]:
    # Nothing from our environment (API keys, database URLs) reaches the parser.
    return {"PATH": os.defpath, "LANG": "C.UTF-8", "PYTHONHASHSEED": "0"}


def _interpret(
    returncode: int | None,
    stdout: bytes,
    timeout_s: float,
    started: float,
    ocr: OcrOptions | None = None,
) -> PdfText:
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
    from app.lib.pdf_read.ocr_reading import parse_ocr  # here: the child never imports app
    from app.lib.pdf_read.source_boxes import parse_boxes
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
        ocr=parse_ocr(result.get("ocr"), ocr.languages) if ocr else None,
        scanned=[int(p) for p in result.get("scanned") or [] if isinstance(p, int)],
        names=tuple(
            str(n) for n in result.get("names") or [] if n and len(str(n)) <= MAX_NAME_CHARS
        ),
        links=tuple(
            str(u) for u in result.get("links") or [] if u and len(str(u)) <= MAX_LINK_CHARS
        )[:MAX_LINKS],
    )
    if parsed.visible_chars < MIN_TEXT_CHARS:
        if parsed.ocr is not None and parsed.ocr.tried:
            raise PdfTextError("ocr_empty")
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
    ocr: OcrOptions | None = None,
) -> PdfText:
    """Parse ``data`` in a limited child process; raise ``PdfTextError`` with a clear code.
    ``ocr``: read scanned pages with Tesseract (None: a scan is refused, ``no_text_layer``)."""
    if not looks_like_pdf(data):
        raise PdfTextError("not_pdf")
    started = time.perf_counter()
    total = _total_time(timeout_s, ocr)
    process = await asyncio.create_subprocess_exec(
        *_command(max_pages, memory_mb, int(total) + 1, ocr),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.DEVNULL,
        env=_child_env(),
        start_new_session=True,  # its own process group: Tesseract is killed with it
    )
    try:
        stdout, _ = await asyncio.wait_for(process.communicate(data), timeout=total)
    except TimeoutError:
        _kill_group(process.pid)
        await process.wait()
        raise PdfTextError("timeout", seconds=int(total)) from None
    except asyncio.CancelledError:
        _kill_group(process.pid)
        await process.wait()
        raise
    return _interpret(process.returncode, stdout, total, started, ocr)


def read_pdf_text_sync(
    data: bytes,
    *,
    max_pages: int,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    memory_mb: int = DEFAULT_MEMORY_MB,
    ocr: OcrOptions | None = None,
) -> PdfText:
    """The same as ``read_pdf_text`` for synchronous callers (scripts, benchmarks)."""
    if not looks_like_pdf(data):
        raise PdfTextError("not_pdf")
    started = time.perf_counter()
    total = _total_time(timeout_s, ocr)
    with subprocess.Popen(  # noqa: S603 - our own interpreter and file
        _command(max_pages, memory_mb, int(total) + 1, ocr),
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=_child_env(),
        start_new_session=True,  # its own process group: Tesseract is killed with it
    ) as process:
        try:
            stdout, _ = process.communicate(data, timeout=total)
        except subprocess.TimeoutExpired:
            _kill_group(process.pid)
            process.wait()
            raise PdfTextError("timeout", seconds=int(total)) from None
    return _interpret(process.returncode, stdout, total, started, ocr)


# ---------------------------------------------------------------------------- child process


def _child_main(argv: list[str]) -> None:
    import resource

    max_pages, memory_mb, cpu_s = (int(a) for a in argv[1:4])
    languages, budget = (argv[4] if argv[4] != "-" else ""), float(argv[5])
    memory = memory_mb * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s))
    data = sys.stdin.buffer.read()
    try:
        result = _child_extract(data, max_pages, languages, budget)
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


def _document_names(pdf: Any) -> list[str]:
    """The document's Author and Title as text; a metadata field of another type (bytes that
    decode to nothing, a reference) or too long for a name is left out."""
    info = getattr(pdf, "metadata", None) or {}
    fields = [info.get("Author"), info.get("Title")]
    texts = [value.strip() for value in fields if isinstance(value, str)]
    return [text for text in texts if text and len(text) <= MAX_NAME_CHARS]


def _page_links(page: Any) -> list[str]:
    """Where the page's links point ("mailto:…", "https://www.linkedin.com/in/…"): an icon or a
    word linked to an address the text does not spell, or spells broken. A malformed annotation
    is skipped, never a reason to fail the page."""
    try:
        targets = [link.get("uri") for link in page.hyperlinks]
    except Exception:  # annotations are the least checked part of a PDF
        return []
    return [
        t.strip() for t in targets if isinstance(t, str) and 0 < len(t.strip()) <= MAX_LINK_CHARS
    ]


def _child_extract(data: bytes, max_pages: int, languages: str, budget: float) -> dict[str, Any]:
    import importlib

    from pdfminer.pdfdocument import PDFPasswordIncorrect

    layout = _load_layout()
    ocr = importlib.import_module("pdf_reader.ocr")
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
        scanned = []  # pages OCR reads: no text layer, a picture over much of the page
        links: list[str] = []
        for index, page in enumerate(pages):
            links += _page_links(page)
            words.append(layout.page_words(page, problems))
            if ocr.page_needs_ocr(words[-1].words, page):
                scanned.append(index)
            page.close()
        try:
            recognised = ocr.read_scans(
                data, words, scanned if languages else [], languages, budget
            )
        except ocr.OcrTimeout:
            return {"error": "timeout"}
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
            "ocr": recognised,
            "scanned": [index + 1 for index in scanned],  # read by OCR or not
            "names": _document_names(pdf),
            "links": list(dict.fromkeys(links))[:MAX_LINKS],
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
