"""A cut-off JSON answer keeps what it finished (``app/lib/llm/structured.salvage_truncated``)."""

from __future__ import annotations

from pydantic import BaseModel

from app.lib.llm.structured import salvage_truncated


class Item(BaseModel):
    id: str
    bullets: list[str]


class Items(BaseModel):
    items: list[Item]
    note: str = ""


def test_the_unfinished_last_element_goes_the_finished_ones_stay() -> None:
    text = '{"items": [{"id": "a", "bullets": ["x"]}, {"id": "b", "bullets": ["y", "z z z'
    salvaged = salvage_truncated(Items, text)
    assert salvaged is not None
    assert [(i.id, i.bullets) for i in salvaged.items] == [("a", ["x"]), ("b", ["y"])]


def test_an_element_missing_a_required_field_is_dropped_not_invented() -> None:
    text = '{"items": [{"id": "a", "bullets": []}, {"id": "b", "bull'
    salvaged = salvage_truncated(Items, text)
    assert salvaged is not None
    assert [i.id for i in salvaged.items] == ["a"]


def test_a_cut_inside_the_first_element_salvages_nothing() -> None:
    assert salvage_truncated(Items, '{"items": [{"id": "a", "bul') is None


def test_no_json_or_a_cut_before_any_required_field() -> None:
    assert salvage_truncated(Items, "I will now write the JSON") is None
    assert salvage_truncated(Items, '{"ite') is None
    assert salvage_truncated(Items, None) is None


def test_only_the_last_branch_is_trimmed() -> None:
    # An invalid element that is not where the answer was cut is a real error, not a cut.
    text = '{"items": [{"id": 3, "bullets": []}, {"id": "b", "bullets": ["y"]}, {"id": "c'
    assert salvage_truncated(Items, text) is None


class Summary(BaseModel):
    summary: str = ""


def test_a_field_cut_outside_any_list_is_not_salvaged_into_its_default() -> None:
    # An empty summary is not "what the answer finished": the caller asks again.
    assert salvage_truncated(Summary, '{"summary": "Backend engineer with eig') is None
