"""The tracker's insights and calendar pages over HTTP, for an account holding the six
applications of tests/fixtures/tracker_history.py: the figures the page prints (overview,
tables, the charts' own text) against the ones worked out by hand; the calendar's month and
week, today marked, each event a link to its application, prev/next links; French dates;
another account sees none of it; the board links both pages."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from html import unescape
from pathlib import Path

from babel.dates import format_date
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.applications.insights import week_start
from tests.conftest import register
from tests.fixtures.tracker_history import EXPECTED, save
from tests.integration.test_html_validity import page_problems

Client = AsyncTestClient[Litestar]
ENGLISH = {"accept-language": "en"}
FRENCH = {"accept-language": "fr"}


def section(page: str, section_id: str) -> str:
    start = page.index(f'id="{section_id}"')
    return page[start : page.index("</section>", start)]


def cells(html: str) -> list[list[str]]:
    """Each body row of the first table in ``html``: its cells' text."""
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return [
        [
            unescape(re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S)
        ]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", body, re.S)
    ]


def figure(page: str, name: str) -> str:
    found = re.search(rf'data-figure="{name}">(.*?)</dd>', page, re.S)
    assert found, name
    return unescape(re.sub(r"<[^>]+>", "", found.group(1))).replace("\xa0", " ").strip()


async def test_insights_print_the_fixtures_figures(
    client: Client, db: AsyncSession, backend: str
) -> None:
    me = await register(client, "insights@example.com")
    today = datetime.now(UTC).date()
    monday = week_start(today)
    ids = await save(db, me["id"], monday)
    page = (await client.get("/applications/insights", headers=ENGLISH)).text
    assert figure(page, "tracked") == "6" and figure(page, "sent") == "5"
    assert figure(page, "response-rate").startswith("80 % answered")
    assert "4 of 5 sent" in figure(page, "response-rate")
    assert figure(page, "interview-rate").startswith("60 % reached an interview")
    assert figure(page, "days-to-answer").startswith("7 days")

    weeks = cells(section(page, "insights-weeks"))
    assert len(weeks) == 12
    assert weeks[-1][0] == format_date(monday, "d MMMM y", locale="en")
    expected = {11 - back: count for back, count in EXPECTED["weeks"].items()}
    assert [int(count) for _, count in weeks] == [expected.get(i, 0) for i in range(12)]
    sources = cells(section(page, "insights-sources"))
    shown = [(name, int(a), int(b), int(c)) for name, a, b, c in sources]
    assert shown == [
        (name or "No address (pasted or typed)", *counts) for name, *counts in EXPECTED["sources"]
    ]
    stages = {name: int(count) for name, count in cells(section(page, "insights-stages"))}
    assert stages == {
        "To apply": 1,
        "Applied": 1,
        "Interview": 1,
        "Offer received": 1,
        "Rejected": 1,
        "Hired": 1,
    }
    sent = cells(section(page, "insights-sent"))
    assert [row[1].split(":")[0] for row in sent] == ["CV", "Cover letter", "CV"]
    assert sent[0][2] == "Data Engineer — Beta"
    links = re.findall(r'href="/applications/([^"#]+)#documents"', section(page, "insights-sent"))
    assert links == [ids["B"], ids["A"], ids["A"]]

    # Each chart is one image named and described with the numbers of the table beside it.
    weeks_chart = section(page, "insights-weeks")
    assert (
        'role="img"' in weeks_chart
        and 'aria-labelledby="chart-weeks-title chart-weeks-desc"' in weeks_chart
    )
    desc = re.search(r'<desc id="chart-weeks-desc">(.*?)</desc>', weeks_chart, re.S)
    assert desc and [int(n) for n in re.findall(r": (\d+)", desc.group(1))] == [
        expected.get(i, 0) for i in range(12)
    ]
    assert weeks_chart.count('class="chart-bar"') == len(EXPECTED["weeks"])  # no empty bar
    stages_chart = section(page, "insights-stages")
    assert '<title id="chart-stages-title">Applications by stage</title>' in stages_chart

    french = (await client.get("/applications/insights", headers=FRENCH)).text
    assert '<html lang="fr">' in french
    assert format_date(monday, "d MMMM y", locale="fr") in french
    assert "Entretien" in section(french, "insights-stages")


async def test_calendar_month_and_week_link_each_event(
    client: Client, db: AsyncSession, backend: str
) -> None:
    me = await register(client, "calendar@example.com")
    today = datetime.now(UTC).date()
    monday = week_start(today)
    ids = await save(db, me["id"], monday)

    page = (await client.get("/applications/calendar", headers=ENGLISH)).text
    assert f'aria-current="date" data-day="{today.isoformat()}"' in page
    assert page.count('aria-current="date" data-day=') == 1
    assert format_date(today, "LLLL y", locale="en") in page
    next_month = (today.replace(day=1) + timedelta(days=32)).replace(day=1)
    assert f'href="/applications/calendar?month={next_month:%Y-%m}" rel="next"' in page

    # The week after this one: D's follow-up, then its offer's deadline, each a link.
    week = (monday + timedelta(days=7)).isoformat()
    page = (await client.get(f"/applications/calendar?week={week}", headers=ENGLISH)).text
    rows = cells(page[page.index('data-testid="calendar"') :])
    assert len(rows) == 7 and rows[0][0].startswith(
        format_date(monday + timedelta(7), "EEEE d MMMM", locale="en")
    )
    events = re.findall(
        r'<li class="calendar-event ([a-z -]+)">\s*<a href="/applications/([^"]+)">', page
    )
    assert events == [("follow-up", ids["D"]), ("deadline", ids["D"])]
    assert f'href="/applications/calendar?week={monday.isoformat()}" rel="prev"' in page
    assert 'aria-current="date"' not in page.split("<tbody>", 1)[1]  # today is not in that week

    # The week before: A's move to interview, and E's follow-up, overdue.
    last_week = monday - timedelta(days=7)
    page = (await client.get(f"/applications/calendar?week={last_week}", headers=ENGLISH)).text
    events = re.findall(
        r'<li class="calendar-event ([a-z -]+)">\s*<a href="/applications/([^"]+)">', page
    )
    assert events == [("interview", ids["A"]), ("follow-up overdue", ids["E"])]
    assert "Follow-up (overdue):" in page

    # The month of F's move to interview, in French; a bad address shows this month.
    moved = monday - timedelta(days=62)
    french = await client.get(f"/applications/calendar?month={moved:%Y-%m}", headers=FRENCH)
    assert format_date(moved, "LLLL y", locale="fr").capitalize() in french.text
    assert f'href="/applications/{ids["F"]}"' in french.text
    for bad in ("abc", "99999-01", "2030-13"):
        shown = await client.get(f"/applications/calendar?month={bad}", headers=ENGLISH)
        assert shown.status_code == 200 and f'data-day="{today.isoformat()}"' in shown.text


async def test_board_links_both_pages_and_another_account_sees_nothing(
    client: Client, another_client: object, db: AsyncSession
) -> None:
    me = await register(client, "mine@example.com")
    await save(db, me["id"], week_start(date.today()))
    board = (await client.get("/applications", headers=ENGLISH)).text
    assert 'href="/applications/insights"' in board and 'href="/applications/calendar"' in board
    assert "Interview rate" in board
    async with another_client() as other:  # type: ignore[operator]
        await register(other, "other@example.com")
        page = (await other.get("/applications/insights", headers=ENGLISH)).text
        assert figure(page, "tracked") == "0" and "Nothing sent yet." in page
        calendar = (await other.get("/applications/calendar?week=" + date.today().isoformat())).text
        assert "calendar-event" not in calendar


async def test_pages_with_events_are_valid_html(
    client: Client, db: AsyncSession, tmp_path: Path
) -> None:
    """The HTML checks of the main pages (the Nu checker, strict html5lib, our own rules), on
    the insights and on a calendar that shows events (the page tour's account has none)."""
    me = await register(client, "valid-calendar@example.com")
    monday = week_start(datetime.now(UTC).date())
    await save(db, me["id"], monday)
    last_week = monday - timedelta(days=7)
    pages = {
        "insights": "/applications/insights",
        "month": f"/applications/calendar?month={last_week:%Y-%m}",
        "week": f"/applications/calendar?week={last_week}",
    }
    found = await page_problems(client, pages, tmp_path)
    assert not found, found
