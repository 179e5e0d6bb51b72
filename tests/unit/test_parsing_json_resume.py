"""JSON Resume import (current and older field names, typed errors) and export round trips."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.formats.json_resume import JsonResumeError, validate_json_resume
from app.lib.parsing.formats.json_resume_export import resume_from_content
from app.lib.parsing.formats.json_resume_map import content_from_resume
from app.lib.pdf_text import read_pdf_text_sync
from tests.fixtures import pdfs
from tests.fixtures.cv_texts import JSON_RESUME, TEXT_CVS


def load(data: dict[str, Any]) -> Any:
    return content_from_resume(validate_json_resume(data))


def test_import_maps_every_section() -> None:
    content = load(JSON_RESUME)
    assert content.header.name == "Sofia Rossi"
    assert content.header.current_title == "Backend Engineer"
    assert content.header.contact.location == "Milan, IT"
    assert [link.label for link in content.header.links] == ["Website", "GitHub"]
    first, second = content.experience
    assert (first.company, first.start, first.end, first.current) == (
        "Satispay",
        "2021-04",
        None,
        True,
    )
    # Older schema: "company" and "website".
    assert (second.company, second.start, second.end) == ("Nexi", "2017-09", "2021-03")
    assert second.description == "Card payment gateway."
    assert [(s.name, s.category, s.level) for s in content.skills] == [
        ("Go", "Languages", "Expert"),
        ("Java", "Languages", "Expert"),
        ("PostgreSQL", "", ""),
    ]
    assert (
        content.education[0].degree == "MSc"
        and content.education[0].field == "Computer Engineering"
    )
    assert content.extras.certifications[0].issuer == "CNCF"
    assert content.extras.volunteering[0].date == "2018 – 2020"
    assert content.extras.interests == ["Climbing", "Chess: endgames"]
    assert content.projects[0].role == "Maintainer" and content.projects[0].skills == ["Go"]


def strip_ids(items: list[Any]) -> list[dict[str, Any]]:
    return [{k: v for k, v in i.model_dump().items() if k != "id"} for i in items]


def test_export_uses_current_names_and_round_trips() -> None:
    content = load(JSON_RESUME)
    exported = resume_from_content(content)
    assert exported["work"][1]["name"] == "Nexi" and "company" not in exported["work"][1]
    assert "endDate" not in exported["work"][0]  # ongoing
    again = load(exported)
    assert again.model_dump(
        exclude={"experience", "projects", "education", "extras"}
    ) == content.model_dump(exclude={"experience", "projects", "education", "extras"})
    for section in ("experience", "projects", "education"):
        assert strip_ids(getattr(again, section)) == strip_ids(getattr(content, section))
    for group in ("certifications", "awards", "volunteering", "publications"):
        assert strip_ids(getattr(again.extras, group)) == strip_ids(getattr(content.extras, group))
    assert again.extras.interests == content.extras.interests


@pytest.mark.parametrize("source", ["pdf", "text"])
def test_parsed_cvs_round_trip_through_json_resume(source: str) -> None:
    text = (
        read_pdf_text_sync(pdfs.cv_pdf("fr_one_column"), max_pages=10).text
        if source == "pdf"
        else TEXT_CVS["en_no_blank_lines"].text
    )
    content = parse_cv_text(text).content
    again = load(resume_from_content(content))

    def comparable(c: Any) -> Any:
        data = c.to_json()
        for section in ("experience", "projects", "education"):
            for item in data[section]:
                item.pop("id")
        for group in ("certifications", "awards", "volunteering", "publications"):
            for item in data["extras"][group]:
                item.pop("id")
        return data

    assert comparable(again) == comparable(content)


@pytest.mark.parametrize(
    ("change", "field", "problem"),
    [
        (lambda d: d["basics"].update(name=42), "basics.name", "expected text"),
        (lambda d: d["work"][0].update(startDate=2019), "work[0].startDate", "expected text"),
        (lambda d: d["work"][1].update(endDate="March 2021"), "work[1].endDate", "2019-03"),
        (lambda d: d["work"][0].update(highlights="one"), "work[0].highlights", "expected a list"),
        (lambda d: d.update(skills={"name": "Go"}), "skills", "expected a list"),
        (lambda d: d["education"][0].update(endDate="2017-13"), "education[0].endDate", "2019"),
        (lambda d: d.update(basics="Sofia"), "basics", "expected an object"),
    ],
)
def test_wrong_types_name_the_field(change: Any, field: str, problem: str) -> None:
    data = copy.deepcopy(JSON_RESUME)
    change(data)
    with pytest.raises(JsonResumeError) as caught:
        validate_json_resume(data)
    assert caught.value.field == field
    assert problem in caught.value.problem


def test_not_a_json_resume() -> None:
    for document in ([1, 2], {"hello": "world"}, "text"):
        with pytest.raises(JsonResumeError):
            validate_json_resume(document)
