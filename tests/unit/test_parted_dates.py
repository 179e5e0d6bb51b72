"""A job's dates copied apart from it (app/lib/parsing/entries/parted_dates.py)."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.parted_dates import dates_parted_from_jobs

HEAD = "Noor Listen\nLogistics Coordinator\nn.listen@postbox.example\n\nExperience\n"
JOBS = """Logistics Coordinator

2023 — 2025

Dalnor Labs, Lille
• Trained 26 new hires on the tooling.
Sales Representative

2021 — 2023

Bralyta Logistics, Berlin
• Wrote the quality procedures.
Supply Chain Analyst
Trentren & Berro, Rennes
• Automated the monthly closing checks.
"""
LANGUAGES = "\nLanguages\nFrench : native\nGerman : A2\n"


def test_a_lone_range_after_the_sections_dates_the_one_undated_job() -> None:
    parsed = parse_cv_text(HEAD + JOBS + LANGUAGES + "\n2019 — 2021\n")
    assert [(j.title, j.start, j.end) for j in parsed.content.experience] == [
        ("Logistics Coordinator", "2023", "2025"),
        ("Sales Representative", "2021", "2023"),
        ("Supply Chain Analyst", "2019", "2021"),
    ]
    assert [x.name for x in parsed.content.languages] == ["French", "German"]
    assert "2019 — 2021" not in parsed.unplaced


def test_a_range_out_of_the_jobs_order_or_one_of_two_stays_where_it_is() -> None:
    jobs = JOBS.split("\n")
    # 2024 — 2025 would put the oldest job first: the job stays undated, the range where it was.
    lines = {"experience": list(jobs), "languages": ["French : native", "2024 — 2025"]}
    dates_parted_from_jobs(lines)
    assert lines == {"experience": jobs, "languages": ["French : native", "2024 — 2025"]}
    # Two lone ranges: which one is the job's would be a guess.
    lines = {"experience": list(jobs), "languages": ["2019 — 2021"], "skills": ["2018 — 2019"]}
    dates_parted_from_jobs(lines)
    assert lines["experience"] == jobs
    # The range fits: it goes under the undated job's head, out of the languages.
    lines = {"experience": list(jobs), "languages": ["French : native", "2019 — 2021"]}
    dates_parted_from_jobs(lines)
    assert lines["languages"] == ["French : native"]
    at = lines["experience"].index("Trentren & Berro, Rennes")
    assert lines["experience"][at + 1] == "2019 — 2021"
