"""Two readings of one PDF's experience section (app/lib/parsing/entries/reading_choice.py): the
plain reading's jobs win only where they keep every job of the geometric reading and each job
they add stands on lines the geometric reading could not explain."""

from __future__ import annotations

import asyncio

from app.domain.cvs.rules_reading import parse_two_readings
from app.lib.cv_content import Education, Experience
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.reading_choice import Reading, choose
from app.lib.pdf_read.plain_reading import plain_pdf_text

STAFF = Experience(title="Staff Nurse", company="Saint Example Hospital", start="2019")
NIGHT = Experience(title="Night Nurse", company="Riverside Clinic", start="2016")
STUDY = Education(degree="Bachelor of Nursing", institution="University of Sample", start="2012")


def _titles(jobs: list[Experience]) -> list[str]:
    return [job.title for job in jobs]


def test_a_job_the_first_reading_left_unplaced_makes_the_second_win() -> None:
    first = Reading([STAFF], unplaced=["Night Nurse", "Riverside Clinic", "2016 - 2019"])
    chosen = choose(first, Reading([STAFF.model_copy(), NIGHT]))
    assert chosen.second_won
    assert _titles(chosen.experience) == ["Staff Nurse", "Night Nurse"]


def test_a_job_buried_in_another_job_s_bullets_makes_the_second_win() -> None:
    buried = STAFF.model_copy(update={"bullets": ["Cared for patients", "Night Nurse"]})
    buried.bullets.append("Riverside Clinic 2016 - 2019")
    assert choose(Reading([buried]), Reading([STAFF, NIGHT])).second_won


def test_a_job_the_first_reading_read_as_a_degree_naming_no_study_is_taken_from_it() -> None:
    misread = Education(degree="Night Nurse", institution="Riverside Clinic", start="2016")
    chosen = choose(Reading([STAFF], education=[STUDY, misread]), Reading([STAFF, NIGHT]))
    assert chosen.second_won
    assert chosen.taken_degrees == [misread]


def test_lines_the_first_reading_placed_in_a_real_degree_are_no_evidence() -> None:
    degree = Education(degree="Master of Nursing", institution="Riverside Clinic", start="2016")
    held = degree.model_copy(update={"description": "Night Nurse"})
    chosen = choose(Reading([STAFF], education=[held]), Reading([STAFF, NIGHT]))
    assert not chosen.second_won
    assert _titles(chosen.experience) == ["Staff Nurse"]


def test_the_second_reading_loses_when_it_drops_a_job_of_the_first() -> None:
    first = Reading([STAFF, NIGHT], unplaced=["Head Nurse", "Example Care Home"])
    head = Experience(title="Head Nurse", company="Example Care Home", start="2023")
    chosen = choose(first, Reading([head, STAFF]))
    assert not chosen.second_won
    assert chosen.unpaired == [1]  # the night job, which the other reading does not read


def test_an_added_entry_that_is_no_job_does_not_win() -> None:
    first = Reading([STAFF], unplaced=["Bachelor of Nursing", "University of Sample"])
    degree_as_job = Experience(
        title="Bachelor of Nursing", company="University of Sample", start="2012"
    )
    assert not choose(first, Reading([STAFF, degree_as_job])).second_won


def test_an_added_job_without_dates_does_not_win() -> None:
    first = Reading([STAFF], unplaced=["Night Nurse", "Riverside Clinic"])
    undated = NIGHT.model_copy(update={"start": None})
    assert not choose(first, Reading([STAFF, undated])).second_won


HEAD = """Jane Example
Registered Nurse
jane@example.org

EXPERIENCE
Staff Nurse
Saint Example Hospital
2019 - 2023
- Cared for twelve patients a shift
"""
NIGHT_LINES = "Night Nurse\nRiverside Clinic\n2016 - 2019\n"
STUDIES = "\nEDUCATION\nBachelor of Nursing\nUniversity of Sample\n2012 - 2015\n"
REFERENCES = "\nREFERENCES\nAvailable on request\n"


def test_the_plain_reading_s_jobs_replace_the_geometric_ones_and_their_lines_are_placed() -> None:
    geometric = HEAD + STUDIES + REFERENCES + NIGHT_LINES  # the job read after the references
    plain = HEAD + NIGHT_LINES + STUDIES + REFERENCES
    assert "Night Nurse" in parse_cv_text(geometric).unplaced
    parsed = parse_two_readings(geometric, plain)
    assert _titles(parsed.content.experience) == ["Staff Nurse", "Night Nurse"]
    assert "Night Nurse" not in parsed.unplaced
    assert [d.degree for d in parsed.content.education] == ["Bachelor of Nursing"]


def test_without_a_second_reading_the_rules_read_as_before() -> None:
    geometric = HEAD + STUDIES
    assert parse_two_readings(geometric, "").content.experience[0].title == "Staff Nurse"


def test_a_file_the_plain_reader_cannot_read_gives_no_second_reading() -> None:
    assert asyncio.run(plain_pdf_text(b"not a pdf at all", max_pages=2)) == ""
