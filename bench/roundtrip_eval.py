"""Held-out round trip of the CV import: invented ``CvContent`` → every app design (PDF) or a
pasted-text shape → ``read_pdf_text_sync`` / ``parse_cv_text`` → compared with the source.

It never reads the development corpus (``../shared/corpus``), so it shows whether parsers tuned on
that corpus generalise to CVs nobody tuned for — starting with the app's own designs. The people
are in tests/fixtures/roundtrip_cvs.py, the text shapes in tests/fixtures/roundtrip_shapes.py;
tests/unit/test_import_roundtrip.py asserts on the same results; the scoring is in
bench/roundtrip_score.py.

    python -m bench.roundtrip_eval            # per-variant table and the aggregates
    python -m bench.roundtrip_eval --details  # plus every wrong field, case by case
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import shutil
import subprocess
import tempfile
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import repeat
from pathlib import Path

from app.lib.pdf_render import DESIGNS
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.html import templates_fingerprint
from app.lib.pdf_text import read_pdf_text_sync
from bench.roundtrip_score import CaseResult, check_case, problems, table
from tests.fixtures.roundtrip_cvs import PERSONS, Person
from tests.fixtures.roundtrip_shapes import TEXT_SHAPES

PAGE_BUDGET = 4  # large enough that no bullet is trimmed: the source stays the truth
MAX_PAGES = 10  # as the import reads PDFs (litestar.toml)
DEFAULT_CACHE = Path(tempfile.gettempdir()) / "cv-tailor-roundtrip-pdfs"


# ------------------------------------------------------------------------------ inputs
def _cache_key(person: Person, design: str) -> str:
    import weasyprint

    payload = json.dumps(person.cv.to_json(), sort_keys=True, ensure_ascii=False)
    salt = (
        f"{design}|{person.locale}|{PAGE_BUDGET}|{templates_fingerprint()}|{weasyprint.__version__}"
    )
    return hashlib.sha256(f"{salt}|{payload}".encode()).hexdigest()[:24]


def _pdf_path(person: Person, design: str, cache_dir: Path) -> Path:
    return cache_dir / f"{person.key}-{design}-{_cache_key(person, design)}.pdf"


def render_pdf(person: Person, design: str, cache_dir: Path) -> bytes:
    """The person's CV in ``design``, rendered by the app's own pipeline; kept on disk by the
    hash of content, templates and WeasyPrint version (renders are slow, parsers change)."""
    path = _pdf_path(person, design, cache_dir)
    if path.exists():
        return path.read_bytes()
    result = render_to_budget(
        person.cv.to_json(),
        design=design,
        locale=person.locale,
        page_budget=PAGE_BUDGET,
        relevance=None,
    )
    cache_dir.mkdir(parents=True, exist_ok=True)
    for stale in cache_dir.glob(f"{person.key}-{design}-*.pdf"):
        stale.unlink(missing_ok=True)
    path.write_bytes(result.pdf)
    return result.pdf


def pdftotext(pdf: bytes) -> str:
    """What copying from a PDF viewer gives (poppler's default reading order)."""
    completed = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"],
        input=pdf,
        capture_output=True,
        check=True,
        timeout=30,
    )
    return completed.stdout.decode("utf-8")


def evaluate(
    persons: Iterable[Person] = PERSONS, cache_dir: Path = DEFAULT_CACHE
) -> list[CaseResult]:
    """Every person through every design (PDF text layer, and pdftotext when installed) and
    every text shape."""
    persons = list(persons)
    jobs = [(p, d) for p in persons for d in sorted(DESIGNS)]
    missing = [(p, d) for p, d in jobs if not _pdf_path(p, d, cache_dir).exists()]
    if len(missing) > 2:
        # Cold cache: lay out on two cores (WeasyPrint holds the GIL). A caller whose main
        # module cannot be re-imported by "spawn" breaks the pool: render in-process then.
        try:
            with ProcessPoolExecutor(2, mp_context=multiprocessing.get_context("spawn")) as pool:
                list(pool.map(render_pdf, *zip(*missing, strict=True), repeat(cache_dir)))
        except BrokenProcessPool:
            pass
    pdfs = [render_pdf(p, d, cache_dir) for p, d in jobs]
    # The reader runs a child process per PDF: read them side by side.
    with ThreadPoolExecutor(max_workers=4) as pool:
        texts = list(pool.map(lambda pdf: read_pdf_text_sync(pdf, max_pages=MAX_PAGES).text, pdfs))
    results = [check_case(f"pdf:{d}", p, t) for (p, d), t in zip(jobs, texts, strict=True)]
    if shutil.which("pdftotext"):
        results += [
            check_case(f"pdftotext:{d}", p, pdftotext(pdf))
            for (p, d), pdf in zip(jobs, pdfs, strict=True)
        ]
    results += [
        check_case(f"text:{shape}", p, write(p))
        for shape, write in TEXT_SHAPES.items()
        for p in persons
    ]
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="print every wrong field")
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE, help="rendered PDFs")
    args = parser.parse_args()
    results = evaluate(cache_dir=args.cache)
    if not shutil.which("pdftotext"):
        print("(pdftotext not installed: the pasted-from-PDF variant is skipped)\n")
    print(table(results))
    if args.details:
        for result in results:
            if lines := problems(result):
                print(f"\n{result.case_id}")
                print("\n".join(f"  {line}" for line in lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
