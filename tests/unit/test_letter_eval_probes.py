"""What ``python -m bench.letter_eval`` measures by code beyond the invented facts
(bench/letter_eval_check.py, bench/letter_eval_report.py): a headline said as an experience
that no job holds, and an offline-only run that keeps the model's committed rows instead of
erasing them."""

from __future__ import annotations

from pathlib import Path

from app.lib.cv_content import CvContent, Experience, Header
from app.lib.letter_content import LetterContent
from bench.letter_eval_check import headline_as_experience
from bench.letter_eval_report import kept_model_rows

CV = CvContent(
    header=Header(name="Lou Normi", current_title="Lyon"),
    experience=[Experience(id="e1", title="Data Analyst", company="Nordwind")],
)


def _letter(*paragraphs: str) -> LetterContent:
    return LetterContent(greeting="Dear Hiring Team,", paragraphs=list(paragraphs), closing="")


def test_a_title_no_job_holds_said_as_an_experience_is_counted() -> None:
    said = "I am writing to apply. With my experience as Lyon, I would like to contribute."
    assert headline_as_experience(_letter(said), CV) == "Lyon"
    french = "Avec mon expérience de Springfield, IL, je souhaite mettre mes compétences au"
    assert headline_as_experience(_letter(french), CV) == "Springfield, IL"


def test_a_held_title_or_no_such_sentence_is_not() -> None:
    held = "With my experience as data analyst, I would like to contribute to your team."
    assert headline_as_experience(_letter(held), CV) is None
    assert headline_as_experience(_letter("At Nordwind, I built dashboards."), CV) is None


PAGE = """# Cover letters on real documents

Measured on commit `abc1234`, 2026-11-23 04:51 UTC; model: `some-model` (serve.sh).

| offline | 4 | 0 | 0 | 22 / 0 / 0 | 0 in 0 | 0 | 104 | 0 / 1 |
| llm | 4 | 0 | 2 | 19 / 0 / 7 | 0 in 0 | 0 | 101 | 475 / 510 |
| `offer_a` × `cv_b` | offline | offline | 4 | 5 | 0 | 0 | 0 / 0 / 0 | — | 0 | fr / fr | 145 | 1 |
| `offer_a` × `cv_b` | llm | llm | 2 | 3 | 0 | 4 | 0 / 0 / 0 | — | 0 | fr / fr | 62 | 114 |
"""


def test_an_offline_only_run_keeps_the_models_rows(tmp_path: Path) -> None:
    page = tmp_path / "LETTER_EVAL.md"
    assert kept_model_rows(page) == ("", [])
    page.write_text(PAGE, encoding="utf-8")
    measured, rows = kept_model_rows(page)
    assert "abc1234" in measured and "some-model" in measured
    assert len(rows) == 2 and all("| llm |" in row for row in rows)
    # The page an offline-only run writes says where its kept rows come from: kept again.
    again = (
        "Measured on x; model: `none (offline only)`. The model's rows are kept from the run "
        f"measured on {measured} (serve.sh).\n"
    )
    page.write_text(again + "\n".join(rows), encoding="utf-8")
    assert kept_model_rows(page) == (measured, rows)
