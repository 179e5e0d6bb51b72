"""A fetched offer page full of NULs and other control characters is stored without them, on
SQLite and PostgreSQL (whose text columns refuse U+0000: a 500 on the write). Served over real
HTTP: raw in the page, as character references, and escaped inside the page's JSON-LD."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import JobOffer
from app.lib.feeds.parse import parse_feed
from app.lib.url_fetch import FetchPolicy, fetch_url
from app.settings.service import update_setting
from tests.fakes import hostile_http as hostile
from tests.fixtures.live import browser

CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
DIRT = "\x00\x01\x07\x1b\x7f"
DESCRIPTION = (
    "We build parcel routing software in Lyon and need a backend engineer to grow it. "
    "You will design Python services, own their PostgreSQL schemas, review code and mentor "
    "two juniors. Five years of Python and SQL expected; Kubernetes is a plus."
)
POSTING = {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    "title": f"Backend{DIRT}Engineer",
    "hiringOrganization": {"@type": "Organization", "name": "Parcel\x00Express"},
    "jobLocation": {"@type": "Place", "address": {"addressLocality": "Lyon\x00"}},
    "description": DESCRIPTION.replace("Lyon", f"Ly{DIRT}on"),
    "skills": [f"Python{DIRT}", "SQL"],
}
SPOILED = DESCRIPTION.replace(" ", " \x00\x1b")
PAGE = (
    "<html><head><title>Backend\x00 Engineer</title>"
    f'<script type="application/ld+json">{json.dumps(POSTING)}</script></head>'
    f"<body><h1>Backend\x00Engineer&#0;&#1;</h1><p>{SPOILED}</p></body></html>"
)
PLAIN = f"Backend Engineer\r\nParcel\x00Express\r\n\r\n{DESCRIPTION}\x01\x02\tend\x0c\n"


@pytest.fixture(scope="module")
def pages() -> Iterator[hostile.Server]:
    routes = {
        "/page": hostile.text(PAGE, "text/html; charset=utf-8"),
        "/posting-only": hostile.text(PAGE.split("<body>")[0], "text/html"),
        "/plain": hostile.text(PLAIN, "text/plain; charset=utf-8"),
    }
    with hostile.serve("127.0.0.1", routes) as server:
        yield server


async def test_offers_from_hostile_pages_are_stored_clean(
    backend: str, live_server: str, db: AsyncSession, pages: hostile.Server
) -> None:
    await update_setting(db, "allow_private_offer_urls", "true")  # the test's local server
    await db.commit()
    http = await browser(live_server, "fetcher@example.com")
    try:
        for path in ("/page", "/posting-only", "/plain"):
            answer = await http.post(
                "/api/job-offers",
                json={"url": f"{pages.base}{path}"},
                headers={"x-csrftoken": http.cookies["csrftoken"]},
            )
            assert answer.status_code == 202, (path, answer.status_code, answer.text[:300])
    finally:
        await http.aclose()
    offers = list(await db.scalars(select(JobOffer)))
    assert len(offers) == 3
    for offer in offers:
        stored = [offer.description, offer.title, offer.company, offer.location, *offer.skills]
        assert not [value for value in stored if value and CONTROLS.search(value)], offer.source_url
        assert "Python services" in offer.description
    by_page = {offer.source_url.rsplit("/", 1)[1]: offer for offer in offers}
    assert by_page["page"].title == "BackendEngineer"
    assert by_page["page"].company == "ParcelExpress"
    assert "Lyon" in by_page["page"].description
    # Tabs and line breaks are text: kept (a CRLF read as one line break).
    assert by_page["plain"].description.startswith("Backend Engineer\nParcelExpress\n\n")
    assert "\tend" in by_page["plain"].description


async def test_the_fetcher_hands_over_text_without_controls(pages: hostile.Server) -> None:
    for path in ("/page", "/plain"):
        page = await fetch_url(f"{pages.base}{path}", policy=FetchPolicy(allow_private=True))
        assert not CONTROLS.search(page.text), path
    assert page.text.endswith("\tend\n")


def test_feed_entries_lose_the_controls_their_escapes_spell() -> None:
    """A JSON Feed (or an XML one) may escape what the fetcher removed from the raw text."""
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "items": [
            {
                "url": "https://jobs.example.com/1",
                "title": f"Backend{DIRT}Engineer",
                "content_text": "Python\u0000 and SQL",
                "authors": [{"name": "Parcel\u0000Express"}],
            }
        ],
    }
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Jobs</title><item>'
        "<title>Backend&#x1b;Engineer</title><link>https://jobs.example.com/2</link>"
        "<description>Python&amp;#0; and SQL</description></item></channel></rss>"
    )
    entries = [
        *parse_feed(json.dumps(feed), "application/feed+json", "https://jobs.example.com/").entries,
        *parse_feed(rss, "application/rss+xml", "https://jobs.example.com/").entries,
    ]
    assert len(entries) == 2
    for entry in entries:
        texts = (entry.url, entry.title, entry.summary, entry.company, entry.location)
        assert not [text for text in texts if CONTROLS.search(text)], entry
    assert entries[0].title == "BackendEngineer" and entries[0].company == "ParcelExpress"
