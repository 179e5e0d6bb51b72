"""Pasted two-column text: job blocks that landed under a sidebar heading go back to
experience (``app/lib/parsing/sections/section_interleave.py``). Synthetic CVs only."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.sections.section_education import job_entries_in_education
from app.lib.parsing.sections.section_interleave import job_blocks
from app.lib.parsing.sections.section_lines import date_line, job_heading


def _jobs(text: str) -> list[tuple[str, str, str | None]]:
    parsed = parse_cv_text(text)
    return [(e.title, e.company, e.start) for e in parsed.content.experience]


def test_sidebar_training_heading_in_the_middle_of_a_job_list() -> None:
    text = (
        "Nora Vidal\nPipe inspector\n\nPROFESSIONAL EXPERIENCE\n\n"
        "Bravo Works Spa | Welding inspector\nMarch 2022 – today\n"
        "Supervised the welding works on the new plant.\n\n"
        "Training\n\n"
        "August 2019 – February 2022\nMonitored the coating and testing activities.\n\n"
        "- 2018 : Master in Quality\nNorth Coast University, Port Town\n\n"
        "Delta Pipes Spa | Quality controller\n\n"
        "- 2015 : Bachelor in Physics\nRiver Valley University, Hill Town\n\n"
        "June 2017 – July 2019\nChecked the pipes received from the mill.\n\n"
        "Echo Tubes Spa | Pipe welder\nMay 2015 – May 2017\n\n"
        "SKILLS\nTeam spirit\n"
    )
    parsed = parse_cv_text(text)
    companies = [e.company for e in parsed.content.experience]
    assert companies == ["Bravo Works Spa", "", "Delta Pipes Spa", "Echo Tubes Spa"]
    assert [e.start for e in parsed.content.experience] == [
        "2022-03", "2019-08", "2017-06", "2015-05"
    ]  # fmt: skip
    assert len(parsed.content.education) == 2


def test_job_lines_read_into_a_languages_list_go_back_to_experience() -> None:
    text = (
        "Nora Vidal\n\nEXPERIENCE\n"
        "Orbit Labs Spa | Data engineer\nJanuary 2021 – today\n\n"
        "Languages\n\n"
        "Kestrel Spa | Software developer\n\nEnglish: fluent\n\n"
        "May 2018 – December 2020\n\nSpanish: basic\n\n"
        "Built the billing services used by every branch of the group.\n"
    )
    parsed = parse_cv_text(text)
    assert [e.company for e in parsed.content.experience] == ["Orbit Labs Spa", "Kestrel Spa"]
    assert sorted(x.name for x in parsed.content.languages) == ["English", "Spanish"]


def test_jobs_after_a_hobbies_list_one_field_per_line() -> None:
    text = (
        "Nora Vidal\n\nMES EXPÉRIENCES\n\n"
        "TECHNICIENNE STAGIAIRE – ATELIERS DUVAL\nDe mars à juillet 2023, Annecy\n\n"
        "CENTRES D'INTÉRÊT\nRandonnée\nPiano\n\n"
        "TECHNICIENNE STAGIAIRE – FONDERIE MARCEL\nDe mars à juin 2022, Thônes\n\n"
        "▪ Service : Qualité\n\n"
        "TECHNICIENNE STAGIAIRE - VERRERIE BLANC\nDe avril à juin 2021, Ugine\n"
    )
    companies = [company for _, company, _ in _jobs(text)]
    assert companies == ["ATELIERS DUVAL", "FONDERIE MARCEL", "VERRERIE BLANC"]
    parsed = parse_cv_text(text)
    assert parsed.content.extras.interests[:2] == ["Randonnée", "Piano"]


def test_an_employer_line_above_a_lone_date_moves_with_it() -> None:
    lines = [
        "Italian", "English", "", "Harbour Net Service", "�", "", "June 2023 – Ongoing", "",
        "• Management of the applications served to the city offices every day.", "",
    ]  # fmt: skip
    jobs, own = job_blocks(lines, "languages")
    assert jobs[:2] == ["Harbour Net Service", "June 2023 – Ongoing"]
    assert [x for x in own if x] == ["Italian", "English"]


def test_dated_activities_of_their_own_section_stay() -> None:
    text = (
        "Nora Vidal\n\nEXPÉRIENCES\nVendeuse - Maison Lune\n2019 - 2021\n\n"
        "ACTIVITÉS EXTRA-PROFESSIONNELLES\n"
        "2020 - 2023 : Cheffe de chœur, Responsable de la chorale\nChorale du Port, Brest\n"
        "2018 – 2020 : Trésorière de l'association des parents\n"
    )
    assert len(_jobs(text)) == 1


def test_a_training_with_a_job_title_stays_in_education() -> None:
    lines = [
        "Développeuse web", "Code Campus (01/03/2023-19/04/2023)", "",
        "Formation Technicienne thermale", "Institut du Lac 2009", "",
    ]  # fmt: skip
    assert job_blocks(lines, "education") == ([], lines)


def test_a_lowercase_line_inside_a_list_is_no_heading() -> None:
    text = (
        "Nora Vidal\n\nEXPÉRIENCES PROFESSIONNELLES\nAssistante manager\nMaison Lune\n"
        "2020 - 2023\ngestion des stocks\nformation du personnel\ngestion du SAV\n\n"
        "FORMATION\nBTS Commerce 2020\n"
    )
    parsed = parse_cv_text(text)
    assert parsed.sections == ["experience", "education"]
    assert len(parsed.content.education) == 1


def test_line_shapes() -> None:
    assert date_line("May 2023 – today")
    assert date_line("De mars à juillet 2022, Thônes")
    assert not date_line("› Drums since September 2013")
    assert not date_line("I studied physics between 2007 and 2010 with good results")
    assert job_heading("Bravo Works Spa | Welding inspector")
    assert job_heading("Vendeuse")
    assert not job_heading("- 2011 : Level II controller")
    assert not job_heading("2021 – 2023 : Manager of the band")
    assert not job_heading("Master in Quality engineering")


def test_one_job_entry_among_degrees_goes_to_experience() -> None:
    text = (
        "Nora Vidal\n\nExperience\nCashier\nOct 2016 – Jul 2018\nGreen Market\n\n"
        "Education\nLakeside University\nOct 2013 – Jul 2018\nBachelor's degree in Media\n"
        "• Digital media • journalism\nSenior Sales Executive\nApr 2021 – Present\n"
        "Harbour Bank\n• I support the direct sales team with the paperwork of every deal.\n"
        "Hill College\nSept 2020 – Jul 2021\nDiploma in Arabic\n"
    )
    parsed = parse_cv_text(text)
    assert [e.company for e in parsed.content.experience] == ["Green Market", "Harbour Bank"]
    assert [e.institution for e in parsed.content.education] == [
        "Lakeside University", "Hill College"
    ]  # fmt: skip


def test_an_engineering_degree_stays_in_education() -> None:
    lines = [
        "Lakeside School of Mines –", "Ingénieur Génie Industriel", "Nancy, 2021 - 2024", "",
        "Hill University - Master", "Nancy, 2023 - 2024", "",
    ]  # fmt: skip
    assert job_entries_in_education(lines) == ([], lines)


def test_a_job_with_its_dates_beside_the_employer_under_contact() -> None:
    text = (
        "Nora Vidal\n\nEXPÉRIENCE PROFESSIONNELLE\nVendeuse\nMaison Lune (2010/2012)\n\n"
        "COORDONNÉES\n\nAgent hospitalier\nCentre des Tilleuls (2004/2005)\n"
        "-Accompagnement des patients : repas, sorties\n"
    )
    companies = [company for _, company, _ in _jobs(text)]
    assert companies == ["Maison Lune", "Centre des Tilleuls"]


def test_skill_sentences_before_any_job_line_stay_skills() -> None:
    lines = [
        "Une bonne communication, de la rigueur et de la réactivité au quotidien.", "",
        "TECHNICIENNE RESEAU", "ACME RAIL | Avril 2016 à Mai 2017", "",
        "Travaux de voies, renouvellement de rail et entretien du réseau.", "",
    ]  # fmt: skip
    jobs, own = job_blocks(lines, "skills")
    assert own[0].startswith("Une bonne communication")
    assert "TECHNICIENNE RESEAU" in jobs
    assert jobs[-2].startswith("Travaux de voies")


def test_an_undated_fragment_among_dated_jobs_is_unplaced() -> None:
    text = (
        "Nora Vidal\n\nEXPERIENCE\nMigration of the archive tools\n\n"
        "Data engineer\nOrbit Labs\nJanuary 2021 – today\n\n"
        "Developer\nKestrel Soft\nMay 2018 – December 2020\n"
    )
    parsed = parse_cv_text(text)
    assert [e.company for e in parsed.content.experience] == ["Orbit Labs", "Kestrel Soft"]
    assert "Migration of the archive tools" in parsed.unplaced


def test_a_sidebar_heading_between_icon_glyph_lines_is_an_unknown_section() -> None:
    text = (
        "Nora Vidal\n\nSUMMARY\nI build web tools.\n\nEXPERIENCE\nDeveloper\n\n"
        "BEST WORK SHOWCASE\n�\n\nArchive decoding\nI decoded the archive formats.\n\n"
        "LANGUAGES\nItalian\nEnglish\n\nHarbour Net Service\n�\n\nJune 2023 – Ongoing\n\n"
        "• Managed the applications served to the city offices every day.\n\n"
        "SKILLS\nPython\n\nCHEF DE CHANTIER\n\nGit\n"
    )
    parsed = parse_cv_text(text)
    assert [heading for heading, _ in parsed.unknown_sections] == ["BEST WORK SHOWCASE"]
    jobs = [(e.title, e.company, e.start) for e in parsed.content.experience]
    assert jobs == [("Developer", "Harbour Net Service", "2023-06")]


def test_sidebar_task_bullets_left_in_a_mixed_education_section_are_unplaced() -> None:
    text = (
        "Nora Vidal\n\nPROFESSIONAL EXPERIENCE\n\n"
        "Bravo Works Spa | Welding inspector\nMarch 2022 – today\n\n"
        "Training\n\n- 2018 : Master in Quality\nNorth Coast University, Port Town\n\n"
        "Delta Pipes Spa | Quality controller\nJune 2017 – July 2019\n\n"
        "Tasks\n- Check the weld joints\n\n"
        "Echo Tubes Spa | Pipe welder\nMay 2015 – May 2017\n"
    )
    parsed = parse_cv_text(text)
    assert len(parsed.content.experience) == 3
    assert len(parsed.content.education) == 1
    assert "Check the weld joints" in parsed.unplaced


def test_one_whole_job_head_under_a_hobbies_heading_goes_to_experience() -> None:
    text = (
        "Nora Vidal\n\nWork experience\nWarehouse worker\n\nDelta Freight, Oslo\n\n"
        "nov 2019 - apr 2020\n\nPicked goods and folded cages.\n\nInterests\n\n"
        "Delivery Driver\n\nFjell Groceries, Bergen\n\nmar 2021 - jun 2021\n\n"
        "Chess\n\nA part-time job delivering groceries to homes around the city.\n"
    )
    assert [(t, c) for t, c, _ in _jobs(text)] == [
        ("Warehouse worker", "Delta Freight"),
        ("Delivery Driver", "Fjell Groceries"),
    ]


def test_a_role_named_among_hobbies_above_a_date_stays_a_hobby() -> None:
    lines = [
        "Sports : Rowing, Climbing", "Cinema, Photography,", "Travel, Cooking",
        "Volunteer firefighter and its culture", "", "2016 - 2019", "",
    ]  # fmt: skip
    assert job_blocks(lines, "interests") == ([], lines)


def test_the_employer_line_above_a_dated_title_line_goes_with_it() -> None:
    lines = [
        "Excel, Canva", "", "Vendeuse", "Mai 2019 - Août 2019", "Conseil en boutique", "",
        "Maison Corbel", "", "Stage vendeur | Janvier - Février 2022",
        "Réception et rangement des colis de la boutique.", "",
    ]  # fmt: skip
    jobs, own = job_blocks(lines, "skills")
    assert jobs[jobs.index("Maison Corbel") + 1] == "Stage vendeur | Janvier - Février 2022"
    assert own[0] == "Excel, Canva"


def test_short_jobs_dated_by_one_month_among_degrees_are_jobs() -> None:
    lines = [
        "LYCÉE DES ORMES - VALMONT", "Bac général - spécialités Physique", "2019 - 2022", "",
        "MAIRIE DE CORVEL", "Agent technique en manutention", "Juillet 2024", "",
        "BANQUE - CRÉDIT DU VAL", "Job d'été - Conseiller d'accueil", "Août 2024", "",
        "2022 - En cours", "",
    ]  # fmt: skip
    jobs, own = job_entries_in_education(lines)
    assert jobs[:3] == ["MAIRIE DE CORVEL", "Agent technique en manutention", "Juillet 2024"]
    assert "Job d'été - Conseiller d'accueil" in jobs  # "En cours" below it names no course
    assert own[:3] == lines[:3]
    graduation = ["Lycée des Ormes", "Baccalauréat scientifique", "Juin 2022", ""]
    assert job_entries_in_education([*graduation, *lines[4:8]])[1][:3] == graduation[:3]


def test_a_bullet_under_a_job_copied_among_degrees_names_no_school() -> None:
    # "Formation de …" is a task ("training new hires"), not a training the entry names.
    lines = [
        "Licence professionnelle Logistique", "École Quinlyar, 2014 – 2017", "",
        "Comptable", "Atelier Brunsel, Lyon", "2020 - 2021",
        "• Suivi des fournisseurs et renégociation des contrats.",
        "• Formation de 31 nouveaux arrivants.", "",
        "Master Contrôle de gestion", "Université de Valmont, 2012 – 2014", "",
    ]  # fmt: skip
    jobs, own = job_entries_in_education(lines)
    assert jobs[:3] == ["Comptable", "Atelier Brunsel, Lyon", "2020 - 2021"]
    assert "Master Contrôle de gestion" in own
