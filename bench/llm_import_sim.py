"""``make eval-import-sim``: the CV import through the app's path with simulated models, on every
corpus CV, from its PDF and from its pasted text.

Modes: *rules* (no LLM), *perfect* and *noisy* (bench/simulated_import_models.py, served over
HTTP by bench/simulated_server.py and reached with the app's client), each model's reading alone
(after the checks of app/lib/parsing/model_import/verify.py) and merged with the rules' as
app/domain/cvs/extraction.py does. Scored with the corpus scorer; the noisy model's planted
errors are looked for in what the user gets. Writes its section of bench/LLM_IMPORT.md and
``--json`` rows; ``--baseline`` keeps a run's aggregates as the "before" column.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import pickle
import tempfile
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.llm import LLMEndpoint
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.model_import.import_merge import merge_readings
from app.lib.parsing.model_import.llm_extract import llm_extract_cv
from app.lib.pdf_text import PdfText, PdfTextError, read_pdf_text_sync
from bench.llm_import_sim_report import (
    BASELINE,
    OUTPUT,
    WHOLE_MODES,
    noise_kept,
    render,
    write_section,
)
from bench.simulated_import_models import noisy_answer, perfect_answer, silent
from bench.simulated_server import NOISY, PERFECT, SimulatedModels
from bench.suspicions_eval import DEFAULT_CORPUS, PDF_MAX_PAGES, _scorer
from bench.whole_cv import score as whole_cv_row

CACHE = Path(tempfile.gettempdir()) / "cv-tailor-import-sim-styled"  # text layers, between runs


def pdf_text(corpus: Path, name: str) -> str | None:
    """The PDF's text layer as the app reads it, cached between runs only when the read was
    whole: a failure or an OCR cut short by a busy machine is read again next time, not kept as
    this CV's text for good."""
    # Pickled, not written as text: the text layer is a StyledText whose line styles (bold,
    # size) the rules read too; a plain copy would be parsed differently from the app's read.
    cached = CACHE / f"{name}.pickle"
    if cached.is_file():
        text: str = pickle.loads(cached.read_bytes())  # this bench's own cache, never shared
        return text
    try:
        read = read_pdf_text_sync((corpus / "cvs" / name).read_bytes(), max_pages=PDF_MAX_PAGES)
    except PdfTextError:
        return None
    if read_in_full(read):
        CACHE.mkdir(exist_ok=True)
        cached.write_bytes(pickle.dumps(read.text))
    return read.text


def read_in_full(read: PdfText) -> bool:
    """Every page that looked scanned was read by OCR (none left out by its time budget)."""
    ocr_pages = set(read.ocr.pages) if read.ocr else set()
    return bool(read.text.strip()) and set(read.scanned) <= ocr_pages


async def imported(
    endpoint: LLMEndpoint, model: str, text: str, rules: CvContent
) -> tuple[CvContent, CvContent]:
    """The model's reading alone (checked) and what the user gets (app/domain/cvs/extraction.py)."""
    read = await llm_extract_cv(endpoint, model, text, rules)
    if read.content.is_empty():
        return read.content, rules
    return read.content, merge_readings(rules, read.content, read.findings, text).content


async def one(
    server: SimulatedModels, endpoint: LLMEndpoint, truth: dict[str, Any], variant: str,
    text: str, scorer: Any,
) -> dict[str, Any]:  # fmt: skip
    rules = parse_cv_text(text).content
    server.register(PERFECT, text, perfect_answer(truth, text))
    noisy, noise = noisy_answer(truth, text)
    server.register(NOISY, text, noisy)
    perfect_alone, perfect_merged = await imported(endpoint, PERFECT, text, rules)
    noisy_alone, noisy_merged = await imported(endpoint, NOISY, text, rules)
    silent_alone = silent(perfect_alone, truth["file"])
    silent_merged = (
        rules if silent_alone.is_empty() else merge_readings(rules, silent_alone, (), text).content
    )
    contents = {"rules": rules, "perfect_alone": perfect_alone, "perfect": perfect_merged,
                "noisy_alone": noisy_alone, "noisy": noisy_merged,
                "silent": silent_merged}  # fmt: skip
    row: dict[str, Any] = {"file": truth["file"], "lang": truth["lang"], "variant": variant}
    for mode, content in contents.items():
        scored = scorer.score_cv(truth, content.model_dump(mode="json"))
        row[mode] = {k: v for k, v in scored.items() if k not in ("pairs", "predicted")}
        if mode in WHOLE_MODES:
            row[f"{mode}_whole"] = whole_cv_row(scorer, truth, content)
    row["noise"] = asdict(noise)
    row["kept"] = noise_kept(noise, noisy_merged, scorer)
    row["kept_alone"] = noise_kept(noise, noisy_alone, scorer)
    return row


async def run(corpus: Path, only: str) -> list[dict[str, Any]]:
    scorer = _scorer(corpus)
    truths = [json.loads(p.read_text()) for p in sorted((corpus / "truth").glob("*.json"))]
    cvs = [t for t in truths if t.get("kind", "cv") == "cv" and only in t["file"]]
    rows = []
    async with SimulatedModels() as server:
        endpoint = LLMEndpoint(server.base_url, "sim", timeout_s=60.0)
        for truth in cvs:
            texts = {
                "pdf": pdf_text(corpus, truth["file"]),
                "pasted": (corpus / "pasted" / truth["file"].replace(".pdf", ".txt")).read_text(),
            }
            for variant, text in texts.items():
                if text is None:
                    continue  # a scan: the import refuses it with its own message
                rows.append(await one(server, endpoint, truth, variant, text, scorer))
            print(truth["file"], flush=True)
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--only", default="", help="files whose name holds this")
    parser.add_argument("--json", type=Path, help="write every row here")
    parser.add_argument("--baseline", action="store_true", help=f"save aggregates to {BASELINE}")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    corpus = args.corpus.resolve()
    started = time.perf_counter()
    rows = asyncio.run(run(corpus, args.only))
    if args.json:
        args.json.write_text(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
    section = render(rows, _scorer(corpus), corpus, time.perf_counter() - started, args.baseline)
    if not args.only:
        write_section(args.output, section)
    print(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
