"""Date ranges as CVs write them (FR/EN), and dates typed in the editor."""

from __future__ import annotations

import pytest

from app.lib.parsing.dates import find_date_range, normalise_date_input, remove_span


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("2019 – 2023", "2019", "2023", False),
        ("janv. 2020 - présent", "2020-01", None, True),
        ("03/2018–Present", "2018-03", None, True),
        ("Jan 2020 to Dec 2021", "2020-01", "2021-12", False),
        ("depuis septembre 2021", "2021-09", None, True),
        ("Since March 2019", "2019-03", None, True),
        ("2018-19", "2018", "2019", False),
        ("de 2015 à 2017 (2 ans)", "2015", "2017", False),
        ("Octobre 2018 à Juin 2020 · 1 an 9 mois", "2018-10", "2020-06", False),
        ("sept. 2021 - aujourd'hui", "2021-09", None, True),
        ("févr. 2016 – août 2017", "2016-02", "2017-08", False),
        ("10.2016 - 02.2018", "2016-10", "2018-02", False),
        ("2017-03 – 2019-11", "2017-03", "2019-11", False),
        ("May 2019 - now", "2019-05", None, True),
        ("2019/2020", "2019", "2020", False),
        ("2020 –", "2020", None, True),
        ("June 2016 - Dec 2019", "2016-06", "2019-12", False),
    ],
)
def test_ranges(text: str, start: str, end: str | None, current: bool) -> None:
    found = find_date_range(text)
    assert found is not None
    assert (found.start, found.end, found.current, found.single) == (start, end, current, False)


def test_single_dates_and_non_dates() -> None:
    single = find_date_range("Certified Kubernetes Application Developer (CKAD) – 2022")
    assert single is not None and single.single and single.start == "2022"
    assert find_date_range("Top 5% finish with 2 000 users") is None
    assert find_date_range("Junior developer") is None  # "jun" is not June without a year
    assert find_date_range("2023 - 2019") is not None  # reversed: read as two single years
    assert find_date_range("2023 - 2019").single  # type: ignore[union-attr]


def test_the_date_is_cut_out_of_the_heading_line() -> None:
    line = "Développeuse backend senior — Banque Rhône-Alpes, Lyon\tjanv. 2020 – présent"
    found = find_date_range(line)
    assert found is not None
    assert remove_span(line, found.span) == "Développeuse backend senior — Banque Rhône-Alpes, Lyon"
    line = "Mobilis Transport · Nantes · sept. 2021 - aujourd'hui"
    found = find_date_range(line)
    assert found is not None and remove_span(line, found.span) == "Mobilis Transport · Nantes"
    line = "Data Scientist (depuis 2021)"
    found = find_date_range(line)
    assert found is not None and remove_span(line, found.span) == "Data Scientist"


def test_editor_dates() -> None:
    assert normalise_date_input("2020") == "2020"
    assert normalise_date_input("03/2020") == "2020-03"
    assert normalise_date_input("mars 2020") == "2020-03"
    assert normalise_date_input("Sept 2019") == "2019-09"
    assert normalise_date_input(" ") is None
    for bad in ("soon", "2020 - 2021", "13/2020", "2020-13", "1820"):
        with pytest.raises(ValueError):
            normalise_date_input(bad)
