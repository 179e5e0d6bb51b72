"""The value of a ``datetime`` attribute: a date, or UTC to the second with a Z."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

from app.lib.html_time import html_datetime


def test_times_become_utc_to_the_second_and_dates_stay_dates() -> None:
    paris = timezone(timedelta(hours=2))
    assert html_datetime(datetime(2026, 5, 1, 11, 30, 5, 123456, tzinfo=paris)) == (
        "2026-05-01T09:30:05Z"
    )
    # SQLite hands back times without their zone: they were stored in UTC.
    assert html_datetime(datetime(2026, 5, 1, 9, 30, 5, 999999)) == "2026-05-01T09:30:05Z"
    assert html_datetime(datetime(2026, 5, 1, tzinfo=UTC)) == "2026-05-01T00:00:00Z"
    assert html_datetime(date(2026, 5, 1)) == "2026-05-01"
    assert html_datetime("2026-05-01T09:30:05.646000+00:00") == "2026-05-01T09:30:05Z"
    assert html_datetime(None) == "" and html_datetime("") == ""
