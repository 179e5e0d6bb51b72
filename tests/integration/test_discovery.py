"""Discovery against loopback feed servers: RSS, Atom, JSON Feed and an HTML listing filed in
the inbox; malformed, 20 MB, silent and private-redirecting feeds logged as errors; one item
for one offer in two feeds; ETag honoured (304 → no work); red flags; the TTL; the scheduler.

The admin setting allowing private URLs is what lets these runs reach 127.0.0.1; it is off by
default (one test keeps it off and sees the source refused).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import ipaddress
import itertools
import json
from collections.abc import AsyncIterator
from datetime import UTC, timedelta
from typing import Any

import pytest
from redis.asyncio import Redis
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.db.models import JobOffer, User
from app.db.models.base import utcnow
from app.db.models.job_search import FeedSource, InboxItem, SavedSearch
from app.domain.inbox import view
from app.domain.inbox.cleanup import delete_expired
from app.domain.inbox.discovery import claim_due_searches
from app.domain.inbox.scoring import RED_FLAG_REASON
from app.domain.offers.intake import offer_from_url
from app.events import JOB_DISCOVERED
from app.lib import i18n
from app.lib.events import user_channel
from app.lib.feeds import FEED_ERRORS
from app.lib.url_fetch import MESSAGES, FetchPolicy, UrlFetchError, fetch_feed
from app.settings.service import update_setting
from jobs.discovery.run import run_search
from tests.factories import source_cv

HUGE = 20 * 1024 * 1024


def offer_page(n: int, title: str, extra: str = "") -> str:
    return (
        f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1>"
        f"<p>Offer number {n}. Acme Logistics is hiring in Lyon. {extra}</p>"
        "<p>You will build Python services and APIs with PostgreSQL and Redis, review code, "
        "and mentor colleagues. Permanent contract, hybrid work.</p>"
        "<h2>Requirements</h2><ul><li>Python and PostgreSQL</li></ul></main></body></html>"
    )


class FeedServer:
    """Routes: path → (content type, body, etag or None); plus /hang, /huge, /go?to=…"""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[str, str, str | None]] = {}
        self.modified: dict[str, str] = {}  # path → its Last-Modified (If-Modified-Since → 304)
        self.hits: list[str] = []
        self.headers: list[dict[str, str]] = []  # each request's headers, in order of the hits
        self.spans: list[tuple[str, float, float]] = []  # (target, start, end): loop time
        self.answer_after = 0.0  # seconds each routed answer takes (politeness test)
        self.port = 0
        self._server: asyncio.Server | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def __aenter__(self) -> FeedServer:
        self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
        self.port = self._server.sockets[0].getsockname()[1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        assert self._server is not None
        self._server.close()

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            line = (await reader.readline()).decode("latin-1")
            headers = {}
            while (raw := await reader.readline()) not in (b"\r\n", b"\n", b""):
                name, _, value = raw.decode("latin-1").partition(":")
                headers[name.strip().lower()] = value.strip()
            target = line.split(" ")[1]
            self.hits.append(target)
            self.headers.append(headers)
            start = asyncio.get_running_loop().time()
            await self._respond(writer, target, headers)
            self.spans.append((target, start, asyncio.get_running_loop().time()))
        except (ConnectionError, asyncio.CancelledError):
            pass
        finally:
            with contextlib.suppress(Exception):
                writer.close()

    async def _respond(
        self, writer: asyncio.StreamWriter, target: str, headers: dict[str, str]
    ) -> None:
        path = target.split("?")[0]
        if path == "/hang":
            await asyncio.sleep(60)
            return
        if path == "/huge":
            writer.write(
                b"HTTP/1.1 200 OK\r\ncontent-type: application/rss+xml\r\n"
                b"transfer-encoding: chunked\r\n\r\n"
            )
            chunk = b"<!--" + b"x" * 65536 + b"-->"
            for _ in range(HUGE // len(chunk) + 2):
                writer.write(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                await writer.drain()
            writer.write(b"0\r\n\r\n")
            return
        if path == "/go":
            location = target.split("to=", 1)[1]
            writer.write(
                f"HTTP/1.1 302 Found\r\nlocation: {location}\r\ncontent-length: 0\r\n\r\n".encode()
            )
            return
        if path not in self.routes:
            writer.write(b"HTTP/1.1 404 Not Found\r\ncontent-length: 0\r\n\r\n")
            return
        content_type, body, etag = self.routes[path]
        if self.answer_after:
            await asyncio.sleep(self.answer_after)
        if etag and headers.get("if-none-match") == etag:
            writer.write(f"HTTP/1.1 304 Not Modified\r\netag: {etag}\r\n\r\n".encode())
            return
        modified = self.modified.get(path)
        if modified and headers.get("if-modified-since") == modified:
            writer.write(b"HTTP/1.1 304 Not Modified\r\n\r\n")  # no validator repeated
            return
        data = body.encode()
        head = f"HTTP/1.1 200 OK\r\ncontent-type: {content_type}\r\ncontent-length: {len(data)}\r\n"
        head += f"etag: {etag}\r\n" if etag else ""
        head += f"last-modified: {modified}\r\n" if modified else ""
        writer.write(head.encode() + b"\r\n" + data)
        await writer.drain()


@pytest.fixture
async def server() -> AsyncIterator[FeedServer]:
    async with FeedServer() as feed_server:
        yield feed_server


def rss(server: FeedServer, paths: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<item><title>{title}</title><link>{server.url}{path}</link>"
        f"<description>{title} summary</description></item>"
        for path, title in paths
    )
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )


def atom(server: FeedServer, paths: list[tuple[str, str]]) -> str:
    entries = "".join(
        f'<entry><title>{t}</title><link href="{server.url}{p}"/><id>{p}</id>'
        "<updated>2025-01-01T00:00:00Z</updated></entry>"
        for p, t in paths
    )
    return f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>{entries}</feed>'


def json_feed(server: FeedServer, paths: list[tuple[str, str]]) -> str:
    items = [{"id": p, "url": f"{server.url}{p}", "title": t} for p, t in paths]
    return json.dumps({"version": "https://jsonfeed.org/version/1.1", "title": "t", "items": items})


def listing(paths: list[tuple[str, str]]) -> str:
    links = "".join(f'<li><a href="{p}">{t}</a></li>' for p, t in paths)
    return f"<html><body><nav><a href='/about'>About</a></nav><ul>{links}</ul></body></html>"


def add_offers(
    server: FeedServer, first: int, count: int, extra: str = ""
) -> list[tuple[str, str]]:
    paths = []
    for n in range(first, first + count):
        title = f"Python developer {n}"
        server.routes[f"/jobs/{n}-python"] = (
            "text/html; charset=utf-8",
            offer_page(n, title, extra),
            None,
        )
        paths.append((f"/jobs/{n}-python", title))
    return paths


async def make_search(
    db: AsyncSession, email: str, urls: list[str], **fields: Any
) -> tuple[str, str]:
    user = User(email=email, password_hash="x")
    db.add(user)
    await db.flush()
    fields.setdefault("keywords", ["python"])
    search = SavedSearch(user_id=user.id, name="Python", **fields)
    db.add(search)
    await db.flush()
    for url in urls:
        db.add(FeedSource(search_id=search.id, url=url))
    await db.commit()
    return user.id, search.id


def ctx_for(redis: Redis, factory: async_sessionmaker[AsyncSession]) -> dict[str, Any]:
    return {
        "redis": redis,
        "session_factory": factory,
        "discovery_host_delay_s": 0.0,
        "discovery_timeout_s": 1.0,
    }


async def allow_private(db: AsyncSession, on: bool = True) -> None:
    await update_setting(db, "allow_private_offer_urls", "true" if on else "false")
    await db.commit()


async def sources(db: AsyncSession, search_id: str) -> dict[str, FeedSource]:
    rows = await db.scalars(select(FeedSource).where(FeedSource.search_id == search_id))
    found = {s.url.rsplit("/", 1)[-1]: s for s in rows}
    db.expunge_all()  # read as they are now; the rollback ends the read
    await db.rollback()
    return found


async def items(db: AsyncSession, user_id: str) -> list[InboxItem]:
    rows = list(
        await db.scalars(
            select(InboxItem).where(InboxItem.user_id == user_id).order_by(InboxItem.title)
        )
    )
    db.expunge_all()
    await db.rollback()
    return rows


async def test_rss_atom_json_feed_and_listing_fill_the_inbox(
    db: AsyncSession, redis: Redis, session_factory: Any, server: FeedServer
) -> None:
    await allow_private(db)
    server.routes["/feed.rss"] = (
        "application/rss+xml",
        rss(server, add_offers(server, 1, 2)),
        None,
    )
    server.routes["/feed.atom"] = (
        "application/atom+xml",
        atom(server, add_offers(server, 3, 2)),
        None,
    )
    server.routes["/feed.json"] = (
        "application/feed+json",
        json_feed(server, add_offers(server, 5, 2)),
        None,
    )
    server.routes["/jobs"] = ("text/html", listing(add_offers(server, 7, 2)), None)
    names = ["feed.rss", "feed.atom", "feed.json", "jobs"]
    user_id, search_id = await make_search(
        db, "feeds@example.com", [f"{server.url}/{n}" for n in names]
    )
    pubsub = redis.pubsub()
    await pubsub.subscribe(user_channel(user_id))
    result = await run_search(ctx_for(redis, session_factory), search_id)
    assert result["new"] == 8 and result["pending"] == 8
    found = await items(db, user_id)
    assert sorted(i.title for i in found) == sorted(f"Python developer {n}" for n in range(1, 9))
    assert all("Acme Logistics is hiring" in i.text and i.status == "pending" for i in found)
    assert all(i.score > 0 and i.remote == "hybrid" for i in found)
    logged = await sources(db, search_id)
    assert {n: logged[n].kind for n in names} == {
        "feed.rss": "rss",
        "feed.atom": "atom",
        "feed.json": "json",
        "jobs": "html",
    }
    assert all(
        s.last_status == "ok" and s.items_found == 2 and s.new_items == 2 for s in logged.values()
    )
    message = None
    for _ in range(50):
        message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.1)
        if message and JOB_DISCOVERED.encode() in message["data"]:
            break
    assert message is not None and b'"count": 8' in message["data"].replace(
        b'"count":8', b'"count": 8'
    )
    await pubsub.aclose()


async def test_same_offer_in_two_feeds_is_one_item_and_etag_means_no_work(
    db: AsyncSession, redis: Redis, session_factory: Any, server: FeedServer
) -> None:
    await allow_private(db)
    paths = add_offers(server, 1, 2)
    tracked = [(f"{p}?utm_source=feed2#top", t) for p, t in paths]
    server.routes["/a.rss"] = ("application/rss+xml", rss(server, paths), '"v1"')
    server.routes["/b.atom"] = ("application/atom+xml", atom(server, tracked), '"w1"')
    user_id, search_id = await make_search(
        db, "dupes@example.com", [f"{server.url}/a.rss", f"{server.url}/b.atom"]
    )
    ctx = ctx_for(redis, session_factory)
    first = await run_search(ctx, search_id)
    assert first["new"] == 2 and len(await items(db, user_id)) == 2
    logged = await sources(db, search_id)
    assert logged["a.rss"].etag == '"v1"' and logged["b.atom"].new_items == 0
    hits_before = list(server.hits)
    second = await run_search(ctx, search_id)
    assert second["new"] == 0 and len(await items(db, user_id)) == 2
    fetched = server.hits[len(hits_before) :]
    assert sorted(fetched) == ["/a.rss", "/b.atom"]  # the feeds, 304, and no offer page
    logged = await sources(db, search_id)
    assert {s.last_status for s in logged.values()} == {"not_modified"}
    assert logged["a.rss"].etag == '"v1"'


async def test_last_modified_means_no_work(
    db: AsyncSession, redis: Redis, session_factory: Any, server: FeedServer
) -> None:
    """A feed with Last-Modified and no ETag: the next run asks If-Modified-Since, the 304
    reads no offer page, files nothing and keeps the stored date."""
    await allow_private(db)
    stamp = "Wed, 01 Jan 2025 08:00:00 GMT"
    server.routes["/a.rss"] = ("application/rss+xml", rss(server, add_offers(server, 1, 2)), None)
    server.modified["/a.rss"] = stamp
    user_id, search_id = await make_search(db, "modified@example.com", [f"{server.url}/a.rss"])
    ctx = ctx_for(redis, session_factory)
    assert (await run_search(ctx, search_id))["new"] == 2
    logged = (await sources(db, search_id))["a.rss"]
    assert (logged.last_modified, logged.etag, logged.items_found) == (stamp, None, 2)
    assert "if-modified-since" not in server.headers[0]
    before = len(server.hits)
    second = await run_search(ctx, search_id)
    assert (second["found"], second["new"]) == (0, 0)
    assert server.hits[before:] == ["/a.rss"]  # the feed alone, answered 304: no offer page
    assert server.headers[before].get("if-modified-since") == stamp
    assert "if-none-match" not in server.headers[before]
    logged = (await sources(db, search_id))["a.rss"]
    assert logged.last_status == "not_modified" and logged.last_modified == stamp
    assert logged.items_found == 2 and logged.new_items == 0
    # Said since when, and what was found then: the first read may have been the search's
    # automatic run, which the user never saw.
    assert logged.content_fetched_at is not None
    assert logged.last_fetched_at is not None
    assert logged.content_fetched_at < logged.last_fetched_at
    when = logged.content_fetched_at.isoformat()[:16].replace("T", " ")
    shown = await _in_locale("en", view.source_row, logged)
    assert shown["statusWords"] == f"Unchanged since {when} (2 offers found then)"
    assert len(await items(db, user_id)) == 2


async def test_offers_the_user_already_has_are_not_filed_again(
    db: AsyncSession, redis: Redis, session_factory: Any, server: FeedServer
) -> None:
    """Against the user's job offers: by URL (another spelling of it), and by content for an
    offer pasted without a URL (the same text in another case and spacing)."""
    await allow_private(db)
    paths = add_offers(server, 1, 3)
    server.routes["/a.rss"] = ("application/rss+xml", rss(server, paths), None)
    user_id, search_id = await make_search(db, "known@example.com", [f"{server.url}/a.rss"])
    pasted = await offer_from_url(f"{server.url}{paths[1][0]}", allow_private=True)
    assert "Offer number 2." in pasted.text
    db.add_all(
        [
            JobOffer(
                user_id=user_id,
                title="Saved from its address",
                description="Some other words entirely.",
                source_url=f"{server.url}{paths[0][0]}/?utm_source=mail#apply",
            ),
            JobOffer(
                user_id=user_id,
                title="Pasted",
                description="\n  " + pasted.text.upper().replace(" ", " \n "),
                source_url=None,
            ),
        ]
    )
    await db.commit()
    result = await run_search(ctx_for(redis, session_factory), search_id)
    assert (result["found"], result["new"]) == (3, 1)
    assert [i.title for i in await items(db, user_id)] == ["Python developer 3"]
    # Known offers are skipped before their page is read when the feed's text already says so.
    assert f"{paths[0][0]}" not in server.hits


async def test_broken_feeds_are_logged_in_words(
    db: AsyncSession, redis: Redis, session_factory: Any, server: FeedServer
) -> None:
    await allow_private(db)
    server.routes["/bad.rss"] = ("application/rss+xml", "<rss><channel><item><title>x</ti", None)
    urls = [f"{server.url}/{n}" for n in ("bad.rss", "huge", "hang", "missing")]
    user_id, search_id = await make_search(db, "broken@example.com", urls)
    result = await run_search(ctx_for(redis, session_factory), search_id)
    assert result["new"] == 0
    logged = await sources(db, search_id)
    assert all(s.last_status == "error" and s.items_found == 0 for s in logged.values())
    assert logged["bad.rss"].last_error == FEED_ERRORS["feed_malformed"]
    assert logged["huge"].last_error == MESSAGES["too_large"]
    assert logged["huge"].last_error_params == {"limit": 2}
    assert logged["hang"].last_error == MESSAGES["timeout"]
    assert logged["missing"].last_error == MESSAGES["http_status"]
    assert logged["missing"].last_error_params == {"status": 404}
    assert await items(db, user_id) == []


async def test_private_addresses_are_refused_with_the_setting_off(
    db: AsyncSession, redis: Redis, session_factory: Any, server: FeedServer
) -> None:
    server.routes["/a.rss"] = ("application/rss+xml", rss(server, add_offers(server, 1, 1)), None)
    await allow_private(db, on=False)
    _, search_id = await make_search(db, "private@example.com", [f"{server.url}/a.rss"])
    await run_search(ctx_for(redis, session_factory), search_id)
    logged = (await sources(db, search_id))["a.rss"]
    assert logged.last_error == MESSAGES["not_allowed"] and server.hits == []
    # A redirect from an allowed host to a private address is refused before any connection.
    policy = FetchPolicy(extra_allowed=(ipaddress.ip_network("127.0.0.1/32"),))
    with pytest.raises(UrlFetchError) as refused:
        await fetch_feed(f"{server.url}/go?to=http://10.1.2.3/feed", policy=policy)
    assert refused.value.code == "not_allowed" and server.hits == ["/go?to=http://10.1.2.3/feed"]


async def test_a_redirect_to_a_private_address_is_refused_in_a_run(
    db: AsyncSession,
    redis: Redis,
    session_factory: Any,
    server: FeedServer,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Through ``run_search``: a source on an allowed host that redirects to a private address
    is refused before any connection there, and its fetch log says why in words. With the
    setting off, only this loopback server is let through (as an admin's intranet exception
    would be); with it on, the cloud metadata address stays refused."""
    loopback = (ipaddress.ip_network("127.0.0.1/32"),)
    monkeypatch.setattr(
        "jobs.discovery.run.FetchPolicy", functools.partial(FetchPolicy, extra_allowed=loopback)
    )
    await allow_private(db, on=False)
    to_private = f"{server.url}/go?to=http://10.1.2.3/jobs.rss"
    user_id, search_id = await make_search(db, "redirect@example.com", [to_private])
    result = await run_search(ctx_for(redis, session_factory), search_id)
    assert result["new"] == 0 and server.hits == ["/go?to=http://10.1.2.3/jobs.rss"]
    logged = next(iter((await sources(db, search_id)).values()))
    assert logged.last_status == "error" and logged.items_found == 0
    assert logged.last_error == MESSAGES["not_allowed"]
    assert logged.last_error_params == {"address": "10.1.2.3"}
    shown = await _in_locale("en", view.source_row, logged)
    assert shown["statusWords"] == "Error"
    assert shown["lastError"] == (
        "This address points to a private or local network (10.1.2.3); it cannot be fetched."
    )
    shown = await _in_locale("fr", view.source_row, logged)
    assert "réseau privé ou local (10.1.2.3)" in shown["lastError"]

    await allow_private(db, on=True)  # private addresses allowed: the metadata one never is
    metadata = f"{server.url}/go?to=http://169.254.169.254/latest/meta-data/"
    _, other_id = await make_search(db, "metadata@example.com", [metadata])
    await run_search(ctx_for(redis, session_factory), other_id)
    logged = next(iter((await sources(db, other_id)).values()))
    assert logged.last_error == MESSAGES["not_allowed"]
    assert logged.last_error_params == {"address": "169.254.169.254"}
    assert len(server.hits) == 2 and await items(db, user_id) == []


async def _in_locale(locale: str, render: Any, *args: Any) -> Any:
    token = i18n.current_locale.set(locale)
    try:
        return render(*args)
    finally:
        i18n.current_locale.reset(token)


async def test_one_request_at_a_time_per_host(
    db: AsyncSession, redis: Redis, session_factory: Any, server: FeedServer
) -> None:
    """Two searches (two workers' runs, at once) whose sources are on one host: the server
    never serves two of their requests at the same time, and waits the pause between them.
    Read from the server's own record of each request's start and end."""
    await allow_private(db)
    server.answer_after = 0.3
    server.routes["/a.rss"] = ("application/rss+xml", rss(server, add_offers(server, 1, 1)), None)
    server.routes["/b.rss"] = ("application/rss+xml", rss(server, add_offers(server, 2, 1)), None)
    _, first = await make_search(db, "polite-a@example.com", [f"{server.url}/a.rss"])
    _, second = await make_search(db, "polite-b@example.com", [f"{server.url}/b.rss"])
    workers = [ctx_for(redis, session_factory) for _ in range(2)]
    for ctx in workers:
        # A pause wide enough that a starved event loop recording a span late (a busy
        # machine) cannot make a polite client look impolite: asserted at half of it below.
        ctx["discovery_host_delay_s"] = 0.5
    results = await asyncio.gather(run_search(workers[0], first), run_search(workers[1], second))
    assert [r["new"] for r in results] == [1, 1]
    spans = sorted(server.spans, key=lambda span: span[1])
    assert sorted(t for t, _, _ in spans) == [
        "/a.rss",
        "/b.rss",
        "/jobs/1-python",
        "/jobs/2-python",
    ]
    for (_, _, end), (target, start, _) in itertools.pairwise(spans):
        assert start >= end, f"{target} started while another request was being served"
        assert start - end >= 0.25, f"{target} came without the pause after the previous one"


async def test_the_cv_part_of_the_score(
    db: AsyncSession, redis: Redis, session_factory: Any, server: FeedServer
) -> None:
    """With a source CV, each offer is scored against it (the matcher reads the offer's
    skills and requirements from its text): an offer the CV covers scores high, one it does not
    scores zero, and the inbox says so. Here the CV is the only part that applies."""
    await allow_private(db)
    fits = add_offers(server, 1, 1)
    server.routes["/jobs/nurse"] = ("text/html; charset=utf-8", NURSE_PAGE, None)
    server.routes["/a.rss"] = (
        "application/rss+xml",
        rss(server, [*fits, ("/jobs/nurse", "Registered nurse")]),
        None,
    )
    user_id, search_id = await make_search(
        db, "cv-score@example.com", [f"{server.url}/a.rss"], keywords=[]
    )
    await source_cv(db, user_id)
    assert (await run_search(ctx_for(redis, session_factory), search_id))["new"] == 2
    by_title = {i.title: i for i in await items(db, user_id)}
    python, nurse = by_title["Python developer 1"], by_title["Registered nurse"]
    assert python.score_details["cv"] == 1.0 and python.score == 100.0
    assert nurse.score_details["cv"] == 0.0 and nurse.score == 0.0
    assert "CV match 100%" in await _in_locale("en", view.why, python)
    assert "CV match 0%" in await _in_locale("en", view.why, nurse)


NURSE_PAGE = (
    "<html><head><title>Registered nurse</title></head><body><main><h1>Registered nurse</h1>"
    "<p>Our hospital ward in Lyon needs a registered nurse for patient care and night shifts.</p>"
    "<h2>Requirements</h2><ul><li>Phlebotomy and wound dressing</li><li>Fluent German</li></ul>"
    "<p>Skills: triage, phlebotomy</p></main></body></html>"
)


async def test_red_flags_reject_with_the_reason(
    db: AsyncSession, redis: Redis, session_factory: Any, server: FeedServer
) -> None:
    await allow_private(db)
    clean = add_offers(server, 1, 1)
    flagged = add_offers(server, 2, 1, extra="Stage non rémunéré de six mois.")
    server.routes["/a.rss"] = ("application/rss+xml", rss(server, clean + flagged), None)
    user_id, search_id = await make_search(
        db, "flags@example.com", [f"{server.url}/a.rss"], red_flags=["non remunere"]
    )
    result = await run_search(ctx_for(redis, session_factory), search_id)
    assert (result["new"], result["pending"]) == (2, 1)
    first, second = await items(db, user_id)
    assert first.status == "pending" and first.reason is None
    assert second.status == "rejected" and second.reason == RED_FLAG_REASON
    assert second.reason_params == {"phrase": "non remunere"} and second.decided_at is not None


async def test_ttl_cleanup(db: AsyncSession) -> None:
    user = User(email="ttl@example.com", password_hash="x")
    db.add(user)
    await db.flush()
    now = utcnow()

    def item(name: str, status: str, age_days: int) -> InboxItem:
        when = now - timedelta(days=age_days)
        return InboxItem(
            user_id=user.id,
            canonical_url=f"https://x.example/{name}",
            content_hash=name,
            title=name,
            status=status,
            created_at=when,
            decided_at=when if status != "pending" else None,
        )

    db.add_all(
        [
            item("old-rejected", "rejected", 31),
            item("new-rejected", "rejected", 29),
            item("old-pending", "pending", 61),
            item("new-pending", "pending", 59),
            item("old-approved", "approved", 400),
        ]
    )
    await db.commit()
    assert await delete_expired(db) == 2
    left = await db.scalars(select(InboxItem.title).where(InboxItem.user_id == user.id))
    assert sorted(left) == ["new-pending", "new-rejected", "old-approved"]
    await db.rollback()


async def test_scheduler_claims_only_due_active_searches(db: AsyncSession) -> None:
    user = User(email="sched@example.com", password_hash="x")
    db.add(user)
    await db.flush()
    now = utcnow()
    due = SavedSearch(user_id=user.id, name="due", next_run_at=now - timedelta(minutes=1))
    never = SavedSearch(user_id=user.id, name="never run", next_run_at=None, interval_minutes=30)
    later = SavedSearch(user_id=user.id, name="later", next_run_at=now + timedelta(minutes=5))
    off = SavedSearch(
        user_id=user.id, name="off", active=False, next_run_at=now - timedelta(days=1)
    )
    db.add_all([due, never, later, off])
    await db.commit()
    claimed = {search_id for search_id, _ in await claim_due_searches(db, now)}
    assert claimed == {due.id, never.id}
    assert await claim_due_searches(db, now) == []  # moved to their next run
    for search, minutes in ((due, 60), (never, 30)):
        await db.refresh(search)
        assert search.next_run_at is not None
        at = search.next_run_at
        at = at if at.tzinfo else at.replace(tzinfo=UTC)  # SQLite gives it back naive (UTC)
        delta = (at - now).total_seconds() / 60
        assert minutes * 0.9 - 0.01 <= delta <= minutes * 1.1 + 0.01
    count = await db.scalar(select(func.count()).select_from(SavedSearch))
    assert count == 4
