"""Dates written inside description prose, and roles grouped under one employer line.

Every text here is synthetic (invented people, employers and dates) and shows one layout shape.
"""

from __future__ import annotations

from app.lib.parsing.entries.entries import split_entries
from app.lib.parsing.entries.entry_lines import anchor_dates
from app.lib.parsing.entries.roles import experience_from


def _jobs(text: str) -> list[tuple[str, str, str | None, str | None, list[str]]]:
    entries = split_entries(text.split("\n"))
    jobs = [experience_from(e) for e in entries if e.dates]
    return [
        (j.title, j.company, j.start, "present" if j.current else j.end, list(j.bullets))
        for j in jobs
    ]


def test_a_year_range_inside_a_description_sentence_stays_in_its_job() -> None:
    text = (
        "Stock Controller\n\nHarlow & Finch Wholesale - Leeds\n\n2014 to 2020\n\n"
        "Reconciled supplier invoices every week.\n\n"
        "Ran the 2016 – 2017 inventory reviews of nine depots.\n"
    )
    jobs = _jobs(text)
    assert [j[:4] for j in jobs] == [
        ("Stock Controller", "Harlow & Finch Wholesale", "2014", "2020")
    ]
    assert jobs[0][4] == [
        "Reconciled supplier invoices every week.",
        "Ran the 2016 – 2017 inventory reviews of nine depots.",
    ]


def test_a_range_in_prose_is_not_an_anchor_but_an_entry_date_line_still_is() -> None:
    assert anchor_dates("Ran the 2016 – 2017 inventory reviews of nine depots.") is None
    assert anchor_dates("Piloté la refonte 2019 - 2020 des entrepôts du groupe.") is None
    assert anchor_dates("Stock Controller 2016 – 2017") is not None
    assert anchor_dates("Harlow & Finch – 2016 - 2017 – Leeds") is not None
    assert anchor_dates("2016 – 2017 BSc Logistics, University of Farnley") is not None


def test_roles_grouped_under_one_employer_keep_it_and_their_place_line() -> None:
    text = (
        "Orchard Valley Foods\nBuyer\nMay 2021 - Present\nDenverton\nBought dry goods.\n\n"
        "Tamsin Freight\n3 years 2 months\nRoute Planner\n"
        "April 2019 - April 2021 (2 years 1 month)\nKelsport\nPlanned 40 routes a day.\n\n"
        "Dispatcher\nFebruary 2018 - March 2019 (1 year 2 months)\nKelsport\n"
        "Dispatched the night drivers.\n\n"
        "Brindle Books\nSales Clerk\n2016 - 2017 (1 year)\nDenverton\nRan the till.\n"
    )
    entries = [e for e in split_entries(text.split("\n")) if e.dates]
    jobs = [experience_from(e) for e in entries]
    assert [(j.title, j.company) for j in jobs] == [
        ("Buyer", "Orchard Valley Foods"),
        ("Route Planner", "Tamsin Freight"),
        ("Dispatcher", "Tamsin Freight"),
        ("Sales Clerk", "Brindle Books"),
    ]
    assert [j.location for j in jobs[1:3]] == ["Kelsport", "Kelsport"]


def test_grouped_roles_in_french_with_the_total_in_years_and_months() -> None:
    text = (
        "Boulangerie Marcelin\n4 ans 3 mois\nResponsable de boutique\n"
        "mars 2021 - aujourd'hui\nVerneuil\nGestion des commandes.\n\n"
        "Vendeuse\njanvier 2019 - février 2021 (2 ans 2 mois)\nVerneuil\nAccueil des clients.\n"
    )
    jobs = [experience_from(e) for e in split_entries(text.split("\n")) if e.dates]
    assert [(j.title, j.company, j.location) for j in jobs] == [
        ("Responsable de boutique", "Boulangerie Marcelin", "Verneuil"),
        ("Vendeuse", "Boulangerie Marcelin", "Verneuil"),
    ]


def test_a_town_under_the_dates_of_a_profile_export_is_the_place() -> None:
    text = (
        "Greyfield Bakery\nShift Lead\nMarch 2020 - June 2022 (2 years 4 months)\nOttermoor\n"
        "Opened the shop at five.\nTrained two apprentices.\n"
    )
    (job,) = [experience_from(e) for e in split_entries(text.split("\n")) if e.dates]
    assert (job.title, job.company, job.location) == ("Shift Lead", "Greyfield Bakery", "Ottermoor")
    assert "Ottermoor" not in (job.description or "")


def test_a_line_naming_a_team_under_the_dates_is_not_a_place() -> None:
    text = "Greyfield Bakery\nShift Lead\nMarch 2020 - June 2022\nStore Manager\n"
    (entry,) = [e for e in split_entries(text.split("\n")) if e.dates]
    assert entry.places == []


def test_every_title_only_role_of_a_group_keeps_the_group_s_employer() -> None:
    # The employer's line once, then three roles naming only their titles.
    text = (
        "Pellmarsh Analytics — Corby\nData Engineer\n09/2023 – 04/2025\n• Built the feeds.\n\n"
        "Business Analyst\n02/2022 – 06/2023\n• Wrote the specs.\n\n"
        "Junior Analyst\n06/2020 – 11/2021\n• Cleaned the data.\n\n"
        "Tarnwick Mills — Hexley\nShift Lead\n05/2018 – 05/2020\n• Ran the night shift.\n\n"
        "Operator\n01/2017 – 04/2018\n• Ran the press.\n"
    )
    jobs = [experience_from(e) for e in split_entries(text.split("\n")) if e.dates]
    assert [(j.title, j.company) for j in jobs] == [
        ("Data Engineer", "Pellmarsh Analytics"),
        ("Business Analyst", "Pellmarsh Analytics"),
        ("Junior Analyst", "Pellmarsh Analytics"),
        ("Shift Lead", "Tarnwick Mills"),
        ("Operator", "Tarnwick Mills"),
    ]
