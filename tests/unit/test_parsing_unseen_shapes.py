"""Entry shapes met on CVs the reader had not seen: bracketed dates first, and the like.

Every text here is synthetic (invented people, employers and dates) and shows one layout shape.
"""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.dates.stacked_months import join_stacked_dates
from app.lib.parsing.entries.entries import split_entries
from app.lib.parsing.entries.entry_parts import heading_parts, is_aside
from app.lib.parsing.entries.entry_role_lead import without_role_lead
from app.lib.parsing.entries.entry_words import is_place_like
from app.lib.parsing.entries.roles import experience_from
from app.lib.parsing.sections.headings import HeadingMatch, match_cv_heading


def _jobs(text: str) -> list[tuple[str, str, str | None, str | None]]:
    entries = split_entries(text.split("\n"))
    jobs = [experience_from(e) for e in entries if e.dates]
    return [(j.title, j.company, j.start, "present" if j.current else j.end) for j in jobs]


def test_bracketed_dates_first_keep_the_description_with_the_job_above() -> None:
    # "[ dd/mm/yyyy – Current ]" above the title and the employer: a description line that
    # could pass for a heading belongs to the job above, not to the next one's heading.
    text = (
        "\n[ 01/02/2022 – Current ]\nJunior Field Technician\n\nVarnel Instruments\n\n"
        "City: Dorvik\nOperating and servicing the lab's pumps and sensors for the clinical and\n"
        "research teams, with daily calibration.\n\n"
        "[ 05/06/2020 – 30/09/2021 ]\nIntern\n\nPolder Systems Ltd.\n\nCity: Dorvik\n"
        "Wrote test programs.\n"
    )
    assert _jobs(text) == [
        ("Junior Field Technician", "Varnel Instruments", "2022-02", "present"),
        ("Intern", "Polder Systems Ltd.", "2020-06", "2021-09"),
    ]


def test_a_row_of_column_headings_is_read_cell_by_cell() -> None:
    # "PARCOURS" alone names the experience; "PARCOURS SCOLAIRE" beside "CURSUS" is the
    # education, whatever the words of the two cells read together say.
    assert match_cv_heading("PARCOURS SCOLAIRE\tCURSUS") == HeadingMatch(("education",))
    assert match_cv_heading("Expérience\tFormation") == HeadingMatch(("experience", "education"))


def test_a_row_of_column_headings_keeps_its_degrees_out_of_the_jobs() -> None:
    text = (
        "Jeanne Valmont\njeanne.valmont@example.org\n\n"
        "PARCOURS SCOLAIRE\tCURSUS\n\n"
        "Master Urbanisme – 2021-23\tTOEIC – 2022\nUniversité de Brenne\n"
        "Licence Géographie – 2018-21\nUniversité de Brenne\n\n"
        "EXPÉRIENCE PROFESSIONNELLE\n\n"
        "05.2023 – 08.2023\tStage cartographe, Agence Lormont\n- Production de cartes.\n"
    )
    content = parse_cv_text(text).content
    assert [(j.title, j.company) for j in content.experience] == [
        ("Stage cartographe", "Agence Lormont")
    ]


def _cv_with_studies(studies: str) -> str:
    return (
        "Paul Vernier\npaul.vernier@example.org\n\nFORMATIONS\n\n"
        f"{studies}\n"
        "LYCÉE MONTFORT, Brenne\n2016 - 2019\nBaccalauréat Scientifique, mention Bien\n\n"
        "EXPÉRIENCES PROFESSIONNELLES\n\n"
        "Technicien support, Orvale Systèmes\nJanvier 2023 - Juin 2023\n- Support aux clients.\n"
    )


def test_studies_opened_by_a_school_name_stay_studies_despite_a_job_word() -> None:
    studies = (
        "ÉCOLE D'INGÉNIEURS DU LITTORAL, Brest\n2020 - 2025\n"
        "Programme Grande École - Ingénieur Informatique\n\n"
        "LYCÉE KERVAL, Brenne\n2019 - 2020\nClasse préparatoire, filière Physique,\n"
        "Science de l'Ingénieur\n"
    )
    content = parse_cv_text(_cv_with_studies(studies)).content
    assert [(j.title, j.company) for j in content.experience] == [
        ("Technicien support", "Orvale Systèmes")
    ]


def test_a_job_at_a_school_among_the_studies_is_still_a_job() -> None:
    studies = (
        "Master Informatique\nUniversité de Brenne\n2014 - 2016\n\n"
        "Licence Informatique\nUniversité de Brenne\n2011 - 2014\n\n"
        "Kerval private school | Computer Science Teacher\nOctober 2016 – February 2019\n"
        "Taught networks to adults.\n\n"
        "Orvale Ltd | Network Technician\nMarch 2019 – June 2020\nInstalled networks.\n"
    )
    content = parse_cv_text(_cv_with_studies(studies)).content
    assert ("Computer Science Teacher", "Kerval private school") in [
        (j.title, j.company) for j in content.experience
    ]


def test_a_status_word_before_the_employer_gives_way_to_the_role_below() -> None:
    # "TRAINEE, Employer at Town, CC" / "Role, from … to … :": the status is no title when a
    # role is named, and "at" before a known town with its country names where, not who.
    text = (
        "TRAINEE, Norvale Robotics at Lyon, FR\n"
        "Assistant Project Manager, from January to April 2023 :\n"
        "Drafting of documentation.\n\n"
        "STAGIAIRE, Brenac Industries à Paris, FR\n"
        "Ingénieur méthodes, de Septembre 2021 à Février 2022 :\n"
        "Rédaction de gammes.\n"
    )
    assert _jobs(text) == [
        ("Assistant Project Manager", "Norvale Robotics", "2023-01", "2023-04"),
        ("Ingénieur méthodes", "Brenac Industries", "2021-09", "2022-02"),
    ]


def test_a_status_word_alone_stays_the_title() -> None:
    assert _jobs("Stagiaire, Brenac Industries\nMars 2022 - Juin 2022\n- Tests.\n") == [
        ("Stagiaire", "Brenac Industries", "2022-03", "2022-06")
    ]


def test_a_contract_and_post_phrase_before_the_role_is_not_the_title() -> None:
    assert without_role_lead("Alternance au poste de Chargé de paie") == "Chargé de paie"
    assert without_role_lead("Stage en tant qu'assistant juridique") == "assistant juridique"
    assert without_role_lead("Internship as a factory operator") == (
        "Internship as a factory operator"
    )
    assert without_role_lead("Stage ingénieur") == "Stage ingénieur"
    text = "Alternance au poste de Chef de projet\nBrenac Conseil\nSept. 2023 - Sept. 2024\n"
    assert _jobs(text) == [("Chef de projet", "Brenac Conseil", "2023-09", "2024-09")]


def test_a_start_month_over_its_end_month_in_a_narrow_column_is_one_range() -> None:
    text = (
        "Data Engineer\n\nMAR 2021 Kelvane\nJUN 2023 Design of a pipeline for the\n"
        "billing data, with Spark.\n\n"
        "Analyst\n\nJAN 2019 Orbeno\nFEB 2021 Reporting for the sales teams\n"
    )
    assert _jobs(text) == [
        ("Data Engineer", "Kelvane", "2021-03", "2023-06"),
        ("Analyst", "Orbeno", "2019-01", "2021-02"),
    ]


def test_dated_one_line_items_newest_first_are_not_joined() -> None:
    lines = ["Mar 2023 Talk at Brenac Days", "Jan 2021 Talk at Orbeno Forum", ""]
    assert join_stacked_dates(lines) == lines
    wrapped = ["March 2015 to", "January 2016", ""]
    assert join_stacked_dates(wrapped) == wrapped


def test_a_town_unknown_to_the_place_list_before_a_region_and_country_is_the_place() -> None:
    text = "November 2015 to January 2017\nCentre Manager\nBrisa Kids – Varkala, KERALA, IN\n"
    assert _jobs(text) == [("Centre Manager", "Brisa Kids", "2015-11", "2017-01")]
    # A title before the dash: the name after it is the employer, not a town.
    assert _jobs("Analyst – Orbeno, Paris, France\nMarch 2019 to May 2020\n") == [
        ("Analyst", "Orbeno", "2019-03", "2020-05")
    ]


def test_a_tight_at_sign_with_a_space_after_it_marks_the_employer() -> None:
    assert _jobs("Process Associate@ Velorix\nMay 2011 to June 2012\n") == [
        ("Process Associate", "Velorix", "2011-05", "2012-06")
    ]


def test_a_one_word_kind_of_employer_before_its_name_is_not_the_employer() -> None:
    text = (
        "BANQUE - CRÉDIT VARNEL LORMONT\n\nJob d'été - Conseiller d'accueil\n\nJuillet 2024\n\n"
        "MAIRIE DE LORMONT\nAgent technique\n\nJuillet 2023\n"
    )
    assert _jobs(text) == [
        ("Conseiller d'accueil", "CRÉDIT VARNEL LORMONT", "2024-07", "2024-07"),
        ("Agent technique", "MAIRIE DE LORMONT", "2023-07", "2023-07"),
    ]


def test_a_firm_whose_name_ends_like_a_title_word_is_still_the_employer() -> None:
    text = "Employé en boulangerie, Les Douceurs de Lina, Vaires sur Loing\t2023 (1 mois)\n"
    assert _jobs(text) == [("Employé en boulangerie", "Les Douceurs de Lina", "2023", "2023")]


def test_a_la_or_au_before_a_capitalised_name_marks_the_employer() -> None:
    text = "Stage à la Direction des Achats de la Ville de Brenne\t05.2023 – 08.2023\n"
    assert _jobs(text) == [
        ("Stage", "Direction des Achats de la Ville de Brenne", "2023-05", "2023-08")
    ]
    # A department's short name stays in the title.
    assert _jobs("Alternance au Service Paie\nVarnel SA\n09.2023 – 07.2025\n")[0][:2] == (
        "Alternance au Service Paie",
        "Varnel SA",
    )


def test_a_lower_case_line_under_a_short_bullet_is_no_heading_of_the_next_job() -> None:
    text = (
        "Stage Ingénieure Qualité\nDe mars 2023 à août 2023 Varnel Cosmétiques Brenne\n"
        "-Audit des lignes de production\n-Réduction des temps de cycle\n"
        "en utilisant la méthode SMED\n\n"
        "Stage Assistante Méthodes\nDe mars 2022 à juillet 2022 Orbeno Papiers Lormont\n"
        "-Gestion de projets\n"
    )
    assert [job[:2] for job in _jobs(text)] == [
        ("Stage Ingénieure Qualité", "Varnel Cosmétiques Brenne"),
        ("Stage Assistante Méthodes", "Orbeno Papiers Lormont"),
    ]


def test_a_long_phrase_about_the_work_under_the_heading_is_not_the_employer() -> None:
    text = (
        "2023 – 2024\nKorvane – Projet entrepreneurial\tBrenne, France\nChef de projet\n"
        "Développement d'une maquette de plateforme de mise en relation entre des élèves\n"
        "- Étude de marché\n"
    )
    title, company, _, _ = _jobs(text)[0]
    assert title == "Chef de projet"
    assert company in {"Korvane", "Projet entrepreneurial"}  # a name, not the phrase


def test_a_long_phrase_under_a_title_and_employer_with_a_comma_leaves_both() -> None:
    text = (
        "2024 – 2025\nPost-doctorat, Institut Varnel, Brenne.\n"
        "Méthodes numériques pour la dynamique des populations dans des milieux variables\n"
    )
    assert set(_jobs(text)[0][:2]) == {"Post-doctorat", "Institut Varnel"}


def test_a_country_code_ending_the_line_above_does_not_swallow_the_dates() -> None:
    # "DE" and "IN" read like "de" and "in", words that run on to the next line.
    text = (
        "Stagiaire, Orbeno SA à Berlin, DE\nContrôleur de gestion, déc. 2023 – janv. 2025 :\n"
        "• Clôtures mensuelles.\n\n"
        "Centre Manager\nBrisa Kids – Varkala, KERALA, IN\nNovember 2015 to January 2017\n"
    )
    assert [job[:3] for job in _jobs(text)] == [
        ("Contrôleur de gestion", "Orbeno SA", "2023-12"),
        ("Centre Manager", "Brisa Kids", "2015-11"),
    ]


def test_an_ordinal_says_which_internship_it_was_not_the_title() -> None:
    text = (
        "CABINET COMPTABLE - CABINET VARNEL CONSEIL\n\n"
        "Stage en entreprise - 4 semaines - 1er stage du BUT\n\nJanvier 2024 - Février 2024\n"
    )
    title, company, _, _ = _jobs(text)[0]
    assert title == "Stage en entreprise"
    assert company in {"CABINET VARNEL CONSEIL", "CABINET COMPTABLE"}
    assert is_aside("4 semaines") and is_aside("(6 weeks)")


def test_a_name_then_a_country_code_after_a_role_is_the_employer_and_its_country() -> None:
    # "VOLUNTEER, Acme Protection Corps, FR": the name no place list knows, between a role and a
    # country code, is the employer (it was read as a town with its country, and lost).
    parts = heading_parts(["VOLUNTEER, Acme Protection Corps, FR"])
    assert [(p.text, p.place) for p in parts] == [
        ("VOLUNTEER", False),
        ("Acme Protection Corps", False),
        ("FR", True),
    ]
    text = "VOLUNTEER, Acme Protection Corps, FR\nAugust 2021 - now\nGuard in the night reserve\n"
    assert [job[1] for job in _jobs(text)] == ["Acme Protection Corps"]
    # A town of one word, or one the lists know, stays the place.
    assert [p.text for p in heading_parts(["Engineer, Dorvik, NO"])][-1] == "Dorvik, NO"
    assert [p.text for p in heading_parts(["Engineer, Metz, FR"])][-1] == "Metz, FR"


def test_a_pipe_with_no_space_sets_the_heading_parts_off() -> None:
    """ "Data Analyst|Galnor": a pipe glued to its words (a builder's separator) parts the title
    from the employer as a spaced one does; no title or name holds a pipe."""
    assert [p.text for p in heading_parts(["Data Analyst|Galnor"])] == ["Data Analyst", "Galnor"]
    text = "Data Analyst|Galnor Industries\nApr 2015 - Dec 2016\n• Ran the weekly reports.\n"
    assert _jobs(text) == [("Data Analyst", "Galnor Industries", "2015-04", "2016-12")]


def test_a_known_town_after_the_dates_is_the_place_whatever_its_ending() -> None:
    """ "2021 – 2022 — Saint-Étienne": a town the gazetteer knows, after the dates, is the
    job's place; its "-ienne" read as a title's ending had made it the title (or lost it)."""
    text = (
        "Léa Morrel\n\nExpériences\n\n"
        "Analyste de données — Zanarkor SA\n2021 – 2022 — Saint-Étienne\n• Automatisation.\n\n"
        "Data Analyst ZANARKOR SA\n2019 – 2021 — Saint-Étienne\n• Ran the weekly reports.\n"
    )
    jobs = parse_cv_text(text).content.experience
    assert [(j.title, j.company, j.location) for j in jobs] == [
        ("Analyste de données", "Zanarkor SA", "Saint-Étienne"),
        ("Data Analyst", "ZANARKOR SA", "Saint-Étienne"),
    ]
    assert is_place_like("Saint-Étienne") and not is_place_like("Technicienne")


def test_an_employer_named_first_then_a_comma_then_the_title() -> None:
    """ "Norvelquin Foods, Stagiaire marketing": a short name, each word capitalised and naming
    no job, then a whole title, is the employer then the title, as "ACME, Technician" was; the
    line had been read as one title with no employer."""
    parts = heading_parts(["Norvelquin Foods, Stagiaire marketing"])
    assert [p.text for p in parts] == ["Norvelquin Foods", "Stagiaire marketing"]
    text = "Maison Vastentes, Responsable logistique\nfévr. 2025 – aujourd'hui\n• Stocks.\n"
    assert _jobs(text) == [("Responsable logistique", "Maison Vastentes", "2025-02", "present")]
    # A title then a description stays one piece: the first words name a job.
    assert len(heading_parts(["Data Analyst, Supply Chain"])) == 1


def test_a_single_date_opening_a_cell_is_the_jobs_date_whatever_follows_it() -> None:
    # A label column read row by row puts the dates' cell after the employer, its town after
    # the month: a single date opening a cell stands apart like one at the line's edge.
    text = (
        "EXPERIENCE\n\nField intern\nHalvard Instrum\tFév – Juil. 2024 Lyon, France\n\n"
        "Wrote the checks.\n\nSampling intern\nWestfold Dairies\tJuil. 2020 Rennes, France\n\n"
        "Planned the sampling rounds.\n"
    )
    jobs = parse_cv_text(text).content.experience
    assert [(j.title, j.company, j.start, j.end, j.location) for j in jobs] == [
        ("Field intern", "Halvard Instrum", "2024-02", "2024-07", "Lyon, France"),
        ("Sampling intern", "Westfold Dairies", "2020-07", "2020-07", "Rennes, France"),
    ]


def test_later_jobs_say_the_heading_stands_above_the_dates() -> None:
    # A sidebar copied into the first job leaves nothing but its e-mail above the first dates,
    # which alone read as "dates first": every later job's title and employer then went to
    # the job above as its text. The later jobs, heading above and bullets under their dates,
    # settle the order.
    text = (
        "Professional Experience\n\nCustomer Success Manager\n\nDalsol & Lisquin, Leeds\n\n"
        "r.vantrel@postbox.example\n\n11.2022 — 04.2025\n• Trained new hires on the tooling.\n"
        "Supply Chain Analyst\nClinique Solly, York\n08.2018 — 11.2020\n"
        "• Cut order lead times by 40%.\nProject Manager\nVasveldal & Velkorta, Bristol\n"
        "01.2016 — 05.2018\n• Wrote the quality procedures.\n"
    )
    jobs = parse_cv_text(text).content.experience
    assert [(j.title, j.company, j.start) for j in jobs[1:]] == [
        ("Supply Chain Analyst", "Clinique Solly", "2018-08"),
        ("Project Manager", "Vasveldal & Velkorta", "2016-01"),
    ]


def test_dates_first_jobs_keep_their_headings_under_the_dates() -> None:
    # The other order stays: each date line opens its job, the heading under it.
    text = (
        "Experience\n\n2022 – 2025\nCustomer Success Manager\nDalsol & Lisquin\n"
        "2018 – 2020\nSupply Chain Analyst\nClinique Solly\n• Cut order lead times.\n"
        "2016 – 2018\nProject Manager\nVasveldal & Velkorta\n• Wrote the procedures.\n"
    )
    jobs = parse_cv_text(text).content.experience
    assert [(j.title, j.company) for j in jobs] == [
        ("Customer Success Manager", "Dalsol & Lisquin"),
        ("Supply Chain Analyst", "Clinique Solly"),
        ("Project Manager", "Vasveldal & Velkorta"),
    ]
