"""The learned heading labeller (app/lib/parsing/fields/field_labeller.py) and where the parser
uses it:
invented headings in the shapes the rules find hard."""

from __future__ import annotations

import pytest

from app.lib.parsing.entries.entries import split_entries
from app.lib.parsing.entries.roles import experience_from
from app.lib.parsing.fields import field_labeller
from app.lib.parsing.fields.field_features import tokenize
from app.lib.parsing.fields.field_labeller import Field, Fields, combine, label_heading

pytestmark = pytest.mark.skipif(not field_labeller.available(), reason="no labeller model")


def _job(text: str) -> tuple[str, str, str, list[str]]:
    entry = next(e for e in split_entries(text.split("\n")) if e.dates)
    job = experience_from(entry)
    return job.title, job.company, job.location, entry.heading


@pytest.mark.parametrize(
    ("text", "title", "company", "place"),
    [
        ("INTERN, Vorbek AS at Bergen, NO\nJan 2020 - Mar 2021", "INTERN", "Vorbek AS", "Bergen"),
        (
            "Acheteur, Tralmivo Robotics – Lyon\n2019 - 2021",
            "Acheteur",
            "Tralmivo Robotics",
            "Lyon",
        ),
        (
            "Project Manager | Quenzal Systems / Porto\n2019 - 2021",
            "Project Manager",
            "Quenzal Systems",
            "Porto",
        ),
        # A town with its department, read by the rules as the employer.
        (
            "BRASSERIE ZOLNEC à Anglet (64)\nCommis de cuisine\n2019 - 2020",
            "Commis",
            "ZOLNEC",
            "Anglet",
        ),
        # Only an employer named: no title to invent.
        ("Vandrel Fashion Sàrl\nLausanne\n2018 - 2019", "", "Vandrel Fashion Sàrl", ""),
    ],
)
def test_hard_heading_shapes(text: str, title: str, company: str, place: str) -> None:
    got_title, got_company, got_place, heading = _job(text)
    assert title in got_title if title else got_title == ""
    assert company in got_company and len(got_company) <= len(company) + 12
    assert place in got_place
    # Nothing invented: every value is cut out of the heading as written.
    written = " ".join(heading)
    for value in (got_title, got_company):
        assert value in written


def test_a_clear_heading_keeps_the_rules_split() -> None:
    title, company, _, _ = _job("Data Analyst – Morvatel Consulting\n2020 - 2022\nLeeds")
    assert (title, company) == ("Data Analyst", "Morvatel Consulting")


def test_labels_follow_the_words_not_the_rules_alone() -> None:
    heading = ["Sales Representative, Dremlo Foods – Austin, TX"]
    fields = label_heading(heading, ("Sales Representative", "", "Austin, TX"))
    assert fields is not None
    assert fields.company.text == "Dremlo Foods"
    assert "Austin" in fields.place.text
    assert 0.5 < fields.company.confidence <= 1.0


def test_separators_are_features_not_tokens() -> None:
    tokens = tokenize(["Chef de projet | Korvani SAS · Rennes"])
    assert [t.text for t in tokens] == ["Chef", "de", "projet", "Korvani", "SAS", "Rennes"]
    assert [t.segment for t in tokens] == [0, 0, 0, 1, 1, 2]
    assert tokens[3].before == "|" and tokens[4].after == "·"


def _fields(title: str, company: str, place: str = "") -> Fields:
    return Fields(Field(title, 0.9), Field(company, 0.9), Field(place, 0.9))


def test_combine_trusts_the_rules_where_they_found_an_employer() -> None:
    got = combine("Data Analyst", "Morvatel", "", _fields("Data Analyst", "Kerlon"))
    assert got == ("Data Analyst", "Morvatel", "")


def test_combine_takes_the_labellers_employer_over_a_place() -> None:
    got = combine("Cook", "Tahiti 987", "", _fields("Cook", "Pralven Telecom"))
    assert got == ("Cook", "Pralven Telecom", "Tahiti 987")


def test_combine_cuts_an_employer_out_of_the_title() -> None:
    got = combine("Attaché énergie pour le Service Zorvan", "", "", _fields("", "Service Zorvan"))
    assert got == ("Attaché énergie", "Service Zorvan", "")


def test_without_a_model_the_rules_stand() -> None:
    assert combine("Cook", "", "Lyon", None) == ("Cook", "", "Lyon")
