"""The value of an HTML ``datetime`` attribute, in the one form the pages use.

``isoformat()`` writes microseconds (six digits, which the HTML standard refuses: at most three)
and, for the times SQLite hands back, no zone at all (a "local" time the reader cannot place).
A date stays a date; a time becomes UTC to the second with a ``Z``. Times stored without a zone
are UTC (the models write ``datetime.now(UTC)``; SQLite drops the zone).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo


def html_datetime(value: date | datetime | str | None) -> str:
    """``2026-05-01`` for a date, ``2026-05-01T09:30:00Z`` for a time, "" for nothing."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        value = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if not isinstance(value, datetime):
        return value.isoformat()
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# Appointments read from a message (an interview) are shown in the wall-clock time they were
# written in; the app has no per-user zone yet, so Paris, its first audience's (the mail reader
# assumes it too: app/domain/mailbox/classify.py).
WALL_CLOCK_ZONE = ZoneInfo("Europe/Paris")


def wall_clock(moment: datetime | None) -> str:
    """``2026-12-03 14:30`` in ``WALL_CLOCK_ZONE``; "" for nothing (a zone-less time is UTC)."""
    if moment is None:
        return ""
    return local_time(moment).strftime("%Y-%m-%d %H:%M")


def local_time(moment: datetime) -> datetime:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return aware.astimezone(WALL_CLOCK_ZONE)
