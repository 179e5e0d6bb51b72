"""Bullet marks copied apart from their text (app/lib/parsing/entries/detached_marks.py)."""

from __future__ import annotations

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.entries.detached_marks import attach_detached_marks

SECTION = [
    "Brightmoor Labs | 2019 - Présent",
    "",
    "Développeuse mobile",
    "",
    "●\u200b",
    "●\u200b",
    "",
    "Direction des revues de code garantissant les bonnes pratiques TypeScript et une",
    "architecture propre",
    "Mentorat de 2 développeurs juniors en React Native",
    "",
    "Indépendante | 2016 - Présent",
    "",
    "Développeuse web",
    "",
    "Sites vitrines pour des artisans de la région",
]


def test_the_text_after_a_run_of_marks_becomes_bullets() -> None:
    fixed = attach_detached_marks(SECTION)
    assert fixed[7].startswith("• Direction des revues")
    assert fixed[9].startswith("• Mentorat")
    assert fixed[11] == SECTION[11]


def test_items_no_longer_read_as_the_next_job_head() -> None:
    text = "Lina Ferrau\nlina@postbox.example\n\nEXPÉRIENCE PROFESSIONNELLE\n" + "\n".join(SECTION)
    jobs = parse_cv_text(text).content.experience
    assert [(j.title, j.company) for j in jobs] == [
        ("Développeuse mobile", "Brightmoor Labs"),
        ("Développeuse web", "Indépendante"),
    ]


def test_a_head_right_after_the_marks_stays_a_head() -> None:
    head_after = ["Projet industrie, Entreprise Norvale", "•", "•", "", "Stage opérateur, Orvane"]
    assert attach_detached_marks(head_after) == head_after
    name_first = [
        "May 2020 –", "–", "–", "", "Glint Studio, Handmade Gifts", "Lyon, France",
        "Founder", "Built an online shop selling handmade gifts to customers",
    ]  # fmt: skip
    assert attach_detached_marks(name_first) == name_first


def test_short_items_one_line_per_mark_become_bullets_and_leave_the_next_head_alone() -> None:
    """Items of two or three words ("Cash handling") under their own run of marks: one line
    for each mark, three at least, is the list, not the next job's head."""
    text = (
        "Sam Reed\nsam@example.com\n\nEXPERIENCE\n\n"
        "Customer Service Lead\nMay 2017 – June 2019\n❖\n❖\n❖\n❖\n\n"
        "Cash handling\nStock rotation and displays\nOpening and closing\nTraining new staff\n\n"
        "Sales Assistant Velmart\nFebruary 2015 – December 2016\n❖\n❖\n❖\n\n"
        "Till operation\nCustomer queries and returns\nWindow displays\n"
    )
    jobs = parse_cv_text(text).content.experience
    assert [(j.title, j.company, len(j.bullets)) for j in jobs] == [
        ("Customer Service Lead", "", 4),
        ("Sales Assistant", "Velmart", 3),
    ]
    assert jobs[0].bullets[0] == "Cash handling"


def test_a_short_block_with_dates_after_three_marks_stays_a_head() -> None:
    head = ["•", "•", "•", "", "Vendeuse", "Boulangerie Velcour", "2019 - 2020"]
    assert attach_detached_marks(head) == head
