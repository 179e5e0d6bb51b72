"""Two readings of one PDF's education section (app/lib/parsing/entries/education_choice.py): the
plain reading's entries win only where more of them hold together (a year, a degree part, a
school part, neither a line the other reading placed in another section) and no more fall
apart."""

from __future__ import annotations

from app.domain.cvs.rules_reading import parse_two_readings
from app.lib.cv_content import CvContent, Education, Experience, ExtraItem, Extras
from app.lib.parsing.entries.education_choice import (
    choose_education,
    holds_together,
    other_sections,
)

NURSING = Education(degree="Diploma in Nursing", institution="Example Health College", end="2014")
SCHOOL = Education(degree="Secondary Certificate", institution="Sample High School", end="2010")
CARE = Experience(title="Care Assistant", company="Hillside Care Home", start="2015")


def _cv(*education: Education, **parts: object) -> CvContent:
    return CvContent(education=list(education), **parts)


def test_an_entry_with_a_year_a_degree_and_a_school_holds_together() -> None:
    assert holds_together(NURSING, set())


def test_an_entry_missing_its_school_or_its_year_does_not() -> None:
    assert not holds_together(NURSING.model_copy(update={"institution": ""}), set())
    assert not holds_together(NURSING.model_copy(update={"end": None}), set())


def test_an_entry_made_of_another_section_s_line_does_not() -> None:
    elsewhere = other_sections(_cv(experience=[CARE]))
    misread = Education(degree="Care Assistant", institution="Example Town", end="2015")
    assert not holds_together(misread, elsewhere)


def test_a_line_that_only_contains_another_section_s_words_is_not_that_line() -> None:
    # A bullet naming the college is not the college's line: the degree still holds together.
    job = CARE.model_copy(update={"bullets": ["Placement from Example Health College"]})
    assert holds_together(NURSING, other_sections(_cv(experience=[job])))


def test_the_second_reading_wins_where_the_first_cut_its_entries() -> None:
    # A table row read cell by cell: the school and the degree in two entries, no year on one.
    cut = [
        Education(degree="Diploma in Nursing", end="2014"),
        Education(degree="Example Health College"),
    ]
    chosen = choose_education(_cv(*cut), _cv(NURSING, SCHOOL))
    assert chosen is not None
    assert [entry.institution for entry in chosen] == [
        "Example Health College",
        "Sample High School",
    ]


def test_the_second_reading_wins_where_the_first_read_no_education() -> None:
    assert choose_education(_cv(), _cv(NURSING)) == [NURSING]


def test_the_first_reading_stays_when_the_second_s_entries_hold_no_better() -> None:
    assert choose_education(_cv(NURSING, SCHOOL), _cv(SCHOOL, NURSING)) is None


def test_entries_that_are_another_section_s_lines_do_not_make_the_second_win() -> None:
    # The plain reading runs the certificates' lines into the education section.
    course = ExtraItem(name="First Aid at Work", issuer="Sample Training Ltd")
    first = _cv(NURSING, extras=Extras(certifications=[course]))
    added = Education(degree="First Aid at Work", institution="Sample Training Ltd", end="2019")
    assert choose_education(first, _cv(NURSING, added)) is None


def test_the_second_reading_loses_when_more_of_its_entries_fall_apart() -> None:
    jobs_as_degrees = [Education(degree="Care Assistant"), Education(degree="Hillside Care Home")]
    first = _cv(NURSING.model_copy(update={"institution": ""}))
    assert choose_education(first, _cv(NURSING, SCHOOL, *jobs_as_degrees)) is None


FIRST_READING = """Jane Sample
jane.sample@example.org

EDUCATION
Diploma in Nursing
2014

EXPERIENCE
Care Assistant, Hillside Care Home
2015 - 2020
- Cared for residents
"""

PLAIN_READING = """Jane Sample
jane.sample@example.org

EDUCATION
Diploma in Nursing, Example Health College, 2014

EXPERIENCE
Care Assistant, Hillside Care Home
2015 - 2020
- Cared for residents
"""


def test_the_import_keeps_the_reading_whose_degree_names_its_school() -> None:
    parsed = parse_two_readings(FIRST_READING, PLAIN_READING)
    assert [entry.institution for entry in parsed.content.education] == ["Example Health College"]
    assert [job.title for job in parsed.content.experience] == ["Care Assistant"]


def test_a_degree_line_the_chosen_reading_does_not_hold_is_kept_and_asked_about() -> None:
    first = FIRST_READING.replace(
        "Diploma in Nursing\n2014\n", "Diploma in Nursing\n2014\n- Thesis on falls prevention\n"
    )
    parsed = parse_two_readings(first, PLAIN_READING)
    assert [entry.institution for entry in parsed.content.education] == ["Example Health College"]
    assert any("Thesis on falls prevention" in line for line in parsed.unplaced)
    assert not any("Diploma in Nursing" in line for line in parsed.unplaced)  # the chosen hold it


def test_more_entries_whole_do_not_win_when_one_of_the_first_s_is_lost() -> None:
    """The plain reading split a degree's courses into entries of their own (each with a
    month and an organiser) and ran the next degree into them: more entries hold together,
    but the first reading's whole school certificate is gone from it."""
    courses = [
        Education(degree="MOOC Project Management", institution="Open Campus", end="2022"),
        Education(degree="First Aid Training", institution="Red Cross Academy", end="2023"),
    ]
    first = _cv(NURSING, SCHOOL)
    second = _cv(NURSING, *courses)
    assert choose_education(first, second) is not None  # the choice by shape alone
    assert choose_education(first, second, keep_whole=True) is None
    # the second holding each of the first's whole entries still wins
    assert choose_education(first, _cv(NURSING, SCHOOL, *courses), keep_whole=True) is not None


def test_in_a_section_printing_no_year_entries_hold_together_by_their_names() -> None:
    # Every line apart in one reading (a degree, then its school, as entries of their own), in
    # pairs in the other: the pairs win, though no entry of either has a year.
    apart = [
        Education(degree="Secondary Certificate"),
        Education(degree="Sample High School"),
        Education(degree="Diploma in Nursing"),
        Education(degree="Example Health College"),
    ]
    paired = [
        Education(degree="Secondary Certificate", institution="Sample High School"),
        Education(degree="Diploma in Nursing", institution="Example Health College"),
    ]
    assert choose_education(_cv(*apart), _cv(*paired), keep_whole=True) == paired
    assert choose_education(_cv(*paired), _cv(*apart), keep_whole=True) is None
    # Where a reading found a year, an undated entry still does not hold together.
    dated = [NURSING, Education(degree="Secondary Certificate", institution="Sample High School")]
    assert not holds_together(dated[1], set())
    assert choose_education(_cv(*apart), _cv(*dated), keep_whole=True) == dated
