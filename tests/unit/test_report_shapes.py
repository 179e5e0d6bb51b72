"""Values with another field's shape are flagged in the import report, in every section
(app/lib/parsing/report/report_shapes.py), and the flag clears once the value is fixed.
Invented people."""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import CvContent
from app.lib.i18n import current_locale, gettext
from app.lib.parsing.report.report_live import open_items
from app.lib.parsing.report.report_shapes import header_doubt_items, unsure_items
from app.lib.parsing.report.report_suspicions import structure_suspicions


def _cv(**parts: Any) -> CvContent:
    data: dict[str, Any] = {
        "header": {"name": "Rosa Almeida", "current_title": "Aide-soignante"},
        "summary": "Aide-soignante depuis six ans en EHPAD, attentive et organisée.",
        "education": [{"id": "edu_1", "institution": "IFAS de Tours", "degree": "DEAS"}],
        "skills": [{"name": n} for n in ("Soins d'hygiène", "Transmissions ciblées")],
    }
    data.update(parts)
    return CvContent.from_json(data)


def _codes(content: CvContent) -> list[str]:
    return [item["code"] for item in structure_suspicions(content)]


def test_a_right_cv_has_no_shape_flag() -> None:
    assert _codes(_cv()) == []


def test_an_email_or_an_age_among_the_skills_is_flagged() -> None:
    content = _cv(skills=[{"name": "Soins d'hygiène"}, {"name": "rosa.almeida@example.org"},
                          {"name": "33 ans"}])  # fmt: skip
    items = [i for i in structure_suspicions(content) if i["code"] == "skill_is_contact"]
    assert items and items[0]["values"]["count"] == 2


def test_a_place_as_the_headline_is_flagged_until_fixed() -> None:
    content = _cv(header={"name": "Rosa Almeida", "current_title": "Thrissur, Kerala"})
    assert "headline_other_field" in _codes(content)
    content.header.current_title = "Aide-soignante"
    assert "headline_other_field" not in [i["code"] for i in open_items({"items": []}, content)]


def test_a_footer_as_a_school_and_personal_data_in_the_profile_are_flagged() -> None:
    content = _cv(
        education=[{"id": "edu_1", "institution": "Page 2/2", "degree": "DEAS"}],
        summary="Aide-soignante depuis six ans en EHPAD.\nNationalité portugaise",
    )
    codes = _codes(content)
    assert "education_other_field" in codes
    assert "summary_has_header" in codes


def test_the_headline_taken_out_stays_open_until_one_is_written_and_reads_in_french() -> None:
    items = header_doubt_items([("headline", "place", "Thrissur, Kerala")])
    assert [i["code"] for i in items] == ["headline_taken_out"]
    content = _cv(header={"name": "Rosa Almeida", "current_title": ""})
    assert [i["code"] for i in open_items({"items": items}, content)] == ["headline_taken_out"]
    content.header.current_title = "Aide-soignante"
    assert open_items({"items": items}, content) == []
    token = current_locale.set("fr")
    try:
        french = gettext(items[0]["template"], **items[0]["values"])
    finally:
        current_locale.reset(token)
    assert "« Thrissur, Kerala »" in french
    assert "localisation" in french


def test_a_reading_no_cue_settles_is_asked_while_it_stands() -> None:
    content = _cv(header={"name": "Odile Brunet", "current_title": "Finance, Data, Conseil"})
    doubts = [("headline", "unsure", ""), ("name", "unsure", "Marie Curie")]
    items = unsure_items(doubts, content, content)
    assert [i["code"] for i in items] == ["headline_unsure", "name_unsure"]
    assert items[1]["values"]["other"] == "Marie Curie"
    other = _cv(header={"name": "Odile Brunet", "current_title": "Comptable"})
    assert [i["code"] for i in unsure_items(doubts, other, content)] == ["name_unsure"]
