"""``make eval-llm-import``: the CV import with a real local model, the rules and the model
merged entry by entry as the app does (app/lib/parsing/model_import/import_merge.py), beside the
rules
alone and the model alone (checked against the file), on a fixed sample of corpus PDFs.

Minutes per CV on a CPU (the model is the one ``../shared/tools/local-llm/serve.sh`` serves;
pass ``--base-url`` of a running one): never part of ``make test``. Writes
bench/LLM_IMPORT.md, which ``make eval-parse`` copies into bench/PARSING.md.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.llm import LLMEndpoint, LLMError
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.model_import.import_merge import merge_readings
from app.lib.parsing.model_import.llm_extract import llm_extract_cv
from app.lib.pdf_text import PdfTextError, read_pdf_text_sync
from bench.suspicions_eval import DEFAULT_CORPUS, PDF_MAX_PAGES, ROOT, _scorer

OUTPUT = ROOT / "bench" / "LLM_IMPORT.md"
MODEL = "qwen2.5-coder-1.5b-instruct"
READINGS = ("rules", "model", "merged")
FIGURES = ("exp_recall", "exp_precision", "title_acc", "company_acc", "all4_of_truth")


def sample(corpus: Path, every: int, limit: int) -> list[dict[str, Any]]:
    """Every ``every``-th corpus CV with a PDF, by name: a fixed sample, not picked by score."""
    scorer = _scorer(corpus)
    truths = [scorer.json.loads(p.read_text()) for p in sorted((corpus / "truth").glob("*.json"))]
    cvs = [
        t for t in truths if t.get("kind", "cv") == "cv" and (corpus / "cvs" / t["file"]).is_file()
    ]
    return cvs[::every][:limit]


async def read_one(
    endpoint: LLMEndpoint, model: str, corpus: Path, truth: dict[str, Any]
) -> dict[str, Any]:
    scorer = _scorer(corpus)
    text = read_pdf_text_sync(
        (corpus / "cvs" / truth["file"]).read_bytes(), max_pages=PDF_MAX_PAGES
    ).text
    rules = parse_cv_text(text).content
    started = time.perf_counter()
    try:
        read = await llm_extract_cv(endpoint, model, text, rules)
        model_content, findings, error = read.content, read.findings, ""
    except LLMError as exc:
        model_content, findings, error = CvContent(), [], exc.code
    merged = merge_readings(rules, model_content, findings, text)
    contents = {"rules": rules, "model": model_content, "merged": merged.content}
    return {
        "file": truth["file"],
        "lang": truth["lang"],
        "seconds": time.perf_counter() - started,
        "error": error,
        "warnings": sum(1 for f in merged.findings if f.get("code", "").startswith("import_")),
        **{k: scorer.score_cv(truth, c.model_dump(mode="json")) for k, c in contents.items()},
    }


def render(rows: list[dict[str, Any]], corpus: Path, model: str, elapsed: float) -> str:
    scorer = _scorer(corpus)
    lines = [
        "# CV import with a local model: the rules and the model merged",
        "",
        f"`make eval-llm-import`, {len(rows)} corpus PDFs (every few by name, a fixed sample), "
        f"model `{model}` on CPU, {elapsed / 60:.0f} min. *Rules*: the rule-based parser alone; "
        "*model*: the model's reading checked against the file (what reaches a CV without the "
        "merge); *merged*: both, entry by entry, as the app imports with an LLM configured.",
        "",
        "| figure | rules | model | merged |",
        "|---|---|---|---|",
    ]
    aggregates = {k: scorer.aggregate_cvs([r[k] for r in rows]) for k in READINGS}
    for figure in FIGURES:
        cells = [aggregates[k].get(figure) for k in READINGS]
        lines.append(
            f"| {figure} | " + " | ".join("–" if c is None else f"{c:.3g}" for c in cells) + " |"
        )
    lines += ["", "| CV | lang | jobs (rules / model / merged) | model-only or disputed | s |",
              "|---|---|---|---|---|"]  # fmt: skip
    for r in rows:
        jobs = " / ".join(f"{r[k]['exp_matched']}/{r[k]['exp_truth']}" for k in READINGS)
        note = f" ({r['error']})" if r["error"] else ""
        lines.append(
            f"| {r['file']} | {r['lang']} | {jobs}{note} | {r['warnings']} | {r['seconds']:.0f} |"
        )
    return "\n".join(lines) + "\n"


async def main_async(args: argparse.Namespace) -> int:
    endpoint = LLMEndpoint(args.base_url, "local", timeout_s=args.timeout, max_concurrency=1)
    corpus = args.corpus.resolve()
    cvs = sample(corpus, args.every, args.limit)
    started = time.perf_counter()
    rows = []
    for truth in cvs:
        try:
            rows.append(await read_one(endpoint, args.model, corpus, truth))
        except PdfTextError:
            continue  # a scan: the import refuses it with its own message
        last = rows[-1]
        print(
            f"{last['file']}: "
            + ", ".join(f"{k} {last[k]['exp_matched']}/{last[k]['exp_truth']}" for k in READINGS),
            flush=True,
        )
    args.output.write_text(render(rows, corpus, args.model, time.perf_counter() - started))
    print(args.output.read_text())
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--base-url", default="http://127.0.0.1:8081/v1")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--every", type=int, default=7, help="take every N-th CV by name")
    parser.add_argument("--limit", type=int, default=8)
    parser.add_argument("--timeout", type=float, default=900.0, help="per model call, seconds")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    return asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    raise SystemExit(main())
