"""An education entry's parts take the roles their words give them, wherever the heading puts
them: the school by its school words, the degree by its degree words, a town as the place, the
rest as the field (app/lib/parsing/entries/roles.py). Invented names only."""

from __future__ import annotations

import pytest

from app.lib.cv_content import Education
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.entry_words import is_place


def _education(section: str, heading: str = "FORMATION") -> list[Education]:
    text = f"Alex Morel\nCoordinatrice logistique\nalex.morel@example.org\n\n{heading}\n{section}"
    return parse_cv_text(text).content.education


def _roles(entry: Education) -> tuple[str, str, str, str]:
    return entry.degree, entry.field, entry.institution, entry.location


def test_the_school_named_below_a_degree_and_its_field_is_the_school() -> None:
    [entry] = _education(
        "Master en Informatique - Intelligence Artificielle & Développement Web\n"
        "Université de Valmont, Saint-Orlin | 2025\n"
    )
    assert entry.degree == "Master en Informatique"
    assert entry.field == "Intelligence Artificielle & Développement Web"
    assert entry.institution == "Université de Valmont"
    assert entry.end == "2025"


def test_an_undated_degree_takes_the_school_on_the_line_below() -> None:
    entries = _education(
        "BTS Comptabilité et gestion\nLycée Valmont, Nancy (54)\n\n"
        "Licence professionnelle Logistique\nIUVAL\n\n"
        "Certificat de secourisme\nObtenu avec mention, valable deux ans.\n"
    )
    assert [_roles(e) for e in entries] == [
        ("BTS Comptabilité et gestion", "", "Lycée Valmont", "Nancy (54)"),
        ("Licence professionnelle Logistique", "", "IUVAL", ""),
        ("Certificat de secourisme", "", "", ""),  # a sentence under it is no school
    ]
    assert not any(e.start or e.end for e in entries)


def test_one_line_of_commas_gives_degree_field_school_and_town() -> None:
    first, _ = _education(
        "2019 – 2020 Master 2, Mathématiques appliquées, Université de Valmont, Lyon.\n"
        "2015 – 2018 Licence de mathématiques, Université de Valmont, Lyon.\n"
    )
    assert _roles(first)[:3] == ("Master 2", "Mathématiques appliquées", "Université de Valmont")


def test_a_town_after_the_school_is_no_degree() -> None:
    [entry] = _education(
        "B.Tech\nKestrel Institute of Technology - Noida, Uttar Pradesh\n2010 - 2014\n",
        heading="EDUCATION",
    )
    assert entry.degree == "B.Tech"
    assert entry.institution == "Kestrel Institute of Technology"
    assert "Noida" in entry.location


def test_a_bare_school_name_before_its_town_is_the_school_not_the_field() -> None:
    [entry] = _education(
        "Master of Science - Civil Engineering\nDORQUIMAR, Nancy (54) | 2013\n",
        heading="EDUCATION",
    )
    assert _roles(entry)[:3] == ("Master of Science", "Civil Engineering", "DORQUIMAR")


@pytest.mark.parametrize(
    ("heading", "degree", "school"),
    [
        (
            "Classe préparatoire aux grandes écoles, filière MP, Lycée Valmont",
            "Classe préparatoire aux grandes écoles",
            "Lycée Valmont",
        ),
        (
            "Programme Grande École - Management, Kestrel École d’ingénieurs",
            "Programme Grande École",
            "Kestrel École d'ingénieurs",  # the reader straightens apostrophes
        ),
    ],
)
def test_phrases_whose_words_say_the_other_role(heading: str, degree: str, school: str) -> None:
    [entry] = _education(f"{heading}\n2019 - 2021\n")
    assert (entry.degree, entry.institution) == (degree, school)


def test_a_school_with_its_town_and_country_is_no_place() -> None:
    # A name the gazetteer does not know, then a town it knows: a school and where it is.
    assert not is_place("TROBRA, Montréal, Canada") and not is_place("IUT de Leeds, Leeds, UK")
    assert is_place("Paris, Île-de-France, France") and is_place("Leeds, West Yorkshire, UK")
    entries = _education(
        "Master en Management hôtelier\nIUT de Leeds, Leeds, UK\n\n"
        "Associate degree in Early Childhood Education\nTROBRA, Montréal, Canada\n"
    )
    assert [_roles(e) for e in entries] == [
        ("Master en Management hôtelier", "", "IUT de Leeds", "Leeds, UK"),
        ("Associate degree in Early Childhood Education", "", "TROBRA", "Montréal, Canada"),
    ]


def test_a_school_or_a_degree_is_never_a_place_but_state_codes_stay_places() -> None:
    assert not is_place("Kestrel Academy, Austin, TX")
    assert not is_place("Bachelor's degree, Supply Chain Management, Leeds, UK")
    assert is_place("Boston, MA") and is_place("Jackson, MS") and is_place("Austin, TX")


@pytest.mark.parametrize("mark", ["•", "-"])
def test_a_list_whose_every_bullet_opens_with_a_year_is_a_list_of_entries(mark: str) -> None:
    """ "• 2015 : CAP Peinture" / "Lycée Jean Moulin – Béthune": a bulleted line dated by a
    single year is a description's event where the entries carry dates of their own; in a
    section with none, whose every bullet opens so, each bullet opens an entry."""
    section = (
        f"{mark} 2015 : CAP Peinture en bâtiment\nLycée Jean Moulin – Béthune\n\n"
        f"{mark} 2012 : Baccalauréat professionnel\nLycée Henri Wallon – Arras\n"
    )
    first, second = _education(section)
    assert (first.degree, first.institution, first.end) == (
        "CAP Peinture en bâtiment", "Lycée Jean Moulin", "2015")  # fmt: skip
    assert (second.degree, second.institution, second.end) == (
        "Baccalauréat professionnel", "Lycée Henri Wallon", "2012")  # fmt: skip


def test_a_job_bullet_opening_with_a_year_stays_in_its_job() -> None:
    text = (
        "Alex Morel\nalex.morel@example.org\n\nEXPÉRIENCE\n"
        "Peintre en bâtiment — Velcour Rénovation\n2014 - 2020\n"
        "• 2016 : chef d'équipe sur les chantiers\n• 2018 : formation des apprentis\n"
    )
    [job] = parse_cv_text(text).content.experience
    assert (job.start, job.end) == ("2014", "2020")
    assert len(job.bullets) == 2


@pytest.mark.parametrize(
    ("section", "degree", "school", "end"),
    [
        ("Certificate: Web Development Expected in Mar 2021\nOakridge University\n",
         "Certificate: Web Development", "Oakridge University", "2021-03"),
        ("Bachelor of Science in Nursing\nOakridge State University\nExpected May 2026\n",
         "Bachelor of Science in Nursing", "Oakridge State University", "2026-05"),
        ("Oakridge State University, B.S. Nursing (expected 2026)\n", "B.S. Nursing",
         "Oakridge State University", "2026"),
        ("Master Logistique – Université de Valmont\nObtention prévue en juin 2026\n",
         "Master Logistique", "Université de Valmont", "2026-06"),
    ],
)  # fmt: skip
def test_a_degree_still_to_come_reads_its_date_whole(
    section: str, degree: str, school: str, end: str
) -> None:
    """ "Expected in Mar 2021": the word before the date is the date's, not a field or a place
    (and "in" before it made the date prose, leaving the degree undated)."""
    [entry] = _education(section, heading="EDUCATION")
    assert (entry.degree, entry.institution, entry.end) == (degree, school, end)
    assert not entry.field and not entry.location


def test_dates_opening_a_line_in_lower_case_are_no_sentence_carried_on() -> None:
    """ "Licence Pro. en Logistique Globale – Parcours International" / "septembre 2023 –
    septembre 2024 — IUT de Valmont": a month in lower case opened the line, so it read as the
    long heading's sentence running on, and every degree after the first was lost in the
    first one's description."""
    section = (
        "Cycle ingénieur en Logistique\nseptembre 2024 – juin 2026 — École de Brenne, Amiens\n\n"
        "Licence Pro. en Logistique Globale – Parcours International\n"
        "septembre 2023 – septembre 2024 — IUT de Valmont\n\n"
        "BTS Gestion des Transports et Logistique Associée (GTLA)\n"
        "septembre 2021 – septembre 2023 — Lycée Jean Moulin\n"
    )
    entries = _education(section)
    assert [(e.institution, e.start, e.end) for e in entries] == [
        ("École de Brenne", "2024-09", "2026-06"),
        ("IUT de Valmont", "2023-09", "2024-09"),
        ("Lycée Jean Moulin", "2021-09", "2023-09"),
    ]
    assert entries[1].degree == "Licence Pro. en Logistique Globale"


def test_a_sentence_running_on_to_a_date_stays_a_sentence() -> None:
    text = (
        "Alex Morel\nalex.morel@example.org\n\nEXPÉRIENCE\n"
        "Préparatrice de commandes — Velcour Logistique\n2019 - 2022\n"
        "Préparation des commandes et gestion des retours clients pendant la période\n"
        "novembre 2021 – janvier 2022 de forte activité\n"
    )
    [job] = parse_cv_text(text).content.experience
    assert (job.start, job.end) == ("2019", "2022")


def test_an_end_year_in_brackets_still_ends_the_range() -> None:
    """ "2022-(2025)": the end still to come, in brackets; the range was read as one year and
    its "2025)" as the degree."""
    [entry] = _education(
        "École Nationale Supérieure de Brenne\t2022-(2025)\n"
        "Formation Ingénieur Civil, Département Matériaux\n"
    )
    assert (entry.start, entry.end) == ("2022", "2025")
    assert entry.degree == "Formation Ingénieur Civil"


def test_a_degree_cut_on_a_linking_word_runs_on_to_the_next_line() -> None:
    """ "Licence professionnelle en" / "logistique et transport": the line in lower case was
    read as the body under a heading of its own, an entry naming nothing, and dropped."""
    [entry] = _education("Licence professionnelle en\nlogistique et transport\n2018-2020\n"
                         "Université de Valmont\n")  # fmt: skip
    assert entry.degree == "Licence professionnelle en logistique et transport"
    assert (entry.institution, entry.start, entry.end) == ("Université de Valmont", "2018", "2020")


def test_an_education_entry_naming_nothing_keeps_its_text_for_the_report() -> None:
    text = (
        "Alex Morel\nCoordinatrice logistique\nalex.morel@example.org\n\nFORMATION\n"
        "- cours du soir suivis en parallèle de mon emploi\n\n"
        "BTS Transport et prestations logistiques\n2018-2020\nLycée Jean Moulin\n"
    )
    parsed = parse_cv_text(text)
    assert [e.degree for e in parsed.content.education] == [
        "BTS Transport et prestations logistiques"
    ]
    # a bullet before any degree: no entry's, so it was dropped; now the report asks
    assert "cours du soir suivis en parallèle de mon emploi" in parsed.unplaced


def test_only_a_heading_s_start_runs_on_not_a_fragment_in_lower_case() -> None:
    from app.lib.parsing.entries.entry_lines import Kind, classify

    assert classify(["Licence professionnelle en", "logistique et transport"])[1].kind is Kind.HEAD
    # a sidebar's sentence cut over lines ("Au travers de ma" / "formation, et de" / "mes
    # activités culturelles") is no heading running on: its last line would name a job's employer
    lines = classify(["Au travers de ma", "formation, et de", "mes activités culturelles"])
    assert lines[2].kind is not Kind.HEAD


def test_bullets_whose_years_open_no_entry_stay_bullets() -> None:
    from app.lib.parsing.entries.entries import split_entries

    lines = [
        "Bénévolat associatif",
        "• 2015 : organisation de la collecte annuelle de vêtements pour les familles du quartier"
        " avec douze bénévoles",
        "• 2016 : animation des ateliers de lecture pour les enfants du centre social chaque"
        " mercredi après-midi toute l'année",
    ]
    [entry] = split_entries(lines)
    assert entry.dates is None
    assert entry.body == lines[1:]


@pytest.mark.parametrize(
    ("degree", "school"),
    [("DEAS", "IFSI de Valmont"), ("PGCE Primary", "Valmont CFA"), ("NVQ Level 3", "AFPA Orlin")],
)
def test_a_care_teaching_or_trade_degree_in_another_column_is_a_study(
    degree: str, school: str
) -> None:
    # A degree block read into the skills column (two columns side by side) is a study when
    # its words name a degree: a nurse's, a teacher's, an apprentice's, not only a master's.
    text = (
        "Alex Morel\nAide-soignante\nalex.morel@example.org\n\nEXPÉRIENCE PROFESSIONNELLE\n"
        "Aide-soignante\nEHPAD Les Tilleuls, Valmont\n2021 – 2024\n• Soins auprès de 30 "
        f"résidents.\n\nCOMPÉTENCES\nSoins d'hygiène\nBientraitance\n\n2020 – 2021\n{degree}\n"
        f"{school}\n\nTransmissions ciblées\n"
    )
    content = parse_cv_text(text).content
    assert [job.company for job in content.experience] == ["EHPAD Les Tilleuls"]
    assert [(e.degree, e.institution) for e in content.education] == [(degree, school)]


def test_a_titre_professionnel_naming_a_trade_is_a_degree_not_a_job() -> None:
    # A French vocational qualification ("Titre professionnel", "Titre Pro") names the trade it
    # qualifies for: the trade's word made it a job, moved out of the degrees.
    text = (
        "Alex Morel\nCariste\nalex.morel@example.org\n\nEXPÉRIENCES\n"
        "décembre 2021 - juillet 2022\nPréparateur de commandes\nTransports Valbrune, Roanne\n"
        "• Préparation de 120 commandes par jour.\n\nDIPLÔMES\n\n"
        "BEP Logistique\nLycée professionnel Orlin, 2020 – 2021\n\n"
        "Titre professionnel Cariste\nLycée professionnel Varenne, 2018 – 2020\n"
    )
    parsed = parse_cv_text(text).content
    assert [j.title for j in parsed.experience] == ["Préparateur de commandes"]
    assert [(d.degree, d.institution) for d in parsed.education] == [
        ("BEP Logistique", "Lycée professionnel Orlin"),
        ("Titre professionnel Cariste", "Lycée professionnel Varenne"),
    ]


def test_a_degree_naming_a_trade_and_its_school_are_two_parts() -> None:
    # "infirmier" is a job's word and "Vienne" ends like one: the dash still parts a degree
    # from its school, a piece naming a degree or a school being no job title.
    first, second = _education(
        "Diplôme d'État d'infirmier (DEI) – IFSI de Vienne – 2014\n"
        "Master infirmier – IFSI de Valmont – 2012\n"
    )
    assert (first.degree, first.institution) == (
        "Diplôme d'État d'infirmier (DEI)",
        "IFSI de Vienne",
    )
    assert (second.degree, second.institution) == ("Master infirmier", "IFSI de Valmont")


def test_a_list_of_numbers_holds_its_commas() -> None:
    [entry] = _education("2020 – CACES R489 catégories 1, 3 et 5\n")
    assert (entry.degree, entry.institution) == ("CACES R489 catégories 1, 3 et 5", "")


@pytest.mark.parametrize(
    ("line", "degree", "school"),
    [
        ("Licence de psychologie à l'Université de Valmont", "Licence de psychologie",
         "Université de Valmont"),
        ("BTS MUC Lycée Saint-Orlin", "BTS MUC", "Lycée Saint-Orlin"),
        ("Baccalauréat scientifique au lycée Victor Morel", "Baccalauréat scientifique",
         "lycée Victor Morel"),
        ("BSc Nursing at the University of Valmont", "BSc Nursing", "University of Valmont"),
        ("Master 2 Finance IAE de Valmont", "Master 2 Finance", "IAE de Valmont"),
    ],
)  # fmt: skip
def test_a_degree_and_its_school_written_as_one_phrase_are_two_roles(
    line: str, degree: str, school: str
) -> None:
    [entry] = _education(f"2016 – 2019\n{line}\n")
    assert (entry.degree, entry.institution, entry.end) == (degree, school, "2019")


@pytest.mark.parametrize(
    "line",
    [
        "Master of Science in School Psychology",  # the subject, not a school
        "Licence en École maternelle",
        "Certificat de direction d'école",  # no school named
    ],
)
def test_a_school_word_in_a_degree_s_subject_stays_in_the_degree(line: str) -> None:
    [entry] = _education(f"2016 – 2019\n{line}\n")
    assert (entry.degree, entry.institution) == (line, "")


def test_entries_headed_by_a_bullet_with_their_dates_below_are_read_whole() -> None:
    """Each degree a bullet, its dates on the line under it (a wrapped line between them):
    the dates had stood alone as entries and the bullets were left unplaced."""
    training, master = _education(
        "- Formation Assistant Manager : Cegos.\n"
        "juillet 2019 - octobre 2019\n"
        "- Master 2 Management des organisations : Université de Valmont\n"
        "Saint-Orlin 2\n"
        "septembre 2016 – juin 2018\n"
    )
    assert training.degree.startswith("Formation Assistant Manager")
    assert (training.start, training.end) == ("2019-07", "2019-10")
    assert master.degree == "Master 2 Management des organisations"
    assert master.institution == "Université de Valmont Saint-Orlin 2"
    assert (master.start, master.end) == ("2016-09", "2018-06")


def test_a_bulleted_degree_over_its_school_line_keeps_the_school_apart() -> None:
    first, second = _education(
        "• BTEC Health and Social Care\nValmont City College\n2015 - 2017\n\n"
        "• BSc Nursing, University of Valmont\n2017 - 2020\n",
        heading="EDUCATION",
    )
    assert _roles(first)[::2] == ("BTEC Health and Social Care", "Valmont City College")
    assert _roles(second)[::2] == ("BSc Nursing", "University of Valmont")
    assert (first.end, second.end) == ("2017", "2020")


def test_a_degree_and_its_school_parted_by_a_colon_over_their_years() -> None:
    """ "Master 2 Finance : Université …" read as a "Label : value" line of text: every
    degree after the first had lost its name to the entry above."""
    first, second = _education(
        "Master 2 Finance : Université de Valmont\n2016 - 2018\n\n"
        "Licence Économie : Université de Valmont\n2013 - 2016\n"
    )
    assert (first.degree, first.institution, first.end) == (
        "Master 2 Finance",
        "Université de Valmont",
        "2018",
    )
    assert (second.degree, second.institution, second.end) == (
        "Licence Économie",
        "Université de Valmont",
        "2016",
    )


def test_a_colon_before_a_school_parts_degree_and_school_and_before_a_subject_does_not() -> None:
    school, subject = _education(
        "BSc in Nursing : Valmont Academy\n2018 - 2021\n\nLicence : Économie\n2015 - 2018\n",
        heading="EDUCATION",
    )
    assert (school.degree, school.institution) == ("BSc in Nursing", "Valmont Academy")
    assert subject.institution == "" and "Économie" in f"{subject.degree} {subject.field}"


@pytest.mark.parametrize("label", ["• Projects:", "• Compétences :", "• Languages:"])
def test_a_bullet_naming_a_section_among_an_entry_s_bullets_opens_no_section(label: str) -> None:
    entries = _education(
        "Diplôme d'ingénieur en Mécanique\nÉcole Valmont, Nancy | 2024\n"
        f"• Cours de mécanique des fluides\n{label}\n• Conception d'une dalle piézoélectrique\n\n"
        "Baccalauréat scientifique\nLycée Sorel, Nantes | 2019\n"
    )
    assert [(e.institution, e.end) for e in entries] == [
        ("École Valmont", "2024"),
        ("Lycée Sorel", "2019"),
    ]
