"""A list's mark is known by its layout: a lone glyph set off from its text by a tab stop or a
wide gap (app/lib/parsing/text/text.py), whatever glyph the font gave it. Word's second-level
bullet comes out of a PDF as "o<TAB>text"; read as text, those lines were taken for an entry's
heading lines (the title "Vendeuse o", the first bullet as the employer). Invented CVs."""

from __future__ import annotations

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.text.text import is_bullet, strip_bullet

JOBS = {
    "dates first": (
        "2019 – 2023\tVendeuse\nZara\n{m}Accueil et conseil clients\n{m}Gestion des stocks\n"
        "2016 – 2018\tServeuse\nCafé de la Gare\n{m}Service en salle\n{m}Encaissement\n"
    ),
    "employer above": (
        "ZARA\nVendeuse\t2019 – 2023\n{m}Accueil et conseil clients\n{m}Gestion des stocks\n"
        "CAFÉ DE LA GARE\nServeuse\t2016 – 2018\n{m}Service en salle\n{m}Encaissement\n"
    ),
}


def _cv(jobs: str) -> str:
    return (
        "Jeanne Martin\nVendeuse\n\nEXPÉRIENCE PROFESSIONNELLE\n"
        f"{jobs}\nFORMATION\nBTS MUC — Lycée Ampère, Lyon\t2016\n"
    )


@pytest.mark.parametrize("shape", sorted(JOBS))
@pytest.mark.parametrize("mark", ["o\t", "∗\t", "o   "])
def test_a_glyph_before_a_tab_stop_reads_as_a_bullet_mark(shape: str, mark: str) -> None:
    as_marked = parse_cv_text(_cv(JOBS[shape].format(m=mark))).content.experience
    as_bullets = parse_cv_text(_cv(JOBS[shape].format(m="• "))).content.experience
    read = [(job.title, job.company, job.start, job.bullets) for job in as_marked]
    assert read == [(job.title, job.company, job.start, job.bullets) for job in as_bullets]
    assert [job.company.upper() for job in as_marked] == ["ZARA", "CAFÉ DE LA GARE"]
    assert as_marked[0].bullets == ["Accueil et conseil clients", "Gestion des stocks"]


@pytest.mark.parametrize(
    "line", ["C\tPython\tJava", "Python\tC", "o Collaborated", "+ 33 7 61 02 23 05", "Lyon\tParis"]
)
def test_a_letter_word_or_a_single_space_is_no_mark(line: str) -> None:
    assert not is_bullet(line)
    assert strip_bullet(line) == line.strip()
