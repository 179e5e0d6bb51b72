"""The line-role truth (bench/line_role_data.py): truth jobs found in a section's lines give the
roles, a section where a required job cannot be found is left out. Invented lines only."""

from __future__ import annotations

from bench.line_role_data import truth_keys, truth_roles

LINES = [
    "Profile summary written before the jobs",
    "Harbour Pilot — Saltmere Port Authority (Ardencove)",
    "2018 – 2022",
    "• Guided cargo ships",
    "Deckhand, Grey Tern Ferries Ltd",
    "2015 – 2018",
]
PILOT = {"title": "Harbour Pilot", "company": "Saltmere Port Authority", "location": "Ardencove",
         "start": "2018", "end": "2022"}  # fmt: skip
DECKHAND = {"title": "Deckhand", "company": "Grey Tern Ferries", "company_alt": [],
            "location": "", "start": "2015-03", "end": "2018"}  # fmt: skip


def test_truth_jobs_give_each_line_its_role() -> None:
    roles, found = truth_roles(LINES, [PILOT, DECKHAND], [])
    assert roles == ["NOISE", "START", "DATES", "DESC", "START", "DATES"]
    assert found == 2


def test_a_required_job_not_found_with_its_dates_leaves_the_section_out() -> None:
    moved = dict(DECKHAND, start="2009")
    assert truth_roles(LINES, [PILOT, moved], []) == (None, 0)


def test_an_optional_job_written_elsewhere_is_no_reason_to_leave_out() -> None:
    club = {"title": "Rowing club captain", "company": "Ardencove Rowers", "location": "",
            "start": "2012", "end": "2014"}  # fmt: skip
    roles, found = truth_roles(LINES, [PILOT, DECKHAND], [club])
    assert roles is not None and found == 2
    written = dict(club, title="Deckhand", start="2001")  # its title is in the lines: unsure
    assert truth_roles(LINES, [PILOT], [written])[0] is None


def test_truth_keys_accept_the_employer_without_its_legal_suffix_or_brackets() -> None:
    keys = truth_keys({"title": "Pilot (night shifts)", "company": "Saltmere (Port)",
                       "company_alt": ["SPA"], "location": "Ardencove, Westshire",
                       "start": "2018-01", "end": "present"})  # fmt: skip
    assert "Pilot" in keys.titles and "Saltmere" in keys.companies and "SPA" in keys.companies
    assert keys.places == ("Ardencove, Westshire", "Ardencove", "Westshire")
    assert keys.years == ("2018",)
