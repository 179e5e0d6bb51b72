"""Entries written as labelled rows (app/lib/parsing/entries/entry_labels.py): repeated field labels
come off their values, and each entry's dates, title and employer are read as such."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.entry_labels import field_of, unlabel_fields
from app.lib.parsing.sections.headings import match_cv_heading

ROWS = [
    ("Dates", "2021 — 2023", "Occupation or position held", "Buyer", "Brakton Foods, Leeds"),
    ("Dates", "2018 — 2021", "Occupation or position held", "Clerk", "Norvale SA, Lyon"),
]


def _section() -> list[str]:
    lines = []
    for label, dates, title_label, title, employer in ROWS:
        lines += [
            f"{label}\t{dates}",
            f"{title_label}\t{title}",
            "Main activities and responsibilities\t• Ran the supplier reviews.",
            "• Cut lead times by 9%.",
            f"Name and address of employer\t{employer}",
            "",
        ]
    return lines


def test_repeated_labels_are_field_names() -> None:
    assert unlabel_fields(_section())[:6] == [
        "2021 — 2023",
        "Buyer",
        "Brakton Foods, Leeds",
        "• Ran the supplier reviews.",
        "• Cut lead times by 9%.",
        "",
    ]


def test_labelled_entries_are_read_with_their_employer() -> None:
    text = "Ada Morrel\nada@postbox.example\n\nWORK EXPERIENCE\n\n" + "\n".join(_section())
    jobs = parse_cv_text(text).content.experience
    assert [(j.title, j.company.split(",")[0], j.start, j.end) for j in jobs] == [
        ("Buyer", "Brakton Foods", "2021", "2023"),
        ("Clerk", "Norvale SA", "2018", "2021"),
    ]


def test_a_label_said_once_or_a_sector_label_is_left_alone() -> None:
    once = ["Employer\tBrakton Foods", "2021 — 2023 Buyer"]
    assert unlabel_fields(once) == once
    assert field_of("Type of business or sector") is None
    assert field_of("Nom et adresse de l'employeur") == "company"
    assert field_of("Fonction ou poste occupé") == "title"


FORM = [
    ("janvier 2022 — mars 2024", "Acheteuse", "Brakton Foods, Leeds", "Négocié les contrats."),
    ("mai 2019 — décembre 2021", "Assistante achats", "Norvale SA, Lyon", "Suivi des stocks."),
]


def _wrapped_form(wrapped: bool) -> str:
    """A Europass form copied as text, its labels cut by their wrap: "Principales activités et"
    beside the first bullet and "responsabilités" beside the next, "Nom et adresse de" beside
    the employer and "l'employeur" alone under it."""
    lines = ["Léa Morrel", "lea@postbox.example", "", "EXPÉRIENCE PROFESSIONNELLE", ""]
    for dates, title, employer, bullet in FORM:
        lines += [f"Dates\t{dates}", f"Fonction ou poste occupé\t{title}"]
        if wrapped:
            lines += [f"Principales activités et\t• {bullet}", "responsabilités\t• Formé 3 agents."]
            lines += [f"Nom et adresse de\t{employer}", "l'employeur", ""]
        else:
            lines += [f"Principales activités et responsabilités\t• {bullet}", "• Formé 3 agents."]
            lines += [f"Nom et adresse de l'employeur\t{employer}", ""]
    return "\n".join([*lines, "ÉDUCATION ET FORMATION", "", "2014 – 2017\tLicence, IUT de Lille"])


def test_labels_cut_by_their_wrap_are_labels_still() -> None:
    """Before, "Principales activités et" read as an activities heading that ended the jobs
    after the first title, and "Nom et adresse de" named no field: the employers were lost."""
    for wrapped in (False, True):
        jobs = parse_cv_text(_wrapped_form(wrapped)).content.experience
        read = [(j.title, j.company, j.start, j.bullets, j.description) for j in jobs]
        assert read == [
            (title, employer.split(",")[0], start, [bullet, "Formé 3 agents."], "")
            for (_, title, employer, bullet), start in zip(
                FORM, ("2022-01", "2019-05"), strict=True
            )
        ], read
    assert field_of("Nom et adresse de") == "company"


def test_a_line_ending_on_a_linking_word_is_no_heading() -> None:
    assert match_cv_heading("Principales activités et") is None
    assert match_cv_heading("Main activities and") is None
    assert match_cv_heading("Activités") is not None
    found = match_cv_heading("Langues et compétences")
    assert found is not None and found.sections == ("languages", "skills")
