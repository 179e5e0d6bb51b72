"""Run the ATS check's child (``child.py``) on a PDF and read its answer back, checked.

The child runs under the limits of the import's reader (app/lib/pdf_read/text_layer.py): no
environment, ``RLIMIT_AS``/``RLIMIT_CPU``, killed with its process group at the deadline or as
soon as the caller is cancelled (app/lib/image_decode/sandbox.py). It reads four extractors
where the import reads one, so it gets more time and memory. A file it cannot read raises the
reader's own ``PdfTextError`` (same codes, same messages as an import).

Public: ``examine_pdf`` (async), ``Examination``, ``PageFacts``, ``Run``, ``Link``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.lib.ats_check.agreement import PageAgreement, from_json
from app.lib.image_decode.sandbox import SandboxTimeout, python_command, run_limited
from app.lib.pdf_read.text_layer import PdfTextError, looks_like_pdf

CHILD = Path(__file__).resolve().with_name("child.py")
TIMEOUT_S = 45.0
MEMORY_MB = 768
READER_TIMEOUT_S = 15.0  # pdftotext's own limit, inside the child's
READERS = ("pdftotext", "pdfminer", "pypdf", "pdfplumber")

Box = tuple[float, float, float, float]


@dataclass(frozen=True, slots=True)
class Run:
    """Glyphs of one kind on one line: unmapped/private glyphs, or hidden text (its reason)."""

    kind: str
    text: str
    count: int
    box: Box


@dataclass(frozen=True, slots=True)
class Link:
    uri: str
    text: str  # the text drawn under the link
    box: Box


@dataclass
class PageFacts:
    number: int  # 1-based
    chars: int  # glyphs with text (spaces left out)
    ours: str  # our reader's text of the page, in its reading order
    columns: int  # how many columns our reader read it as
    readers: dict[str, str] = field(default_factory=dict)  # extractor → its text of the page
    glyphs: list[Run] = field(default_factory=list)
    hidden: list[Run] = field(default_factory=list)
    images: list[Box] = field(default_factory=list)
    image_share: float = 0.0
    links: list[Link] = field(default_factory=list)
    # Our reader's columns (left, right of the widest gutter): each side's box and text.
    column_boxes: list[Box] = field(default_factory=list)
    column_texts: list[str] = field(default_factory=list)
    agreement: PageAgreement | None = None  # what the readers agree on (agreement.py)

    @property
    def agreed(self) -> PageAgreement:
        return self.agreement or PageAgreement(self.number, None)


@dataclass
class Examination:
    pages: list[PageFacts]
    failed: dict[str, str]  # extractor → why it gave no text ("missing": not installed)
    problems: dict[str, int]  # what our reader repaired (app/lib/pdf_read/layout.py codes)

    @property
    def readers(self) -> list[str]:
        """The extractors that read the file, in the report's order."""
        return [name for name in READERS if name not in self.failed]


def _box(raw: Any) -> Box:
    x0, top, x1, bottom = (min(1.0, max(0.0, float(v))) for v in raw)
    return (x0, top, max(x0, x1), max(top, bottom))


def _runs(raw: Any) -> list[Run]:
    return [
        Run(str(r["kind"]), str(r["text"]), int(r["count"]), _box(r["box"]))
        for r in raw or []
        if isinstance(r, dict)
    ]


def _page(number: int, raw: dict[str, Any], texts: dict[str, list[str]]) -> PageFacts:
    sides = [s for s in raw.get("columnSides") or [] if isinstance(s, dict) and "box" in s]
    return PageFacts(
        number=number,
        chars=int(raw.get("chars") or 0),
        ours=str(raw.get("ours") or ""),
        columns=int(raw.get("columns") or 1),
        readers={
            name: str(pages[number - 1]) for name, pages in texts.items() if len(pages) >= number
        },
        glyphs=_runs(raw.get("glyphs")),
        hidden=_runs(raw.get("hidden")),
        images=[_box(b) for b in raw.get("images") or []],
        image_share=float(raw.get("imageShare") or 0.0),
        links=[
            Link(str(link["uri"]), str(link["text"]), _box(link["box"]))
            for link in raw.get("links") or []
            if isinstance(link, dict)
        ],
        column_boxes=[_box(side["box"]) for side in sides],
        column_texts=[str(side.get("text") or "") for side in sides],
        agreement=from_json(raw["agreement"]) if isinstance(raw.get("agreement"), dict) else None,
    )


def parse_answer(answer: dict[str, Any], killed: bool = False) -> Examination:
    """The child's JSON as an ``Examination``; ``PdfTextError`` for a refusal or a crash."""
    if "error" in answer:
        code = str(answer["error"])
        if code == "too_many_pages":
            raise PdfTextError(code, pages=answer.get("pages"), limit=answer.get("limit"))
        raise PdfTextError(code)
    if not isinstance(answer.get("pages"), list):
        raise PdfTextError("too_complex" if killed else "corrupt")
    raw_texts = answer.get("readers") or {}
    texts = {
        str(name): [str(t) for t in pages]
        for name, pages in raw_texts.items()
        if name in READERS and isinstance(pages, list)
    }
    failed = {str(k): str(v) for k, v in dict(answer.get("failed") or {}).items()}
    return Examination(
        pages=[_page(n, raw, texts) for n, raw in enumerate(answer["pages"], start=1)],
        failed={name: failed.get(name, "no answer") for name in READERS if name not in texts},
        problems={str(k): int(v) for k, v in dict(answer.get("problems") or {}).items()},
    )


async def examine_pdf(
    data: bytes,
    *,
    max_pages: int,
    timeout_s: float = TIMEOUT_S,
    memory_mb: int = MEMORY_MB,
) -> Examination:
    """Read ``data`` in the limited child; ``PdfTextError`` when it cannot be read."""
    if not looks_like_pdf(data):
        raise PdfTextError("not_pdf")
    command = python_command(
        CHILD, max_pages, memory_mb, int(timeout_s) + 1, min(READER_TIMEOUT_S, timeout_s)
    )
    try:
        finished = await run_limited(command, data, timeout_s=timeout_s)
    except SandboxTimeout:
        raise PdfTextError("timeout", seconds=int(timeout_s)) from None
    try:
        answer = json.loads(finished.stdout.decode("utf-8")) if finished.stdout else {}
    except ValueError:
        answer = {}
    if not isinstance(answer, dict):
        answer = {}
    return parse_answer(answer, finished.killed)
