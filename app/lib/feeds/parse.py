"""Detect a feed's kind and read its entries (RSS 2.0 and Atom through feedparser, JSON Feed
by hand, HTML listings in listing.py). No I/O: feedparser is given bytes, never a URL."""

from __future__ import annotations

import io
import logging
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from app.lib import bounded_json
from app.lib.control_characters import without_controls
from app.lib.feeds.listing import offer_links
from app.lib.feeds.model import MAX_ENTRIES, FeedEntry, ParsedFeed
from app.lib.parsing.formats.html_text import html_to_text

log = logging.getLogger(__name__)
XML_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
JSON_TYPES = ("application/feed+json", "application/json")


def detect_kind(content_type: str, text: str) -> str:
    """ "xml" (RSS or Atom: feedparser tells which), "json", "html" or "" — from the declared
    type first, then from how the content starts (servers often say text/plain or text/html)."""
    declared = content_type.split(";")[0].strip().lower()
    head = text.lstrip("\ufeff \t\r\n")[:512].lower()
    if declared.startswith(XML_TYPES) or declared.endswith("+xml"):
        return "xml"
    if declared in JSON_TYPES or head.startswith("{"):
        return "json"
    if head.startswith("<?xml") or head.startswith("<rss") or head.startswith("<feed"):
        return "xml"
    if "html" in declared or "<html" in head or head.startswith("<!doctype html"):
        return "html"
    return ""


def _plain(value: str) -> str:
    return " ".join(html_to_text(value).split()) if "<" in value else " ".join(value.split())


def _http_url(value: Any, base: str) -> str:
    if not isinstance(value, str) or not value.strip():
        return ""
    url = urljoin(base, value.strip())
    return url if urlsplit(url).scheme in {"http", "https"} else ""


def _date(value: Any) -> datetime | None:
    if isinstance(value, tuple) and len(value) >= 6:  # feedparser's struct_time (UTC)
        try:
            year, month, day, hour, minute, second = (int(v) for v in value[:6])
            return datetime(year, month, day, hour, minute, second, tzinfo=UTC)
        except (TypeError, ValueError):
            return None
    if isinstance(value, str) and value:
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return None
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    return None


def _xml(text: str, base: str) -> ParsedFeed:
    parsed = feedparser.parse(io.BytesIO(text.encode("utf-8")), response_headers={})
    version = str(parsed.get("version") or "")
    kind = "atom" if version.startswith("atom") else "rss"
    if not parsed.entries and (not version or parsed.get("bozo")):
        detail = str(parsed.get("bozo_exception") or "not RSS or Atom")[:200]
        return ParsedFeed(kind="", problem="feed_malformed", problem_params={"detail": detail})
    entries = []
    for entry in parsed.entries[:MAX_ENTRIES]:
        url = _http_url(entry.get("link"), base)
        if not url:
            continue
        author = entry.get("author_detail") or {}
        entries.append(
            FeedEntry(
                url=url,
                title=_plain(str(entry.get("title") or ""))[:300],
                summary=_plain(str(entry.get("summary") or ""))[:5000],
                company=str(author.get("name") or entry.get("author") or "")[:300],
                location=str(entry.get("location") or "")[:300],
                published_at=_date(entry.get("published_parsed") or entry.get("updated_parsed")),
            )
        )
    if not entries and parsed.get("bozo"):  # broken XML that yielded nothing usable
        detail = str(parsed.get("bozo_exception") or "broken XML")[:200]
        return ParsedFeed(kind="", problem="feed_malformed", problem_params={"detail": detail})
    return ParsedFeed(kind=kind, entries=entries)


def _json(text: str, base: str) -> ParsedFeed:
    try:
        data = bounded_json.loads(text)
    except ValueError as exc:
        return ParsedFeed(
            kind="", problem="feed_malformed", problem_params={"detail": str(exc)[:200]}
        )
    items = data.get("items") if isinstance(data, dict) else None
    if not isinstance(items, list):
        detail = "no JSON Feed items"
        return ParsedFeed(kind="", problem="feed_malformed", problem_params={"detail": detail})
    entries = []
    for item in items[:MAX_ENTRIES]:
        if not isinstance(item, dict):
            continue
        url = _http_url(item.get("url") or item.get("external_url"), base)
        if not url:
            continue
        body = item.get("content_text") or item.get("content_html") or item.get("summary") or ""
        authors = item.get("authors") or ([item["author"]] if item.get("author") else [])
        first = authors[0] if isinstance(authors, list) and authors else {}
        entries.append(
            FeedEntry(
                url=url,
                title=_plain(str(item.get("title") or ""))[:300],
                summary=_plain(str(body))[:5000],
                company=str(first.get("name") or "")[:300] if isinstance(first, dict) else "",
                published_at=_date(item.get("date_published")),
            )
        )
    return ParsedFeed(kind="json", entries=entries)


def parse_feed(text: str, content_type: str, base_url: str) -> ParsedFeed:
    """The entries of a fetched feed or listing page; never raises (an error code instead).
    The fetched text has no control characters (app/lib/url_fetch.py), but JSON escapes and
    XML references may spell them again: none reaches a stored row (PostgreSQL refuses a NUL)."""
    parsed = _parse(text, content_type, base_url)
    return replace(parsed, entries=[_clean(entry) for entry in parsed.entries])


def _clean(entry: FeedEntry) -> FeedEntry:
    return replace(
        entry,
        url=without_controls(entry.url),
        title=without_controls(entry.title),
        summary=without_controls(entry.summary),
        company=without_controls(entry.company),
        location=without_controls(entry.location),
    )


def _parse(text: str, content_type: str, base_url: str) -> ParsedFeed:
    kind = detect_kind(content_type, text)
    try:
        if kind == "xml":
            return _xml(text, base_url)
        if kind == "json":
            return _json(text, base_url)
        if kind == "html":
            links = offer_links(text, base_url)
            return ParsedFeed(kind="html", entries=[FeedEntry(url=u, title=t) for u, t in links])
    except Exception as exc:  # a parser bug must not end the run: the source logs it
        log.warning("feed from %s could not be parsed: %r", base_url, exc)
        return ParsedFeed(
            kind="", problem="feed_malformed", problem_params={"detail": type(exc).__name__}
        )
    kind_shown = content_type.split(";")[0].strip() or "?"
    return ParsedFeed(kind="", problem="feed_unknown", problem_params={"type": kind_shown})
