"""Page images for the import review: a 10-page CV (the most pages an import reads by default)
drawn page by page in the sandbox (app/lib/pdf_read/page_image.py), each page cold (no cache),
against the sandbox's own limits: its wall-clock timeout and its memory ceiling. Also the text
read of the same file, which now stores where each piece of text sits (the review's boxes).

``python -m bench.page_image_bench [--write]``: prints the Markdown section; ``--write``
replaces it in bench/RESULTS.md. Target: every page well inside the limits (under a tenth of
the timeout, under half the memory ceiling).
"""

from __future__ import annotations

import asyncio
import resource
import statistics
import time

from app.lib.pdf_read.page_image import DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT_S, render_page_png
from app.lib.pdf_text import read_pdf_text
from bench.render_bench import section_main

PAGES = 10


def ten_page_cv() -> bytes:
    """A dense CV of ``PAGES`` A4 pages: a table of dates and jobs, bullets, a sidebar-like
    column, so each page carries as much text and as many boxes as real CVs do."""
    from weasyprint import HTML

    jobs = []
    for n in range(PAGES * 4):
        bullets = "".join(
            f"<li>Delivered milestone {n}.{b} of the logistics platform, cutting lead time by "
            f"{b + 3}% across four regional warehouses and two carriers.</li>"
            for b in range(6)
        )
        jobs.append(
            f"<table style='width:100%'><tr><td style='width:22%'>{2000 + n % 24} – "
            f"{2001 + n % 24}</td><td><b>Operations Analyst {n}</b>, Company {n}, Town {n}"
            f"</td></tr></table><ul>{bullets}</ul>"
        )
    html = (
        "<html><body style='font: 10pt sans-serif; margin: 1.5cm'><h1>Sam Doe</h1>"
        f"<h2>Experience</h2>{''.join(jobs)}</body></html>"
    )
    return bytes(HTML(string=html).write_pdf())


async def run() -> dict[str, float]:
    data = ten_page_cv()
    started = time.perf_counter()
    text = await read_pdf_text(data, max_pages=PAGES)
    read_ms = (time.perf_counter() - started) * 1000
    times, sizes = [], []
    for page in range(1, text.pages + 1):
        started = time.perf_counter()
        png = await render_page_png(data, page, max_pages=PAGES)
        times.append((time.perf_counter() - started) * 1000)
        sizes.append(len(png))
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {
        "pages": text.pages,
        "boxes": len(text.boxes),
        "read_ms": read_ms,
        "median_ms": statistics.median(times),
        "max_ms": max(times),
        "total_ms": sum(times),
        "png_kb": statistics.median(sizes) / 1024,
        "peak_mb": peak_mb,
    }


def markdown(r: dict[str, float]) -> str:
    timeout_ms = DEFAULT_TIMEOUT_S * 1000
    within = r["max_ms"] < timeout_ms / 10 and r["peak_mb"] < DEFAULT_MEMORY_MB / 2
    return "\n".join(
        [
            "## Page images for the import review (`python -m bench.page_image_bench`)",
            "",
            f"A {int(r['pages'])}-page CV drawn page by page in the sandbox, each page cold; "
            "the text read of the same file (with its boxes) beside it. Peak memory is the "
            "largest sandbox child of the run (text reader or page renderer).",
            "",
            "| pages | boxes | text read (ms) | page median (ms) | page max (ms) | "
            "all pages (ms) | PNG median (kB) | peak child memory (MB) |",
            "|---|---|---|---|---|---|---|---|",
            f"| {int(r['pages'])} | {int(r['boxes'])} | {r['read_ms']:.0f} | "
            f"{r['median_ms']:.0f} | {r['max_ms']:.0f} | {r['total_ms']:.0f} | "
            f"{r['png_kb']:.0f} | {r['peak_mb']:.0f} |",
            "",
            f"Limits per page: {DEFAULT_TIMEOUT_S:.0f} s and {DEFAULT_MEMORY_MB} MB. "
            + (
                "Every page is under a tenth of the timeout and half the memory ceiling."
                if within
                else "A page came near a limit: look before raising it."
            ),
        ]
    )


def main() -> int:
    return section_main(__doc__ or "", lambda: markdown(asyncio.run(run())), "page_image_bench")


if __name__ == "__main__":
    raise SystemExit(main())
