"""Holes in the timeline: a removal that would leave more than six months unexplained becomes a
one-line entry; the oldest job can go without leaving a hole."""

from __future__ import annotations

from datetime import date

from app.lib.cv_content import Experience
from jobs.pipeline.core.schemas import Classification, ItemDecision
from jobs.pipeline.core.timeline import condense_for_gaps, hole_left, span

TODAY = date(2026, 11, 1)


def _exp(id_: str, start: str, end: str | None, current: bool = False) -> Experience:
    return Experience(id=id_, title=id_, company="Co", start=start, end=end, current=current)


RECENT = _exp("recent", "2021-03", None, current=True)
MIDDLE = _exp("middle", "2016-01", "2020-12")
OLDEST = _exp("oldest", "2010-01", "2015-12")


def test_span_counts_the_end_month_and_reads_ongoing_words() -> None:
    assert span(_exp("a", "2020-01", "2020-01"), TODAY) == (2020 * 12, 2020 * 12)
    assert span(_exp("b", "2020", "present"), TODAY) == (2020 * 12, 2026 * 12 + 10)
    assert span(_exp("c", "", "2020"), TODAY) is None


def test_removing_a_middle_job_leaves_a_hole_the_oldest_does_not() -> None:
    assert hole_left(MIDDLE, [RECENT, OLDEST], TODAY) == 62  # 2016-01 … 2021-02
    assert hole_left(OLDEST, [RECENT, MIDDLE], TODAY) == 0
    overlapped = _exp("overlap", "2016-01", "2021-06")
    assert hole_left(MIDDLE, [RECENT, OLDEST, overlapped], TODAY) == 0


def _decisions(**by_id: str) -> Classification:
    return Classification(
        experiences=[ItemDecision(id=k, decision=v, reason="") for k, v in by_id.items()]  # type: ignore[arg-type]
    )


def test_condense_only_what_would_leave_a_hole() -> None:
    source = [RECENT, MIDDLE, OLDEST]
    result, holes = condense_for_gaps(
        source, _decisions(recent="KEEP", middle="REMOVE", oldest="KEEP"), TODAY, "{months} m"
    )
    middle = result.experiences[1]
    assert (middle.decision, middle.reason) == ("CONDENSE", "62 m")
    assert holes == {"middle": 62}
    result, holes = condense_for_gaps(
        source, _decisions(recent="KEEP", middle="KEEP", oldest="REMOVE"), TODAY, "{months} m"
    )
    assert [d.decision for d in result.experiences] == ["KEEP", "KEEP", "REMOVE"] and not holes


def test_a_short_hole_is_not_worth_a_line() -> None:
    short = _exp("short", "2021-01", "2021-02")
    before = _exp("before", "2018-01", "2020-12")
    result, _ = condense_for_gaps(
        [RECENT, short, before],
        _decisions(recent="KEEP", short="REMOVE", before="KEEP"),
        TODAY,
        "{months}",
    )
    assert result.experiences[1].decision == "REMOVE"


def test_a_bare_year_ends_in_its_december_as_end_date_reads_it() -> None:
    assert span(_exp("y", "2015", "2019"), TODAY) == (2015 * 12, 2019 * 12 + 11)
    # 2015–2019 then 2020-01: removing a job of late 2019 leaves no hole between them.
    gone = _exp("gone", "2019-06", "2019-12")
    assert (
        hole_left(gone, [_exp("a", "2015", "2019"), _exp("b", "2020-01", None, True)], TODAY) == 0
    )
