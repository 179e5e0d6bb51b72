"""Figures of bench/llm_import_sim.py: aggregates per mode, variant, language and corpus batch,
the noisy model's planted errors found in the imported CV, and the section of
bench/LLM_IMPORT.md (between its markers, the rest of the file kept)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.text_forms import squash
from bench.suspicions_eval import ROOT
from bench.whole_cv import aggregate as whole_aggregate

OUTPUT = ROOT / "bench" / "LLM_IMPORT.md"
BASELINE = ROOT / "bench" / "llm_import_sim_baseline.json"
BEGIN, END = "<!-- import-sim:begin -->", "<!-- import-sim:end -->"
MODES = ("rules", "perfect", "noisy", "perfect_alone", "noisy_alone", "silent")
FIGURES = ("exp_recall", "exp_precision", "title_acc", "company_acc", "start_acc", "end_acc",
           "all4_of_truth")  # fmt: skip
NOISE = ("invented", "swapped", "shifted", "copied")
WHOLE_MODES = ("rules", "perfect", "noisy", "silent")  # what the user gets, scored as a whole
WHOLE_FIGURES = ("name", "headline", "email", "jobs_all_right", "edu_recall", "edu_precision",
                 "junk_skills", "profile_personal", "whole")  # fmt: skip
BATCH_HEADINGS = {"## Composition": 1, "## Second batch": 2, "### Third batch": 3, "## ": 0}
FILE_CELL_RE = re.compile(r"^\|\s*([a-z]{2}_[\w-]+\.pdf)\s*\|")


def batches(corpus: Path) -> dict[str, int]:
    """Which batch each CV came in, from the tables under the corpus README's batch headings."""
    found: dict[str, int] = {}
    batch = 0
    for line in (corpus / "README.md").read_text().splitlines():
        if line.startswith("#"):  # a sub-heading not named here stays in its batch
            batch = next((b for h, b in BATCH_HEADINGS.items() if line.startswith(h)), batch)
        elif batch and (match := FILE_CELL_RE.match(line)):
            found.setdefault(match.group(1), batch)
    return found


def _names(entry: Any) -> str:
    return squash(f"{entry.title} {entry.company}")


def noise_kept(noise: Any, content: CvContent, scorer: Any) -> dict[str, bool | None]:
    """For each planted error (None: not planted here), does the imported CV still hold it?"""
    jobs = content.experience
    kept: dict[str, bool | None] = dict.fromkeys(NOISE)
    if noise.invented:
        title, start = squash(noise.invented["title"]), noise.invented["start"]
        kept["invented"] = any(
            squash(j.title) == title and (j.start or "")[:4] == start and not j.company
            for j in jobs
        )
    if noise.swapped:
        # The title read as the employer (and the employer as the title) reached the CV.
        company = squash(noise.swapped["company"])
        kept["swapped"] = any(squash(j.company) == company for j in jobs)
    if noise.shifted:
        wanted = {squash(noise.shifted["title"]), squash(noise.shifted["company"])} - {""}
        kept["shifted"] = any(
            j.start == noise.shifted["start"]
            and j.start != noise.shifted["truth"]
            and any(w in _names(j) for w in wanted)
            for j in jobs
        )
    if noise.copied:
        bullet = squash(noise.copied["bullet"])
        target = {squash(noise.copied["into_title"]), squash(noise.copied["into_company"])} - {""}
        kept["copied"] = any(
            bullet in {squash(b) for b in j.bullets} and any(t in _names(j) for t in target)
            for j in jobs
        )
    return kept


def aggregate(rows: list[dict[str, Any]], scorer: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for mode in MODES:
        figures = scorer.aggregate_cvs([r[mode] for r in rows])
        out[mode] = {f: figures.get(f) for f in FIGURES} | {
            "extra": sum(
                r[mode]["exp_pred"] - r[mode]["exp_matched"] - r[mode]["exp_matched_optional"]
                for r in rows
            )
        }
    if rows and all(f"{m}_whole" in r for r in rows for m in WHOLE_MODES):
        out["whole"] = {m: whole_aggregate([r[f"{m}_whole"] for r in rows]) for m in WHOLE_MODES}
    for which in ("kept", "kept_alone"):
        out[which] = {
            kind: [sum(1 for r in rows if r[which][kind]),
                   sum(1 for r in rows if r[which][kind] is not None)]
            for kind in NOISE
        }  # fmt: skip
    return out


def groups(rows: list[dict[str, Any]], corpus: Path) -> dict[str, list[dict[str, Any]]]:
    batch_of = batches(corpus)
    out: dict[str, list[dict[str, Any]]] = {}
    for variant in ("pdf", "pasted"):
        of_variant = [r for r in rows if r["variant"] == variant]
        out[f"{variant} all"] = of_variant
        for lang in ("fr", "en"):
            out[f"{variant} {lang}"] = [r for r in of_variant if r["lang"] == lang]
        for batch in (1, 2, 3):
            out[f"{variant} batch {batch}"] = [
                r for r in of_variant if batch_of.get(r["file"]) == batch
            ]
    return {name: group for name, group in out.items() if group}


def _cell(value: Any) -> str:
    return "–" if value is None else f"{value:.3g}" if isinstance(value, float) else str(value)


def _table(title: str, aggregates: dict[str, Any], before: dict[str, Any] | None) -> list[str]:
    columns = [m for m in MODES if m in aggregates]
    head = " | ".join(f"{m} (before / after)" if before and m in before else m for m in columns)
    lines = [f"**{title}**", "", f"| figure | {head} |", "|---" * (len(columns) + 1) + "|"]
    for figure in (*FIGURES, "extra"):
        cells = []
        for mode in columns:
            now = _cell(aggregates[mode][figure])
            was = before.get(mode, {}).get(figure) if before else None
            cells.append(f"{_cell(was)} / {now}" if before and mode in before else now)
        lines.append(f"| {figure} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _whole_cell(figures: dict[str, Any], figure: str) -> str:
    value = figures[figure]
    return f"{value}/{figures['cvs']}" if figure == "whole" else _cell(value)


def whole_table(title: str, figures: dict[str, Any], before: dict[str, Any] | None) -> list[str]:
    """The whole-CV figures (bench/whole_cv.py) of each merged mode, before / after where a
    baseline holds them."""
    before = before or {}
    head = " | ".join(f"{m} (before / after)" if m in before else m for m in WHOLE_MODES)
    lines = [f"**{title}**", "", f"| figure | {head} |", "|---" * (len(WHOLE_MODES) + 1) + "|"]
    for figure in WHOLE_FIGURES:
        cells = [
            (f"{_whole_cell(before[m], figure)} / " if m in before else "")
            + _whole_cell(figures[m], figure)
            for m in WHOLE_MODES
        ]
        lines.append(f"| {figure} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def render(
    rows: list[dict[str, Any]], scorer: Any, corpus: Path, elapsed: float, save: bool
) -> str:
    grouped = groups(rows, corpus)
    aggregates = {name: aggregate(group, scorer) for name, group in grouped.items()}
    if save:
        BASELINE.write_text(json.dumps(aggregates, indent=1) + "\n")
    before = json.loads(BASELINE.read_text()) if BASELINE.is_file() and not save else {}
    cvs = len({r["file"] for r in rows})
    lines = [
        BEGIN,
        "## Simulated models through the app's import path (`make eval-import-sim`)",
        "",
        f"{cvs} corpus CVs, PDF and pasted text, {elapsed / 60:.0f} min. *rules*: no LLM; "
        "*perfect*: a simulated model answering from the truth files, each value as the CV "
        "writes it; *noisy*: the same with one title/company swap, one invented job, one "
        "start shifted by a month and one line copied into another entry, per CV (seeded). "
        "*perfect*/*noisy*: what the user gets (the rules and the model merged, "
        "app/lib/parsing/model_import/import_merge.py); *_alone*: the model's reading after "
        "the checks of verify.py; *silent*: the perfect reading with one job in three left out "
        "(a weak model's silence), merged. `extra`: returned entries paired with no truth entry. "
        + ("Before: the merge as it stood when this bench was written." if before else ""),
        "",
    ]
    for name in ("pdf all", "pasted all"):
        lines += _table(name, aggregates[name], before.get(name))
    lines += ["**The whole CV** (bench/whole_cv.py, as the blind validation reads it: share of "
              "CVs with the name, headline, e-mail right; with every job right; education "
              "entries paired; share with junk skills, with a profile holding contact or "
              "personal data; CVs right in all at once)", ""]  # fmt: skip
    for name in ("pdf all", "pasted all"):
        if "whole" in aggregates[name]:
            was = before.get(name, {}).get("whole")
            lines += whole_table(f"{name}, whole CV", aggregates[name]["whole"], was)
    lines += ["**noisy model: planted errors still in the imported CV** (CVs kept / planted)", "",
              "| group | " + " | ".join(NOISE) + " |", "|---" * (len(NOISE) + 1) + "|"]  # fmt: skip
    for name, figures in aggregates.items():
        if name.endswith(" all"):
            was = before.get(name, {}).get("kept", {})
            cells = [
                (f"{was[k][0]}/{was[k][1]} → " if k in was else "")
                + f"{figures['kept'][k][0]}/{figures['kept'][k][1]}"
                for k in NOISE
            ]
            lines.append(f"| {name} | " + " | ".join(cells) + " |")
    lines += ["", "**Per language and batch** (recall / precision / all four, after)", "",
              "| group | CVs | " + " | ".join(MODES[:3]) + " |", "|---" * 5 + "|"]  # fmt: skip
    for name, figures in aggregates.items():
        cells = [
            " / ".join(_cell(figures[m][f]) for f in ("exp_recall", "exp_precision",
                                                       "all4_of_truth"))
            for m in MODES[:3]
        ]  # fmt: skip
        lines.append(f"| {name} | {len(grouped[name])} | " + " | ".join(cells) + " |")
    return "\n".join([*lines, "", END]) + "\n"


def write_section(path: Path, section: str) -> None:
    text = path.read_text() if path.is_file() else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section.rstrip("\n") + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text)
