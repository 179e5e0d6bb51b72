"""``make bench-docx-pages``: does Word's copy of a CV fill as many pages as the PDF?

Each sample CV (English and French, a junior one, a long one trimmed to its budget) is rendered
to the page budget in each design, then exported to Word trimmed the same way (what the
download sends) and converted back to PDF by LibreOffice headless, the reader closest to Word we
can run here. Its page count must be the PDF's ± 1 (a Word file has no design: its own fonts and
line breaks, so an exact match is not expected). Writes bench/DOCX_PAGES.md and
exits non-zero on a miss. Not part of `make test`: LibreOffice is a large install (about a
minute) and a conversion takes seconds.
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import pdfplumber

from app.lib.cv_content import CvContent
from app.lib.docx_export import cv_docx_bytes
from app.lib.pdf_render import DESIGNS
from app.lib.pdf_render.budget import default_page_budget
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.samples import junior_cv, long_cv, sample_cv

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "bench" / "DOCX_PAGES.md"
TOLERANCE = 1


def _pages(pdf: bytes) -> int:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return len(doc.pages)


def _samples() -> list[tuple[str, str, CvContent, int]]:
    """(name, locale, content, page budget)."""
    return [
        ("sample (en)", "en", sample_cv("en"), default_page_budget(sample_cv("en"))),
        ("sample (fr)", "fr", sample_cv("fr"), default_page_budget(sample_cv("fr"))),
        ("junior", "en", junior_cv(), default_page_budget(junior_cv())),
        ("long, trimmed to 2 pages", "en", long_cv(), 2),
        ("long, trimmed to 3 pages", "en", long_cv(), 3),
    ]


def _libreoffice_pages(soffice: str, docx: bytes, work: Path) -> tuple[int, float]:
    source = work / "cv.docx"
    source.write_bytes(docx)
    started = time.perf_counter()
    profile = f"-env:UserInstallation=file://{work}/profile"  # no shared profile, no lock
    convert = ["--convert-to", "pdf", "--outdir", str(work), str(source)]
    subprocess.run(
        [soffice, "--headless", "--norestore", profile, *convert],
        check=True,
        capture_output=True,
        timeout=180,
    )
    elapsed = time.perf_counter() - started
    return _pages((work / "cv.pdf").read_bytes()), elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    soffice = shutil.which("soffice")
    if soffice is None:
        print("LibreOffice (soffice) is not installed: make bench-docx-pages installs it")
        return 2
    rows, misses = [], 0
    for name, locale, content, budget in _samples():
        for design in DESIGNS:
            result = render_to_budget(
                content.to_json(), design=design, locale=locale, page_budget=budget, relevance=None
            )
            docx = cv_docx_bytes(content, locale=locale, trimmed=result.trimmed)
            with tempfile.TemporaryDirectory() as work:
                word_pages, seconds = _libreoffice_pages(soffice, docx, Path(work))
            ok = abs(word_pages - result.page_count) <= TOLERANCE
            misses += not ok
            rows.append(
                f"| {name} | {design} | {budget} | {result.page_count} | {word_pages} "
                f"| {len(result.trimmed)} | {seconds:.1f} | {'yes' if ok else '**no**'} |"
            )
            print(rows[-1], flush=True)
    version = subprocess.run(
        [soffice, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    report = [
        "# Word export: page count beside the PDF's",
        "",
        f"`make bench-docx-pages` ({datetime.now(UTC):%Y-%m-%d}, {version or 'LibreOffice'}): each "
        "sample CV rendered to its page budget, its Word export trimmed the same way, converted "
        f"to PDF by LibreOffice headless. The Word file's pages must be the PDF's ± {TOLERANCE} "
        "(it has no design: its own fonts, A4 and the PDF's margins).",
        "",
        "| CV | design | budget | PDF pages | Word pages (LibreOffice) | items trimmed | "
        "conversion s | within ± 1 |",
        "|---|---|---|---|---|---|---|---|",
        *rows,
        "",
        f"{len(rows) - misses} of {len(rows)} within ± {TOLERANCE} page.",
        "",
    ]
    args.output.write_text("\n".join(report), encoding="utf-8")
    return 1 if misses else 0


if __name__ == "__main__":
    sys.exit(main())
