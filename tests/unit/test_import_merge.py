"""The rules and the LLM check each other (app/lib/parsing/model_import/import_merge.py): where
both found an
entry the rules' reading stands, filled where it is empty; an entry only the model found is
added in the text's order and reported; disagreements on names are reported, never hidden."""

from __future__ import annotations

from app.lib.cv_content import CvContent
from app.lib.parsing.model_import.import_merge import merge_readings

RULES = CvContent.from_json(
    {
        "header": {"name": "Ana Lima", "contact": {"email": "ana@example.com"}},
        "experience": [
            {"id": "r1", "title": "Buyer", "company": "Acme", "start": "2021",
             "bullets": ["Ran tenders", "Cut costs by 8%"]},
            {"id": "r2", "title": "Junior buyer", "company": "Brightwater", "start": "2017"},
        ],
        "skills": [{"name": "SAP"}],
    }
)  # fmt: skip
SOURCE = """Ana Lima
ana@example.com
Experience
Buyer - Acme, Lyon
2021 - present
- Ran tenders
- Hired two buyers
Purchasing intern - Corsaire
2019 - 2019
- Cut costs by 8%
Junior buyer - Brightwater
2017 - 2019
Skills
SAP, Excel
"""
MODEL = CvContent.from_json(
    {
        "header": {"name": "Ana", "current_title": "Buyer", "contact": {"phone": "0612345678"}},
        "summary": "Buyer with six years in retail.",
        "experience": [
            {"id": "m1", "title": "Category manager", "company": "Acme", "start": "2021",
             "location": "Lyon", "bullets": ["Ran tenders", "Hired two buyers"]},
            {"id": "m2", "title": "Purchasing intern", "company": "Corsaire", "start": "2019",
             "end": "2019", "bullets": ["Cut costs by 8%"]},
            {"id": "m3", "title": "Junior buyer", "company": "Brightwater", "start": "2017",
             "end": "2019"},
        ],
        "skills": [{"name": "sap"}, {"name": "Excel"}],
    }
)  # fmt: skip


def test_the_rules_reading_stands_and_the_model_fills_and_adds() -> None:
    merged = merge_readings(RULES, MODEL, source_text=SOURCE)
    jobs = merged.content.experience
    assert [(j.title, j.company) for j in jobs] == [
        ("Buyer", "Acme"),  # the rules' title kept, the model's reported
        ("Purchasing intern", "Corsaire"),  # only the model found it: in the text's order
        ("Junior buyer", "Brightwater"),
    ]
    assert jobs[0].id == "r1" and jobs[0].location == "Lyon"  # an empty field filled
    # A bullet is never doubled, and it goes to the entry whose lines hold it.
    assert jobs[0].bullets == ["Ran tenders", "Hired two buyers"]
    assert jobs[1].bullets == ["Cut costs by 8%"]
    assert jobs[2].end == "2019"
    header = merged.content.header
    assert (header.name, header.current_title, header.contact.phone) == (
        "Ana Lima", "Buyer", "0612345678",
    )  # fmt: skip
    assert merged.content.summary == "Buyer with six years in retail."
    assert [s.name for s in merged.content.skills] == ["SAP", "Excel"]


def test_disagreements_and_entries_only_the_model_found_are_reported_at_their_field() -> None:
    findings = merge_readings(RULES, MODEL, source_text=SOURCE).findings
    by_code = {f["code"]: f for f in findings}
    assert set(by_code) == {"import_readings_differ", "import_model_only"}
    differ = by_code["import_readings_differ"]
    assert differ["path"] == "experience[0].title" and differ["itemId"] == "r1"
    assert differ["values"]["other"] == "Category manager" and differ["value"] == "Buyer"
    only = by_code["import_model_only"]
    assert only["path"] == "experience[1].title" and only["value"] == "Purchasing intern"
    assert all(f["severity"] == "warning" for f in findings)


def test_without_the_model_s_entries_the_rules_reading_is_unchanged() -> None:
    merged = merge_readings(RULES, CvContent(), source_text=SOURCE)
    assert merged.content.to_json() == RULES.to_json() and merged.findings == []


def test_an_entry_the_rules_filed_elsewhere_is_not_added_twice() -> None:
    rules = CvContent.from_json(
        {
            "summary": "Buyer who spent two years at Lumen Clinics.",
            "experience": [{"id": "r1", "title": "Buyer", "company": "Acme", "start": "2021"}],
            "education": [{"id": "e1", "degree": "MSc Supply Chain", "institution": "Kedge"}],
        }
    )
    model = CvContent.from_json(
        {
            "experience": [
                {"id": "m1", "title": "MSc Supply Chain", "company": "Kedge", "start": "2018"},
                {"id": "m2", "title": "Buyer", "company": "Lumen Clinics", "start": "2019"},
            ]
        }
    )
    source = """Summary: buyer who spent two years at Lumen Clinics.
Experience
Buyer, Acme, 2021
Buyer, Lumen Clinics, 2019
Education
MSc Supply Chain, Kedge, 2018
"""
    merged = merge_readings(rules, model, source_text=source)
    # The degree the model took for a job stays a degree; a job the summary only mentions is
    # a job the rules missed, and comes in.
    jobs = [(j.title, j.company) for j in merged.content.experience]
    assert ("MSc Supply Chain", "Kedge") not in jobs and ("Buyer", "Lumen Clinics") in jobs
    assert [f["code"] for f in merged.findings] == ["import_model_only"]


def test_the_model_s_education_replaces_a_section_whose_entries_fall_apart() -> None:
    """The rules read a stray dated line as a second degree (a school and a year, no degree):
    the model's section holds together as well and falls apart less, so it stands, and the
    stray entry is asked, not dropped silently."""
    rules = CvContent.from_json(
        {
            "education": [
                {"id": "e1", "degree": "BSc Computer Science",
                 "institution": "Northfield University",
                 "start": "2011", "end": "2015"},
                {"id": "e2", "degree": "", "institution": "Northfield University.", "end": "2023"},
            ]
        }
    )  # fmt: skip
    model = CvContent.from_json(
        {
            "education": [
                {"id": "m1", "degree": "BSc Computer Science",
                 "institution": "Northfield University",
                 "start": "2011", "end": "2015"},
            ]
        }
    )  # fmt: skip
    source = """Education
BSc Computer Science, Northfield University, 2011 - 2015
Volunteering
Mentor for first-year students at Northfield University. 2023
"""
    merged = merge_readings(rules, model, source_text=source)
    degrees = [(e.degree, e.institution, e.end) for e in merged.content.education]
    assert degrees == [("BSc Computer Science", "Northfield University", "2015")]
    asked = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert [f["values"]["label"] for f in asked] == ["Northfield University."]
    assert asked[0]["values"]["reader"] == "rules"


def test_a_model_reading_no_degree_whole_leaves_the_rules_education() -> None:
    rules = CvContent.from_json(
        {"education": [{"id": "e1", "degree": "BTS Commerce", "institution": "Lycée Voltaire"}]}
    )
    model = CvContent.from_json(
        {"education": [{"id": "m1", "degree": "BTS Commerce", "institution": "Lycée Voltaire"}]}
    )
    source = "Formation\nBTS Commerce, Lycée Voltaire\n"
    merged = merge_readings(rules, model, source_text=source)
    assert [e.id for e in merged.content.education] == ["e1"]


def test_a_degree_named_as_a_degree_beats_a_line_of_its_description() -> None:
    """The rules took the line under the dates (a project) for the degree; the model's degree,
    written in the entry's block, names a degree: it stands, and the change is reported."""
    rules = CvContent.from_json(
        {
            "education": [
                {"id": "e1", "degree": "Shop website built with Laravel",
                 "institution": "Northfield University", "start": "2015", "end": "2019"},
            ]
        }
    )  # fmt: skip
    model = CvContent.from_json(
        {
            "education": [
                {"id": "m1", "degree": "Bachelor of Computer Science",
                 "institution": "Northfield University", "start": "2015", "end": "2019"},
            ]
        }
    )  # fmt: skip
    source = """Education
Northfield University
2015 - 2019
Shop website built with Laravel
Payments through Stripe
Orders tracked in MySQL
Deployed on a small VPS
Bachelor of Computer Science
"""
    merged = merge_readings(rules, model, source_text=source)
    assert [e.degree for e in merged.content.education] == ["Bachelor of Computer Science"]
    kept = [f for f in merged.findings if f["code"] == "import_model_reading_kept"]
    assert [f["path"] for f in kept] == ["education[0].degree"]


def test_a_school_named_as_a_school_beats_the_degree_s_field() -> None:
    """The rules took the degree's field, after a comma on the dates' line, for the school; the
    model's school, on the next line (and the entry before's), names a school: it stands."""
    school = "Southbay National Medical University"
    rules = CvContent.from_json(
        {
            "education": [
                {"id": "e1", "degree": "Internship", "institution": school,
                 "start": "2013", "end": "2015"},
                {"id": "e2", "degree": "Bachelor's degree",
                 "institution": "“General Medicine” / Doctor of Medicine (MD)",
                 "start": "2008", "end": "2013"},
            ]
        }
    )  # fmt: skip
    model = CvContent.from_json(
        {
            "education": [
                {"id": "m1", "degree": "Internship", "institution": school,
                 "start": "2013", "end": "2015"},
                {"id": "m2",
                 "degree": "Bachelor’s degree, “General Medicine” / Doctor of Medicine (MD",
                 "institution": school,
                 "start": "2008", "end": "2013"},
            ]
        }
    )  # fmt: skip
    source = f"""Education
Internship, Therapy\t2013 - 2015
{school}, Eastland

Bachelor’s degree, “General Medicine” / Doctor of Medicine (MD)\t2008 - 2013
{school}, Eastland
- Cumulative GPA: 3.67
"""
    merged = merge_readings(rules, model, source_text=source)
    assert [e.institution for e in merged.content.education] == [school, school]
    assert "import_model_reading_kept" in [f["code"] for f in merged.findings]


def test_a_degree_the_rules_filed_as_a_project_comes_to_education_and_the_project_is_asked() -> (
    None
):
    """The model read no projects at all, so its silence there backs no project; where it reads
    a dated degree, named with a degree's or a school's word, at the lines of a rules' project,
    the degree stands in education and the project is asked, not kept twice nor dropped."""
    rules = CvContent.from_json(
        {
            "education": [
                {"id": "e1", "degree": "MSc Energy", "institution": "Northfield University",
                 "start": "2021"},
            ],
            "projects": [
                {"id": "p1", "name": "Solar-powered kiosk", "start": "2022"},
                {"id": "p2", "name": "Classes préparatoires aux grandes écoles",
                 "start": "2019", "end": "2021"},
            ],
        }
    )  # fmt: skip
    model = CvContent.from_json(
        {
            "education": [
                {"id": "m1", "degree": "MSc Energy", "institution": "Northfield University",
                 "start": "2021"},
                {"id": "m2", "degree": "Classes préparatoires aux grandes écoles",
                 "institution": "Lycée Clémenceau, Nantes", "start": "2019", "end": "2021"},
            ]
        }
    )  # fmt: skip
    source = """Education
2021 - Present  MSc Energy, Northfield University
Major project: Solar-powered kiosk (2022)
2019 - 2021  Classes préparatoires aux grandes écoles
Lycée Clémenceau, Nantes
"""
    merged = merge_readings(rules, model, source_text=source)
    degrees = [e.degree for e in merged.content.education]
    assert degrees == ["MSc Energy", "Classes préparatoires aux grandes écoles"]
    assert [p.name for p in merged.content.projects] == ["Solar-powered kiosk"]
    asked = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert [(f["values"]["reader"], f["reason"]) for f in asked] == [("rules", "other_section")]


def test_one_date_read_as_the_start_by_one_reader_and_the_end_by_the_other_is_one_entry() -> None:
    """The rules read the degree's one date as its end and took the school above it; the model
    read the same date as the start, with the school under it: one degree, not two."""
    rules = CvContent.from_json(
        {
            "education": [
                {"id": "e1", "degree": "Titre Pro Designer Web", "institution": ""},
                {"id": "e2", "degree": "BAC Système Numérique",
                 "institution": "Harbor Code School", "end": "2012-07"},
            ]
        }
    )  # fmt: skip
    model = CvContent.from_json(
        {
            "education": [
                {"id": "m1", "degree": "Titre Pro Designer Web",
                 "institution": "Harbor Code School, Vesoul"},
                {"id": "m2", "degree": "BAC Système Numérique",
                 "institution": "Lycée Luxembourg, Vesoul", "start": "2012-07"},
            ]
        }
    )  # fmt: skip
    source = """Formation
Titre Pro Designer Web (en cours)
Harbor Code School, Vesoul
BAC Système Numérique
Lycée Luxembourg, Vesoul
Juillet 2012
"""
    merged = merge_readings(rules, model, source_text=source)
    bacs = [e for e in merged.content.education if e.degree == "BAC Système Numérique"]
    assert len(bacs) == 1 and "2012-07" in (bacs[0].start, bacs[0].end)


def test_a_degree_the_model_left_out_stays_when_named_by_a_degree_s_word() -> None:
    """The rules' degree is cut inside its bracket, which does not make it something else: the
    model left the degree out, and a value named by "Master" stays."""
    degree = "Master en Management (Programme 100% en anglais"
    rules = CvContent.from_json(
        {"education": [{"id": "e1", "degree": degree, "institution": "Westbrook Business School",
                        "start": "2023", "end": "2025"}]}
    )  # fmt: skip
    model = CvContent.from_json(
        {"education": [{"id": "m1", "degree": "", "institution": "Westbrook Business School",
                        "start": "2023", "end": "2025"}]}
    )  # fmt: skip
    source = """Éducation
Westbrook Business School - Programme Grande école\tParis
Master en Management (Programme 100% en anglais - classé premier, 2023)\t2023 - 2025
"""
    merged = merge_readings(rules, model, source_text=source)
    assert [e.degree for e in merged.content.education] == [degree]


def test_a_rules_piece_of_a_model_degree_is_asked_not_kept_beside_it() -> None:
    """The rules read a degree's second line as a degree of its own, dated within the degree's
    years, and a course's name in quotes with its school's town: both are pieces of the
    model's entries and are asked, not kept as entries of their own."""
    rules = CvContent.from_json(
        {
            "education": [
                {"id": "e1", "degree": "Westbrook Business School", "institution": "",
                 "start": "2021", "end": "2023"},
                {"id": "e2", "degree": "M2 Marketing Management",
                 "institution": "Concentration in Services", "start": "2022", "end": "2023"},
                {"id": "e3", "degree": "“Becoming an entrepreneur”",
                 "institution": "Eastgate School, Jouy, France", "end": "2020"},
            ]
        }
    )  # fmt: skip
    model = CvContent.from_json(
        {
            "education": [
                {"id": "m1", "degree": "M2 Marketing Management - Concentration in Services",
                 "institution": "Westbrook Business School", "start": "2021", "end": "2023"},
                {"id": "m2", "degree": "Academy - “Becoming an entrepreneur",
                 "institution": "Eastgate School", "start": "2020", "end": "2020"},
            ]
        }
    )  # fmt: skip
    source = """Education
Westbrook Business School\t2021 - 2023
M2 Marketing Management - Concentration in Services\t2022 - 2023
Eastgate School, Jouy, France\t2020
Academy - “Becoming an entrepreneur”
"""
    merged = merge_readings(rules, model, source_text=source)
    assert len(merged.content.education) == 2
    asked = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert len(asked) >= 2


def test_a_school_s_name_read_again_as_its_degree_is_left_empty() -> None:
    """The CV names no degree for the school being attended; the rules read the school's name
    as the degree too, the model left the degree out: the degree stays empty."""
    rules = CvContent.from_json(
        {"education": [{"id": "e1", "degree": "Enseeiht", "institution": "", "start": "2024"}]}
    )
    model = CvContent.from_json(
        {"education": [{"id": "m1", "degree": "", "institution": "Enseeiht, Toulouse",
                        "start": "2024"}]}
    )  # fmt: skip
    source = "Formation\n2024 - aujourd'hui\tEnseeiht, Toulouse\n"
    merged = merge_readings(rules, model, source_text=source)
    entry = merged.content.education[0]
    assert (entry.degree, entry.institution) == ("", "Enseeiht, Toulouse")


def test_a_school_the_rules_cut_in_two_is_whole_whatever_its_apostrophe() -> None:
    """The rules cut a school's name in two and read its second half as the degree; the model
    quotes the whole name with the text's typographic apostrophe, where the rules' cleaning
    wrote a plain one: the model's reading of the degree and the school wins."""
    rules = CvContent.from_json(
        {"education": [{"id": "e1", "degree": "d'Aubigny-sur-Loire",
                        "institution": "École secondaire", "start": "2009", "end": "2014"}]}
    )  # fmt: skip
    model = CvContent.from_json(
        {"education": [{"id": "m1", "degree": "Option Latin",
                        "institution": "École secondaire d’Aubigny-sur-Loire",
                        "start": "2009", "end": "2014"}]}
    )  # fmt: skip
    source = "Formation\n2009 - 2014\tÉcole secondaire d’Aubigny-sur-Loire\nOption Latin\n"
    merged = merge_readings(rules, model, source_text=source)
    entry = merged.content.education[0]
    assert (entry.degree, entry.institution) == (
        "Option Latin",
        "École secondaire d’Aubigny-sur-Loire",
    )


def test_a_degree_the_rules_read_as_the_school_goes_back_to_the_degree() -> None:
    """The rules read the school as the degree and the degree as the school; the model read
    the school and left the degree out: the rules' school, named by a degree's word, is the
    degree, and the model's school the school."""
    rules = CvContent.from_json(
        {"education": [{"id": "e1", "degree": "Nordvik gymnasium",
                        "institution": "High School Diploma", "start": "2017-08",
                        "end": "2020-06"}]}
    )  # fmt: skip
    model = CvContent.from_json(
        {"education": [{"id": "m1", "degree": "", "institution": "Nordvik gymnasium, Bergen",
                        "start": "2017-08", "end": "2020-06"}]}
    )  # fmt: skip
    source = """Education
Nordvik gymnasium, Bergen\tAug 2017 - Jun 2020
High School Diploma (Natural science)
"""
    merged = merge_readings(rules, model, source_text=source)
    entry = merged.content.education[0]
    assert (entry.degree, entry.institution) == ("High School Diploma", "Nordvik gymnasium, Bergen")


def test_a_degree_dated_once_as_its_end_and_once_as_its_start_is_one_entry() -> None:
    """The rules read a degree's one year as its end, the model as its start (under way): the
    two readings of the same lines are one entry, the rules' degree and the model's whole
    school."""
    rules = CvContent.from_json(
        {
            "education": [
                {"id": "e1", "degree": "L en Commerce", "institution": "IUT", "end": "2024"},
                {"id": "e2", "degree": "CAP Boulangerie", "institution": "Lycée Delorme",
                 "end": "2023"},
            ]
        }
    )  # fmt: skip
    model = CvContent.from_json(
        {
            "education": [
                {"id": "m1", "degree": "", "institution": "IUT de Valence", "start": "2024",
                 "current": True},
                {"id": "m2", "degree": "CAP Boulangerie", "institution": "Lycée Delorme",
                 "start": "2023", "end": "2023"},
            ]
        }
    )  # fmt: skip
    source = """Formation
IUT de Valence\t2024
L en Commerce (2e année, en cours)
Lycée Delorme\t2023
CAP Boulangerie
"""
    merged = merge_readings(rules, model, source_text=source)
    schools = [(e.degree, e.institution) for e in merged.content.education]
    assert schools == [("L en Commerce", "IUT de Valence"), ("CAP Boulangerie", "Lycée Delorme")]


def test_a_rules_line_after_the_model_s_last_degree_named_like_no_degree_is_asked() -> None:
    """The rules read the line after the section's only degree (a teaching job) as a degree;
    the model read the section and left it out: named with neither a degree's nor a school's
    word, it is asked, not kept, though no degree of the model's stands after it."""
    rules = CvContent.from_json(
        {
            "education": [
                {"id": "e1", "degree": "Bachelor of Science in Biology",
                 "institution": "Northgate University", "start": "2019-09", "end": "2023-05"},
                {"id": "e2", "degree": "Lab Assistant for Cell Biology", "institution": "",
                 "start": "2022", "end": "2023"},
            ]
        }
    )  # fmt: skip
    model = CvContent.from_json(
        {"education": [{"id": "m1", "degree": "Bachelor of Science in Biology",
                        "institution": "Northgate University", "start": "2019-09",
                        "end": "2023-05"}]}
    )  # fmt: skip
    source = """Education
Northgate University\tSep 2019 - May 2023
Bachelor of Science in Biology
Lab Assistant for Cell Biology\t2022 - 2023
"""
    merged = merge_readings(rules, model, source_text=source)
    assert [e.degree for e in merged.content.education] == ["Bachelor of Science in Biology"]
    asked = [f for f in merged.findings if f["code"] == "import_unconfirmed_entry"]
    assert [f["reason"] for f in asked] == ["model_silent"]


def test_a_rules_degree_that_is_another_model_entry_s_gives_way_to_the_model_s() -> None:
    """The rules read the later degree's name with the earlier degree's years; the model read
    both degrees, the later one dated apart: the earlier entry takes the model's degree, not
    the name of the entry the model read on its own."""
    rules = CvContent.from_json(
        {"education": [{"id": "e1", "degree": "BUT GESTION COMMERCIALE",
                        "institution": "ET INTERNATIONALE", "start": "2019", "end": "2022"}]}
    )  # fmt: skip
    model = CvContent.from_json(
        {
            "education": [
                {"id": "m1", "degree": "Bac général - spécialité Histoire",
                 "institution": "Lycée Vauban - Briançon", "start": "2019", "end": "2022"},
                {"id": "m2", "degree": "BUT Gestion commerciale et internationale",
                 "institution": "Université de Savoie", "start": "2022", "current": True},
            ]
        }
    )  # fmt: skip
    source = """FORMATION
BAC GÉNÉRAL - SPÉCIALITÉ HISTOIRE\t2019 - 2022
LYCÉE VAUBAN - BRIANÇON
BUT GESTION COMMERCIALE ET INTERNATIONALE\tDepuis 2022
UNIVERSITÉ DE SAVOIE
"""
    merged = merge_readings(rules, model, source_text=source)
    degrees = [e.degree for e in merged.content.education]
    assert degrees == [
        "Bac général - spécialité Histoire",
        "BUT Gestion commerciale et internationale",
    ]


def test_a_degree_s_option_line_gives_way_to_the_degree() -> None:
    """The rules took the line under the degree, "Option : …", for the degree; a label and its
    colon open a detail of the entry, whatever words follow (an engineer's word here): the
    model's degree wins."""
    rules = CvContent.from_json(
        {"education": [{"id": "e1", "degree": "Option : Génie des Procédés pour l'Ingénieur",
                        "institution": "Université de Brest", "start": "2018", "end": "2021"}]}
    )  # fmt: skip
    model = CvContent.from_json(
        {"education": [{"id": "m1", "degree": "DUT Chimie", "institution": "Université de Brest",
                        "start": "2018", "end": "2021"}]}
    )  # fmt: skip
    source = """Formation
2018 - 2021\tDUT Chimie
Université de Brest\tOption : Génie des Procédés pour l'Ingénieur
"""
    merged = merge_readings(rules, model, source_text=source)
    assert [e.degree for e in merged.content.education] == ["DUT Chimie"]


def test_a_country_in_brackets_read_as_the_degree_is_left_empty() -> None:
    """The CV names no degree for the school; the rules read the school's country in brackets
    as the degree, the model left the degree out: a place in brackets is no degree."""
    rules = CvContent.from_json(
        {"education": [{"id": "e1", "degree": "(Belgium)",
                        "institution": "Ecole Polytechnique de Mons", "start": "2021"}]}
    )  # fmt: skip
    model = CvContent.from_json(
        {"education": [{"id": "m1", "degree": "", "institution": "Ecole Polytechnique de Mons",
                        "start": "2021"}]}
    )  # fmt: skip
    source = "Education\nEcole Polytechnique de Mons (Belgium)\t2021 - present\n"
    merged = merge_readings(rules, model, source_text=source)
    assert [e.degree for e in merged.content.education] == [""]


def test_a_school_the_rules_read_as_the_degree_leaves_the_school_to_the_model() -> None:
    """The rules read the school as the degree and the degree's short name as the school; the
    model read the school and the degree whole: the school is the model's, and the rules'
    degree (their school) is weighed against the model's, not kept as the degree."""
    rules = CvContent.from_json(
        {"education": [{"id": "e1", "degree": "ENSTA", "institution": "IA 2A",
                        "start": "2025"}]}
    )  # fmt: skip
    model = CvContent.from_json(
        {"education": [{"id": "m1", "degree": "IA pour Intelligence Artificielle",
                        "institution": "ENSTA, Brest", "start": "2025"}]}
    )  # fmt: skip
    source = """FORMATION

ENSTA, Brest — IA 2A
2025-aujourd’hui

IA pour Intelligence Artificielle
Centrés sur l’apprentissage et avec une part de robotique
"""
    merged = merge_readings(rules, model, source_text=source)
    entry = merged.content.education[0]
    assert entry.institution == "ENSTA, Brest"
    assert entry.degree in ("IA 2A", "IA pour Intelligence Artificielle")


def test_a_degree_read_again_with_the_same_years_under_one_of_its_names_is_asked() -> None:
    """The rules read a school as the degree and its tagline as the school; the model read
    the degree at that school, with the same years: the rules' entry, named by the model's
    school and dated alike, is the same degree read again, asked, not kept twice."""
    rules = CvContent.from_json(
        {
            "education": [
                {"id": "e1", "degree": "Ecole des Mines de Douai",
                 "institution": "Grande Ecole (engineering school)", "start": "2020",
                 "end": "2024"},
                {"id": "e2", "degree": "Classe préparatoire", "institution": "Lycée Faidherbe",
                 "start": "2018", "end": "2020"},
            ]
        }
    )  # fmt: skip
    model = CvContent.from_json(
        {
            "education": [
                {"id": "m1", "degree": "Master degree in engineering",
                 "institution": "Ecole des Mines de Douai", "start": "2020", "end": "2024"},
                {"id": "m2", "degree": "Classe préparatoire", "institution": "Lycée Faidherbe",
                 "start": "2018", "end": "2020"},
            ]
        }
    )  # fmt: skip
    source = """EDUCATION
Ecole des Mines de Douai | Grande Ecole (engineering school)
Douai
FRANCE
● Master degree in engineering
2020-2024
● Notable courses: Machine Learning, Image processing
Classe préparatoire\tLycée Faidherbe\t2018 - 2020
"""
    merged = merge_readings(rules, model, source_text=source)
    assert [e.degree for e in merged.content.education] == [
        "Master degree in engineering",
        "Classe préparatoire",
    ]


def test_a_rules_school_holding_the_model_s_degree_and_school_is_no_swap() -> None:
    """The rules read the line "degree (school)" whole as the school and a line of details as
    the degree; the model read the degree and the school apart: the model's degree is inside
    the rules' school without the two being a swap, and wins."""
    rules = CvContent.from_json(
        {"education": [{"id": "e1", "degree": "En alternance",
                        "institution": "Licence Pro Chimie option Qualité (IUT Brest)",
                        "start": "2010-10", "end": "2011-09"}]}
    )  # fmt: skip
    model = CvContent.from_json(
        {"education": [{"id": "m1", "degree": "Licence Pro Chimie option Qualité",
                        "institution": "IUT Brest", "start": "2010-10", "end": "2011-09"}]}
    )  # fmt: skip
    source = """FORMATION
Licence Pro Chimie option Qualité (IUT Brest)
En alternance
Octobre 2010 - Septembre 2011
"""
    merged = merge_readings(rules, model, source_text=source)
    entry = merged.content.education[0]
    assert (entry.degree, entry.institution) == ("Licence Pro Chimie option Qualité", "IUT Brest")


def test_a_rules_end_that_is_the_model_s_start_gives_way_to_the_model_s_end() -> None:
    """Two degrees' dates stacked in a column above their lines: the rules read the first
    degree's dates one range off; the model's start wins, and the rules' end, that very
    year, is no end: the model's end goes with its start, not a degree of no length."""
    rules = CvContent.from_json(
        {"education": [{"id": "e1", "degree": "MSci Physics", "institution": "University of Leeds",
                        "start": "2012", "end": "2014"}]}
    )  # fmt: skip
    model = CvContent.from_json(
        {
            "education": [
                {"id": "m1", "degree": "MSci Physics", "institution": "University of Leeds",
                 "start": "2014", "end": "2019"},
                {"id": "m2", "degree": "IB Diploma", "institution": "Kowloon College",
                 "start": "2012", "end": "2014"},
            ]
        }
    )  # fmt: skip
    source = """Education
2014-2019
2012-2014

University of Leeds, MSci Physics
Kowloon College, Hong Kong, IB Diploma

Work experience
"""
    merged = merge_readings(rules, model, source_text=source)
    msci = next(e for e in merged.content.education if e.degree == "MSci Physics")
    assert (msci.start, msci.end) == ("2014", "2019")


def test_a_school_read_as_the_degree_with_no_school_gives_way_to_the_model_s_degree() -> None:
    """The rules read the school's line as the degree and no school; the model read the degree
    on the date line and the school under it: the model's degree fills the entry, the school
    is not kept as its degree too."""
    rules = CvContent.from_json(
        {"education": [{"id": "e1", "degree": "Madras University", "institution": "",
                        "end": "2008"}]}
    )  # fmt: skip
    model = CvContent.from_json(
        {"education": [{"id": "m1", "degree": "B.Com in Finance",
                        "institution": "Madras University", "start": "2008"}]}
    )  # fmt: skip
    source = "EDUCATION\n\n2008\tB.Com in Finance\nMadras University\n\nSKILLS\n"
    merged = merge_readings(rules, model, source_text=source)
    entry = merged.content.education[0]
    assert (entry.degree, entry.institution) == ("B.Com in Finance", "Madras University")


def test_a_degree_the_rules_cut_where_its_name_breaks_over_lines_is_paired_whole() -> None:
    """The degree's name breaks over three lines; the rules read its first two pieces as the
    degree and the school, the model the whole name and the platform: the rules' entry,
    both names inside the model's and dated to the same month, is the model's cut up."""
    rules = CvContent.from_json(
        {"education": [{"id": "e1", "degree": "online course by", "institution": "University of",
                        "start": "2019-03", "end": "2019-03"}]}
    )  # fmt: skip
    model = CvContent.from_json(
        {"education": [{"id": "m1", "degree": "online course by University of Toronto",
                        "institution": "edX (Canada)", "start": "2019-03", "end": "2019-03"}]}
    )  # fmt: skip
    source = """Education
04/03/2019–09/03/2019\tonline course by
University of
Toronto

edX (Canada)
"""
    merged = merge_readings(rules, model, source_text=source)
    entries = [(e.degree, e.institution) for e in merged.content.education]
    assert entries == [("online course by University of Toronto", "edX (Canada)")]


def test_an_employer_in_the_title_s_column_beats_a_sidebar_word_on_its_line() -> None:
    """A sidebar's word stands on the job's heading line, a tab before it; the rules took it
    for the employer, the model the name in the title's own column: the model's wins."""
    rules = CvContent.from_json(
        {"experience": [{"id": "r1", "title": "Stage de 3e", "company": "Patient",
                         "start": "2020-02", "end": "2020-02"}]}
    )  # fmt: skip
    model = CvContent.from_json(
        {"experience": [{"id": "m1", "title": "Stage de 3e", "company": "BRICOMAX",
                         "start": "2020-02", "end": "2020-02"}]}
    )  # fmt: skip
    source = """EXPÉRIENCES

Patient\tBRICOMAX, Service logistique — Stage de 3e
du 10 au 14 février 2020
"""
    merged = merge_readings(rules, model, source_text=source)
    assert [j.company for j in merged.content.experience] == ["BRICOMAX"]
