"""Where `make test`'s time goes: a summary of pytest's ``--durations=0`` report.

    .venv/bin/pytest -m "not browser" --durations=0 -q > run.txt
    python -m bench.test_profile run.txt [--top 25]
    python -m bench.test_profile run.txt --write-durations tests/durations.json
    python -m bench.test_profile --cpu cpu.jsonl   # bench/test_cpu.py's log: CPU, not wall

Prints Markdown: seconds per suite (tests/<suite>/) and per phase (setup, call, teardown),
the slowest files and the slowest tests. bench/TESTS.md keeps the summaries of the runs it
compares. With pytest-xdist the phases of all workers add up (CPU-seconds of test time, not
wall time): the wall time is the run's own last line.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

DURATION = re.compile(r"^(?P<secs>\d+(?:\.\d+)?)s (?P<phase>setup|call|teardown)\s+(?P<id>\S.*)$")
SUMMARY = re.compile(r"(?P<counts>(?:\d+ \w+(?:, )?)+) in (?P<secs>[\d.]+)s")


@dataclass(frozen=True)
class Row:
    seconds: float
    phase: str
    test_id: str

    @property
    def file(self) -> str:
        return self.test_id.split("::", 1)[0]

    @property
    def suite(self) -> str:
        parts = self.file.split("/")
        return "/".join(parts[:2]) if len(parts) > 2 else self.file


def read_rows(text: str) -> list[Row]:
    rows = []
    for line in text.splitlines():
        match = DURATION.match(line.strip())
        if match:
            rows.append(Row(float(match["secs"]), match["phase"], match["id"].strip()))
    return rows


def wall_time(text: str) -> str:
    found = SUMMARY.findall(text)
    return f"{found[-1][0]} in {float(found[-1][1]):.0f} s" if found else "no summary line"


def _table(title: str, totals: dict[str, float], top: int | None = None) -> list[str]:
    lines = [f"| {title} | s | share |", "|---|---:|---:|"]
    whole = sum(totals.values()) or 1.0
    ranked = sorted(totals.items(), key=lambda item: -item[1])
    for name, secs in ranked[:top] if top else ranked:
        lines.append(f"| `{name}` | {secs:.1f} | {secs / whole:.0%} |")
    return lines


def summarise(text: str, top: int = 25) -> list[str]:
    rows = read_rows(text)
    by_suite: dict[str, float] = defaultdict(float)
    by_phase: dict[str, float] = defaultdict(float)
    by_file: dict[str, float] = defaultdict(float)
    by_test: dict[str, float] = defaultdict(float)
    for row in rows:
        by_suite[row.suite] += row.seconds
        by_phase[row.phase] += row.seconds
        by_file[row.file] += row.seconds
        by_test[row.test_id] += row.seconds
    total = sum(by_phase.values())
    return [
        f"Run: {wall_time(text)}; test time summed over tests: {total:.0f} s.",
        "",
        *_table("suite", by_suite),
        "",
        *_table("phase", by_phase),
        "",
        *_table(f"file (top {top})", by_file, top),
        "",
        *_table(f"test (top {top})", by_test, top),
    ]


LONG_TEST_S = 2.0  # shorter tests need no place at the head of the run


def long_tests(text: str) -> dict[str, float]:
    """Seconds per test (setup, call and teardown together) for the tests of ``LONG_TEST_S`` or
    more, longest first: the order hint tests/conftest.py starts the run with."""
    by_test: dict[str, float] = defaultdict(float)
    for row in read_rows(text):
        by_test[row.test_id] += row.seconds
    ranked = sorted(by_test.items(), key=lambda item: (-item[1], item[0]))
    return {test: round(secs, 1) for test, secs in ranked if secs >= LONG_TEST_S}


def summarise_cpu(log: str, top: int = 25) -> list[str]:
    """The same tables from bench/test_cpu.py's log: CPU seconds (the test process and its
    children) per suite, file and test, beside the wall seconds of the same tests."""
    rows = [json.loads(line) for line in log.splitlines() if line.strip()]
    by_suite: dict[str, float] = defaultdict(float)
    by_kind: dict[str, float] = defaultdict(float)
    by_file: dict[str, float] = defaultdict(float)
    by_test: dict[str, float] = defaultdict(float)
    for row in rows:
        cpu = row["own"] + row["children"]
        place = Row(cpu, "call", row["test"])
        by_suite[place.suite] += cpu
        by_kind["test process"] += row["own"]
        by_kind["child processes"] += row["children"]
        by_file[place.file] += cpu
        by_test[place.test_id] += cpu
    wall = sum(row["wall"] for row in rows)
    return [
        f"{len(rows)} tests; CPU summed over tests: {sum(by_kind.values()):.0f} s"
        f" (wall summed over tests: {wall:.0f} s).",
        "",
        *_table("suite (CPU)", by_suite),
        "",
        *_table("where (CPU)", by_kind),
        "",
        *_table(f"file (CPU, top {top})", by_file, top),
        "",
        *_table(f"test (CPU, top {top})", by_test, top),
    ]


BUDGET = Path(__file__).with_name("test_budget.json")


def cpu_by_suite(log: str) -> dict[str, float]:
    totals: dict[str, float] = defaultdict(float)
    for line in log.splitlines():
        if line.strip():
            row = json.loads(line)
            totals[Row(0.0, "call", row["test"]).suite] += row["own"] + row["children"]
    return dict(totals)


def check_budget(log: str, budget: dict[str, float]) -> tuple[list[str], bool]:
    """Each suite's CPU against the committed budget (bench/test_budget.json): the suite's cost
    is watched per change, not discovered at the end of a stop (bench/TESTS.md)."""
    spent = cpu_by_suite(log)
    lines = ["| suite | CPU s | budget s | |", "|---|---:|---:|---|"]
    within = True
    for suite in sorted(set(spent) | set(budget)):
        used, allowed = spent.get(suite, 0.0), budget.get(suite)
        over = allowed is None or used > allowed
        within = within and not over
        shown = "—" if allowed is None else f"{allowed:.0f}"
        lines.append(f"| `{suite}` | {used:.0f} | {shown} | {'OVER' if over else 'ok'} |")
    total, allowed_total = sum(spent.values()), sum(budget.values())
    lines.append(f"| all | {total:.0f} | {allowed_total:.0f} | {'ok' if within else 'OVER'} |")
    return lines, within


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="pytest output with --durations=0")
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--write-durations", type=Path, help="write the long tests' seconds")
    parser.add_argument("--cpu", action="store_true", help="report is bench/test_cpu.py's log")
    parser.add_argument("--budget", action="store_true", help="check a CPU log against the budget")
    args = parser.parse_args()
    text = args.report.read_text(errors="replace")
    if args.budget:
        lines, within = check_budget(text, json.loads(BUDGET.read_text(encoding="utf-8")))
        print("\n".join(lines))
        raise SystemExit(0 if within else 1)
    if args.cpu:
        print("\n".join(summarise_cpu(text, args.top)))
        return
    if args.write_durations:
        found = long_tests(text)
        args.write_durations.write_text(json.dumps(found, indent=0) + "\n", encoding="utf-8")
        print(f"{len(found)} tests of {LONG_TEST_S} s or more written to {args.write_durations}")
        return
    print("\n".join(summarise(text, args.top)))


if __name__ == "__main__":
    main()
