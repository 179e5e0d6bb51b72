"""CV PDF parse benchmark: ``python -m bench.parse_bench [--runs N] [--markdown]``.

Measures what a PDF import costs before any LLM: the text layer read by pdfplumber in the
limited child process the worker uses (process start included), then the rule-based section
parser on that text. Inputs are the committed sample CVs (one per design, two pages each).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.pdf_text import read_pdf_text_sync

SAMPLES = Path(__file__).resolve().parents[1] / "docs" / "samples"


def _median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def measure(path: Path, runs: int) -> dict[str, float | int]:
    data = path.read_bytes()
    read_times, parse_times = [], []
    pages, experience = 0, 0
    for _ in range(runs):
        started = time.perf_counter()
        extracted = read_pdf_text_sync(data, max_pages=10)
        read_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        parsed = parse_cv_text(extracted.text)
        parse_times.append(time.perf_counter() - started)
        pages, experience = extracted.pages, len(parsed.content.experience)
    return {
        "pages": pages,
        "experience": experience,
        "read_ms": _median_ms(read_times),
        "read_max_ms": max(read_times) * 1000,
        "parse_ms": _median_ms(parse_times),
    }


def markdown(runs: int) -> str:
    lines = [
        f"## CV PDF parse (`python -m bench.parse_bench`, medians of {runs} runs)",
        "",
        "| sample | pages | experiences found | text layer, sandboxed child (ms) | max (ms) "
        "| section parser (ms) |",
        "|---|---|---|---|---|---|",
    ]
    for path in sorted(SAMPLES.glob("*.pdf")):
        row = measure(path, runs)
        lines.append(
            f"| {path.name} | {row['pages']} | {row['experience']} | {row['read_ms']:.0f} "
            f"| {row['read_max_ms']:.0f} | {row['parse_ms']:.1f} |"
        )
    lines += [
        "",
        "The child process (512 MB, 20 s limits) costs most of the read: it is the price of "
        "never parsing an untrusted PDF in the worker itself.",
    ]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--markdown", action="store_true", help="print the RESULTS.md section")
    args = parser.parse_args()
    print(markdown(args.runs))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
