"""Sections found without their words: pictogram headings
(app/lib/parsing/sections/section_split.py)
and an unnamed section filed as experience by its content
(app/lib/parsing/sections/section_content.py)."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.sections.section_content import entries_kind
from app.lib.parsing.sections.section_split import split_sections

JOBS = """2021 — Present
Maintenance Technician
NORVALE, Clermont-Ferrand
• Ran the preventive maintenance plan.

2018 — 2021
Shift Supervisor
Brakton Foods, Leeds
• Coordinated 12 operators.
"""


def _cv(experience_heading: str, education_heading: str = "✎ Learning") -> str:
    return f"""Ada Morrel
Maintenance Technician
ada.morrel@postbox.example · +33 6 12 34 56 78

☺ Hello

Technician with six years on production lines.

{experience_heading}

{JOBS}
{education_heading}

MSc in Industrial Engineering
University of Leeds, 2016 – 2018

★ Toolbox

Excel, SAP, Lean
"""


def test_pictogram_headings_with_words_no_table_knows_open_sections() -> None:
    _, sections = split_sections(_cv("⚙ Where I have been"))
    assert [s.heading for s in sections][:3] == ["☺ Hello", "⚙ Where I have been", "✎ Learning"]


def test_jobs_under_an_unnamed_heading_are_filed_as_experience() -> None:
    for heading in ("⚙ Where I have been", "⚙"):
        jobs = parse_cv_text(_cv(heading)).content.experience
        assert [(j.title, j.start, j.current) for j in jobs] == [
            ("Maintenance Technician", "2021", True),
            ("Shift Supervisor", "2018", False),
        ], heading


def test_a_pictogram_repeated_before_each_entry_marks_a_field_not_headings() -> None:
    """A pin before every place is no heading: the same pictogram on each entry."""
    text = "\n".join(
        f"\nSales Assistant {n}\n\n⌖ Milan, Italy\n2019 – 2020\nServed customers." for n in range(4)
    )
    _, sections = split_sections("EXPERIENCE\n" + text)
    assert [s.key for s in sections] == ["experience"]


def test_an_unnamed_section_of_studies_or_roles_stays_apart() -> None:
    studies = [
        "2016 – 2018",
        "MSc in Industrial Engineering",
        "University of Leeds",
        "",
        "2013 – 2016",
        "BSc in Physics",
        "University of York",
    ]
    assert entries_kind(studies) is None
    talks = ["2019 – 2020", "Talk on supply chains", "", "2021 – 2022", "Poster on robotics"]
    assert entries_kind(talks) is None
    assert entries_kind(JOBS.split("\n")) == "experience"
    # A school's name and no job's title around its dates: a study still.
    courses = ["2016 – 2018", "Lycée Valbrune, Roanne", "", "2013 – 2016", "Collège Orlin"]
    assert entries_kind(courses, "⚙ Mon chemin") is None


SCHOOL_JOBS = [
    "ATSEM",
    "École élémentaire Valbrune, Roanne",
    "2021 – 2024",
    "• Accueil des enfants.",
    "",
    "Facilitator",
    "Orlin University, Kendal",
    "2018 – 2021",
    "• Led weekly workshops.",
]


def test_a_job_held_at_a_school_under_a_heading_naming_nothing_is_a_job() -> None:
    # A school with a job's title beside it is where the job was, under a pictogram or words
    # that name no section.
    assert entries_kind(SCHOOL_JOBS, "⚙ Mon chemin") == "experience"
    assert entries_kind(SCHOOL_JOBS, "⚙") == "experience"
    # Under a heading naming a section in words no table knows whole, a role at a university
    # is an activity's: not filed as a job.
    assert entries_kind(SCHOOL_JOBS, "ACTIVITIES AND SERVICE") is None


def test_a_section_filed_by_its_content_is_reported_for_review() -> None:
    from datetime import date

    from app.lib.parsing.report.import_report import build_import_report

    text = _cv("⚙ Where I have been")
    parsed = parse_cv_text(text)
    assert parsed.inferred_sections == [("⚙ Where I have been", "experience")]
    report = build_import_report(
        parsed.content,
        text,
        today=date(2026, 11, 24),
        parser="rules",
        inferred_sections=parsed.inferred_sections,
    )
    item = next(i for i in report["items"] if i["code"] == "inferred_section")
    assert item["severity"] == "warning"
    assert item["values"]["heading"] == "⚙ Where I have been"
