"""What the merge of the rules' and a model's readings (app/lib/parsing/model_import/) makes of
a model's silence, of dates written apart from the names, and of text wrapped in bidi marks.
Synthetic CVs only."""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import CvContent
from app.lib.parsing.model_import.entry_evidence import is_fragment, job_shape_problem, town_like
from app.lib.parsing.model_import.import_merge import merge_readings, without_marks


def cv(**sections: Any) -> CvContent:
    return CvContent.from_json(sections)


def job(title: str, company: str, start: str | None, end: str | None = None) -> Any:
    return {"title": title, "company": company, "start": start, "end": end}


def titles(content: CvContent) -> list[tuple[str, str]]:
    return [(e.title, e.company) for e in content.experience]


SECTION = """Experience
Field technician | Orbeline
2020 - 2022
Juggler | Open Stage
2019 - 2020
Night porter | Hotel Castel
2018 - 2019
Lab assistant | Vantoria S.A.
2016 - 2017
"""
RULES = [job("Field technician", "Orbeline", "2020", "2022"),
         job("Juggler", "Open Stage", "2019", "2020"),
         job("Night porter", "Hotel Castel", "2018", "2019")]  # fmt: skip
MODEL = [job("Field technician", "Orbeline", "2020", "2022"),
         job("Night porter", "Hotel Castel", "2018", "2019"),
         job("Lab assistant", "Vantoria S.A.", "2016", "2017")]  # fmt: skip


def test_a_rules_only_entry_the_model_read_around_is_shown_to_confirm_if_nothing_names_a_job() -> (
    None
):
    merged = merge_readings(cv(experience=RULES), cv(experience=MODEL), source_text=SECTION)
    assert ("Juggler", "Open Stage") not in titles(merged.content)
    [shown] = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert shown["reason"] == "model_silent" and shown["values"]["reader"] == "rules"
    assert "Juggler | Open Stage" in shown["samples"]


def test_a_model_s_silence_does_not_move_an_entry_named_like_a_job_or_outside_its_reading() -> None:
    # An entry whose names carry a job's or an organisation's word stays, and so does one past
    # the last entry the model read.
    source = SECTION.replace("Juggler | Open Stage", "Sales assistant | Open Stage")
    source += "Mime | Street Days\n2014 - 2015\n"
    rules = [RULES[0], job("Sales assistant", "Open Stage", "2019", "2020"), RULES[2],
             job("Mime", "Street Days", "2014", "2015")]  # fmt: skip
    merged = merge_readings(cv(experience=rules), cv(experience=MODEL), source_text=source)
    assert ("Sales assistant", "Open Stage") in titles(merged.content)
    assert ("Mime", "Street Days") in titles(merged.content)
    assert not [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]


def test_the_silence_of_a_model_that_read_fewer_entries_than_the_rules_moves_nothing() -> None:
    # A weak model leaves jobs out: it read two entries where the rules read three.
    weak = [MODEL[0], MODEL[1]]
    merged = merge_readings(cv(experience=RULES), cv(experience=weak), source_text=SECTION)
    assert ("Juggler", "Open Stage") in titles(merged.content)


def test_an_undated_entry_or_one_named_by_capitals_alone_is_passed_over_by_a_thorough_model() -> (
    None
):
    source = SECTION.replace("Juggler | Open Stage", "Juggler | OSTG").replace(
        "2019 - 2020", "Lead technician | Delta Works"
    )
    rules = [RULES[0], job("Juggler", "OSTG", "2019", "2020"), RULES[2]]
    merged = merge_readings(cv(experience=rules), cv(experience=MODEL), source_text=source)
    assert ("Juggler", "OSTG") not in titles(merged.content)
    undated = [RULES[0], job("Lead technician", "Delta Works", None), RULES[2]]
    merged = merge_readings(cv(experience=undated), cv(experience=MODEL), source_text=source)
    assert ("Lead technician", "Delta Works") not in titles(merged.content)


def test_a_start_the_rules_took_from_a_neighbour_in_a_date_column_goes_to_the_model_s() -> None:
    # A pasted two-column text: the names first, the dates after, out of their entries' reach.
    source = """Experience
Field technician
Orbeline
Night porter
Hotel Castel
- Welcomed late guests
- Kept the night register
- Handled the morning handover

Sep 2021 - present
Sep 2017 - present
"""
    rules = cv(experience=[job("Field technician", "Orbeline", "2021-09", None)])
    model = cv(experience=[job("Field technician", "Orbeline", "2017-09", None),
                           job("Night porter", "Hotel Castel", "2021-09", None)])  # fmt: skip
    jobs = merge_readings(rules, model, source_text=source).content.experience
    assert (jobs[0].title, jobs[0].start) == ("Field technician", "2017-09")


def test_text_wrapped_in_bidi_marks_is_compared_and_kept_without_them() -> None:
    marked = "\u202dNight\u202c\u202dporter\u202c"
    assert without_marks(marked) == "Night porter"
    assert without_marks("Night porter") == "Night porter"
    source = (
        "\u202dExperience\u202c\n"
        "\u202dNight\u202c\u202dporter\u202c\u202d|\u202c\u202dHotel\u202c\u202dCastel\u202c\n"
        "\u202d2018\u202c\u202d-\u202c\u202d2019\u202c\n"
    )
    rules = cv(experience=[job("Night porter", "Hotel Castel", "2018", "2019")])
    model = cv(experience=[job(marked, "\u202dHotel\u202c\u202dCastel\u202c", "2018", "2019")])
    merged = merge_readings(rules, model, source_text=source)
    assert titles(merged.content) == [("Night porter", "Hotel Castel")]


def test_a_heading_a_skill_or_a_name_s_tail_is_no_job_shape() -> None:
    assert job_shape_problem("Prize for poetry", "AWARDS/EXTRACURRICULARS") == "heading"
    assert job_shape_problem("Azure", "Databricks") == "skill"
    assert job_shape_problem("Customer service", "Orbeline") is None
    assert is_fragment("\x00à l'Institut Delta") and is_fragment("of Applied Sciences")
    assert not is_fragment("iOS developer") and not is_fragment("web developer")
    # a name's head cut at its line's end on a linking word
    assert is_fragment("Réalisation d'une application web en") and is_fragment("Head of")
    assert not is_fragment("Bank of Leeds") and not is_fragment("Chef de projet IT")
    assert job_shape_problem("Lab assistant", "of Applied Sciences") == "fragment"
    assert job_shape_problem("Video coder", "Randstad") is None


def test_a_rules_only_entry_whose_employer_is_the_candidate_is_shown_to_confirm() -> None:
    source = "Noa Vidal\nnoa@example.org\n" + SECTION + "Site engineer\nNoa Vidal\n2026\n"
    rules = cv(header={"name": "Noa Vidal", "contact": {"email": "noa@example.org"}},
               experience=[job("Field technician", "Orbeline", "2020", "2022"),
                           job("Site engineer", "Noa Vidal", "2026", "2026")])  # fmt: skip
    model = cv(experience=[job("Field technician", "Orbeline", "2020", "2022")])
    merged = merge_readings(rules, model, source_text=source)
    assert titles(merged.content) == [("Field technician", "Orbeline")]
    [shown] = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert shown["reason"] == "header"


def test_a_heading_read_as_the_title_loses_to_the_title_written_at_the_entry() -> None:
    # The heading of the entry's skills list stands closer to the employer than the title.
    source = "Experience\nLead developer\n2021 - 2023\nOrbeline\nLangages de programmation\nGo\n"
    rules = cv(experience=[job("Langages de programmation", "Orbeline", "2021", "2023")])
    model = cv(experience=[job("Lead developer", "Orbeline", "2021", "2023")])
    merged = merge_readings(rules, model, source_text=source)
    assert titles(merged.content) == [("Lead developer", "Orbeline")]


def test_when_the_rules_title_is_a_fragment_the_employer_beside_the_dates_wins_a_tie() -> None:
    source = """Experience
- Knowledge of codes: API 1104 / API 650
ASME II / ASME V /

March 2001 - September 2002
Establishment: Army Service, Sebdou
"""
    rules = cv(experience=[job("ASME II / ASME V /", "API", "2001-03", "2002-09")])
    model = cv(experience=[job("Technician", "Army Service", "2001-03", "2002-09")])
    [kept] = merge_readings(rules, model, source_text=source).content.experience
    assert kept.company == "Army Service"


def test_a_rules_only_entry_dated_as_a_degree_the_model_read_is_left_to_the_degree() -> None:
    source = """Education
MSc Mechanics | Delta University
Sep 2014 - Jun 2017

Experience
Field technician | Orbeline
2020 - 2022

Research
Thesis on the cooling of pumps | Delta Lab
Sep 2014 - Jun 2017
"""
    rules = cv(experience=[job("Field technician", "Orbeline", "2020", "2022"),
                           job("Thesis on the cooling of pumps", "Delta Lab", "2014-09",
                               "2017-06")])  # fmt: skip
    model = cv(experience=[job("Field technician", "Orbeline", "2020", "2022")],
               education=[{"degree": "MSc Mechanics", "institution": "Delta University",
                           "start": "2014-09", "end": "2017-06"}])  # fmt: skip
    merged = merge_readings(rules, model, source_text=source)
    assert titles(merged.content) == [("Field technician", "Orbeline")]
    [shown] = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert shown["reason"] == "other_section"


def test_a_misread_rules_entry_does_not_vote_in_the_section_s_layout() -> None:
    # The rules read the title as the employer, and a talk with the same words as another job:
    # the talk is no job and has no say in which of the model's names is the title.
    source = """Experience
Embedded developer | Continental Services
Integration, testing
2023 - 2024
Talk: the embedded developer at scale | Embedded developer
2021
"""
    rules = cv(experience=[job("Integration, testing", "Embedded developer", "2023", "2024"),
                           job("Talk: the embedded developer at scale", "Embedded developer",
                               "2021", None)])  # fmt: skip
    model = cv(experience=[job("Embedded developer", "Continental Services", "2023", "2024")])
    jobs = merge_readings(rules, model, source_text=source).content.experience
    assert (jobs[0].title, jobs[0].company) == ("Embedded developer", "Continental Services")


def test_a_rules_entry_with_a_rank_as_its_employer_does_not_vote_in_the_layout() -> None:
    source = """Experience
Orbeline Ltd. Lyon Programmer Trainee (Summer)
June 2017 - July 2017
Acme Group, Lyon Trainee
May 2016 - August 2016
"""
    rules = cv(experience=[job("Orbeline Ltd. Lyon Programmer", "Trainee", "2017-06", "2017-07"),
                           job("Acme Group", "Lyon Trainee", "2016-05", "2016-08")])  # fmt: skip
    model = cv(experience=[job("Programmer Trainee (Summer)", "Orbeline Ltd.", "2017-06",
                               "2017-07"),
                           job("Trainee", "Acme Group", "2016-05", "2016-08")])  # fmt: skip
    jobs = merge_readings(rules, model, source_text=source).content.experience
    assert (jobs[1].title, jobs[1].company) == ("Trainee", "Acme Group")


def test_an_organisation_ending_on_its_acronym_is_no_town() -> None:
    assert not town_like("Delta Cyber Command, MND") and town_like("Boston MA")
    assert town_like("Seoul, S.Korea") and town_like("Lyon, FR")


def test_on_a_tie_the_title_in_the_order_the_section_writes_its_names_wins() -> None:
    source = """Experience
Orbeline | Field technician
2020 - 2022
Hotel Castel | Night porter
2018 - 2019
Intern | Acme Group | Lab assistant
2016 - 2017
"""
    rules = cv(experience=[job("Field technician", "Orbeline", "2020", "2022"),
                           job("Night porter", "Hotel Castel", "2018", "2019"),
                           job("Intern", "Acme Group", "2016", "2017")])  # fmt: skip
    model = cv(experience=[job("Field technician", "Orbeline", "2020", "2022"),
                           job("Night porter", "Hotel Castel", "2018", "2019"),
                           job("Lab assistant", "Acme Group", "2016", "2017")])  # fmt: skip
    jobs = merge_readings(rules, model, source_text=source).content.experience
    assert (jobs[2].title, jobs[2].company) == ("Lab assistant", "Acme Group")


def test_a_rules_only_entry_read_again_by_the_model_with_its_employer_is_shown_to_confirm() -> None:
    # The rules read the job's title and start at a second place, with a skills line as the
    # employer; the model's entry names it with its employer where the text writes both.
    source = """Experience
IT consultant
Orbeline
Sep 2018 - present

Projects
IT consultant
EC2 servers, Security Groups, Lambda functions
Sep 2018
"""
    rules = cv(experience=[job("IT consultant", "EC2 servers, Security Groups, Lambda functions",
                               "2018-09", None)])  # fmt: skip
    model = cv(experience=[job("IT consultant", "Orbeline", "2018-09", None)])
    merged = merge_readings(rules, model, source_text=source)
    assert titles(merged.content) == [("IT consultant", "Orbeline")]
    [shown] = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert shown["reason"] == "duplicate"


# Each entry writes its title, then its dates, then its employer; the first title shares its
# date line. The rules read "dates, employer, title": each title one entry off, the last a
# stray line.
SHIFTED = """Experience
FIELD TECHNICIAN 03/2021 - 02/2022
Orbeline | Lyon
NIGHT PORTER

06/2019 - 01/2021

Hotel Castel | Nice
LAB ASSISTANT

09/2017 - 05/2019

Vantoria | Rennes
ARCHIVIST

01/2016 - 08/2017

Musee Lumen | Tours

B2
"""
DATES = [("2021-03", "2022-02"), ("2019-06", "2021-01"), ("2017-09", "2019-05"),
         ("2016-01", "2017-08")]  # fmt: skip
EMPLOYERS = ["Orbeline", "Hotel Castel", "Vantoria", "Musee Lumen"]
TITLES = ["FIELD TECHNICIAN", "NIGHT PORTER", "LAB ASSISTANT", "ARCHIVIST"]


def _jobs(names: list[str]) -> CvContent:
    return cv(experience=[job(t, c, *d) for t, c, d in zip(names, EMPLOYERS, DATES, strict=True)])


def test_titles_read_one_entry_off_go_to_the_entry_whose_dates_they_head() -> None:
    rules = _jobs([*TITLES[1:], "B2"])
    merged = merge_readings(rules, _jobs(TITLES), source_text=SHIFTED)
    assert titles(merged.content) == list(zip(TITLES, EMPLOYERS, strict=True))
    kept = [f for f in merged.findings if f["code"] == "import_model_reading_kept"]
    assert len(kept) == len(TITLES)


def test_a_model_reading_titles_one_entry_off_does_not_move_the_rules_titles() -> None:
    # Dates, employer, then the title and a bullet: the rules read it right; the model gives
    # each entry the title of the one before, and a headline line to the first.
    source = """Experience
Data analyst
2021 - 2022
Orbeline | Lyon
Field technician
- Fixed pumps on site
2019 - 2021
Hotel Castel | Nice
Night porter
- Welcomed late guests
2017 - 2019
Vantoria | Rennes
Lab assistant
- Sorted samples
"""
    right = ["Field technician", "Night porter", "Lab assistant"]
    dates = [("2021", "2022"), ("2019", "2021"), ("2017", "2019")]
    employers = EMPLOYERS[:3]
    rules = cv(experience=[job(t, c, *d) for t, c, d in zip(right, employers, dates, strict=True)])
    shifted = ["Data analyst", *right[:2]]
    model = cv(
        experience=[job(t, c, *d) for t, c, d in zip(shifted, employers, dates, strict=True)]
    )
    merged = merge_readings(rules, model, source_text=source)
    assert titles(merged.content) == list(zip(right, employers, strict=True))
