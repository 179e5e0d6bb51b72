"""Entry segmentation inside a dated section, and title / employer / place assignment.

Every text here is synthetic (invented people, employers and dates) and shows one layout shape.
"""

from __future__ import annotations

from app.lib.parsing.entries import split_entries
from app.lib.parsing.roles import experience_from


def _jobs(text: str) -> list[tuple[str, str, str | None, str | None]]:
    entries = split_entries(text.split("\n"))
    jobs = [experience_from(e) for e in entries if e.dates]
    return [(j.title, j.company, j.start, "present" if j.current else j.end) for j in jobs]


def test_employer_then_blank_then_title_with_dates_is_one_entry() -> None:
    text = "Brightwave Logistics\n\nWarehouse Supervisor — Mar 2019 - Jun 2022\n• Ran a team of 12"
    assert _jobs(text) == [("Warehouse Supervisor", "Brightwave Logistics", "2019-03", "2022-06")]


def test_title_employer_blank_dates_without_bodies() -> None:
    text = (
        "Cariste\nENTREPOTS DU NORD\n\nMars 2020 - Juin 2021\n\n"
        "Magasinier\nDISTRIPLUS\n\nJanvier 2018 - Février 2020\n"
    )
    assert _jobs(text) == [
        ("Cariste", "ENTREPOTS DU NORD", "2020-03", "2021-06"),
        ("Magasinier", "DISTRIPLUS", "2018-01", "2020-02"),
    ]


def test_dates_first_with_the_employer_on_the_next_line() -> None:
    text = (
        "Mai 2019 à août 2019 : Agent d'accueil\nà Mairie de Valbourg\n"
        "2016 à 2018 : Agent technique\nà Mairie de Valbourg\n"
    )
    assert _jobs(text) == [
        ("Agent d'accueil", "Mairie de Valbourg", "2019-05", "2019-08"),
        ("Agent technique", "Mairie de Valbourg", "2016", "2018"),
    ]


def test_dates_first_then_title_and_employer_lines_then_body() -> None:
    text = (
        "June 2021 - 2023\n\nData analyst\n\nNorthbridge Analytics\nOslo, Norway\n\n"
        "Built weekly sales dashboards for the regional teams.\n\n"
        "April 2019 – May 2021\n\nBI developer\n\nKestrel Insurance\n\n"
        "Migrated twenty reports to a new warehouse.\n"
    )
    assert _jobs(text) == [
        ("Data analyst", "Northbridge Analytics", "2021-06", "2023"),
        ("BI developer", "Kestrel Insurance", "2019-04", "2021-05"),
    ]


def test_pasted_text_with_blank_lines_everywhere_keeps_bullets_with_their_employer() -> None:
    text = (
        "Sous-chef\n\nLe Jardin Gourmand\n\nSep 2020 – Present\n\n"
        "• Planned the weekly menu\n\n• Trained three commis\n\n"
        "Cook\n\nCafé Alma\n\nJan 2017 – Aug 2020\n\n• Prepared 150 covers a day\n"
    )
    entries = [e for e in split_entries(text.split("\n")) if e.dates]
    jobs = [experience_from(e) for e in entries]
    assert [(j.title, j.company) for j in jobs] == [
        ("Sous-chef", "Le Jardin Gourmand"),
        ("Cook", "Café Alma"),
    ]
    assert jobs[0].bullets == ["Planned the weekly menu", "Trained three commis"]
    assert jobs[1].bullets == ["Prepared 150 covers a day"]


def test_range_split_over_two_lines() -> None:
    text = "Nurse\nSt Anne Clinic\nMay 2015 –\nJul 2018\n• Night shifts in surgery"
    assert _jobs(text) == [("Nurse", "St Anne Clinic", "2015-05", "2018-07")]


def test_month_range_above_its_year() -> None:
    text = "Serveuse\nBrasserie du Port\nJuin - Sept\n2022\n• Service en salle"
    assert _jobs(text) == [("Serveuse", "Brasserie du Port", "2022-06", "2022-09")]


def test_range_written_end_first_in_a_date_column() -> None:
    text = "Mar 2023\nOct 2021\nQuality inspector\nFerrocast Industries\n• Weld checks"
    assert _jobs(text) == [("Quality inspector", "Ferrocast Industries", "2021-10", "2023-03")]


def test_a_year_ending_a_description_sentence_is_not_a_new_job() -> None:
    text = (
        "Sales assistant\nMaison Lumen\nSep 2019 - Dec 2021\n"
        "Opened the second shop of the chain in 2020.\n"
        "Welcomed customers and ran the till in\nNovember 2021\n"
    )
    assert len(_jobs(text)) == 1


def test_line_end_commas_are_kept_in_bullets() -> None:
    text = (
        "Driver\nRapido Express\n2018 - 2020\n• Delivered parcels in town,\nthen on longer routes"
    )
    job = experience_from(split_entries(text.split("\n"))[0])
    assert job.bullets == ["Delivered parcels in town, then on longer routes"]


def test_title_written_as_a_bullet_above_employer_and_dates() -> None:
    text = (
        "• Help desk technician\nOrbis Telecom\tJan 21-Mar 23, Leeds\n• Fixed 40 tickets a day\n\n"
        "• Call centre agent\nNexa Mobile\tMay 18 - Dec 20, Leeds\n• Answered calls\n"
    )
    assert _jobs(text) == [
        ("Help desk technician", "Orbis Telecom", "2021-01", "2023-03"),
        ("Call centre agent", "Nexa Mobile", "2018-05", "2020-12"),
    ]


def test_bulleted_heading_with_dates_at_its_end() -> None:
    text = (
        "• Research intern\tFebruary 2022 - July 2022\nQuantix Lab\tGhent, Belgium\n⋄ Built a model"
    )
    assert _jobs(text) == [("Research intern", "Quantix Lab", "2022-02", "2022-07")]


def test_company_first_order_is_learnt_from_the_clear_entries() -> None:
    text = (
        "Altavia Conseil | Consultante junior\nMars 2023 - Présent\n• Audit\n"
        "Boulangerie Martin | Job étudiant\nSeptembre 2021 - Juin 2022\n• Vente\n"
        "Club Omnisports | Trésorière\n2020 - 2021\n• Budget\n"
    )
    assert [(t, c) for t, c, _, _ in _jobs(text)] == [
        ("Consultante junior", "Altavia Conseil"),
        ("Job étudiant", "Boulangerie Martin"),
        ("Trésorière", "Club Omnisports"),
    ]


def test_contract_and_duration_leave_the_title() -> None:
    text = "Technicien support (CDD - 6 mois)\nHelios Énergie SARL - Nîmes – Mars 2021 à Août 2021"
    job = experience_from(split_entries(text.split("\n"))[0])
    assert (job.title, job.company) == ("Technicien support", "Helios Énergie SARL")
    assert "CDD - 6 mois" in job.description


def test_title_and_employer_on_one_line_with_a_comma() -> None:
    assert _jobs("2017 - 2019  Welder, Marlow Shipyards Ltd") == [
        ("Welder", "Marlow Shipyards Ltd", "2017", "2019")
    ]


def test_commas_inside_a_title_stay_when_the_employer_has_its_own_line() -> None:
    text = "Cook, Waiter, Part-time\nLa Table Ronde - Dijon 21000, France\nSep 2021 - Present"
    assert _jobs(text) == [("Cook, Waiter", "La Table Ronde", "2021-09", "present")]


def test_place_with_a_department_number_is_a_location() -> None:
    text = "Hôtesse de caisse\nSupermarché Valrose – Cergy 95\n2019 - 2020"
    job = experience_from(split_entries(text.split("\n"))[0])
    assert (job.title, job.company, job.location) == (
        "Hôtesse de caisse",
        "Supermarché Valrose",
        "Cergy 95",
    )
