"""Date ranges as CVs write them (FR/EN), and dates typed in the editor."""

from __future__ import annotations

import pytest

from app.lib.parsing.dates.dates import find_date_range, normalise_date_input, remove_span


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


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("Mar 21-Nov 23", "2021-03", "2023-11", False),  # month + two-digit year
        ("Aug 20 - until now, Rennes", "2020-08", None, True),
        ("04/19 - 10/22", "2019-04", "2022-10", False),  # mm/yy
        ("Sept'18 - Jan 19", "2018-09", "2019-01", False),
        ("juil.-sept. 2022", "2022-07", "2022-09", False),  # yearless start
        ("De février à mai 2021, Brest", "2021-02", "2021-05", False),
        ("November – January 2020", "2019-11", "2020-01", False),  # across the new year
        ("15/03 au 31/08/2023", "2023-03", "2023-08", False),  # day/month start
        ("D'avril 2016 à juin 2018 Agence Horizon", "2016-04", "2018-06", False),
        ("2021 - à ce jour", "2021", None, True),
        ("Oct 2017 – to date", "2017-10", None, True),
        ("janv. 2022 – Continue", "2022-01", None, True),
    ],
)
def test_more_range_forms(text: str, start: str, end: str | None, current: bool) -> None:
    found = find_date_range(text)
    assert found is not None
    assert (found.start, found.end, found.current, found.single) == (start, end, current, False)


@pytest.mark.parametrize(
    ("text", "year"),
    [("Été 2019", "2019"), ("Summer 2020", "2020"), ("Hiver 2018", "2018"), ("Fall 2017", "2017")],
)
def test_seasons_give_their_year(text: str, year: str) -> None:
    found = find_date_range(text)
    assert found is not None and found.single and found.start == year


def test_short_years_only_inside_a_range() -> None:
    assert find_date_range("Promoted on May 19, 2021") is not None
    # "May 19" is a day of May 2021, never the year 2019.
    assert find_date_range("Promoted on May 19, 2021").start == "2021-05"  # type: ignore[union-attr]
    assert find_date_range("Grade 15/20 in maths") is None
    assert find_date_range("Mar 21") is None  # a day or a short year: not alone


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("Vendeur (CDD) – 4 mois – 2021", "Vendeur (CDD)"),
        ("3 Months - 2019", ""),
        ("Barista · 2022 (5 mois)", "Barista"),
        ("De janvier 2019 à mars 2020 Hôtel Bellevue Annecy", "Hôtel Bellevue Annecy"),
    ],
)
def test_durations_and_prepositions_leave_with_the_dates(line: str, rest: str) -> None:
    found = find_date_range(line)
    assert found is not None
    assert remove_span(line, found.span) == rest


def test_range_end_without_its_year() -> None:
    found = find_date_range("Boulangerie Lemaire | Avril 2012 à Décembre")
    assert found is not None and (found.start, found.end) == ("2012-04", "2012-12")


def test_a_range_of_days_within_one_month_is_a_range() -> None:
    found = find_date_range("du 12 au 16 mars 2021")
    assert found is not None and not found.single
    assert (found.start, found.end, found.span) == ("2021-03", "2021-03", (0, 21))
    english = find_date_range("Work placement, from 3 to 7 May 2019")
    assert english is not None and not english.single and english.start == "2019-05"
    birth = find_date_range("Born 12 May 1990")
    assert birth is not None and birth.single  # one day is still one date
