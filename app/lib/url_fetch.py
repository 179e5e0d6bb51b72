"""Fetch a job offer page server-side without becoming an SSRF proxy.

The rules are the outbound policy's (app/lib/outbound/): every hop's address checked and pinned,
at most ``max_bytes`` decoded whatever the encoding (no compression bomb), one deadline.
Here: http(s) pages of the text types only, redirects followed by hand (at most 5, each one a
request through the policy again), ``timeout_s`` for the whole operation.

``fetch_feed`` (the job inbox's discovery, jobs/discovery/) is the same fetch with feed content
types accepted and conditional requests: the validators of the last answer are sent
(If-None-Match / If-Modified-Since) and a 304 comes back as ``not_modified`` with no body.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from app.lib.control_characters import without_controls
from app.lib.outbound.addresses import (
    ALWAYS_BLOCKED,
    FetchPolicy,
    IPAddress,
    Network,
    address_allowed,
    check_url,
    embedded_ipv4,
    resolve,
)
from app.lib.outbound.errors import MESSAGES, OutboundRefused, UrlFetchError
from app.lib.outbound.transport import policy_client

__all__ = [  # the address rules, where their first callers import them from
    "ALWAYS_BLOCKED",
    "MESSAGES",
    "FetchPolicy",
    "IPAddress",
    "Network",
    "UrlFetchError",
    "address_allowed",
    "check_url",
    "embedded_ipv4",
    "fetch_feed",
    "fetch_url",
    "resolve",
]

MAX_BYTES = 2 * 1024 * 1024
TIMEOUT_S = 8.0
MAX_REDIRECTS = 5
TEXT_TYPES = (
    "text/html",
    "application/xhtml+xml",
    "text/plain",
    "application/json",
    "application/ld+json",
)
# What a feed may be served as, besides pages (RSS, Atom, JSON Feed; servers vary).
FEED_TYPES = (
    *TEXT_TYPES,
    "application/xml",
    "text/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/feed+json",
)
FEED_ACCEPT = (
    "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,"
    "text/xml;q=0.9,application/json;q=0.8,text/html;q=0.7,*/*;q=0.1"
)
USER_AGENT = "CV-Tailor offer fetcher (+self-hosted)"


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # after redirects
    content_type: str
    text: str
    redirects: int
    # The answer's validators, for the next conditional request (fetch_feed).
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False  # 304: the feed did not change since those validators


def _charset(content_type: str, head: bytes) -> str:
    declared = re.search(r"charset=([\w-]+)", content_type, re.IGNORECASE)
    if declared:
        return declared.group(1)
    meta = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", head, re.IGNORECASE)
    return meta.group(1).decode("ascii", "ignore") if meta else "utf-8"


def _decode(body: bytes, charset: str) -> str:
    """The page's text, without the control characters a page may carry (a NUL would fail
    the write on PostgreSQL: app/lib/control_characters.py)."""
    try:
        text = body.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name
        text = body.decode("utf-8", errors="replace")
    return without_controls(text)


async def _fetch(
    client: httpx.AsyncClient,
    url: str,
    types: tuple[str, ...] = TEXT_TYPES,
    conditions: dict[str, str] | None = None,
) -> FetchedPage:
    for redirects in range(MAX_REDIRECTS + 1):
        check_url(url)  # a hop to ftp:// or with credentials is refused before any request
        response = await client.send(
            client.build_request("GET", url, headers=conditions), stream=True
        )
        try:
            if response.is_redirect and response.headers.get("location"):
                url = urljoin(url, response.headers["location"])
                continue
            if response.status_code == 304 and conditions:
                return FetchedPage(
                    url=url,
                    content_type="",
                    text="",
                    redirects=redirects,
                    etag=response.headers.get("etag") or conditions.get("If-None-Match"),
                    last_modified=response.headers.get("last-modified")
                    or conditions.get("If-Modified-Since"),
                    not_modified=True,
                )
            if response.status_code >= 400:
                raise UrlFetchError("http_status", status=response.status_code)
            content_type = response.headers.get("content-type", "text/html").lower()
            if not content_type.startswith(types):
                raise UrlFetchError("not_text", type=content_type.split(";")[0] or "?")
            body = await response.aread()  # decoded under the size limit by the transport
        finally:
            await response.aclose()
        text = _decode(body, _charset(content_type, body[:2048]))
        return FetchedPage(
            url=url,
            content_type=content_type,
            text=text,
            redirects=redirects,
            etag=response.headers.get("etag"),
            last_modified=response.headers.get("last-modified"),
        )
    raise UrlFetchError("too_many_redirects")


async def fetch_url(
    url: str,
    *,
    policy: FetchPolicy | None = None,
    max_bytes: int = MAX_BYTES,
    timeout_s: float = TIMEOUT_S,
) -> FetchedPage:
    """Fetch ``url`` under the rules above; raise ``UrlFetchError`` with a clear code."""
    return await _run(url, policy, max_bytes, timeout_s, "text/html,text/plain;q=0.9")


async def fetch_feed(
    url: str,
    *,
    policy: FetchPolicy | None = None,
    etag: str | None = None,
    last_modified: str | None = None,
    max_bytes: int = MAX_BYTES,
    timeout_s: float = TIMEOUT_S,
) -> FetchedPage:
    """A feed or listing page under the same rules, conditionally: ``not_modified`` when the
    server answers 304 to the validators of the last fetch."""
    conditions = {}
    if etag:
        conditions["If-None-Match"] = etag
    if last_modified:
        conditions["If-Modified-Since"] = last_modified
    return await _run(url, policy, max_bytes, timeout_s, FEED_ACCEPT, FEED_TYPES, conditions)


async def _run(
    url: str,
    policy: FetchPolicy | None,
    max_bytes: int,
    timeout_s: float,
    accept: str,
    types: tuple[str, ...] = TEXT_TYPES,
    conditions: dict[str, str] | None = None,
) -> FetchedPage:
    timeout = httpx.Timeout(timeout_s, connect=min(5.0, timeout_s))
    client = policy_client(
        policy or FetchPolicy(),
        max_bytes=max_bytes,
        deadline_s=timeout_s,
        timeout=timeout,
        headers={"User-Agent": USER_AGENT, "Accept": accept},
    )
    try:
        async with asyncio.timeout(timeout_s), client:
            return await _fetch(client, url, types, conditions)
    except OutboundRefused as exc:
        raise exc.as_fetch_error() from None
    except (TimeoutError, httpx.TimeoutException):
        raise UrlFetchError("timeout", seconds=int(timeout_s)) from None
    except httpx.HTTPError:
        raise UrlFetchError("unreachable") from None
