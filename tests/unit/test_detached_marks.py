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
