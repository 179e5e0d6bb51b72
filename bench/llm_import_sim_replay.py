"""A quick loop for work on the merge (app/lib/parsing/model_import/): ``capture`` runs the
readings of bench/llm_import_sim.py once (the rules', each simulated model's after verify.py)
and keeps them in a scratch file; ``replay`` merges them again with the current code and prints
the figures of ``make eval-import-sim`` for the merged modes, in seconds rather than minutes.
Only the merge may change between the two: a change to the rules or to verify.py needs a new
capture. ``make eval-import-sim`` stays the figure of record.

    python -m bench.llm_import_sim_replay capture [--only NAME]
    python -m bench.llm_import_sim_replay replay [--variant pasted] [--diff]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import pickle
import tempfile
from pathlib import Path
from typing import Any

from app.lib.llm import LLMEndpoint
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.model_import.import_merge import merge_readings
from app.lib.parsing.model_import.llm_extract import llm_extract_cv
from bench.llm_import_sim import pdf_text
from bench.llm_import_sim_report import BASELINE, NOISE, WHOLE_MODES, noise_kept
from bench.simulated_import_models import noisy_answer, perfect_answer, silent
from bench.simulated_server import NOISY, PERFECT, SimulatedModels
from bench.suspicions_eval import DEFAULT_CORPUS, _scorer
from bench.whole_cv import aggregate as whole_aggregate
from bench.whole_cv import figures_line
from bench.whole_cv import score as whole_cv_row

STORE = Path(tempfile.gettempdir()) / "cv-tailor-import-sim-readings.pickle"
MERGED = ("rules", "perfect", "noisy", "silent")


async def capture(corpus: Path, only: str) -> list[dict[str, Any]]:
    truths = [json.loads(p.read_text()) for p in sorted((corpus / "truth").glob("*.json"))]
    cvs = [t for t in truths if t.get("kind", "cv") == "cv" and only in t["file"]]
    out = []
    async with SimulatedModels() as server:
        endpoint = LLMEndpoint(server.base_url, "sim", timeout_s=60.0)
        for truth in cvs:
            texts = {
                "pdf": pdf_text(corpus, truth["file"]),
                "pasted": (corpus / "pasted" / truth["file"].replace(".pdf", ".txt")).read_text(),
            }
            for variant, text in texts.items():
                if text is None:
                    continue
                rules = parse_cv_text(text).content
                server.register(PERFECT, text, perfect_answer(truth, text))
                noisy, noise = noisy_answer(truth, text)
                server.register(NOISY, text, noisy)
                perfect = await llm_extract_cv(endpoint, PERFECT, text, rules)
                noisy_read = await llm_extract_cv(endpoint, NOISY, text, rules)
                out.append({"truth": truth, "variant": variant, "text": str(text),
                            "rules": rules, "perfect": (perfect.content, perfect.findings),
                            "noisy": (noisy_read.content, noisy_read.findings),
                            "noise": noise})  # fmt: skip
            print(truth["file"], flush=True)
    return out


def _merged(item: dict[str, Any], mode: str) -> Any:
    if mode == "rules":
        return item["rules"]
    if mode == "silent":
        content, findings = silent(item["perfect"][0], item["truth"]["file"]), item["perfect"][1]
    else:
        content, findings = item[mode]
    if content.is_empty():
        return item["rules"]
    return merge_readings(item["rules"], content, findings, item["text"]).content


def replay(
    items: list[dict[str, Any]], variant: str, diff: str, whole_diff: str = ""
) -> dict[str, Any]:
    """Prints the figures per variant; returns the whole-CV aggregates per variant and mode."""
    scorer = _scorer(DEFAULT_CORPUS)
    whole: dict[str, Any] = {}
    for wanted in ("pdf", "pasted"):
        if variant and wanted != variant:
            continue
        rows = [i for i in items if i["variant"] == wanted]
        scored: dict[str, list[dict[str, Any]]] = {m: [] for m in MERGED}
        wholes: dict[str, list[dict[str, Any]]] = {m: [] for m in WHOLE_MODES}
        kept = dict.fromkeys(NOISE, 0)
        planted = dict.fromkeys(NOISE, 0)
        for item in rows:
            for mode in MERGED:
                content = _merged(item, mode)
                result = scorer.score_cv(item["truth"], content.model_dump(mode="json"))
                scored[mode].append(result)
                wholes[mode].append(whole_cv_row(scorer, item["truth"], content))
                if mode == whole_diff:
                    _show_whole(item, content, wholes[mode][-1])
                if mode == diff:
                    _show(item, content, result)
                if mode == "noisy":
                    for kind, value in noise_kept(item["noise"], content, scorer).items():
                        planted[kind] += value is not None
                        kept[kind] += bool(value)
        print(f"== {wanted} ({len(rows)} CVs)")
        for mode in MERGED:
            figures = scorer.aggregate_cvs(scored[mode])
            extra = sum(
                r["exp_pred"] - r["exp_matched"] - r["exp_matched_optional"] for r in scored[mode]
            )
            print(f"{mode:8} recall {figures['exp_recall']:.3f} precision "
                  f"{figures['exp_precision']:.3f} all4 {figures['all4_of_truth']:.3f} "
                  f"title {figures['title_acc']:.3f} company {figures['company_acc']:.3f} "
                  f"extra {extra}")  # fmt: skip
        print("noisy kept", {k: f"{kept[k]}/{planted[k]}" for k in NOISE})
        whole[f"{wanted} all"] = {m: whole_aggregate(wholes[m]) for m in WHOLE_MODES}
        for mode in WHOLE_MODES:
            print(f"{mode:8} {figures_line(whole[f'{wanted} all'][mode])}")
    return whole


def _show_whole(item: dict[str, Any], content: Any, row: dict[str, Any]) -> None:
    """What keeps one CV from being right as a whole, beside the truth."""
    if row["whole"]:
        return
    truth, header = item["truth"], content.header
    print(f"--- {truth['file']}")
    if not row["name"]:
        print("   name     ", repr(header.name), "truth", repr(truth.get("name")))
    if not row["headline"]:
        print("   headline ", repr(header.current_title), "truth", repr(truth.get("current_title")))
    if not row["email"]:
        print("   email    ", repr(header.contact.email), "truth", repr(truth.get("email")))
    if not row["jobs"]:
        print("   jobs not all right")
    if not row["edu_paired"] == row["edu_truth"] == row["edu_read"]:
        for entry in truth.get("education") or []:
            print("   edu T", entry.get("degree"), "|", entry.get("school"), "|", entry.get("end"))
        for read in content.education:
            print("   edu P", read.degree, "|", read.institution, "|", read.end)
    for skill in row["junk_skills"]:
        print("   junk skill", repr(skill))
    for line in row["profile_personal"]:
        print("   profile  ", repr(line))


def _show(item: dict[str, Any], content: Any, result: dict[str, Any]) -> None:
    """Where the merged reading and the truth part in one CV: truth entries missed, entries
    paired with none, paired entries with a field wrong."""
    wrong = [p for p in result["pairs"] if not (p["title"] and p["company"]
             and p["start"] is not False and p["end"] is not False)]  # fmt: skip
    if not (result["missed"] or result["unmatched_pred"] or wrong):
        return
    print(f"--- {item['truth']['file']}")
    for job in result["missed"]:
        print("   missed ", job.get("title"), "|", job.get("company"), "|", job.get("start"),
              job.get("end"))  # fmt: skip
    for job in result["unmatched_pred"]:
        print("   extra  ", job.get("title"), "|", job.get("company"), "|", job.get("start"),
              job.get("end"))  # fmt: skip
    for pair in wrong:
        t, p = pair["truth"], pair["pred"]
        print("   wrong T", t.get("title"), "|", t.get("company"), "|", t.get("start"),
              t.get("end"))  # fmt: skip
        print("         P", p.get("title"), "|", p.get("company"), "|", p.get("start"),
              p.get("end"))  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("action", choices=("capture", "replay"))
    parser.add_argument("--only", default="")
    parser.add_argument("--variant", default="")
    parser.add_argument("--diff", default="", help="print the entries of this mode per CV")
    parser.add_argument("--whole-diff", default="", help="why each CV of this mode is wrong")
    parser.add_argument("--store", type=Path, default=STORE, help="the scratch file")
    parser.add_argument(
        "--whole-baseline",
        action="store_true",
        help=f"keep the whole-CV figures as the 'before' in {BASELINE}",
    )
    args = parser.parse_args()
    if args.action == "capture":
        items = asyncio.run(capture(DEFAULT_CORPUS.resolve(), args.only))
        args.store.write_bytes(pickle.dumps(items))
        print(f"{len(items)} readings kept")
        return 0
    items = pickle.loads(args.store.read_bytes())  # this tool's own scratch file, never shared
    whole = replay(items, args.variant, args.diff, args.whole_diff)
    if args.whole_baseline:
        # The merge's "before" for the whole-CV table of make eval-import-sim: the replay
        # merges the same readings, so its figures are that bench's.
        baseline = json.loads(BASELINE.read_text())
        for group, figures in whole.items():
            baseline.setdefault(group, {})["whole"] = figures
        BASELINE.write_text(json.dumps(baseline, indent=1) + "\n")

    return 0


if __name__ == "__main__":
    raise SystemExit(main())
