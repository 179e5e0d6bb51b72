"""Entry segmentation inside a dated section, and title / employer / place assignment.

Every text here is synthetic (invented people, employers and dates) and shows one layout shape.
"""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.entries import split_entries
from app.lib.parsing.entries.roles import experience_from


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


def test_pasted_date_after_the_bullets_belongs_to_the_heading_above() -> None:
    text = (
        "Verdant Foods | Stage d'été\nJuillet 2022\n• Saisie des commandes\n"
        "Atelier Nord | Stage de fin d'études\n• Étude de rentabilité\n• Rapport final\n\n"
        "Mars 2021\n"
    )
    assert [(t, c, s) for t, c, s, _ in _jobs(text)] == [
        ("Stage d'été", "Verdant Foods", "2022-07"),
        ("Stage de fin d'études", "Atelier Nord", "2021-03"),
    ]


def test_place_and_date_below_the_bullets_in_pasted_text() -> None:
    text = (
        "Brightline Consulting, Cabinet de conseil pour les collectivités\nConsultant junior\n"
        "• Audit de trois services\n\nRennes\n2021 (4 mois)\n"
    )
    job = experience_from(next(e for e in split_entries(text.split("\n")) if e.dates))
    assert (job.title, job.company, job.start) == (
        "Consultant junior",
        "Brightline Consulting",
        "2021",
    )


def test_dates_first_layout_gives_lines_above_a_date_to_the_previous_entry() -> None:
    text = (
        "Jan 21-Jun 22\n(18 months)\n\nHALDEN FOODS, Frozen food factory\nLine operator\n"
        "• Ran the packing line\n\nLille, France\n\nJul 19-Aug 19\n(2 months)\n\n"
        "NORVIA, Parcel logistics company\nSorter\n• Sorted parcels\n"
    )
    assert [(t, c) for t, c, _, _ in _jobs(text)] == [
        ("Line operator", "HALDEN FOODS"),
        ("Sorter", "NORVIA"),
    ]


def test_range_split_across_the_cells_of_a_date_column() -> None:
    text = (
        "Juin 2024\tCDD : Analyste données · 1 an\nJuil 2023\tOMNIVAL · Lille, France\n"
        "• Tableaux\n\n"
        "Mars - Sept\tStage ingénieur · 6 mois\n2022\tBRAVEL · Arras, France\n• Modèles\n"
    )
    assert _jobs(text) == [
        ("CDD : Analyste données", "OMNIVAL", "2023-07", "2024-06"),
        ("Stage ingénieur", "BRAVEL", "2022-03", "2022-09"),
    ]


def test_second_position_at_the_same_employer_keeps_the_employer() -> None:
    text = (
        "Helix Systems [Logiciel]\tNantes - France\nIngénieur sécurité\tMars 2012 - Juin 2014\n"
        "• Audits de code\nStagiaire - Développeur\tOctobre 2011 - Février 2012\n• Outil interne\n"
    )
    assert [(t, c) for t, c, _, _ in _jobs(text)] == [
        ("Ingénieur sécurité", "Helix Systems [Logiciel]"),
        ("Stagiaire - Développeur", "Helix Systems [Logiciel]"),
    ]


def test_a_label_that_is_a_title_names_the_entry() -> None:
    text = (
        "Internship: Sensor calibration bench\nOptilab Instruments - Brest, France\n"
        "May 2022 – Aug 2022"
    )
    assert _jobs(text) == [
        ("Internship: Sensor calibration bench", "Optilab Instruments", "2022-05", "2022-08")
    ]


def test_title_wrapped_over_two_lines() -> None:
    assert [(t, c) for t, c, _, _ in _jobs("2019 – 2021\nData engineer\nJunior\nQuarry Labs")] == [
        ("Data engineer Junior", "Quarry Labs")
    ]
    text = "AGENT DE MAINTENANCE ET\n& SÉCURITÉ INCENDIE – VALCOR\n2016 – 2018\n• Rondes"
    assert [(t, c) for t, c, _, _ in _jobs(text)] == [
        ("AGENT DE MAINTENANCE ET & SÉCURITÉ INCENDIE", "VALCOR")
    ]


def test_place_written_after_the_dates_on_their_line() -> None:
    text = "• Store keeper\nMeridian Hospital\tMar 20-until now, Tanta\n• Stock checks"
    job = experience_from(split_entries(text.split("\n"))[0])
    assert (job.title, job.company, job.location, job.current) == (
        "Store keeper",
        "Meridian Hospital",
        "Tanta",
        True,
    )


def test_dates_in_a_right_column_beside_the_bullets() -> None:
    text = (
        "Kelvo Freight | Last-mile delivery start-up | Operations analyst\tLyon\n"
        "● Planned the delivery rounds with the drivers\tFRANCE\n"
        "(routing, staffing, reporting…)\t2021-2023\n"
        "● Built the weekly dashboards\t2 years\n"
    )
    jobs = _jobs(text)
    assert [(c, s, e) for _, c, s, e in jobs] == [("Kelvo Freight", "2021", "2023")]


def test_dates_last_layout_takes_the_heading_above_each_date_line() -> None:
    text = (
        "Master, Applied Statistics\nThesis: forecasting river levels.\n\n"
        "Norrland University, Umea | 2020 – 2022\n\n"
        "Bachelor, Mathematics\nThesis: graph colouring.\n\n"
        "Coastal Institute, Bergen | 2017 – 2020\n"
    )
    lines = text.split("\n")
    entries = [e for e in split_entries(lines) if e.dates]
    assert [e.heading for e in entries] == [
        ["Master, Applied Statistics", "Norrland University, Umea"],
        ["Bachelor, Mathematics", "Coastal Institute, Bergen"],
    ]


def test_a_range_month_takes_its_year_from_the_next_line() -> None:
    text = "September 2014 – June Master in Applied Physics\n2016 Engineering\nPolytech Orval"
    entry = split_entries(text.split("\n"))[0]
    assert entry.dates is not None and (entry.dates.start, entry.dates.end) == (
        "2014-09",
        "2016-06",
    )


def test_prose_carrying_on_is_not_a_date_line() -> None:
    text = (
        "Waitress\nCafé Lumière\n2021 - 2022\n• Served breakfasts\n"
        "Looking for an internship of 2 to 3 months from\nmay 2024 and a work-study contract.\n"
    )
    assert len(_jobs(text)) == 1


def test_a_sentence_with_its_tools_in_brackets_is_body_text() -> None:
    text = (
        "Brisk Apps [Mobile]\nIntern - Developer\n› Offline sync engine. (Kotlin, SQLite)\n\n"
        "Lyon - France\nMarch 2019 - August 2019\n"
    )
    assert [(t, c) for t, c, _, _ in _jobs(text)] == [("Intern - Developer", "Brisk Apps [Mobile]")]


def test_a_year_after_a_comma_ending_the_line() -> None:
    text = "• Bachelor of Information Systems\nDelta University, Tanta ,2016."
    entry = split_entries(text.split("\n"))[0]
    assert entry.dates is not None and entry.dates.start == "2016"
    assert entry.heading == ["Bachelor of Information Systems", "Delta University, Tanta"]


def test_dated_bullets_under_a_sub_heading() -> None:
    text = "RESTAURATION\n- LE ZINC – 05 au 09/2021 – Annecy\n- CAFÉ VERT – 07/2020 – Chambéry 73"
    entries = [e for e in split_entries(text.split("\n")) if e.dates]
    assert [(e.dates.start, e.dates.end) for e in entries if e.dates] == [
        ("2021-05", "2021-09"),
        ("2020-07", "2020-07"),
    ]


def test_stray_lines_before_the_first_dated_entry_are_not_an_entry() -> None:
    text = (
        "Northgate Mobile\n• Answered 80 calls a day\n\n"
        "Call Center\tMay 2019 – Oct 2020\nBlue Telecom"
    )
    entries = split_entries(text.split("\n"))
    assert [e.heading for e in entries if e.heading] == [["Call Center", "Blue Telecom"]]
    assert "Northgate Mobile" in entries[0].body  # kept as text, not turned into a job


def test_a_title_on_its_own_lines_does_not_borrow_the_employer_above() -> None:
    text = (
        "April 2021 – May 2022\nData analyst\nIntern\nHarbor Labs\n• Reports\n\n"
        "June 2019 – July 2019\nFreelance Data\nscientist\n• Scraping tool\n"
    )
    assert [c for _, c, _, _ in _jobs(text)] == ["Harbor Labs", ""]


def test_a_dash_carries_on_the_title_when_the_employer_has_its_own_line() -> None:
    text = "Stage ingénieur - Vision & Robotique · 6 mois\nORVALEC · Lorient, France\n2023 - 2024"
    assert [(t, c) for t, c, _, _ in _jobs(text)] == [
        ("Stage ingénieur - Vision & Robotique", "ORVALEC")
    ]


def test_a_workshop_employer_is_not_a_title_for_its_ending() -> None:
    # "Atelier" ends like "caissier"; it names the employer, and "Chef d'atelier" stays a title.
    text = (
        "Chargée de communication – Atelier Brume\nJanvier 2023 – Présent\n\n"
        "Chef d'atelier – Garage Martin\nMars 2019 – Décembre 2022\n"
    )
    assert _jobs(text) == [
        ("Chargée de communication", "Atelier Brume", "2023-01", "present"),
        ("Chef d'atelier", "Garage Martin", "2019-03", "2022-12"),
    ]


def test_an_employer_wrapped_onto_its_date_line_is_one_heading() -> None:
    text = (
        "Chargée de communication\nStudio Nordet - Agence (Lille 59) de\nmars 2023 à aujourd'hui\n"
        "rédaction de newsletters\n\n"
        "Assistante manager\nLa Belle Échoppe - Épicerie fine et vins\n"
        "naturels (Arras 62) de septembre\n2020 à février 2023\ngestion des stocks\n\n"
        "Vendeuse\nLa Belle Échoppe - Épicerie fine et vins\n"
        "naturels (Arras 62) de mai à août\n2020 (emploi saisonnier)\naccueil des clients\n"
    )
    jobs = _jobs(text)
    assert [(title, start, end) for title, _, start, end in jobs] == [
        ("Chargée de communication", "2023-03", "present"),
        ("Assistante manager", "2020-09", "2023-02"),
        ("Vendeuse", "2020-05", "2020-08"),
    ]
    assert jobs[1][1] == jobs[2][1] == "Épicerie fine et vins naturels"


def test_a_date_line_opening_on_a_lower_case_month_under_a_long_heading() -> None:
    text = (
        "Stage aux services achats et logistique chez Maison Verlaine Équipements\n"
        "janvier 2021 - juin 2021\n\n"
        "Suivi des commandes fournisseurs et des livraisons.\n"
    )
    assert _jobs(text) == [
        (
            "Stage aux services achats et logistique",
            "Maison Verlaine Équipements",
            "2021-01",
            "2021-06",
        )
    ]


def test_a_sentence_running_on_to_a_dated_line_stays_a_description() -> None:
    text = (
        "Data engineer – Orbit Labs\nJanuary 2022 – Present\n"
        "Led a team of twelve engineers across three sites in Europe\n"
        "and shipped the new platform, from 2019 to 2021.\n"
    )
    assert _jobs(text) == [("Data engineer", "Orbit Labs", "2022-01", "present")]


def test_jobs_headed_by_a_bullet_with_a_sentence_and_their_dates_below() -> None:
    """ "- Title : Employer" / a sentence / a range in lower case (a French month), one bullet
    to a job: each bullet heads its job whole, the colon parting title and employer, the
    sentence its text; a title alone shares no employer with the job above, nor keeps its
    full stop."""
    lines = [
        "- Assistante commerciale en alternance : Groupe Valcour",
        "Gestion de la relation client du service export.",
        "juin 2018 - juin 2020",
        "",
        "- Chargée de clientèle : Banque Orvelle",
        "Accueil et conseil.",
        "avril 2017 – juin 2018",
        "",
        "- Stage de vente.",
        "septembre 2016 – août 2017",
    ]
    jobs = [experience_from(e) for e in split_entries(lines)]
    assert [(j.title, j.company, j.start, j.end) for j in jobs] == [
        ("Assistante commerciale en alternance", "Groupe Valcour", "2018-06", "2020-06"),
        ("Chargée de clientèle", "Banque Orvelle", "2017-04", "2018-06"),
        ("Stage de vente", "", "2016-09", "2017-08"),
    ]
    assert jobs[0].description == "Gestion de la relation client du service export."


def test_a_job_s_bullets_are_no_entry_headings() -> None:
    """Several bullets to a job, or bullets after its dates: the bulleted-heads pattern does
    not hold and the bullets stay the job's."""
    text = (
        "Alex Morel\nalex.morel@example.org\n\nEXPÉRIENCE\n"
        "Vendeuse\nBoulangerie Velcour\n2019 - 2020\n- Encaissement\n- Mise en rayon\n"
        "Caissière\nMarché Orlin\n2018 - 2019\n- Accueil des clients\n"
    )
    jobs = parse_cv_text(text).content.experience
    assert [(j.title, j.company, len(j.bullets)) for j in jobs] == [
        ("Vendeuse", "Boulangerie Velcour", 2),
        ("Caissière", "Marché Orlin", 1),
    ]


def test_a_range_in_lower_case_under_a_bullet_is_its_entry_s_dates() -> None:
    lines = [
        "- Master 2 Management : Université de Valmont",
        "septembre 2016 – juin 2018",
        "- Licence Gestion : Université de Valmont",
        "septembre 2013 – juin 2016",
    ]
    assert [(e.dates.start, e.dates.end) for e in split_entries(lines) if e.dates] == [
        ("2016-09", "2018-06"),
        ("2013-09", "2016-06"),
    ]


def test_a_range_finishing_a_bullet_cut_after_a_comma_stays_the_bullet_s() -> None:
    lines = [
        "Travel Consultant",
        "Orvane Travels, Mysore",
        "March 2015 to January 2016",
        "• Booked domestic and international tickets for corporate clients.",
        "• Worked in the head office of Orvane Travels, Mysore from 01st Aug,",
        "2014 to 28th Feb, 2015.",
    ]
    entries = split_entries(lines)
    assert len(entries) == 1
    assert entries[0].body[-1] == "2014 to 28th Feb, 2015."


def test_a_title_set_off_by_a_colon_keeps_no_colon() -> None:
    lines = ["Assistant Manager: Brightmoor Hotels", "Jan 2019 - Mar 2021", "• Led the front desk"]
    [job] = [experience_from(e) for e in split_entries(lines)]
    assert (job.title, job.company) == ("Assistant Manager", "Brightmoor Hotels")
