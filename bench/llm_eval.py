"""``make eval-llm``: tailor real CVs to real job ads with a real local model through the worker's
pipeline, measure what reaches the final CVs, rewrite bench/LLM_EVAL.md. Not part of ``make test``:
on a 2-core CPU one offer takes several minutes.

The model is the one ``../shared/tools/local-llm/serve.sh`` serves (started here unless
``--base-url`` points at a running one; its first run fetches the weights). The run is in
bench/llm_eval_run.py, the figures in bench/llm_eval_metrics.py, the page in
bench/llm_eval_report.py. Every run dumps what the pipeline stored to ``var/llm_eval/``;
``--from-dump`` rewrites the page from such a dump without running the model.

    python -m bench.llm_eval                          # the pairs below, rewrites bench/LLM_EVAL.md
    python -m bench.llm_eval --stop-at 17:50          # pairs not finished by then (UTC) are stopped
    python -m bench.llm_eval --from-dump var/llm_eval/dump.json --details
"""

from __future__ import annotations

import argparse
import asyncio
import calendar
import contextlib
import json
import os
import subprocess
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

from bench.llm_eval_report import console_details, measure, write_report
from bench.llm_eval_run import run_pairs
from bench.procs import Stack
from bench.tailor_pairs import DEFAULT_CORPUS, check_corpus

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "bench" / "LLM_EVAL.md"
DUMP = ROOT / "var" / "llm_eval" / "dump.json"
SERVE = ROOT.parent / "shared" / "tools" / "local-llm" / "serve.sh"
MODEL = "qwen2.5-coder-1.5b-instruct"
# French ad × French CV, French ad × English CV, English ad × English CV, English ad × French CV,
# and a French pair outside data and software (bench/tailor_pairs.py's pairs with the shortest
# CVs of each kind: CPU time is the limit).
PAIRS: list[tuple[str, str, str]] = [
    ("fr_labelium_stage_data_analyst", "fr_souleymane_yaffa", "data"),
    ("fr_labelium_stage_data_analyst", "en_victor_hoffmann", "data"),
    ("en_podium_analytics_engineer_finance", "en_nizar_tazi", "data"),
    ("en_jfh_hr_assistant", "fr_julie_charles", "administration"),
    ("fr_asi_assistant_chef_de_projet", "fr_emma_leymonerie", "projects"),
]
SERVE_START_S = 3600  # a first run fetches 1.1 GB and may build llama-server (~16 min)
CALL_TIMEOUT_S = 900  # one call on a loaded 2-core CPU, as serve.sh suggests


def healthy(base_url: str) -> bool:
    root = base_url.removesuffix("/").removesuffix("/v1")
    with (
        contextlib.suppress(OSError, ValueError),
        urllib.request.urlopen(f"{root}/health", timeout=2) as answer,
    ):
        return bool(json.load(answer).get("status") == "ok")
    return False


def start_model(stack: Stack, port: int) -> str:
    """serve.sh on ``port`` (its own process group, stopped with the stack); its base URL."""
    if not SERVE.exists():
        raise SystemExit(f"No local model script at {SERVE}: pass --base-url of a running server.")
    child = stack.spawn("local-llm", ["bash", str(SERVE), str(port)])
    base_url = f"http://127.0.0.1:{port}/v1"
    deadline = time.monotonic() + SERVE_START_S
    while not healthy(base_url):
        stack.check_alive()
        if time.monotonic() > deadline:
            raise TimeoutError(f"the local model did not serve in {SERVE_START_S} s")
        time.sleep(2)
    print(f"local model ready at {base_url} (log: {child.log_path})", flush=True)
    return base_url


def tree_state() -> str:
    """The commit measured, and whether the tree had uncommitted changes then."""
    head = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--untracked-files=no"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    ).stdout.strip()
    changed = len(dirty.splitlines())
    return f"commit `{head or '?'}`" + (f" + {changed} uncommitted file(s)" if changed else "")


def deadline_of(stop_at: str) -> float | None:
    """``HH:MM`` (UTC, today) as a ``time.time()``."""
    if not stop_at:
        return None
    today = datetime.now(UTC).strftime("%Y-%m-%d")
    return float(calendar.timegm(time.strptime(f"{today} {stop_at}", "%Y-%m-%d %H:%M")))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--dump", type=Path, default=DUMP)
    parser.add_argument("--from-dump", type=Path, help="report on this dump, run nothing")
    parser.add_argument("--base-url", default="", help="a running OpenAI-compatible server")
    parser.add_argument("--port", type=int, default=8081, help="serve.sh's port")
    parser.add_argument("--redis-url", default="redis://localhost:6379/0")
    parser.add_argument("--model", default=MODEL)
    parser.add_argument("--stop-at", default="", help="HH:MM UTC: stop the pairs not done then")
    parser.add_argument("--only", default="", help="pairs whose offer or CV stem contains this")
    parser.add_argument("--details", action="store_true", help="print the texts behind problems")
    args = parser.parse_args()
    started = time.perf_counter()
    if args.from_dump:
        dump = json.loads(args.from_dump.read_text(encoding="utf-8"))
        entries, measured = dump["pairs"], dump["measured"]
        elapsed = float(dump["elapsed"])
    else:
        check_corpus(args.corpus.resolve())
        pairs = [p for p in PAIRS if not args.only or any(args.only in s for s in p[:2])]
        measured = f"{tree_state()}, {datetime.now(UTC):%Y-%m-%d %H:%M} UTC"
        with tempfile.TemporaryDirectory(prefix="cvt-llm-") as logs:
            stack = Stack(env=dict(os.environ), log_dir=Path(logs))
            try:
                base_url = args.base_url or (
                    f"http://127.0.0.1:{args.port}/v1"
                    if healthy(f"http://127.0.0.1:{args.port}/v1")
                    else start_model(stack, args.port)
                )
                entries = asyncio.run(
                    run_pairs(
                        pairs,
                        args.corpus.resolve(),
                        base_url,
                        args.redis_url,
                        args.model,
                        CALL_TIMEOUT_S,
                        args.dump,
                        measured,
                        deadline_of(args.stop_at),
                    )
                )
            finally:
                stack.stop()
        elapsed = time.perf_counter() - started
    figures = [measure(e) for e in entries]
    print(write_report(figures, args.output, measured, args.model, elapsed))
    print(f"{args.output} rewritten")
    if args.details:
        for f in figures:
            print("\n".join(console_details(f)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
