"""The tracker's insights and calendar pages (server-rendered, no script): the figures of
``insights.py`` as SVG charts beside tables of the same numbers, and the events of
``calendar_view.py`` as a month or a week, moved through by plain links."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

from babel.dates import format_date, get_day_names
from litestar import Controller, get
from litestar.params import FromQuery
from litestar.response import Template

from app.domain.applications import calendar_view, charts
from app.domain.applications.insights import Insights, insights
from app.lib.dependencies import Db, SignedIn
from app.lib.i18n import current_locale, gettext
from app.lib.labels import label

# Years a calendar address may ask for: enough for any job search, and never a date Python
# cannot step a month past.
YEARS = range(1970, 2201)


def _today() -> date:
    return datetime.now(UTC).date()  # the day the rest of the tracker calls today (view.py)


def _formatter(pattern: str) -> Callable[[date], str]:
    """A date in the reader's language (``pattern``: CLDR's, e.g. ``d MMM``)."""
    locale = current_locale.get()
    return lambda day: format_date(day, pattern, locale=locale)


def _capitalised(text: str) -> str:
    """French month names are lower case inside a sentence, capitalised as a title."""
    return text[:1].upper() + text[1:]


def week_points(weeks: list[tuple[date, int]]) -> list[charts.Point]:
    """One column a week: its Monday's day under it, the month under that where it changes."""
    long, month = _formatter("d MMMM y"), _formatter("MMM")
    points = []
    for index, (monday, count) in enumerate(weeks):
        changed = index == 0 or monday.month != weeks[index - 1][0].month
        name = gettext("Week of %(day)s", day=long(monday))
        points.append(charts.Point(name, count, str(monday.day), month(monday) if changed else ""))
    return points


def insights_context(found: Insights) -> dict[str, Any]:
    no_address = gettext("No address (pasted or typed)")
    return {
        "found": found,
        "long_date": _formatter("d MMMM y"),
        "no_address": no_address,
        "weeks_chart": charts.columns(week_points(found.weeks)),
        "sources_chart": charts.rows(
            [charts.Point(s.source or no_address, s.tracked) for s in found.sources]
        ),
        "stages_chart": charts.rows([charts.Point(label(status), n) for status, n in found.stages]),
    }


def _in_range(day: date | None) -> date | None:
    return day if day is not None and day.year in YEARS else None


def month_url(day: date) -> str:
    return f"/applications/calendar?month={day:%Y-%m}"


def week_url(day: date) -> str:
    return f"/applications/calendar?week={calendar_view.week_start(day).isoformat()}"


def calendar_context(
    view: str, anchor: date, shown: calendar_view.Period, today: date
) -> dict[str, Any]:
    locale = current_locale.get()
    wide, short = get_day_names("wide", locale=locale), get_day_names("abbreviated", locale=locale)
    url = month_url if view == calendar_view.MONTH else week_url
    if view == calendar_view.MONTH:
        caption = _capitalised(_formatter("LLLL y")(shown.start))
        # The week view opens on today's week when today is in this month, else on its first.
        week_anchor = today if shown.start <= today <= shown.end else shown.start
    else:
        caption = gettext("Week of %(day)s", day=_formatter("d MMMM y")(shown.start))
        week_anchor = shown.start
    return {
        "view": view,
        "period": shown,
        "caption": caption,
        "weekdays": [(_capitalised(short[i]), _capitalised(wide[i])) for i in range(7)],
        "long_date": _formatter("EEEE d MMMM"),
        "previous_url": url(shown.previous),
        "next_url": url(shown.next),
        "today_url": url(today),
        "month_url": month_url(anchor if view == calendar_view.MONTH else shown.start),
        "week_url": week_url(week_anchor),
    }


class TrackerViewPages(Controller):
    include_in_schema = False

    @get("/applications/insights")
    async def insights_page(self, user: SignedIn, db: Db) -> Template:
        found = await insights(db, user.id, _today())
        return Template("applications/insights.html", context=insights_context(found))

    @get("/applications/calendar")
    async def calendar_page(
        self, user: SignedIn, db: Db, month: FromQuery[str] = "", week: FromQuery[str] = ""
    ) -> Template:
        """``?month=2030-03`` (the default: this month) or ``?week=2030-03-11`` (any day of
        the week); an address out of range shows today's month or week."""
        today = _today()
        if week:
            view = calendar_view.WEEK
            anchor = _in_range(calendar_view.parse_day(week[:10])) or today
        else:
            view = calendar_view.MONTH
            anchor = _in_range(calendar_view.parse_month(month[:7])) or today
        shown = await calendar_view.calendar(db, user.id, view, anchor, today)
        return Template(
            "applications/calendar.html", context=calendar_context(view, anchor, shown, today)
        )
