"""Entries written as labelled rows (app/lib/parsing/entries/entry_labels.py): repeated field labels
come off their values, and each entry's dates, title and employer are read as such."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.entry_labels import field_of, unlabel_fields

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
