"""The tracker's statistics from a history of moves: counts per status, the response rate
(applications sent that reached an interview or beyond) and the median days per status."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from app.db.models import ApplicationStatusChange
from app.domain.applications.stats import compute

START = datetime(2030, 1, 1, tzinfo=UTC)


def moves(*steps: tuple[str, int]) -> list[ApplicationStatusChange]:
    """``(status, day)`` pairs: the application entered ``status`` on that day."""
    history, previous = [], None
    for status, day in steps:
        history.append(
            ApplicationStatusChange(
                from_status=previous, to_status=status, at=START + timedelta(days=day)
            )
        )
        previous = status
    return history


def test_counts_response_rate_and_median_days() -> None:
    histories = {
        "a": moves(("to_apply", 0), ("applied", 2), ("interview", 12), ("hired", 30)),
        "b": moves(("to_apply", 0), ("applied", 4), ("rejected", 8)),
        "c": moves(("to_apply", 0), ("applied", 6)),
        "d": moves(("to_apply", 0)),  # never sent: not in the response rate
    }
    stats = compute(["hired", "rejected", "applied", "to_apply"], histories)
    assert stats.per_status == {
        "to_apply": 1,
        "applied": 1,
        "interview": 0,
        "offer": 0,
        "rejected": 1,
        "hired": 1,
    }
    assert stats.response_rate == 1 / 3
    # to_apply: 2, 4, 6 days → 4; applied: 10 and 4 days → 7; interview: 18 days.
    assert stats.median_days == {"to_apply": 4.0, "applied": 7.0, "interview": 18.0}


def test_no_application_sent_yet() -> None:
    stats = compute([], {})
    assert stats.response_rate is None and stats.median_days == {}
    assert set(stats.per_status.values()) == {0}
