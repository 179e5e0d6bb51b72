""" "Merge with the next" on the review page: one entry the import read as two becomes one, and
nothing either row held is lost (app/domain/cvs/editor_merge.py)."""

from __future__ import annotations

from app.domain.cvs.editor import SECTIONS, SectionForm, apply_action

JOB_FIELDS = SECTIONS["experience"].fields


def _job(**values: str) -> dict[str, str]:
    return {spec.name: "" for spec in JOB_FIELDS} | {"id": ""} | values


def test_a_heading_row_and_a_bullets_row_become_one_entry() -> None:
    form = SectionForm(SECTIONS["experience"])
    form.items = [
        _job(id="exp_1", title="Buyer", company="Acme", start="2019-03", end="2021"),
        _job(id="exp_2", start="2018", end="2021-06", bullets="Cut costs 8%\nRan tenders",
             skills="SAP, Excel"),
        _job(id="exp_3", title="Intern"),
    ]  # fmt: skip
    assert apply_action(form, "merge-0")
    assert form.unsaved and len(form.items) == 2
    merged = form.items[0]
    assert merged["id"] == "exp_1" and (merged["title"], merged["company"]) == ("Buyer", "Acme")
    assert (merged["start"], merged["end"]) == ("2018", "2021-06")  # the span of both
    assert merged["bullets"] == "Cut costs 8%\nRan tenders" and merged["skills"] == "SAP, Excel"
    assert form.items[1]["id"] == "exp_3"


def test_two_different_values_are_both_kept_and_lists_joined_in_order() -> None:
    form = SectionForm(SECTIONS["experience"])
    form.items = [
        _job(title="Buyer", bullets="One", skills="SAP, Excel", description="First part."),
        _job(title="Senior buyer", bullets="Two", skills="excel, Tableau", current="on",
             end="2020"),
    ]  # fmt: skip
    assert apply_action(form, "merge-0")
    merged = form.items[0]
    assert merged["title"] == "Buyer · Senior buyer"
    assert merged["bullets"] == "One\nTwo" and merged["skills"] == "SAP\nExcel\nTableau"
    assert merged["description"] == "First part." and merged["current"] == "on"
    assert merged["end"] == ""  # still going on


def test_the_last_row_has_nothing_to_merge_with() -> None:
    form = SectionForm(SECTIONS["education"])
    form.items = [{"id": "e1", "degree": "MSc"}]
    assert not apply_action(form, "merge-0")
    assert not apply_action(form, "merge-x")
    assert form.items == [{"id": "e1", "degree": "MSc"}]
