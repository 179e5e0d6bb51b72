"""The experience line-role labeller: roles read off jobs, line features, and the labeller's
interface (app/lib/parsing/fields/line_roles.py). Invented names and lines only."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.lib.parsing.fields import line_roles
from app.lib.parsing.fields.line_role_features import (
    ROLES,
    JobKeys,
    find_blocks,
    job_found_anywhere,
    line_features,
    roles_from_blocks,
)
from app.lib.parsing.fields.line_roles import (
    LineRole,
    job_keys,
    label_lines,
    nonblank,
    rules_roles,
)
from app.lib.styled_text import StyledText

SECTION = [
    "Pastry Chef",
    "Brindlewood Bakery, Vellmoor",
    "March 2019 – June 2022",
    "• Baked the morning bread for three shops",
    "• Trained two apprentices",
    "Junior Baker\tJan 2016 – Feb 2019",
    "Quillfern Mill",
    "• Ran the night oven",
]
JOBS = [
    job_keys("Pastry Chef", "Brindlewood Bakery", "Vellmoor", "2019-03", "2022-06"),
    job_keys("Junior Baker", "Quillfern Mill", "", "2016-01", "2019-02"),
]


def test_roles_come_from_where_each_job_is_written() -> None:
    assert rules_roles(SECTION, JOBS) == [
        "START", "EMPLOYER", "DATES", "DESC", "DESC", "START", "EMPLOYER", "DESC",
    ]  # fmt: skip


def test_lines_before_the_first_job_are_noise() -> None:
    lines = ["References on request", *SECTION]
    assert rules_roles(lines, JOBS)[:2] == ["NOISE", "START"]


def test_a_job_without_its_dates_nearby_is_not_found() -> None:
    far = JobKeys(("Pastry Chef",), (), (), ("2031",))
    assert find_blocks(SECTION, [far]) == [None]
    assert job_found_anywhere(SECTION, far)
    assert not job_found_anywhere(SECTION, JobKeys(("Glassblower",), (), (), ()))


def test_a_second_role_does_not_take_the_employer_line_of_the_first() -> None:
    lines = ["Ostrel Freight", "Dispatcher 2018 – 2020", "Clerk 2016 – 2018", "• Filed"]
    jobs = [
        job_keys("Dispatcher", "Ostrel Freight", "", "2018", "2020"),
        job_keys("Clerk", "Ostrel Freight", "", "2016", "2018"),
    ]
    assert rules_roles(lines, jobs) == ["START", "TITLE", "START", "DESC"]


def test_the_title_wins_on_a_line_holding_several_fields() -> None:
    block = {"title": 1, "company": 1, "date": 2}
    assert roles_from_blocks(4, [block]) == ["NOISE", "START", "DATES", "DESC"]
    assert roles_from_blocks(3, [{"title": 1, "company": 0, "date": 1}]) == [
        "START", "TITLE", "DESC",
    ]  # fmt: skip


def test_nonblank_keeps_which_lines_follow_a_gap() -> None:
    lines, after = nonblank(["A", "", "  ", "B", "C"])
    assert lines == ["A", "B", "C"]
    assert after == [False, True, False]


def test_features_read_the_line_shape() -> None:
    feats = line_features(
        ["• Ran the night oven.", "Junior Baker | Quillfern Mill", "Jan 2016 – Feb 2019"]
    )
    bullet, heading, dates = feats
    assert bullet["bullet"] and bullet["end_period"]
    assert heading["sep_pipe"] and not heading["bullet"]
    assert dates["range"] and dates["only_dates"] and dates["years"] == "2"
    assert heading["-1:bullet"] and heading["+1:range"]
    assert bullet["-1:edge"] and dates["+1:edge"]


def test_features_carry_the_rules_reading_and_whether_an_entry_was_opened() -> None:
    feats = line_features(["Intro line", "Pastry Chef 2019", "• Baked"], ["NOISE", "START", "DESC"])
    assert [f["rules"] for f in feats] == ["NOISE", "START", "DESC"]
    assert [f["rules_opened"] for f in feats] == [False, True, True]
    assert feats[2]["-1:rules"] == "START"


def test_features_read_weight_and_size_when_the_reader_gives_them() -> None:
    body = {"size": 10.0, "bold": False, "colour": "0.00"}
    lines = [
        StyledText("Pastry Chef", [{"size": 12.0, "bold": True, "colour": "0.00"}]),
        StyledText("Baked bread", [body]),
        StyledText("Sold bread", [body]),
    ]
    feats = line_features(lines)
    assert feats[0]["bold"] is True and feats[0]["size"] == "big"
    assert feats[1]["size"] == "same"
    assert "bold" not in line_features(["Pastry Chef"])[0]  # pasted text has no style


class FakeTagger:
    """Labels a dated line START, every other line DESC, sure of each."""

    def tag(self, features: list[dict[str, object]]) -> list[str]:
        return ["START" if f["range"] else "DESC" for f in features]

    def marginal(self, label: str, index: int) -> float:
        return 0.9


def test_label_lines_returns_one_role_per_line() -> None:
    lines = ["Jan 2016 – Feb 2019 Junior Baker", "• Ran the night oven"]
    labelled = label_lines(lines, ["START", "DESC"], tagger=FakeTagger())
    assert labelled == [
        LineRole(lines[0], "START", 0.9),
        LineRole(lines[1], "DESC", 0.9),
    ]
    assert all(r.role in ROLES for r in labelled)


def test_no_model_means_no_opinion(monkeypatch: pytest.MonkeyPatch) -> None:
    line_roles._tagger.cache_clear()
    monkeypatch.setattr(line_roles, "MODEL_PATH", Path("/nonexistent/model.crfsuite"))
    assert line_roles._tagger(str(line_roles.MODEL_PATH)) is None
    line_roles._tagger.cache_clear()
    assert label_lines([], []) == []


@pytest.mark.skipif(not line_roles.available(), reason="no model file or python-crfsuite")
def test_the_committed_model_labels_a_synthetic_section() -> None:
    lines, after = nonblank(SECTION)
    labelled = label_lines(lines, rules_roles(lines, JOBS), after)
    assert labelled[0].role == "START"
    assert all(0.0 <= r.confidence <= 1.0 for r in labelled)
    assert [r.text for r in labelled] == lines
