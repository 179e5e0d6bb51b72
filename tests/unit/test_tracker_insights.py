"""The tracker's insights and calendar computed from a fixture of six applications with a known
history (tests/fixtures/tracker_history.py): every figure against the one worked out by hand;
the chart geometry; the month and week grids; and the deadlines read from an offer's text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from app.domain.applications import calendar_view, charts
from app.domain.applications.deadlines import find_deadline
from app.domain.applications.insights import per_week, source_of, summarise, week_start
from tests.fixtures.tracker_history import EXPECTED, build

MONDAY = date(2030, 3, 18)
TODAY = MONDAY + timedelta(days=2)


def test_figures_match_the_fixture() -> None:
    tracked, moves, documents = build(MONDAY)
    found = summarise(tracked, moves, documents, TODAY)
    stats = found.stats
    assert found.tracked == EXPECTED["tracked"]
    assert (stats.sent, stats.replied, stats.interviewed) == (
        EXPECTED["sent"],
        EXPECTED["replied"],
        EXPECTED["interviewed"],
    )
    assert stats.reply_rate == pytest.approx(EXPECTED["reply_rate"])
    assert stats.interview_rate == pytest.approx(EXPECTED["interview_rate"])
    assert stats.median_days_to_reply == EXPECTED["median_days_to_reply"]
    assert [monday for monday, _ in found.weeks] == [
        MONDAY - timedelta(weeks=n) for n in range(11, -1, -1)
    ]
    assert {
        (MONDAY - monday).days // 7: count for monday, count in found.weeks if count
    } == EXPECTED["weeks"]
    assert sum(count for _, count in found.weeks) == stats.sent
    assert [(s.source, s.tracked, s.sent, s.replied) for s in found.sources] == EXPECTED["sources"]
    assert dict(found.stages) == EXPECTED["stages"]
    assert found.stages[0][0] == "to_apply"  # the board's order
    assert [(row.application_id.removeprefix("app-"), row.kind) for row in found.sent] == (
        EXPECTED["sent_order"]
    )
    assert found.sent[0].title == "Data Engineer" and found.sent[0].company == "Beta"


def test_nothing_tracked_gives_empty_figures() -> None:
    found = summarise([], {}, [], TODAY)
    assert found.tracked == 0 and found.stats.reply_rate is None
    assert found.stats.interview_rate is None and found.stats.median_days_to_reply is None
    assert len(found.weeks) == 12 and not any(count for _, count in found.weeks)
    assert found.sources == [] and found.sent == []


def test_weeks_and_sources() -> None:
    assert week_start(date(2030, 3, 24)) == date(2030, 3, 18)  # a Sunday ends its week
    counted = per_week([date(2030, 3, 18), date(2030, 3, 24), date(2029, 1, 1)], TODAY, weeks=2)
    assert counted == [(date(2030, 3, 11), 0), (date(2030, 3, 18), 2)]
    assert source_of("https://WWW.Example.COM/jobs?id=1") == "example.com"
    assert source_of("javascript:alert(1)") == "" and source_of(None) == ""


def test_calendar_events_and_the_month_grid() -> None:
    tracked, moves, _ = build(MONDAY)
    found = calendar_view.events(tracked, moves, TODAY)
    assert [((e.day - MONDAY).days, e.kind, e.application_id[-1]) for e in found] == (
        EXPECTED["events"]
    )
    assert [e.overdue for e in found if e.kind == "follow_up"] == [True, False]
    month = calendar_view.period("month", MONDAY, found, TODAY)
    assert (month.start, month.end) == (date(2030, 3, 1), date(2030, 3, 31))
    assert month.weeks[0][0].day == date(2030, 2, 25)  # the Monday before the 1st
    assert month.weeks[-1][-1].day == date(2030, 3, 31)
    assert all(len(week) == 7 for week in month.weeks) and len(month.weeks) == 5
    [today] = [d for week in month.weeks for d in week if d.today]
    assert today.day == TODAY and today.in_period
    assert len(month.days) == 31
    assert month.event_count == 4  # A's interview, E's and D's follow-ups, D's deadline
    assert (month.previous, month.next) == (date(2030, 2, 1), date(2030, 4, 1))
    week = calendar_view.period("week", TODAY + timedelta(days=7), found, TODAY)
    assert [d.day for d in week.days] == [MONDAY + timedelta(days=7 + n) for n in range(7)]
    assert [(e.kind, e.title) for d in week.days for e in d.events] == [
        ("follow_up", "SRE"),
        ("deadline", "SRE"),
    ]
    assert (week.previous, week.next) == (MONDAY, MONDAY + timedelta(days=14))
    assert calendar_view.period("month", date(2030, 12, 5), [], TODAY).next == date(2031, 1, 1)


def test_addresses_out_of_shape_are_refused() -> None:
    assert calendar_view.parse_month("2030-03") == date(2030, 3, 1)
    for bad in ("2030-13", "march", "2030", "", "2030-03-01-02"):
        assert calendar_view.parse_month(bad) is None, bad
    assert calendar_view.parse_day("2030-03-20") == date(2030, 3, 20)
    assert calendar_view.parse_day("2030-02-30") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Date limite de candidature : 15/03/2030", date(2030, 3, 15)),
        ("Candidatures jusqu’au 1er avril", date(2030, 4, 1)),
        ("Envoyez votre CV au plus tard le lundi 4 mars 2030.", date(2030, 3, 4)),
        ("Apply by March 15, 2030", date(2030, 3, 15)),
        ("Closing date: 15 March 2030", date(2030, 3, 15)),
        ("Applications close on Friday, 12 April", date(2030, 4, 12)),
        ("Deadline: 2030-04-02", date(2030, 4, 2)),
        ("Deadline 03/25/2030", date(2030, 3, 25)),  # the day cannot come first
        ("Poste à pourvoir le 1er avril 2030", None),  # a start date, not a deadline
        ("Salaire 45 000 € au 12/05/2030", None),
        ("Deadline-driven team, 10 years of experience", None),
        ("Date limite : 31/02/2030", None),  # no such day
        ("Deadline: 1 March 2040", None),  # too far from the day the offer was added
    ],
)
def test_deadlines_read_from_the_offer_text(text: str, expected: date | None) -> None:
    assert find_deadline(text, date(2030, 3, 1)) == expected


def test_chart_geometry_scales_to_the_largest_value() -> None:
    chart = charts.columns([charts.Point(n, v) for n, v in (("a", 0), ("b", 4), ("c", 2))])
    assert chart.bars[0].height == 0
    assert chart.bars[1].height == pytest.approx(2 * chart.bars[2].height)
    assert chart.bars[1].y + chart.bars[1].height == pytest.approx(chart.baseline)
    assert all(bar.x >= 0 and bar.x + bar.width <= chart.width for bar in chart.bars)
    assert chart.total == 6
    rows = charts.rows([charts.Point("x" * 80, 3), charts.Point("short", 1)])
    assert rows.bars[0].label.endswith("…") and len(rows.bars[0].label) == charts.LABEL_CHARS
    assert rows.bars[0].name == "x" * 80  # whole in the description
    assert rows.bars[0].value_x <= rows.width - 20  # room for the number
    assert charts.columns([]).total == 0
