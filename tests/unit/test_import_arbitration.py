"""The rules' reading and a model's are arbitrated by what the source writes at each entry's own
lines (app/lib/parsing/model_import/arbitration.py), not by who read it. Synthetic CVs only."""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import CvContent
from app.lib.parsing.model_import.arbitration import Arbiter
from app.lib.parsing.model_import.entry_evidence import (
    dates_ordered,
    is_fragment,
    is_prose,
    job_shape_problem,
    name_shaped,
    town_like,
)
from app.lib.parsing.model_import.evidence import SourceLines, Span
from app.lib.parsing.model_import.import_merge import merge_readings

SOURCE = """Noa Vidal
Experience
Field technician | Orbeline
March 2020 - June 2022
- Learning the basic operating principles of the pumps.
- Serviced forty sites a month
Night porter | Hotel Castel
2018 - 2019
- Welcomed late guests
Talk: Pumps at scale | Water Days
2017
Education
BSc Mechanics | Delta University
2014 - 2017
"""


def cv(**sections: Any) -> CvContent:
    return CvContent.from_json(sections)


def job(title: str, company: str, start: str | None, end: str | None = None, **more: Any) -> Any:
    return {"title": title, "company": company, "start": start, "end": end, **more}


def titles(content: CvContent) -> list[tuple[str, str]]:
    return [(e.title, e.company) for e in content.experience]


def codes(findings: list[dict[str, Any]]) -> list[str]:
    return [f["code"] for f in findings]


def test_an_entry_is_found_at_the_lines_that_write_its_names_and_dates_together() -> None:
    lines = SourceLines(SOURCE)
    assert lines.heading(("Field technician", "Orbeline"), ("2020-03", "2022-06")) == Span(2, 3)
    assert lines.quoted("Orbeline", Span(2, 3)) and not lines.quoted("Orbeline", Span(6, 8))
    assert lines.dated("2018", Span(6, 7)) and not lines.dated("2018", Span(2, 4))


def test_a_sentence_read_as_the_employer_loses_to_the_name_written_at_the_entry() -> None:
    rules = cv(experience=[job("Field technician",
                               "Learning the basic operating principles of the pumps.",
                               "2020-03", "2022-06", id="r1")])  # fmt: skip
    model = cv(experience=[job("Field technician", "Orbeline", "2020-03", "2022-06")])
    merged = merge_readings(rules, model, source_text=SOURCE)
    [kept] = merged.content.experience
    assert (kept.id, kept.company) == ("r1", "Orbeline")
    assert codes(merged.findings) == ["import_model_reading_kept"]


def test_an_end_equal_to_the_start_loses_to_the_end_the_entry_writes() -> None:
    rules = cv(experience=[job("Field technician", "Orbeline", "2020-03", "2020-03")])
    model = cv(experience=[job("Field technician", "Orbeline", "2020-03", "2022-06")])
    [kept] = merge_readings(rules, model, source_text=SOURCE).content.experience
    assert kept.end == "2022-06"


def test_on_a_tie_the_rules_stand_and_swapped_roles_are_reported_not_taken() -> None:
    # Two names no word of which tells a title from an employer, one entry: nothing settles it.
    source = "Experience\nQuillon | Marrowby\n2018 - 2019\n"
    rules = cv(experience=[job("Quillon", "Marrowby", "2018", "2019")])
    model = cv(experience=[job("Marrowby", "Quillon", "2018", "2019")])
    merged = merge_readings(rules, model, source_text=source)
    assert titles(merged.content) == [("Quillon", "Marrowby")]
    assert set(codes(merged.findings)) == {"import_readings_differ"}


def test_a_swap_the_section_s_words_tell_is_undone_silently() -> None:
    rules = cv(experience=[job("Night porter", "Hotel Castel", "2018", "2019")])
    model = cv(experience=[job("Hotel Castel", "Night porter", "2018", "2019")])
    merged = merge_readings(rules, model, source_text=SOURCE)
    assert titles(merged.content) == [("Night porter", "Hotel Castel")]
    assert merged.findings == []


def test_a_model_only_entry_comes_in_when_its_lines_write_its_names_and_dates() -> None:
    rules = cv(experience=[job("Field technician", "Orbeline", "2020-03", "2022-06")])
    model = cv(experience=[job("Field technician", "Orbeline", "2020-03", "2022-06"),
                           job("Night porter", "Hotel Castel", "2018", "2019")])  # fmt: skip
    merged = merge_readings(rules, model, source_text=SOURCE)
    assert ("Night porter", "Hotel Castel") in titles(merged.content)
    assert "import_model_only" in codes(merged.findings)


def test_an_invented_job_with_years_written_elsewhere_is_shown_not_added() -> None:
    rules = cv(experience=[job("Field technician", "Orbeline", "2020-03", "2022-06")])
    # A real title of the CV, no employer, years that belong to the degree.
    model = cv(experience=[job("Night porter", "", "2014", "2017"),
                           job("Field technician", "Orbeline", "2020-03", "2022-06")])  # fmt: skip
    merged = merge_readings(rules, model, source_text=SOURCE)
    assert titles(merged.content) == [("Field technician", "Orbeline")]
    [shown] = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert shown["itemId"] is None and shown["path"] == "experience"
    assert shown["values"]["reader"] == "model" and shown["samples"]


# A pasted two-column CV: the dates column comes after all the text, far from each entry.
DATES_APART = """Lou Marchal
Experience
Support analyst
Vellacore - Lyon
- Answered the service desk
Line cook
- Prepared the lunch service
Dates
2021 - 2023
2019 - 2020
"""


def test_a_model_only_entry_whose_dates_stand_apart_comes_in_and_its_dates_are_asked() -> None:
    rules = cv(experience=[])
    model = cv(experience=[job("Support analyst", "Vellacore", "2021", "2023"),
                           job("Line cook", "", "2019", "2020")])  # fmt: skip
    merged = merge_readings(rules, model, source_text=DATES_APART)
    # Both names written together: kept, its dates asked about (a warning on the entry).
    assert titles(merged.content) == [("Support analyst", "Vellacore")]
    [asked] = [f for f in merged.findings if f["code"] == "import_model_dates_apart"]
    assert asked["severity"] == "warning" and asked["path"] == "experience[0].start"
    assert asked["itemId"] == merged.content.experience[0].id
    # A title alone, its years elsewhere: shown to confirm, never added.
    [shown] = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert shown["values"]["reader"] == "model"


def test_a_town_the_cv_gives_as_a_location_loses_as_an_employer() -> None:
    # "Carrowfield" is no town the place list knows; the CV writes it as a location.
    source = """Experience
Brightlane, Carrowfield, MN — Designer
2020 - 2022
Orbix, Carrowfield, MN — Analyst
2018 - 2020
"""
    analyst = job("Analyst", "Orbix", "2018", "2020", location="Carrowfield, MN")
    rules = cv(experience=[job("Designer", "Carrowfield", "2020", "2022"), analyst])
    model = cv(experience=[job("Designer", "Brightlane", "2020", "2022"), analyst])
    merged = merge_readings(rules, model, source_text=source)
    assert titles(merged.content) == [("Designer", "Brightlane"), ("Analyst", "Orbix")]
    # Without the other entry's location, nothing says which name is the town: the rules stand.
    alone = merge_readings(
        cv(experience=rules.model_dump(mode="json")["experience"][:1]),
        cv(experience=model.model_dump(mode="json")["experience"][:1]),
        source_text=source,
    )
    assert titles(alone.content) == [("Designer", "Carrowfield")]


def test_an_employer_a_few_lines_down_beats_a_bullet_glyph_read_closer() -> None:
    source = "Experience\nSafety lead | Mar 2019 - Feb 2020\n●\n●\n●\n●\n\nHarwick Drilling\n"
    rules = cv(experience=[job("Safety lead", "●", "2019-03", "2020-02")])
    model = cv(experience=[job("Safety lead", "Harwick Drilling", "2019-03", "2020-02")])
    merged = merge_readings(rules, model, source_text=source)
    assert titles(merged.content) == [("Safety lead", "Harwick Drilling")]


def test_on_a_tie_the_employer_beside_the_title_beats_a_line_of_the_entry_before() -> None:
    source = """Experience
Night porter | 2018 - 2019
Welcomed late guests
Handled the front desk alone
Brightlane Logistics

Forklift operator | 2020 - 2021
"""
    porter = job("Night porter", "", "2018", "2019")
    misread = job("Forklift operator", "Handled the front desk alone", "2020", "2021")
    rules = cv(experience=[porter, misread])
    model = cv(
        experience=[porter, job("Forklift operator", "Brightlane Logistics", "2020", "2021")]
    )
    merged = merge_readings(rules, model, source_text=source)
    assert titles(merged.content)[1] == ("Forklift operator", "Brightlane Logistics")


def test_a_shifted_month_is_not_taken_over_the_month_the_entry_writes() -> None:
    rules = cv(experience=[job("Field technician", "Orbeline", "2020-03", "2022-06")])
    model = cv(experience=[job("Field technician", "Orbeline", "2020-04", "2022-06")])
    [kept] = merge_readings(rules, model, source_text=SOURCE).content.experience
    assert kept.start == "2020-03"


def test_a_rules_only_talk_is_shown_to_confirm_and_a_rules_only_job_stays() -> None:
    rules = cv(experience=[job("Night porter", "Hotel Castel", "2018", "2019"),
                           job("Talk: Pumps at scale", "Water Days", "2017")])  # fmt: skip
    model = cv(experience=[job("Field technician", "Orbeline", "2020-03", "2022-06")])
    merged = merge_readings(rules, model, source_text=SOURCE)
    assert ("Night porter", "Hotel Castel") in titles(merged.content)
    assert all(title != "Talk: Pumps at scale" for title, _ in titles(merged.content))
    [shown] = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert shown["reason"] == "talk" and shown["values"]["reader"] == "rules"


def test_a_rules_only_job_whose_employer_is_a_list_of_topics_is_shown_not_kept() -> None:
    source = SOURCE.replace(
        "Talk: Pumps at scale | Water Days", "Treasurer | PSC1, first aid, rounds"
    )
    rules = cv(experience=[job("Night porter", "Hotel Castel", "2018", "2019"),
                           job("Treasurer", "PSC1, first aid, rounds", "2017")])  # fmt: skip
    model = cv(experience=[job("Field technician", "Orbeline", "2020-03", "2022-06")])
    merged = merge_readings(rules, model, source_text=source)
    assert ("Night porter", "Hotel Castel") in titles(merged.content)
    assert all(title != "Treasurer" for title, _ in titles(merged.content))
    [shown] = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert shown["reason"] == "task_list"


def test_a_rules_entry_the_model_read_as_a_degree_is_left_to_the_degree() -> None:
    rules = cv(experience=[job("BSc Mechanics", "Delta University", "2014", "2017")])
    model = cv(experience=[job("Field technician", "Orbeline", "2020-03", "2022-06")],
               education=[{"degree": "BSc Mechanics", "institution": "Delta University",
                           "start": "2014", "end": "2017"}])  # fmt: skip
    merged = merge_readings(rules, model, source_text=SOURCE)
    assert ("BSc Mechanics", "Delta University") not in titles(merged.content)
    assert [f["reason"] for f in merged.findings if f["code"] == "import_unconfirmed_entry"] == [
        "other_section"
    ]


def test_a_rules_entry_holding_two_jobs_is_split_by_the_model_s_boundaries() -> None:
    # The rules read both jobs as one, the second's heading and bullet among the first's.
    swallowed = ["Serviced forty sites a month", "Night porter | Hotel Castel",
                 "Welcomed late guests"]  # fmt: skip
    rules = cv(experience=[job("Field technician", "Orbeline", "2020-03", "2022-06",
                               bullets=swallowed)])  # fmt: skip
    model = cv(experience=[job("Field technician", "Orbeline", "2020-03", "2022-06"),
                           job("Night porter", "Hotel Castel", "2018", "2019")])  # fmt: skip
    jobs = merge_readings(rules, model, source_text=SOURCE).content.experience
    assert [(j.title, j.bullets) for j in jobs] == [
        ("Field technician", ["Serviced forty sites a month"]),
        ("Night porter", ["Welcomed late guests"]),
    ]


def test_a_date_heading_over_a_group_dates_each_entry_under_it() -> None:
    source = "Jobs\n2023:\n- Cook, Bistro Alba\n- Waiter, Cafe Nord\nSkills\n"
    model = cv(experience=[job("Cook", "Bistro Alba", "2023"), job("Waiter", "Cafe Nord", "2023")])
    merged = merge_readings(cv(), model, source_text=source)
    assert titles(merged.content) == [("Cook", "Bistro Alba"), ("Waiter", "Cafe Nord")]


def test_field_and_entry_shapes() -> None:
    assert is_prose("Learning the basic operating principles of the pumps.")
    assert is_prose("in charge of the night desk")
    assert not is_prose("Hotel Castel")
    assert not name_shaped("Lyon, France", "title") and name_shaped("Lyon, France", "company")
    assert not name_shaped("2019 - 2020", "company")
    assert dates_ordered("2019", "2019") and not dates_ordered("2020-03", "2020-03")
    assert not dates_ordered("2021", "2019") and dates_ordered("2020-03", None)
    assert job_shape_problem("Night porter", "") == "incomplete"
    assert job_shape_problem("Keynote speaker", "Water Days") == "talk"
    assert job_shape_problem("Master in Finance", "Delta University") == "degree"
    assert job_shape_problem("TOEIC 945 points", "ETS") == "score"
    assert job_shape_problem("Night porter", "Hotel Castel") is None


def test_a_long_name_its_field_backs_is_a_job_not_a_sentence() -> None:
    long_title = "Technicien de maintenance des installations de froid industriel et climatisation"
    assert is_prose(long_title)
    assert job_shape_problem(long_title, "Frigo Services") is None
    long_employer = "Caisse Régionale de Crédit Agricole Mutuel du Val de Loire et du Centre"
    assert job_shape_problem("Conseiller clientèle", long_employer) is None
    # Still prose: a sentence's stop, a lower-case opening, or no field word at all.
    assert job_shape_problem(long_title + ".", "Frigo Services") == "prose"
    assert (
        job_shape_problem("Night porter", "in charge of the desk and the late arrivals") == "prose"
    )
    walked = "Walked the dogs of the neighbourhood every single morning before the school run"
    assert job_shape_problem(walked, "Hotel Castel") == "prose"


def test_an_employer_is_not_a_rank_a_task_list_or_a_town_and_a_legal_form_is_no_region() -> None:
    assert not name_shaped("TRAINEE", "company") and not name_shaped("Junior analyst", "company")
    assert name_shaped("Freelance", "company") and name_shaped("Trainee Bank", "company")
    assert not name_shaped("Integration, testing", "company")
    assert name_shaped("ETPO, Technirep", "company")
    assert name_shaped("Site engineer, water networks", "title")  # a title may go on
    assert town_like("Tromsø, NO") and town_like("Boston MA") and not town_like("Pelagia AS")


def test_a_rank_a_town_or_a_task_list_read_as_the_employer_loses_to_the_named_employer() -> None:
    source = (
        "Experience\n"
        "TRAINEE, Pelagia AS at Tromsø, NO\n\n"
        "Product engineer, from March 2021 to June 2022:\n"
        "- Ran the pump tests\n\n"
        "Nordwell\n"
        "Field support • Commissioning, supervision\n"
        "2019 – 2020\n"
    )
    tasks = "Commissioning, supervision"
    rules = cv(experience=[job("Product engineer", "TRAINEE", "2021-03", "2022-06"),
                           job("Field support", tasks, "2019", "2020")])  # fmt: skip
    model = cv(experience=[job("Product engineer", "Pelagia AS", "2021-03", "2022-06"),
                           job("Field support", "Nordwell", "2019", "2020")])  # fmt: skip
    merged = merge_readings(rules, model, source_text=source).content
    assert titles(merged) == [("Product engineer", "Pelagia AS"), ("Field support", "Nordwell")]
    rules = cv(experience=[job("Product engineer", "Tromsø, NO", "2021-03", "2022-06")])
    merged = merge_readings(rules, cv(experience=[model.experience[0].model_dump()]),
                            source_text=source).content  # fmt: skip
    assert titles(merged) == [("Product engineer", "Pelagia AS")]


def test_a_start_month_read_again_as_the_end_gives_way_and_a_finer_start_wins() -> None:
    source = (
        "Experience\nShop assistant | Maison Lune\nMay 2019\n\nIntern | Orbeline\nFebruary 2023\n"
    )
    rules = cv(experience=[job("Shop assistant", "Maison Lune", "2019-05", "2019-05"),
                           job("Intern", "Orbeline", "2023", None)])  # fmt: skip
    model = cv(experience=[job("Shop assistant", "Maison Lune", "2019-05", None),
                           job("Intern", "Orbeline", "2023-02", None)])  # fmt: skip
    first, second = merge_readings(rules, model, source_text=source).content.experience
    assert (first.start, first.end) == ("2019-05", None)
    assert second.start == "2023-02"


def test_an_undated_model_only_job_is_kept_on_its_names_and_shown_to_check() -> None:
    # No dates hold it to its lines: its names must be a job's in their roles (the section's
    # layout settles crossed ones), and the user checks its fields.
    source = SOURCE + "Earlier\nLab assistant • Vantoria S.A.\n- Calibrated the probes\n"
    rules = cv(experience=[job("Field technician", "Orbeline", "2020-03", "2022-06")])
    model = cv(experience=[job("Field technician", "Orbeline", "2020-03", "2022-06"),
                           job("Lab assistant", "Vantoria S.A.", None)])  # fmt: skip
    merged = merge_readings(rules, model, source_text=source)
    assert titles(merged.content) == [("Field technician", "Orbeline"),
                                      ("Lab assistant", "Vantoria S.A.")]  # fmt: skip
    [shown] = [f for f in merged.findings if f["code"] == "import_model_only"]
    assert shown["path"] == "experience[1].title"
    model.experience[1].title, model.experience[1].company = "Vantoria S.A.", "Lab assistant"
    merged = merge_readings(rules, model, source_text=source)
    assert titles(merged.content)[1] == ("Lab assistant", "Vantoria S.A.")  # the layout's roles
    assert "import_roles_swapped" in codes(merged.findings)


def test_an_undated_rules_item_of_another_section_does_not_swallow_a_dated_job() -> None:
    heading = "Stitchwell, Dayton — Stock control"
    source = f"Experience\n{heading}\n(warehouse associate)\nJuly 2013 - July 2017\n"
    # The rules filed the job's heading line as a project, with no date.
    rules = cv(experience=[], projects=[{"name": heading}])
    model = cv(experience=[job("Stock control (warehouse associate)", "Stitchwell",
                               "2013-07", "2017-07")])  # fmt: skip
    merged = merge_readings(rules, model, source_text=source).content
    assert titles(merged) == [("Stock control (warehouse associate)", "Stitchwell")]


def test_a_rules_only_fragment_is_shown_to_confirm_not_kept() -> None:
    assert is_fragment("(JavaScript") and is_fragment("ASME II / ASME V /")
    assert not is_fragment("Computer scientist (IT)") and not is_fragment("Acme S.A.")
    assert job_shape_problem("(JavaScript", "Mocha") == "fragment"


def test_a_languages_line_or_a_place_as_the_employer_is_no_job_shape() -> None:
    assert job_shape_problem("Arabe", "Débutant") == "language"
    assert job_shape_problem("English", "C1") == "language"
    assert job_shape_problem("Sales analysis", "Lyon, France") == "place"
    assert job_shape_problem("Python developer", "Orbeline") is None


# The rules read a job's lines as a degree (a sentence as the degree, the job's year); the
# model read them as a job, and read the CV's real degree elsewhere.
JOB_READ_AS_DEGREE = """Ines Valcourt
Experience
Barista | Cafe Lumo
2019 - 2021
- Opened the shop
Since 2017 I work as a guide at Parc Vento during the summer and
help the visitors find their way
Education
BA History | Nordvale University
2014 - 2017
"""


def test_a_job_the_rules_read_as_no_degree_of_the_model_s_comes_in() -> None:
    prose = "Since 2017 I work as a guide at Parc Vento during the summer and"
    rules = cv(experience=[job("Barista", "Cafe Lumo", "2019", "2021")],
               education=[{"degree": prose, "institution": "", "start": "2017", "end": None},
                          {"degree": "BA History", "institution": "Nordvale University",
                           "start": "2014", "end": "2017"}])  # fmt: skip
    model = cv(experience=[job("Barista", "Cafe Lumo", "2019", "2021"),
                           job("guide", "Parc Vento", "2017", None)],
               education=[{"degree": "BA History", "institution": "Nordvale University",
                           "start": "2014", "end": "2017"}])  # fmt: skip
    merged = merge_readings(rules, model, source_text=JOB_READ_AS_DEGREE)
    # Both readings of those lines were dropped before: the job vanished with no word.
    assert ("guide", "Parc Vento") in titles(merged.content)
    assert [e.degree for e in merged.content.education] == ["BA History"]
    shown = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert [(f["path"], f["values"]["reader"]) for f in shown] == [("education", "rules")]


def test_a_degree_the_model_reads_as_a_job_stays_held_by_the_rules_degree() -> None:
    # The model read another degree, not this one: the rules' degree is no item of the model's
    # education, yet a "job" named like a degree is the degree read twice.
    source = JOB_READ_AS_DEGREE + "MSc Ecology | Westmere Institute\n2017 - 2019\n"
    rules = cv(experience=[job("Barista", "Cafe Lumo", "2019", "2021")],
               education=[{"degree": "BA History", "institution": "Nordvale University",
                           "start": "2014", "end": "2017"}])  # fmt: skip
    model = cv(experience=[job("Barista", "Cafe Lumo", "2019", "2021"),
                           job("BA History", "Nordvale University", "2014", "2017")],
               education=[{"degree": "MSc Ecology", "institution": "Westmere Institute",
                           "start": "2017", "end": "2019"}])  # fmt: skip
    merged = merge_readings(rules, model, source_text=source)
    assert titles(merged.content) == [("Barista", "Cafe Lumo")]


# Two jobs, then their dates stacked under the second one: the rules gave the first date to
# the second job; the model dates each job and names the first one in full.
STACKED_DATES = """Experience
Usher
Theatre Ombrelle, Nantes

Courier
Velo Presto, Nantes

2021 - 2022

2016 - 2019
"""


def test_a_start_the_model_gives_a_neighbour_it_names_in_full_is_not_this_entry_s() -> None:
    rules = cv(experience=[job("Courier", "Velo Presto, Nantes", "2021", None, id="r1")])
    model = cv(experience=[job("Usher", "Theatre Ombrelle", "2021", "2022"),
                           job("Courier", "Velo Presto", "2016", "2019")])  # fmt: skip
    merged = merge_readings(rules, model, source_text=STACKED_DATES)
    courier = next(e for e in merged.content.experience if e.id == "r1")
    # Both starts are written at the courier's lines: a tie the neighbour settles.
    assert (courier.start, courier.end) == ("2016", "2019")


def test_a_neighbour_whose_own_lines_write_the_start_settles_no_tie() -> None:
    source = """Experience
Usher | Theatre Ombrelle
2021 - 2022

Courier | Velo Presto
2016 - 2019
2021 - 2022 (nights)
"""
    rules = cv(experience=[job("Courier", "Velo Presto", "2021", "2022", id="r1")])
    model = cv(experience=[job("Usher", "Theatre Ombrelle", "2021", "2022"),
                           job("Courier", "Velo Presto", "2016", "2019")])  # fmt: skip
    merged = merge_readings(rules, model, source_text=source)
    courier = next(e for e in merged.content.experience if e.id == "r1")
    # The usher's start is written at the usher's own lines: the rules' start, written at the
    # courier's lines too, is no stray date taken from it; the rules win the tie.
    assert courier.start == "2021"


def test_a_rules_only_name_the_model_left_out_stands_only_on_its_own_evidence() -> None:
    # A line under the employer that names no job, and a bullet's tail standing before the
    # next entry: the model reads neither as a name, and neither is one by its own evidence.
    source = (
        "Experience\nJuly 2016\nStudio Larrabee\nTypeface\n\nDeploy engineer | Velloro\n"
        "2017 - 2018\n- Kept the build farm up\n- Managed cloud parts such as\n"
        "Queues, Buckets, Functions,\n\nConsultant | Orrin Labs\n2018 - 2020\n"
    )
    rules = cv(experience=[
        job("Typeface", "Studio Larrabee", "2016-07"),
        job("Deploy engineer", "Velloro", "2017", "2018"),
        job("Consultant", "Orrin Labs", "2018", "2020"),
    ])  # fmt: skip
    model = cv(experience=[
        job("", "Studio Larrabee", "2016-07"),
        job("Deploy engineer", "", "2017", "2018"),
        job("Consultant", "Orrin Labs", "2018", "2020"),
    ])  # fmt: skip
    rules.experience[1].company = "Queues, Buckets, Functions"
    merged = merge_readings(rules, model, source_text=source).content
    assert titles(merged) == [("", "Studio Larrabee"), ("Deploy engineer", ""),
                              ("Consultant", "Orrin Labs")]  # fmt: skip


def test_a_name_in_the_other_column_of_its_partners_line_loses_to_the_entrys_own() -> None:
    # A skills sidebar beside an education entry: the tab parts a line of two columns.
    source = (
        "Education\nEngineering degree in Computing –\tRust\tSQL\nMajor in HPC.\tGo Git\n"
        "ENSIVAL - Valmont INP – 2024 - 2027\nLANGUAGES\n"
    )
    degree = "Engineering degree in Computing"
    rules = cv(education=[{"degree": degree, "institution": "Rust", "start": "2024",
                           "end": "2027"}])  # fmt: skip
    model = cv(education=[{"degree": degree, "institution": "ENSIVAL - Valmont INP",
                           "start": "2024", "end": "2027"}])  # fmt: skip
    [kept] = merge_readings(rules, model, source_text=source).content.education
    assert (kept.degree, kept.institution) == (degree, "ENSIVAL - Valmont INP")


def test_a_name_is_weighed_again_beside_the_partner_the_model_gave_the_entry() -> None:
    # A date column beside "title@ employer" over "detail, town": the rules took the second
    # line's pieces as title and employer; the model's employer wins, and then its title,
    # written beside it, is the entry's.
    source = (
        "Experience\nJune 2012 to\tHR Manager\nNovember 2015\tLorvane Info solutions\n\n"
        "May 2011 to June\tProcess Associate@ Quindra\n2012\tHR SPOC, Lyon, France\n"
    )
    rules = cv(experience=[job("HR Manager", "Lorvane Info solutions", "2012-06", "2015-11"),
                           job("HR SPOC", "Lyon", "2011-05", "2012-06")])  # fmt: skip
    model = cv(experience=[job("HR Manager", "Lorvane Info solutions", "2012-06", "2015-11"),
                           job("Process Associate", "Quindra", "2011-05", "2012-06")])  # fmt: skip
    merged = merge_readings(rules, model, source_text=source).content
    assert titles(merged)[1] == ("Process Associate", "Quindra")


def test_a_name_wrapped_past_the_entrys_lines_beats_the_tail_of_the_line_above() -> None:
    source = (
        "Education\nBachelor of Science in Trade\n\nMAJORS: Retail &\nFinance\n\nOrvella\n"
        "2019-2020\n\nUX/UI Design and Front-End\nDevelopment Program\n"
    )
    lines = SourceLines(source)
    assert lines.quoted("UX/UI Design and Front-End Development Program", Span(6, 9))
    assert not lines.quoted("Development Program", Span(6, 9))
    assert lines.carried_over("Finance") and not lines.carried_over("Orvella")
    rules = cv(education=[{"degree": "Finance", "institution": "Orvella", "start": "2019",
                           "end": "2020"}])  # fmt: skip
    program = "UX/UI Design and Front-End Development Program"
    model = cv(education=[{"degree": program, "institution": "Orvella", "start": "2019",
                           "end": "2020"}])  # fmt: skip
    [kept] = merge_readings(rules, model, source_text=source).content.education
    assert kept.degree == program


def test_an_undated_job_the_model_read_stands_on_its_names_in_their_roles() -> None:
    source = (
        "Experience\nProduct manager | Velloro\n2008 - 2018\n- Ran the line\n"
        "Head of electronics development | Garvane S.A.\n- Led six engineers\n"
        "Quillon Club | Treasurer\n"
    )
    rules = cv(experience=[job("Product manager", "Velloro", "2008", "2018")])
    model = cv(experience=[
        job("Product manager", "Velloro", "2008", "2018"),
        job("Head of electronics development", "Garvane S.A.", None),
        job("Quillon Club", "Treasurer", None),  # its roles crossed: nothing backs it
    ])  # fmt: skip
    merged = merge_readings(rules, model, source_text=source)
    expected = [("Product manager", "Velloro"), ("Head of electronics development", "Garvane S.A.")]
    assert titles(merged.content) == expected


def test_a_heading_line_the_rules_read_whole_into_one_name_takes_the_models_two() -> None:
    # Where the section's layout cannot settle crossed roles (bench/LLM_IMPORT.md), the line
    # the rules read whole into one name does: the model's two names are its two parts.
    source = "Experience\nCATERING EMPLOYEE, VALDOR at Metz, FR\nSummer jobs from 2019 to 2022:\n"
    arbiter = Arbiter(SourceLines(source), "experience", [], [])
    [rules] = cv(experience=[job("Summer jobs", "CATERING EMPLOYEE, VALDOR", "2019", "2022")]
                 ).experience  # fmt: skip
    [model] = cv(experience=[job("Catering employee", "VALDOR", "2019", "2022")]).experience
    assert arbiter._line_read_as_one(rules, model)
    arbiter.settle(rules, model)
    assert (rules.title, rules.company) == ("Catering employee", "VALDOR")
    # The model's names in crossed roles are not taken on the line alone.
    [rules] = cv(experience=[job("Summer jobs", "CATERING EMPLOYEE, VALDOR", "2019", "2022")]
                 ).experience  # fmt: skip
    model.title, model.company = "VALDOR", "Catering employee"
    assert not arbiter._line_read_as_one(rules, model)


def test_a_word_both_a_degrees_or_a_talks_and_a_jobs_setting_leaves_a_job_a_job() -> None:
    assert job_shape_problem("Technicien d'intervention", "Velcour Energie") is None
    assert job_shape_problem("Chef d'atelier", "Garage Dalmiro") is None
    assert job_shape_problem("Mécanicien", "Atelier Orvand") is None
    assert job_shape_problem("Sales Associate", "Kestrel Stores") is None
    assert job_shape_problem("Ingénieur d'études", "Valmont Conseil") is None
    assert job_shape_problem("Responsable SAT", "Velcour") is None
    # …and a talk, a test score or a degree stays one.
    assert job_shape_problem("Talk: the embedded developer at scale", "Devdays") == "talk"
    assert job_shape_problem("Speaker", "PyCon") == "talk"
    assert job_shape_problem("TOEIC 945/990", "ETS Global") == "score"
    assert job_shape_problem("Associate of Arts", "Valmont Community College") == "degree"
    assert job_shape_problem("Diplôme d'ingénieur", "École Centrale de Valmont") == "degree"


def test_a_job_beside_a_degree_on_a_line_of_two_columns_is_not_held_by_it() -> None:
    source = (
        "EDUCATION\nB.B.A in Trade\tPROFESSIONAL EXPERIENCE\nValmont University | 2008\t"
        "Cluster HR Manager\nVelcour Parks – Lyon | February 2017 to\nSKILLS\tPresent\n"
    )
    degree = {"degree": "B.B.A in Trade", "institution": "Valmont University", "start": "2008"}
    rules = cv(education=[degree])
    model = cv(education=[degree],
               experience=[job("Cluster HR Manager", "Velcour Parks", "2017-02", None,
                               current=True)])  # fmt: skip
    merged = merge_readings(rules, model, source_text=source).content
    assert titles(merged) == [("Cluster HR Manager", "Velcour Parks")]
