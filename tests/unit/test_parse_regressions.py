"""The per-document accounting of ``make eval-parse`` (bench/parse_regressions.py): a document
better on one field and worse on another is listed as a regression, never averaged away."""

from __future__ import annotations

from bench.parse_regressions import account, accounting_lines, per_cv_readings

HEADER = (
    "## Per CV\n\n| CV | variant | jobs found | predicted | all 4 right | name/email/phone "
    "| skills | languages | jobs found before |\n|---|---|---|---|---|---|---|---|---|\n"
)


def _report(*rows: str) -> str:
    return "# Import quality\n\n| a | pdf | 1/1 | 1 | 1 | NEP |\n\n" + HEADER + "\n".join(rows)


def test_documents_are_sorted_into_improved_regressed_and_unchanged() -> None:
    before = per_cv_readings(
        _report(
            "| a.pdf | pdf | 2/4 | 3 | 1 | NEP | 1/1 | 1/1 | – |",
            "| b.pdf | pdf | 4/4 | 4 | 4 | NEP | 1/1 | 1/1 | – |",
            "| c.txt | pasted | 3/4 | 5 | 2 | N·P | 1/1 | 1/1 | – |",
            "| d.pdf | pdf | 1/1 | 1 | 1 | NEP | 1/1 | 1/1 | – |",
        )
    )
    now = per_cv_readings(
        _report(
            "| a.pdf | pdf | 4/4 | 4 | 3 | NEP | 1/1 | 1/1 | – |",  # better everywhere
            "| b.pdf | pdf | 4/4 | 4 | 4 | NEP | 1/1 | 1/1 | – |",  # the same
            "| c.txt | pasted | 4/4 | 7 | 2 | NEP | 1/1 | 1/1 | – |",  # one more job, 3 extra
            "| d.pdf | pdf | error: boom |||||||",
            "| e.pdf | pdf | 1/1 | 1 | 1 | NEP | 1/1 | 1/1 | – |",
        )
    )
    # Only rows of the per-CV table count (not the first table's look-alike row).
    assert set(before) == {
        ("a.pdf", "pdf"),
        ("b.pdf", "pdf"),
        ("c.txt", "pasted"),
        ("d.pdf", "pdf"),
    }
    accounting = account(now, before)
    assert accounting.improved == ["a.pdf (pdf)"]
    assert accounting.regressed == ["c.txt (pasted): worse on extra; better on jobs, contacts"]
    assert (accounting.unchanged, accounting.new) == (1, 1)
    lines = accounting_lines(accounting)
    assert lines[0].startswith("Against the last committed run: 1 documents improved, 1 regressed")
