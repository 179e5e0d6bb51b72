"""The import report's per-section verdicts (app/domain/cvs/report_checked.py): each open warning
counts in one section (they sum to the report's count), a clear section says against what it
was checked, and while part of the file's text landed nowhere no section is called clear."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from app.domain.cvs.report_checked import checked_sections
from app.lib import i18n
from app.lib.cv_content import CvContent


@pytest.fixture(autouse=True)
def english() -> Iterator[None]:
    token = i18n.current_locale.set("en")
    yield
    i18n.current_locale.reset(token)


def _warning(code: str, path: str | None, group: str = "entries") -> dict[str, Any]:
    return {"code": code, "severity": "warning", "group": group, "path": path}


CV = CvContent.from_json(
    {
        "header": {"name": "Ana Lima", "contact": {"email": "ana@example.com"}},
        "experience": [{"id": "exp_1", "title": "Engineer", "company": "Orrin &"}],
        "skills": [{"name": "Python"}, {"name": "Managed a team of five people"}],
        "extras": {"certifications": [{"name": "AWS"}]},
    }
)


def test_each_warning_counts_in_one_section_and_a_lost_line_leaves_none_clear() -> None:
    items = [
        _warning("name_cut", "experience[0].company"),
        _warning("sentence_skills", "skills"),
        _warning("list_holds_dates", "extras.certifications[0]"),
        _warning("unplaced_text", None, "coverage"),
        {"code": "text_junk_glyphs", "severity": "info", "group": "text"},  # no thing to check
    ]
    rows = {r.key: r for r in checked_sections({"placedShare": 0.8}, CV, items)}
    assert {k: r.to_check for k, r in rows.items()} == {
        "header": 0, "summary": 0, "experience": 1, "education": 0, "skills": 1,
        "languages": 0, "extras": 1, "reading": 1,
    }  # fmt: skip
    assert sum(r.to_check for r in rows.values()) == 4
    assert (rows["header"].entries, rows["header"].level) == (2, "unsure")
    assert rows["summary"].level == "unsure"  # empty, but the lost line may be its text
    assert "projects" not in rows  # empty and optional: not listed
    assert rows["experience"].verdict == "1 thing to check."


def test_a_clear_section_says_what_it_was_checked_against() -> None:
    read = {r.key: r for r in checked_sections({"placedShare": 1.0}, CV, [])}
    assert read["experience"].level == "clear" and "file's text" in read["experience"].verdict
    assert read["reading"].level == "clear" and read["education"].level == "none"
    assert "names cut in two" in read["experience"].checked
    structured = {r.key: r for r in checked_sections({"placedShare": None}, CV, [])}
    assert "reading" not in structured  # a JSON Resume: no text was read
    assert "shape of its fields" in structured["experience"].verdict
    i18n.current_locale.set("fr")
    french = {r.key: r for r in checked_sections({"placedShare": 1.0}, CV, [])}
    assert french["experience"].verdict.startswith("Rien de douteux")
