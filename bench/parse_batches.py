"""Job figures of ``make eval-parse`` per corpus batch and language, summed from the scorer's
per-CV rows: the third batch is where the reader's failures show, and its targets are its own.

Recall = required jobs paired / required; precision = predictions paired with a required or an
optional truth entry / predicted; all four = jobs with title, employer, start and end right /
required (the scorer's definitions, pooled over CVs).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bench.llm_import_sim_report import batches

# (group, recall, precision, all four): the third batch's bar, and French on it.
BATCH_TARGETS = {"batch 3": (0.92, 0.90, 0.75), "batch 3 fr": (0.90, 0.88, None)}


def _pooled(rows: list[dict[str, Any]]) -> tuple[float, float, float, int]:
    truth = sum(int(r.get("exp_truth", 0)) for r in rows)
    matched = sum(int(r.get("exp_matched", 0)) for r in rows)
    # A prediction paired with an optional truth entry is right too (the scorer's precision).
    right = matched + sum(int(r.get("exp_matched_optional", 0)) for r in rows)
    predicted = sum(int(r.get("exp_pred", 0)) for r in rows)
    all_four = sum(int((r.get("fields") or {}).get("all4", r.get("all4", 0))) for r in rows)
    return (
        matched / truth if truth else 1.0,
        right / predicted if predicted else 1.0,
        all_four / truth if truth else 1.0,
        len(rows),
    )


def batch_table(cvs: dict[str, Any], corpus: Path) -> list[str]:
    batch_of = batches(corpus)
    lines = [
        "| variant | group | CVs | recall | precision | all four | target |",
        "|---|---|---|---|---|---|---|",
    ]
    for variant in ("pdf", "pasted"):
        rows = {name: row for name, row in cvs.get(variant, {}).items() if not row.get("error")}
        for batch in (1, 2, 3):
            for language in ("", "fr", "en"):
                chosen = [
                    row
                    for name, row in rows.items()
                    if batch_of.get(_pdf_name(name)) == batch
                    and (not language or name.startswith(f"{language}_"))
                ]
                if not chosen:
                    continue
                group = f"batch {batch}" + (f" {language}" if language else "")
                recall, precision, all_four, count = _pooled(chosen)
                lines.append(
                    f"| {variant} | {group} | {count} | {recall:.3f} | {precision:.3f} | "
                    f"{all_four:.3f} | {_verdict(group, variant, recall, precision, all_four)} |"
                )
    return lines


def _pdf_name(name: str) -> str:
    return name.rsplit(".", 1)[0] + ".pdf"


def _verdict(group: str, variant: str, recall: float, precision: float, all_four: float) -> str:
    target = BATCH_TARGETS.get(group)
    if target is None or variant != "pdf":
        return ""
    wanted_recall, wanted_precision, wanted_all = target
    met = recall >= wanted_recall and precision >= wanted_precision
    met = met and (wanted_all is None or all_four >= wanted_all)
    bar = f"≥ {wanted_recall} / {wanted_precision}" + (f" / {wanted_all}" if wanted_all else "")
    return f"{bar}: {'met' if met else 'not met'}"
