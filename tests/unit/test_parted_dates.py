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


STACKED = """Ilse Marnor
Responsable logistique
i.marnor@postbox.example

Expériences
Responsable logistique
Clinique Belvanor, Nantes
• Réduction des délais de livraison de 6 %.
Chef de projet digital
TRAVELNO, Remote
• Pilotage de la migration du stock.
• Suivi des fournisseurs.

Langues
Français : langue maternelle
Anglais : courant

août 2024 - mars 2025

janvier 2024 - juillet 2024
"""


def test_a_date_column_copied_after_the_page_dates_every_job_in_order() -> None:
    parsed = parse_cv_text(STACKED)
    assert [(j.title, j.company, j.start, j.end) for j in parsed.content.experience] == [
        ("Responsable logistique", "Clinique Belvanor", "2024-08", "2025-03"),
        ("Chef de projet digital", "TRAVELNO", "2024-01", "2024-07"),
    ]
    assert [x.name for x in parsed.content.languages] == ["Français", "Anglais"]


def test_a_stack_that_does_not_fit_every_head_in_order_stays_where_it_is() -> None:
    jobs = STACKED.split("\n\nLangues")[0].split("Expériences\n")[1].split("\n")
    languages = ["Français : langue maternelle", ""]
    for stack in (
        # Three ranges for two jobs: which two are theirs would be a guess.
        ["2022 - 2023", "2021 - 2022", "2020 - 2021"],
        # Two ranges for two jobs, one of which has its own: one head undated, two ranges.
        ["2019 - 2020", "", "2018 - 2019"],
        # A line of words between two ranges: not one stack.
        ["août 2024 - mars 2025", "Anglais : courant", "janvier 2024 - juillet 2024"],
    ):
        section = list(jobs)
        if stack[0] == "2019 - 2020":
            section.insert(2, "2024 - 2025")
        lines = {"experience": list(section), "languages": [*languages, *stack]}
        dates_parted_from_jobs(lines)
        assert lines == {"experience": section, "languages": [*languages, *stack]}, stack
    lines = {"experience": list(jobs), "languages": [*languages, "août 2024 - mars 2025", ""]}
    lines["languages"].append("janvier 2024 - juillet 2024")
    dates_parted_from_jobs(lines)
    assert lines["languages"] == [*languages, ""]
    assert lines["experience"][:3] == [*jobs[:2], "août 2024 - mars 2025"]
