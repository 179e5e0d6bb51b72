"""A form's label column copied apart from its values (app/lib/parsing/entries/copied_form.py)."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.copied_form import closing_employers_up, without_label_column

LABELS = ["Dates", "Fonction ou poste occupé", "Principales activités", "Nom de l'employeur"]
JOBS = ["07/2023 – 06/2024", "Assistante commerciale", "• Gestion de 32 clients.",
        "Studio Dalmita, Lille", "01/2022 – 06/2023", "Chargé de recrutement",
        "• Tableaux de bord hebdomadaires.", "Vasber Inc., Lyon", ""]  # fmt: skip


def test_the_label_column_is_left_out_and_each_employer_goes_under_its_title() -> None:
    text = "Léa Morvan\nlea@postbox.example\n\nEXPÉRIENCE PROFESSIONNELLE\n"
    jobs = parse_cv_text(text + "\n".join(LABELS * 2 + JOBS)).content.experience
    assert [(j.title, j.company, j.start) for j in jobs] == [
        ("Assistante commerciale", "Studio Dalmita", "2023-07"),
        ("Chargé de recrutement", "Vasber Inc.", "2022-01"),
    ]


def test_lines_before_the_dates_that_are_no_labels_stay() -> None:
    heads = ["Studio Dalmita", "Assistante commerciale", "Lille", "Paris"]
    assert without_label_column([*heads, *JOBS]) == [*heads, *JOBS]


def test_jobs_not_all_closing_on_one_line_are_left_as_they_are() -> None:
    usual = ["07/2023 – 06/2024", "Assistante commerciale", "Studio Dalmita, Lille",
             "• Gestion de 32 clients.", "01/2022 – 06/2023", "Chargé de recrutement",
             "Vasber Inc., Lyon", "• Tableaux de bord hebdomadaires."]  # fmt: skip
    assert closing_employers_up(usual) == usual
    last_open = JOBS[:-2]  # the last job ends on its bullet: the lines say nothing sure
    assert closing_employers_up(last_open) == last_open
