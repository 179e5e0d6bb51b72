"""``make eval-parse``: score the rule-based parsers on the development corpus, rewrite
bench/PARSING.md.

The corpus (real CVs, pasted text, job ads, hand-checked truth and its scorer) lives beside the
project in ``../shared/corpus`` and is never copied here; only the scores are committed. The
"before" column comes from ``bench/parsing_baseline.json`` (the same scorer on the parsers as they
were before the parser rework), so every run shows how far the import has moved and which files regressed.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.offer_figures import offer_figures_table
from bench.parse_batches import batch_table
from bench.parse_regressions import (
    account,
    accounting_lines,
    committed_markdown,
    per_cv_readings,
)

ROOT = Path(__file__).resolve().parents[1]
BASELINE = ROOT / "bench" / "parsing_baseline.json"
OUTPUT = ROOT / "bench" / "PARSING.md"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
PER_DOCUMENT_MARK = "<!-- per-document accounting -->"

# (aggregate, metric, target): the bar the parsers must reach.
TARGETS: list[tuple[str, str, float]] = [
    ("cv_pdf_all", "exp_recall", 0.90),
    ("cv_pdf_all", "exp_precision", 0.90),
    ("cv_pdf_all", "all4_of_truth", 0.75),
    ("cv_pdf_all", "name_acc", 0.95),
    ("cv_pdf_all", "email_acc", 0.95),
    ("cv_pdf_all", "phone_acc", 0.95),
    ("cv_pdf_all", "skills_recall", 0.85),
    ("cv_pdf_all", "lang_recall", 0.85),
    ("cv_pasted_all", "exp_recall", 0.85),
    ("offers_all", "company_acc", 0.80),
    ("offers_all", "title_acc", 0.95),
    ("offers_all", "contract_acc", 0.90),
    ("offers_all", "skills_recall", 0.90),
]
CV_METRICS = [
    "exp_recall", "exp_precision", "title_acc", "company_acc", "start_acc", "end_acc",
    "all4_rate", "all4_of_truth", "name_acc", "email_acc", "phone_acc", "edu_count_exact",
    "skills_recall", "lang_recall", "lang_precision",
]  # fmt: skip
CV_GROUPS = [
    "cv_pdf_all",
    "cv_pdf_fr",
    "cv_pdf_en",
    "cv_pasted_all",
    "cv_pasted_fr",
    "cv_pasted_en",
]
OFFER_METRICS = ["title_acc", "company_acc", "language_acc", "contract_acc", "skills_recall"]
OFFER_GROUPS = ["offers_all", "offers_fr", "offers_en"]


def run_scorer(corpus: Path) -> tuple[dict[str, Any], float]:
    scorer = corpus / "score_parser.py"
    if not scorer.is_file():
        raise SystemExit(f"No corpus scorer at {scorer}: put the shared corpus beside the project.")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "scores.json"
        started = datetime.now(UTC)
        subprocess.run(
            [sys.executable, str(scorer), str(ROOT), "--corpus", str(corpus), "--json", str(out)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        elapsed = (datetime.now(UTC) - started).total_seconds()
        return json.loads(out.read_text()), elapsed


def _value(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".") if value else "0"
    return str(value)


def _delta(before: Any, after: Any) -> str:
    if isinstance(before, int | float) and isinstance(after, int | float):
        change = after - before
        return f"{_value(before)} → **{_value(after)}**" if change else _value(after)
    return _value(after)


def aggregates_table(
    groups: list[str], metrics: list[str], now: dict[str, Any], before: dict[str, Any]
) -> list[str]:
    lines = ["| metric | " + " | ".join(groups) + " |", "|---|" + "---|" * len(groups)]
    for metric in metrics:
        cells = [_delta(before.get(g, {}).get(metric), now.get(g, {}).get(metric)) for g in groups]
        lines.append(f"| {metric} | " + " | ".join(cells) + " |")
    return lines


def targets_table(now: dict[str, Any], before: dict[str, Any]) -> list[str]:
    lines = ["| figure | target | before | now | |", "|---|---|---|---|---|"]
    for group, metric, target in TARGETS:
        value = now.get(group, {}).get(metric)
        met = isinstance(value, int | float) and value >= target
        old = before.get(group, {}).get(metric)
        lines.append(
            f"| {group} {metric} | ≥ {target} | {_value(old)} | {_value(value)} | "
            f"{'met' if met else 'not met'} |"
        )
    return lines


def _cv_cells(row: dict[str, Any]) -> list[str]:
    fields = row.get("fields") or {}
    flags = "".join(
        mark if row.get(key) else "·"
        for key, mark in (("name", "N"), ("email", "E"), ("phone", "P"))
    )
    return [
        f"{row.get('exp_matched', 0)}/{row.get('exp_truth', 0)}",
        str(row.get("exp_pred", 0)),
        f"{fields.get('all4', row.get('all4', 0))}",
        flags,
        f"{row.get('skills_found', 0)}/{row.get('skills_truth', 0)}",
        f"{row.get('lang_found', 0)}/{row.get('lang_truth', 0)}",
    ]


def per_cv_table(now: dict[str, Any], before: dict[str, Any]) -> list[str]:
    lines = [
        "| CV | variant | jobs found | predicted | all 4 right | name/email/phone | skills "
        "| languages | jobs found before |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for variant in ("pdf", "pasted"):
        for name, row in sorted(now.get(variant, {}).items()):
            if row.get("error"):
                lines.append(f"| {name} | {variant} | error: {row['error']} |||||||")
                continue
            old = before.get(variant, {}).get(name, {})
            old_found = f"{old.get('exp_matched', '–')}/{old.get('exp_truth', '–')}"
            lines.append(
                f"| {name} | {variant} | " + " | ".join(_cv_cells(row)) + f" | {old_found} |"
            )
    return lines


def per_offer_table(now: dict[str, Any]) -> list[str]:
    lines = [
        "| offer | title | company | contract | skills | predicted title / company |",
        "|---|---|---|---|---|---|",
    ]
    for name, row in sorted(now.items()):
        predicted = row.get("predicted") or {}
        marks = [
            "✓" if row.get(key) else ("–" if row.get(key) is None else "✗")
            for key in ("title", "company", "contract")
        ]
        lines.append(
            f"| {name} | "
            + " | ".join(marks)
            + f" | {row.get('skills_found', 0)}/{row.get('skills_truth', 0)} | "
            f"{predicted.get('title', '')} / {predicted.get('company', '')} |"
        )
    return lines


def offer_reading(corpus: Path, rows: dict[str, Any]) -> list[str]:
    """What no truth field scores: ads the parser finds no requirement in (from any section or
    sentence), and companies that are wrong rather than empty."""
    from app.lib.parsing.offer_parser import parse_offer_text

    files = sorted((corpus / "offers").glob("*.txt"))
    parsed = {f.name: parse_offer_text(f.read_text(encoding="utf-8")) for f in files}
    no_requirement = [name for name, offer in parsed.items() if not offer.requirements]
    # The matcher reads missions too (app/lib/matching/requirements.py): an ad with neither
    # leaves everything downstream working from nothing.
    nothing = [n for n in no_requirement if not parsed[n].responsibilities]
    wrong = [
        name
        for name, row in rows.items()
        if (row.get("predicted") or {}).get("company") and row.get("company") is False
    ]
    empty = [name for name, row in rows.items() if not (row.get("predicted") or {}).get("company")]
    return [
        "| figure | now | target |",
        "|---|---|---|",
        f"| ads with no requirement found | {len(no_requirement)}/{len(parsed)} | 0 |",
        f"| ads with neither a requirement nor a mission | {len(nothing)}/{len(parsed)} | 0 |",
        f"| wrong company (a value that is not the employer) | {len(wrong)} | 0 |",
        f"| company left empty for the user to fill | {len(empty)} | – |",
        "",
        "No requirement: "
        + (", ".join(no_requirement) or "none")
        + ". Wrong company: "
        + (", ".join(wrong) or "none")
        + ". Empty: "
        + (", ".join(empty) or "none")
        + ".",
    ]


SYNTHETIC_ADS = 1000


def synthetic_reading() -> list[str]:
    """The offer reader on ``SYNTHETIC_ADS`` generated ads (bench/synthetic_offers.py): every
    shape of company placement, header noise and requirement placement, with known truth."""
    from bench.synthetic_offers import synthetic_ads
    from bench.synthetic_offers_score import score, summary

    result = score(synthetic_ads(SYNTHETIC_ADS))
    shapes = ", ".join(f"{k} {v}" for k, v in sorted(result.missed_by_shape.items()))
    return [
        "| figure | now | target |",
        "|---|---|---|",
        *summary(result),
        "",
        f"Skills missed by shape: {shapes or 'none'}.",
    ]


SYNTHETIC_HEADER_ADS = 600


def synthetic_header_reading() -> list[str]:
    """Title and company on ``SYNTHETIC_HEADER_ADS`` generated ads of every header shape
    (bench/synthetic_offer_headers.py), misses by shape."""
    from bench.synthetic_offer_headers import header_ads
    from bench.synthetic_offer_headers_score import score, summary

    result = score(header_ads(SYNTHETIC_HEADER_ADS))
    misses = ", ".join(f"{k} {v}" for k, v in sorted(result.misses.items()))
    return [
        "| figure | now | target |",
        "|---|---|---|",
        *summary(result),
        "",
        f"Misses by shape: {misses or 'none'}.",
    ]


SYNTHETIC_CVS_PER_FAMILY = 8  # documents 0-7 of every family: ~30 s on two cores


def synthetic_cv_reading() -> list[str]:
    """The CV import on generated CVs (bench/synthetic_cvs.py): the same invented content drawn
    in every layout family, rendered by WeasyPrint, read and parsed as an upload is. A family
    below the bar is a layout the reader does not generalise to, whatever the corpus says."""
    from bench.synthetic_cvs_score import TARGET_RECALL, examples, score, table

    scores = score(SYNTHETIC_CVS_PER_FAMILY, seed0=0)
    below = [s.family for s in scores.values() if s.recall < TARGET_RECALL]
    failing = examples(scores)
    return [
        f"{SYNTHETIC_CVS_PER_FAMILY} CVs per family (documents 0–{SYNTHETIC_CVS_PER_FAMILY - 1}), French "
        "or English by seed, with their truth by construction. Recall = truth jobs paired with a "
        "read job (same start year, and the employer's words in the read title + company or the "
        "titles alike), precision = read jobs paired; title, company, start and end = accuracy "
        f"on the paired jobs. Target: recall ≥ {TARGET_RECALL} in every family "
        f"({len(scores) - len(below)}/{len(scores)} met).",
        "",
        *table(scores),
        "",
        *(["Failures (reproduce with `python -m bench.synthetic_cvs_score --family F --seed N "
           "--show`):", "", *failing] if failing else []),
        "",
        *synthetic_copied_reading(),
    ]  # fmt: skip


def synthetic_copied_reading() -> list[str]:
    """The same CVs read as their copied text (pdftotext), as the pasted import and the PDF's
    plain second reading see them: a column copied whole, a date cell printed far from its
    job, a form's labels copied apart from their values."""
    from bench.synthetic_cvs_score import TARGET_RECALL, score, table

    scores = score(SYNTHETIC_CVS_PER_FAMILY, seed0=0, mode="pasted")
    below = [s.family for s in scores.values() if s.recall < TARGET_RECALL]
    return [
        "The same CVs read as their copied text (`python -m bench.synthetic_cvs_score --pasted`: "
        "poppler's pdftotext, as the pasted import and the PDF's plain second reading see them; "
        f"{len(scores) - len(below)}/{len(scores)} families at recall ≥ {TARGET_RECALL}):",
        "",
        *table(scores),
    ]


FIELD_LABELLER = ROOT / "bench" / "FIELD_LABELLER.md"


LLM_IMPORT = ROOT / "bench" / "LLM_IMPORT.md"


def llm_import_figures() -> list[str]:
    """The import with a local model, as ``make eval-llm-import`` last wrote it (minutes per
    CV on a CPU, so it is not rerun here)."""
    if not LLM_IMPORT.is_file():
        return ["Not measured yet: run `make eval-llm-import`."]
    return [
        line
        for line in LLM_IMPORT.read_text(encoding="utf-8").splitlines()
        if not line.startswith("# ")
    ]


def import_review_figures(corpus: Path) -> list[str]:
    """Which misreads the import report flags, and its false alarms (bench/suspicions_eval.py);
    then the per-job figure: job-level misreads flagged before "Generate", before and now."""
    from bench.suspicions_eval import evaluate, per_job_figures, summary

    outcome = evaluate(corpus)
    return [
        *summary(outcome),
        "",
        '## Without a model: job-level misreads flagged before "Generate"',
        "",
        "Per job, on every corpus CV (PDF and pasted): a required job missing, an entry that is "
        "no job, a paired job with a wrong title, employer, start or end (bench/misread_jobs.py)."
        " A flag is a report item that makes the generate form ask, every time, while it is "
        "open (app/lib/parsing/report/report_live.py `asks_first`); before, only the major "
        "suspicions asked, and the other warnings were shown on the review page only.",
        "",
        *per_job_figures(outcome),
    ]


def field_labeller_figures() -> list[str]:
    """The labeller's training and cross-validated figures, as ``make train-fields`` wrote
    them beside the model it committed (training takes minutes, so it is not rerun here)."""
    if not FIELD_LABELLER.is_file():
        return ["Not trained yet: run `make train-fields`."]
    lines = FIELD_LABELLER.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if not line.startswith("# ")]


def whole_cv_line(corpus: Path) -> str:
    from bench.whole_cv import corpus_figures, figures_line

    return figures_line(corpus_figures(corpus))


def render(scores: dict[str, Any], baseline: dict[str, Any], elapsed: float, corpus: Path) -> str:
    now, before = scores["aggregates"], baseline.get("aggregates", {})
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    parts = [
        "# Import quality on the development corpus",
        "",
        f"`make eval-parse` on commit `{commit or '?'}`, {datetime.now(UTC):%Y-%m-%d} "
        f"({elapsed:.0f} s). Real CVs (PDF, and the same CVs pasted as text) and job ads with "
        "hand-checked truth, scored by the corpus's own `score_parser.py` (its README defines "
        f'every metric). "Before" = the parsers at commit `{baseline.get("commit", "?")}`. '
        "The experience-heading field labeller was trained on this corpus, so the title, "
        "company and all-four figures below are training-set figures for it; what to expect on "
        "unseen CVs is its cross-validated figure, under *The learned part*.",
        "",
        "## Targets",
        "",
        *targets_table(now, before),
        "",
        "## CVs by batch and language",
        "",
        "Pooled over the CVs of each group (bench/parse_batches.py); the third batch came last and "
        "is where the reader still fails.",
        "",
        *batch_table(scores.get("cvs", {}), corpus),
        "",
        "## The whole CV",
        "",
        "As the blind validation reads it (bench/whole_cv.py, the PDFs read by the rules and the "
        "certain repairs, as the app stores them): name, headline, e-mail, CVs whose every job "
        "is right, education entries paired (degree and school words, end year; in their "
        "own fields, and in brackets anywhere in the entry as the validation pairs them), "
        "CVs with junk "
        "in their skills, profiles holding contact or personal data, CVs right as a whole. The "
        "junk and profile judges share their shape detectors with the reader "
        "(app/lib/parsing/fields/value_kinds.py), so those two read 0 when the reader removes "
        "what the detectors know; the validation judges them on its own.",
        "",
        whole_cv_line(corpus),
        "",
        "## CVs (before → now where it moved)",
        "",
        *aggregates_table(CV_GROUPS, CV_METRICS, now, before),
        "",
        "## Offers",
        "",
        *aggregates_table(OFFER_GROUPS, OFFER_METRICS, now, before),
        "",
        *offer_reading(corpus, scores.get("offers", {})),
        "",
        "Title, company, location and contract on every ad and on the third batch alone "
        "(bench/offer_figures.py; the location is scored there, the scorer has none):",
        "",
        *offer_figures_table(corpus, scores.get("offers", {})),
        "",
        "## Synthetic ads (the offer reader's layout fuzzer)",
        "",
        *synthetic_reading(),
        "",
        "## Synthetic ad headers (the offer reader's title and company fuzzer)",
        "",
        *synthetic_header_reading(),
        "",
        "## Synthetic CVs (the CV reader's layout fuzzer)",
        "",
        *synthetic_cv_reading(),
        "",
        "## The import review: misreads the report catches",
        "",
        "Each corpus CV imported as the app does; its report's suspicions set against what the "
        "truth says a recruiter would see wrong (bench/suspicions_eval.py).",
        "",
        *import_review_figures(corpus),
        "",
        "## With an LLM: the rules and the model merged",
        "",
        *llm_import_figures(),
        "",
        "## The learned part: experience-heading field labeller",
        "",
        *field_labeller_figures(),
        "",
        "## Per CV",
        "",
        PER_DOCUMENT_MARK,
        "",
        "Jobs found = required experiences paired with the truth / required; N, E, P = name, "
        "email, phone right.",
        "",
        *per_cv_table(scores.get("cvs", {}), baseline.get("cvs", {})),
        "",
        "## Per offer",
        "",
        *per_offer_table(scores.get("offers", {})),
        "",
    ]
    return "\n".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    args = parser.parse_args()
    scores, elapsed = run_scorer(args.corpus.resolve())
    baseline = json.loads(BASELINE.read_text()) if BASELINE.is_file() else {}
    report = render(scores, baseline, elapsed, args.corpus.resolve())
    # Per document, against the committed report: a change that helps one layout and breaks
    # another shows here, not only as a flat average.
    changes = accounting_lines(
        account(per_cv_readings(report), per_cv_readings(committed_markdown()))
    )
    report = report.replace(PER_DOCUMENT_MARK, "\n".join(changes), 1)
    args.output.write_text(report)
    output = args.output.resolve()
    print(f"{output.relative_to(ROOT) if output.is_relative_to(ROOT) else output} rewritten")
    for line in targets_table(scores["aggregates"], baseline.get("aggregates", {}))[2:]:
        print(line)
    print()
    for line in changes:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
