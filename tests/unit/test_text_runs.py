"""``runs_of``: the runs of consecutive items a test keeps (app/lib/parsing/text/runs.py)."""

from __future__ import annotations

from app.lib.parsing.text.runs import runs_of


def test_items_the_test_fails_end_a_run_and_belong_to_none() -> None:
    lines = ["", "Title", "Employer", "", "", "Bullet", "  ", "Last"]
    assert runs_of(lines, lambda line: bool(line.strip())) == [
        ["Title", "Employer"],
        ["Bullet"],
        ["Last"],
    ]


def test_no_empty_run_between_separators_that_follow_each_other() -> None:
    words = ["and", "langues", "and", "and", "competences", "informatiques", "and"]
    assert runs_of(words, lambda word: word != "and") == [
        ["langues"],
        ["competences", "informatiques"],
    ]


def test_nothing_kept_gives_no_run() -> None:
    assert runs_of(range(5), lambda number: number > 9) == []
    assert runs_of([], bool) == []
