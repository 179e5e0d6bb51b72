"""Load benchmark: N users launch a generation at the same moment on real processes.

``python -m bench.load_bench [--quick] [--users N] [--latency fixed:L] [--no-postgres]``; ``make
bench`` runs it through ``bench/run.py`` and writes its section into bench/RESULTS.md.

Scenarios: 1 web + 1 worker on SQLite with a fixed latency L and with a gpt-4o-mini-like
lognormal one; then 1 + 1 and 2 + 2 on a scratch PostgreSQL database, back to back in the same
run (skipped with a line in the results if PostgreSQL is unreachable). See bench/load_scenario.py.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time

from bench.fake_llm import LatencyModel
from bench.load_clients import percentile
from bench.load_scenario import Outcome, Scenario, run_scenario
from bench.procs import postgres_admin_url
from tests.fixtures.postgres import create_scratch_database, drop_scratch_database

FIXED = "fixed:0.5"
GPT_4O_MINI = "lognormal:1.2:0.5"  # ~0.5 s to first token + ~60 tokens at ~80 tok/s, long tail
RENDER_S = 0.3  # a 2-page render (bench/render_bench.py), for the theoretical critical path
PAGE_P95_TARGET_MS = 100.0


def scenarios(users: int, fixed: str, lognormal: str | None) -> list[Scenario]:
    out = [Scenario("1 web + 1 worker", "sqlite", fixed, users)]
    if lognormal:
        out.append(Scenario("1 web + 1 worker", "sqlite", lognormal, users))
    out += [
        Scenario("1 web + 1 worker", "postgresql", fixed, users),
        Scenario("2 web + 2 workers", "postgresql", fixed, users, webs=2, workers=2),
    ]
    return out


async def postgres_reachable(admin_url: str) -> str | None:
    """None when a scratch database can be created and dropped, else why not."""
    try:
        url = await asyncio.wait_for(create_scratch_database(admin_url, prefix="cvt_bench"), 15)
        await drop_scratch_database(admin_url, url)
    except Exception as exc:
        return f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}"
    return None


def _mb(value: int) -> str:
    return f"{value / 2**20:.0f}"


def _cpu(o: Outcome, name: str) -> str:
    own, tree = o.cpu_s.get(name, (0.0, 0.0))
    return f"{own:.1f} / {tree:.1f}" if tree - own >= 0.05 else f"{own:.1f}"


def _ideal(o: Outcome) -> str:
    model = LatencyModel.parse(o.scenario.latency)
    theory = (
        f" (4L+render: {2 * (4 * model.median + RENDER_S):.1f})" if model.kind == "fixed" else ""
    )
    return f"{o.solo_s:.1f}{theory}"


def report(
    outcomes: list[Outcome], skipped_pg: str | None, failures: list[str], elapsed: float
) -> list[str]:
    users = outcomes[0].scenario.users if outcomes else 0
    lines = [
        f"### Load: {users} concurrent generations on real processes (`python -m bench.load_bench`)",
        "",
        f"One run per row (each is one long load run; total {elapsed / 60:.1f} min). Every user",
        "signs up over HTTP, has one CV and 1 or 2 offers (alternately), keeps its SSE stream open,",
        "and launches one generation at the same moment. Fake LLM in its own process over HTTP;",
        "`ideal` = one 2-offer generation alone on the same stack (the critical path, offers",
        "sequential). Pages = dashboard, generation page, offers page, GET in a loop by a separate",
        "client (round-robin over the web processes), for the whole load. When our processes use",
        "most of the CPU, throughput is CPU-bound (worker event loop + PDF renders), not LLM-bound,",
        "and `wall / ideal` measures the machine rather than the pipeline.",
        "",
        "| setup | DB | LLM latency | CVs | wall (s) | CVs/min | ideal (s) | wall / ideal "
        "| launch p95 (ms) | pages p50 / p95 / max (ms) | page errors | generation errors |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for o in outcomes:
        pages = [ms for values in o.page_ms.values() for ms in values]
        p95 = percentile(pages, 0.95)
        lines.append(
            f"| {o.scenario.label} | {o.scenario.backend} "
            f"| {LatencyModel.parse(o.scenario.latency).describe()} | {o.cvs} | {o.wall_s:.1f} "
            f"| {o.cvs / o.wall_s * 60:.0f} | {_ideal(o)} | {o.wall_s / o.solo_s:.1f} "
            f"| {percentile(o.launch_ms, 0.95):.0f} | {statistics.median(pages):.0f} / {p95:.0f} / "
            f"{max(pages):.0f} ({len(pages)} GETs) {'✓' if p95 < PAGE_P95_TARGET_MS else '✗'} "
            f"| {o.page_errors} | {len(o.problems)} {'✓' if not o.problems else '✗'} |"
        )
    lines.append("")
    lines += [f"- **scenario failed**: {failure}" for failure in failures]
    for o in outcomes:
        per_page = ", ".join(
            f"{page} {percentile(v, 0.95):.0f}" for page, v in sorted(o.page_ms.items())
        )
        waits = o.queue_wait_s or [float("nan")]
        busy = sum(tree for _, tree in o.cpu_s.values()) / (o.wall_s * (os.cpu_count() or 1))
        lines.append(
            f"- {o.scenario.label}, {o.scenario.backend}, {o.scenario.latency}: our processes "
            f"used {busy:.0%} of the machine's CPU during the load; one generation "
            f"took {statistics.median(o.task_s):.1f} s median, {max(o.task_s):.1f} s max; queue wait "
            f"before a worker started it {statistics.median(waits):.2f} s median, {max(waits):.2f} s "
            f"max; page p95 by page (ms): {per_page}; completion events seen on the users' SSE "
            f"streams: {o.sse_completions}/{len(o.launch_ms)}"
        )
        lines += [f"  - problem: {p}" for p in o.problems[:10]]
        lines += [f"  - no completion event on the SSE stream of {m}" for m in o.sse_missed[:5]]
    pg = [o for o in outcomes if o.scenario.backend == "postgresql"]
    if len(pg) == 2:
        one, two = pg
        ratio = (two.cvs / two.wall_s) / (one.cvs / one.wall_s)
        split = ", ".join(
            f"{name} {two.jobs_by_worker.get(name, 0)} jobs / {cpu:.0f} s CPU"
            for name, (_, cpu) in two.cpu_s.items()
            if name.startswith("worker")
        )
        lines += [
            "",
            f"PostgreSQL, same workload, back to back: 2 web + 2 workers vs 1 + 1 = throughput "
            f"×{ratio:.2f} ({two.cvs / two.wall_s * 60:.0f} vs {one.cvs / one.wall_s * 60:.0f} "
            f"CVs/min); generations and CPU (incl. the render server) per worker with 2: {split}.",
        ]
    elif skipped_pg:
        lines += ["", f"PostgreSQL scenarios skipped: PostgreSQL not reachable ({skipped_pg})."]
    lines += [
        "",
        "Peak RSS during the load (psutil every 100 ms; `with children` adds the worker's PDF",
        "render server and its short-lived render forks, whose shared pages RSS counts twice):",
        "",
        "| setup | DB | LLM | process | peak RSS (MB) | with children (MB) "
        "| CPU during load (s): own / with children |",
        "|---|---|---|---|---|---|---|",
    ]
    for o in outcomes:
        setup = f"{o.scenario.label} | {o.scenario.backend} | {o.scenario.latency.split(':')[0]}"
        for name in o.rss_tree:
            if name == "fake-llm":
                continue
            lines.append(
                f"| {setup} | {name} | {_mb(o.rss_root[name])} | {_mb(o.rss_tree[name])} "
                f"| {_cpu(o, name)} |"
            )
        lines.append(
            f"| {setup} | **all (peak of the sum, fake LLM incl.)** | | {_mb(o.rss_sum)} | |"
        )
    return lines


async def run(
    users: int = 50,
    fixed: str = FIXED,
    lognormal: str | None = GPT_4O_MINI,
    postgres: bool = True,
    redis_url: str | None = None,
) -> list[str]:
    started = time.monotonic()
    admin = postgres_admin_url()
    skipped = await postgres_reachable(admin) if postgres else "disabled with --no-postgres"
    outcomes: list[Outcome] = []
    failures: list[str] = []
    for sc in scenarios(users, fixed, lognormal):
        if sc.backend == "postgresql" and skipped:
            continue
        name = f"{sc.label}, {sc.backend}, {sc.latency}, {sc.users} users"
        print(f"[load] {name}…", flush=True)
        try:
            o = await run_scenario(sc, admin, redis_url)
        except Exception as exc:  # a broken scenario is a result too; the others still run
            failures.append(f"{name}: {type(exc).__name__}: {exc}")
            print(f"[load]   failed: {failures[-1]}", flush=True)
            continue
        outcomes.append(o)
        print(f"[load]   wall {o.wall_s:.1f} s, {len(o.problems)} problem(s)", flush=True)
    return report(outcomes, skipped, failures, time.monotonic() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="5 users, L = 0.2 s, no lognormal")
    parser.add_argument("--users", type=int, default=None)
    parser.add_argument("--latency", default=None, help="fixed:L (default fixed:0.5)")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--redis-url", default=None, help="default: a private embedded Redis")
    args = parser.parse_args()
    users = args.users or (5 if args.quick else 50)
    fixed = args.latency or ("fixed:0.2" if args.quick else FIXED)
    try:
        lines = asyncio.run(
            run(
                users,
                fixed,
                None if args.quick else GPT_4O_MINI,
                not args.no_postgres,
                args.redis_url,
            )
        )
    except KeyboardInterrupt:
        print("[load] interrupted: processes stopped, scratch data removed", file=sys.stderr)
        return 130
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
