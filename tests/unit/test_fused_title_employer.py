"""A title and its employer set on one line with no separator, told apart in the PDF by weight
alone ("SOFTWARE ARCHITECT CASEFLEET"), are cut after the last word that is a title on its own,
only when what follows names an employer (app/lib/parsing/entries/entry_jobs.py). Names are made
up."""

from __future__ import annotations

import pytest

from app.lib.parsing.entries.entry_jobs import (
    fused_title_employer,
    reads_as_description,
    without_description,
)


@pytest.mark.parametrize(
    ("line", "title", "employer"),
    [
        ("SOFTWARE ARCHITECT VELMORA", "SOFTWARE ARCHITECT", "VELMORA"),
        ("INTERIM CEO BRIGHT HARBOUR", "INTERIM CEO", "BRIGHT HARBOUR"),
        ("FOUNDER ORBIT MAKERS CLUB", "FOUNDER", "ORBIT MAKERS CLUB"),
        ("Senior Engineer Norvale", "Senior Engineer", "Norvale"),
    ],
)
def test_a_fused_line_is_cut_after_its_title(line: str, title: str, employer: str) -> None:
    assert fused_title_employer(line) == (title, employer)


@pytest.mark.parametrize(
    "line",
    [
        "Head of Sales",  # a complement of the title
        "Directeur commercial Norvale",  # "commercial" still speaks of the job
        "Stage au service Informatique",
        "Développeur Java",  # a skill
        "CONSULTANT SAP",
        "Engineer II",  # a level
        "Data Scientist Senior",
        "Software Engineer Paris",  # a place
        "Ingénieur logiciel",  # lowercase: the title goes on
        "Data Engineer",
    ],
)
def test_a_title_that_goes_on_is_not_cut(line: str) -> None:
    assert fused_title_employer(line) is None


def test_a_description_in_the_employers_place_gives_way_to_the_fused_name() -> None:
    """A heading's next line describing the work ("Built tools; ran…") is no employer: the
    name fused on the title line is."""
    assert reads_as_description("Built the release tooling; ran the nightly builds")
    assert reads_as_description("helping small shops sell their goods on the web")
    assert not reads_as_description("Société Générale Corporate & Investment Banking")
    assert not reads_as_description("Norvale")


@pytest.mark.parametrize(
    ("company", "name"),
    [
        ("VELMORA LABS Agence de conseil en stratégie et opérations", "VELMORA LABS"),
        ("BRAKTON Leader européen du transport routier", "BRAKTON"),
        ("KORLY Audit et Conseil", "KORLY Audit et Conseil"),  # short: part of the name
        ("Crêperie du Port", "Crêperie du Port"),
        ("IBM France", "IBM France"),
    ],
)
def test_a_firms_description_after_its_name_in_capitals_is_dropped(company: str, name: str) -> None:
    assert without_description(company) == name
