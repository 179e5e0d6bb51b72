"""One date grammar for the FR/EN forms CVs use: open ends, "Month, YYYY", year lists, seasons,
days before a month, PDF hyphens, ranges broken over two lines, and what is not a date."""

from __future__ import annotations

import pytest

from app.lib.parsing.dates.date_lines import join_split_dates
from app.lib.parsing.dates.dates import find_date_range, normalise_date_input, remove_span
from app.lib.parsing.dates.written_dates import WrittenDates

RANGES = [
    # an ellipsis right after a start (or after its dash) leaves the range open
    ("2018 ...", "2018", None, True),
    ("2020 - ...", "2020", None, True),
    ("2018 …", "2018", None, True),
    ("2019...", "2019", None, True),
    ("Oct. 2020 – …", "2020-10", None, True),
    ("Vendeuse — 2017 … | Rennes", "2017", None, True),
    # a comma between the month and its year
    ("March, 2019 - June, 2020", "2019-03", "2020-06", False),
    ("JANV, 2016 - MARS, 2017", "2016-01", "2017-03", False),
    ("Sept, 2018 – Present", "2018-09", None, True),
    ("Juillet, 2021 à Août, 2021", "2021-07", "2021-08", False),
    # lists of years (a seasonal job each year) and of months sharing one year
    ("2018, 2019", "2018", "2019", False),
    ("2017, 2018, 2019", "2017", "2019", False),
    ("2016, 2018 et 2019", "2016", "2019", False),
    ("2020 & 2021", "2020", "2021", False),
    ("Été 2018, Été 2019", "2018", "2019", False),
    ("Sept/Oct/Nov 2021 (8 semaines)", "2021-09", "2021-11", False),
    ("juin, juillet et août 2020", "2020-06", "2020-08", False),
    ("Nov/Déc/Janv 2020", "2019-11", "2020-01", False),
    # ongoing, in every wording
    ("depuis le 01/09/2021", "2021-09", None, True),
    ("depuis le 1er mars 2021", "2021-03", None, True),
    ("2019 — aujourd'hui", "2019", None, True),
    ("2019 — aujourd’hui", "2019", None, True),
    ("Jan 2020 – Now", "2020-01", None, True),
    ("Since 2021", "2021", None, True),
    ("Since Feb. 2021", "2021-02", None, True),
    ("2016 - En cours", "2016", None, True),
    ("2019 - à ce jour", "2019", None, True),
    ("2019 to date", "2019", None, True),
    ("June 2019 - till date", "2019-06", None, True),
    ("de 2012 à nos jours", "2012", None, True),
    ("mars 2022 - en poste", "2022-03", None, True),
    # prepositions and numeric forms
    ("from 2015 to 2017", "2015", "2017", False),
    ("2015 à 2017", "2015", "2017", False),
    ("entre 2015 et 2017", "2015", "2017", False),
    ("de janvier à mars 2020", "2020-01", "2020-03", False),
    ("1/2019–3/2020", "2019-01", "2020-03", False),
    ("2019.03 - 2020.05", "2019-03", "2020-05", False),
    ("2019-03 – 2020-05", "2019-03", "2020-05", False),
    ("2019/03 - 2020/05", "2019-03", "2020-05", False),
    ("03-2019 - 05-2020", "2019-03", "2020-05", False),
    ("15-03-2019 – 30-06-2020", "2019-03", "2020-06", False),
    # a day before the month
    ("15 mars 2019 – 30 juin 2020", "2019-03", "2020-06", False),
    ("du 1er mars au 30 juin 2020", "2020-03", "2020-06", False),
    ("3 July 2018 - 14th of August 2018", "2018-07", "2018-08", False),
    # quarters and seasons read as their years
    ("Q1 2020 – Q3 2021", "2020", "2021", False),
    ("Hiver 2019-2020", "2019", "2020", False),
    # hyphens PDFs write: non-breaking (U+2011), hyphen (U+2010), minus sign
    ("Jan. 2022 \u2011 Jul. 2022", "2022-01", "2022-07", False),
    ("Feb. 2018 \u2010 Present", "2018-02", None, True),
    ("2016 \u2212 2018", "2016", "2018", False),
    # bidi and zero-width marks around every word
    (
        "\u202dJune\u202c\u202d2021\u202c\u202d-\u202c\u202dMay\u202c\u202d2022\u202c",
        "2021-06",
        "2022-05",
        False,
    ),
    ("Aug\u200b 2019\u200b – Present", "2019-08", None, True),
    # arrows of any drawing, as builders offer them
    ("2019 ➔ 2021", "2019", "2021", False),
    ("sept. 2019 ➜ juin 2021", "2019-09", "2021-06", False),
    ("2018 ► aujourd'hui", "2018", None, True),
    ("2016 => 2018", "2016", "2018", False),
]


@pytest.mark.parametrize(("text", "start", "end", "current"), RANGES)
def test_range_forms(text: str, start: str, end: str | None, current: bool) -> None:
    found = find_date_range(text)
    assert found is not None
    assert (found.start, found.end, found.current, found.single) == (start, end, current, False)


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("Serveur — 2019 …", "Serveur"),
        ("Saisonnier agricole — 2018, 2019", "Saisonnier agricole"),
        ("Vendeuse, Boutique Lila (Sept, 2018 – Present)", "Vendeuse, Boutique Lila"),
        ("Commis — Sept/Oct 2021 (6 semaines)", "Commis"),
        ("Animateur | Été 2025 (2 mois)", "Animateur"),
        ("Cueilleur (3 months) Summer 2021", "Cueilleur"),
        ("Stagiaire entre 2015 et 2016", "Stagiaire"),
        ("Agent d'accueil du 3 mai au 28 juin 2019", "Agent d'accueil"),
    ],
)
def test_the_whole_date_leaves_the_line(line: str, rest: str) -> None:
    found = find_date_range(line)
    assert found is not None
    assert remove_span(line, found.span) == rest


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Été 2025 (2 mois)", "2025"),
        ("Summer 2021 (3 months)", "2021"),
        ("Fall 2020", "2020"),
        ("Hiver 2019", "2019"),
        ("Printemps 2022 – 6 semaines", "2022"),
        ("Summer of 2017", "2017"),
        ("Q2 2023", "2023"),
    ],
)
def test_a_season_is_its_year_and_its_duration_is_in_the_span(text: str, year: str) -> None:
    found = find_date_range(text)
    assert found is not None and found.single
    assert (found.start, found.end, found.current) == (year, year, False)
    assert found.raw(text) == text  # the duration too


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("En 2018... nous avons doublé les ventes", "2018"),  # an ellipsis inside a sentence
        ("2019 ... puis une reconversion", "2019"),
        ("Projet lancé en 2020, Paris", "2020"),  # a year then a place: no list
        ("2021, 2019", "2021"),  # a list goes forward
        ("Été 2024 & Été 2020", "2024"),
        ("Promoted on May 19, 2021", "2021-05"),  # the day of a month, not the year 2019
        ("Chiffre d'affaires de 2000 € en 2019", "2019"),  # an amount is not a year
    ],
)
def test_single_dates_that_must_stay_single(text: str, start: str) -> None:
    found = find_date_range(text)
    assert found is not None and found.single and not found.current
    assert found.start == start


@pytest.mark.parametrize(
    "text",
    [
        "06 12 34 56 78",
        "+33 6 12 34 56 78",
        "75011 Paris",
        "12 rue de la Paix, 75002 Paris",
        "2 ans d'expérience",
        "Python 3.10",
        "2 000 €",
        "Budget de 2000 k€",
        "ISO 9001",
        "Certification ISO 27001:2013",
        "Windows 2019 Server",
        "Windows Server 2019, Office 2016",
        "Visual Studio 2019",
        "Note 12/20...",
        "Python 3.10 - 3.12",
        "Junior developer",
        "En cours",
        "sept ans de vente...",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_date_range(text) is None


@pytest.mark.parametrize(
    ("lines", "joined"),
    [
        (["Depuis", "2021"], ["Depuis 2021", ""]),
        (["Depuis février", "2022"], ["Depuis février 2022", ""]),
        (["Depuis le", "01/09/2021"], ["Depuis le 01/09/2021", ""]),
        (["Since", "March 2021"], ["Since March 2021", ""]),
        (["03.2022 –", "09.2022"], ["03.2022 – 09.2022", ""]),
        (["2019 –", "Présent"], ["2019 – Présent", ""]),
        (["Sep 2022 –", "Present"], ["Sep 2022 – Present", ""]),
        # end above start (timeline columns)
        (["Présent", "2019"], ["2019 – Présent", ""]),
        (["Aujourd'hui", "", "Sept 2019"], ["Sept 2019 – Aujourd'hui", "", ""]),
        (["Oct 2021", "Mar 2020"], ["Mar 2020 – Oct 2021", ""]),
        (
            ["Chef de rang", "2021", "2019", "Brasserie Lutèce"],
            ["Chef de rang", "2019 – 2021", "", "Brasserie Lutèce"],
        ),
        (["2021", "", "2019", "Caissier"], ["2019 – 2021", "", "", "Caissier"]),
        # a timeline's end, connector and start, each on a line of its own
        (["May 2025", "|", "June 2023", "Buyer"], ["June 2023 – May 2025", "", "", "Buyer"]),
        # a month whose year wrapped onto the next line of a narrow date cell
        (["September", "2022"], ["September 2022", ""]),
        (
            ["February 2023\tAnalyst", "|\tKorvel SAS", "September\t• Built", "2022\t• Ran"],
            ["September 2022 – February 2023\tAnalyst", "Korvel SAS", "• Built", "• Ran"],
        ),
        # a right-hand date cell whose year wrapped under it
        (
            ["Analyst\tSeptember 2022 - February", "Korvel SAS, Lyon\t2023"],
            ["Analyst\tSeptember 2022 - February 2023", "Korvel SAS, Lyon"],
        ),
    ],
)
def test_dates_split_over_two_lines(lines: list[str], joined: list[str]) -> None:
    assert join_split_dates(lines) == joined


@pytest.mark.parametrize(
    "lines",
    [
        ["2021", "2019", "2016", "Licence", "Master"],  # a column of single years
        ["Master", "2022", "2020", "2018", "Licence"],
        ["Certificat de secourisme", "2021", "2017"],  # two years ending the section
        ["Licence 2021", "2019"],  # a dated item, then a date
        ["Sep 2022 to", "Present day in the office"],  # the next line is prose
        ["2021 –", "2019"],  # backwards on one line: not a range we understand
        ["Atelier Verne, Paris 15", "juin-août 2023"],  # an arrondissement is not a day
        ["Cuisine", "|", "Football"],  # a connector between two lines of words
    ],
)
def test_lines_that_are_not_one_split_range(lines: list[str]) -> None:
    assert join_split_dates(lines) == lines


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("Atelier Verne, Paris 15 juin 2023", "Atelier Verne, Paris 15"),
        ("Lyon 3 (mars-juin 2019)", "Lyon 3"),
        ("Licence, GPA 3.89 August 2023 - Present", "Licence, GPA 3.89"),
    ],
)
def test_numbers_before_a_date_stay_out_of_it(line: str, rest: str) -> None:
    found = find_date_range(line)
    assert found is not None
    assert remove_span(line, found.span) == rest


def test_written_dates_read_the_new_forms() -> None:
    written = WrittenDates("Vendeuse\nMarch, 2019 - June, 2020\nSept/Oct 2021")
    assert written.supports("2019-03") and written.supports("2020-06")
    assert written.supports("2021-09") and written.supports("2021-10")
    assert not written.supports("2019-04")


@pytest.mark.parametrize(
    ("typed", "value"),
    [("March, 2020", "2020-03"), ("15 mars 2020", "2020-03"), ("Q3 2021", "2021")],
)
def test_editor_dates_follow_the_grammar(typed: str, value: str) -> None:
    assert normalise_date_input(typed) == value


def test_a_timeline_cell_column_with_the_end_above_the_start_is_one_range() -> None:
    """ "present" / "|" / "2024" beside a job's lines: end first, a connector between."""
    lines = ["• Ran the night shift.", "present\tMaintenance Technician", "|\tNorvale · Lyon"]
    lines += ["2024\t• Led the migration.", "• Wrote the procedures."]
    assert join_split_dates(lines)[1:4] == [
        "2024 – present\tMaintenance Technician",
        "Norvale · Lyon",
        "• Led the migration.",
    ]
    years = ["• Ran the night shift.", "2022\tBuyer", "2021\tBrakton Foods · Leeds", "• Bought."]
    assert join_split_dates(years)[1:3] == ["2021 – 2022\tBuyer", "Brakton Foods · Leeds"]


def test_a_timeline_whose_months_wrap_over_their_years_is_one_range() -> None:
    """ "septembre" / "2021" / "|" / "décembre" / "2019" down a narrow date column, each cell
    beside a line of the job: the end's month and year, the connector, the start's."""
    lines = ["septembre\tDéveloppeur back-end", "2021\tRotrenar Médical · Leeds"]
    lines += ["|\t• Réduction des délais.", "décembre\t• Pilotage du stock.", "2019\t• Tableaux."]
    assert join_split_dates(lines) == [
        "décembre 2019 – septembre 2021\tDéveloppeur back-end",
        "Rotrenar Médical · Leeds",
        "• Réduction des délais.",
        "• Pilotage du stock.",
        "• Tableaux.",
    ]
    # Without the connector, a date cell two lines below dates an entry of its own.
    unjoined = ["mars 2021\tBuyer", "Brakton Foods · Leeds", "mai 2019\tClerk", "Corvin"]
    assert join_split_dates(unjoined) == unjoined


def test_a_timeline_whose_two_dates_both_wrap_is_one_range() -> None:
    """ "February" / "2025" / "November" / "2023" with no connector: the end beside the title
    and the employer, the start beside the first bullets."""
    lines = ["February\tSecurity Officer", "2025\tHarlow Cleaning · Crawley"]
    lines += ["November\t• Reset 7 rooms a day.", "2023\t• Served 40 covers."]
    assert join_split_dates(lines) == [
        "November 2023 – February 2025\tSecurity Officer",
        "Harlow Cleaning · Crawley",
        "• Reset 7 rooms a day.",
        "• Served 40 covers.",
    ]


def test_a_column_of_one_year_per_entry_is_not_joined() -> None:
    lines = ["2022\tBuyer, Norvale", "2021\tClerk, Brakton", "2019\tIntern, Corvin", "• Filed."]
    assert join_split_dates(lines) == lines


@pytest.mark.parametrize(
    ("printed", "start", "end"),
    [
        ("Setpembre 2019 - Febuary 2021", "2019-09", "2021-02"),  # neighbours swapped, a drop
        ("juilet 2020 – aujourd'hui", "2020-07", "present"),
        ("Octobere 2017 - Decmber 2018", "2017-10", "2018-12"),  # a letter added, one dropped
        ("JUIIN 2017", "2017-06", "2017-06"),  # a short name may only have a letter typed twice
        ("Juuly 2016 - Marss 2018", "2016-07", "2018-03"),
    ],
)
def test_a_long_month_name_with_one_slip_is_still_that_month(
    printed: str, start: str, end: str
) -> None:
    found = find_date_range(printed)
    assert found is not None
    assert (found.start, "present" if found.current else found.end) == (start, end)


@pytest.mark.parametrize(
    "text", ["Étude de marché 2019", "Paris 2019", "Stage 2018", "Juins 2019", "Jeuin 2019"]
)
def test_a_word_before_a_year_is_no_month_unless_it_is_one_slip_from_a_long_name(
    text: str,
) -> None:
    found = find_date_range(text)
    assert found is not None and found.start == text[-4:]


def test_the_dates_slash_goes_with_the_date() -> None:
    """ "JUIN 2020 / Serveur en salle": the heading keeps no stray slash."""
    line = "JUILLET-AOUT 2020 / Serveur en salle, Brasserie Corvin"
    found = find_date_range(line)
    assert found is not None
    assert remove_span(line, found.span) == "Serveur en salle, Brasserie Corvin"
