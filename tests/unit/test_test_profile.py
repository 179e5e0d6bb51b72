"""The long-tests-first order: bench/test_profile.py reads a ``--durations=0`` report into the
seconds tests/conftest.py sorts by (setup, call and teardown of a test added up)."""

from __future__ import annotations

import json
from pathlib import Path

from bench.test_profile import BUDGET, LONG_TEST_S, check_budget, long_tests, summarise_cpu

REPORT = """
============================== slowest durations ===============================
30.00s call     tests/a.py::test_slow
1.50s setup    tests/a.py::test_slow
1.50s call     tests/b.py::test_medium[x]
0.60s teardown tests/b.py::test_medium[x]
0.40s call     tests/c.py::test_quick
= 3 passed in 40.00s =
"""


def test_long_tests_add_phases_and_keep_only_the_long_ones_longest_first() -> None:
    found = long_tests(REPORT)
    assert found == {"tests/a.py::test_slow": 31.5, "tests/b.py::test_medium[x]": 2.1}
    assert list(found) == ["tests/a.py::test_slow", "tests/b.py::test_medium[x]"]
    assert all(secs >= LONG_TEST_S for secs in found.values())


def test_the_committed_order_hint_names_tests_that_exist() -> None:
    """A renamed test would silently lose its place at the head of the run."""
    root = Path(__file__).resolve().parents[2]
    hint = json.loads((root / "tests" / "durations.json").read_text())
    assert hint
    for test in hint:
        file, name = test.split("::", 1)
        source = root / file
        assert source.exists(), test
        assert f"def {name.split('[', 1)[0]}(" in source.read_text(), test


def test_the_cpu_log_adds_the_test_process_and_its_children_per_file() -> None:
    log = "\n".join(
        json.dumps(row)
        for row in (
            {"test": "tests/unit/a.py::test_x", "own": 1.0, "children": 4.0, "wall": 9.0},
            {"test": "tests/unit/a.py::test_y", "own": 2.0, "children": 0.0, "wall": 2.0},
            {"test": "tests/faults/b.py::test_z", "own": 0.5, "children": 0.5, "wall": 30.0},
        )
    )
    lines = summarise_cpu(log)
    assert lines[0] == "3 tests; CPU summed over tests: 8 s (wall summed over tests: 41 s)."
    assert "| `tests/unit/a.py` | 7.0 | 88% |" in lines
    assert "| `child processes` | 4.5 | 56% |" in lines


def test_the_budget_says_which_suite_went_over() -> None:
    log = "\n".join(
        json.dumps({"test": test, "own": own, "children": children, "wall": 1.0})
        for test, own, children in (
            ("tests/unit/test_a.py::test_x", 4.0, 1.0),
            ("tests/browser/test_b.py::test_y", 2.0, 9.0),
        )
    )
    lines, within = check_budget(log, {"tests/unit": 6.0, "tests/browser": 10.0})
    assert not within
    assert "| `tests/browser` | 11 | 10 | OVER |" in lines
    assert "| `tests/unit` | 5 | 6 | ok |" in lines
    _, within = check_budget(log, {"tests/unit": 6.0, "tests/browser": 12.0})
    assert within
    # a suite the budget does not know is over: a new suite states its cost
    _, within = check_budget(log, {"tests/unit": 6.0})
    assert not within


def test_the_committed_budget_covers_every_suite() -> None:
    budget = json.loads(BUDGET.read_text(encoding="utf-8"))
    suites = {p.parent.as_posix() for p in Path("tests").glob("*/test_*.py")}
    assert suites <= set(budget), suites - set(budget)
