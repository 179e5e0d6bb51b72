"""Fetch a job offer page server-side without becoming an SSRF proxy.

* http and https only, no credentials in the URL, standard or explicit ports only.
* The host is resolved here and every address checked: loopback, private, link-local,
  carrier-grade NAT, reserved, multicast and unspecified addresses are refused unless
  ``allow_private`` (the ``allow_private_offer_urls`` admin setting). Cloud metadata addresses
  (``ALWAYS_BLOCKED``: IPv4 link-local as a whole, and the providers' own, public-looking ones),
  in any IPv6 spelling (mapped, NAT64 including the local-use prefix, 6to4, Teredo), multicast
  and unspecified ones are refused always.
* The connection goes to the checked address (pinned: no second DNS lookup an attacker could
  answer differently), with the original Host header and TLS server name.
* Redirects are followed by hand (at most 5), each one checked the same way.
* At most ``max_bytes`` are read, within ``timeout_s`` for the whole operation, and at most that
  many are ever inflated from a compressed body (``bounded_decode.py``: no compression bomb).

``fetch_feed`` (the job inbox's discovery, jobs/discovery/) is the same fetch with feed content
types accepted and conditional requests: the validators of the last answer are sent
(If-None-Match / If-Modified-Since) and a 304 comes back as ``not_modified`` with no body.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpx

from app.lib.bounded_decode import (
    ACCEPT_ENCODING,
    BodyTooLarge,
    BoundedDecoder,
    CorruptBody,
    UnsupportedEncoding,
)
from app.lib.i18n import N_

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
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# Refused even when private networks are allowed: where clouds serve instance credentials.
# IPv4 link-local as a whole (169.254.169.254 for AWS, GCP, Azure, OpenStack and most others,
# 169.254.170.2 for AWS container credentials, 169.254.0.23 for Tencent Cloud...): no job board
# lives there. Embedded in an IPv6 address (NAT64, 6to4, mapped...) they are refused too.
ALWAYS_BLOCKED: tuple[Network, ...] = tuple(
    ipaddress.ip_network(network)
    for network in (
        "169.254.0.0/16",  # IPv4 link-local: cloud metadata and container credentials
        "168.63.129.16/32",  # Azure WireServer (a public address: allowed by is_global)
        "192.0.0.192/32",  # Oracle Cloud metadata
        "100.100.100.200/32",  # Alibaba Cloud metadata
        "fd00:ec2::254/128",  # AWS metadata over IPv6
    )
)

MESSAGES = {
    "bad_url": N_("This is not a valid web address."),
    "bad_scheme": N_("Only http:// and https:// addresses can be fetched."),
    "not_allowed": N_(
        "This address points to a private or local network (%(address)s); it cannot be fetched."
    ),
    "dns": N_("The host name %(host)s could not be resolved."),
    "too_many_redirects": N_("The page redirects too many times."),
    "too_large": N_("The page is larger than %(limit)s MB; paste the offer text instead."),
    "timeout": N_(
        "The site did not answer within %(seconds)s seconds; paste the offer text instead."
    ),
    "unreachable": N_("The site could not be reached; check the address or paste the offer text."),
    "http_status": N_("The site answered with HTTP %(status)s; paste the offer text instead."),
    "not_text": N_("This address is not a web page (%(type)s); paste the offer text instead."),
    "bad_encoding": N_(
        "The site sent the page compressed in a way this app does not read (%(encoding)s); "
        "paste the offer text instead."
    ),
}


class UrlFetchError(Exception):
    """The page cannot be fetched; ``code`` is stable, ``message`` is shown to the user."""

    def __init__(self, code: str, **values: Any) -> None:
        self.code = code
        self.template = MESSAGES[code]
        self.values = values
        self.message = self.template % values if values else self.template
        super().__init__(self.message)


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    allow_private: bool = False
    # Networks allowed even when private (e.g. one intranet job board); empty by default.
    extra_allowed: tuple[Network, ...] = ()


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


# IPv6 prefixes that carry an IPv4 address in their last 32 bits: IPv4-compatible (::/96,
# deprecated), IPv4-translated (SIIT, ::ffff:0:0:0/96) and NAT64 (64:ff9b::/96). Python's
# ``is_global`` calls the first and the last public whatever the IPv4 inside.
_LAST_32_BITS = tuple(ipaddress.ip_network(n) for n in ("::/96", "::ffff:0:0:0/96", "64:ff9b::/96"))
_LOCAL_NAT64 = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215: local use, any IPv4 inside
# Where RFC 6052 puts the IPv4 address under a prefix of 48, 56, 64 or 96 bits, as runs of
# (first bit, length) counted from the most significant bit; bits 64-71 are never used. The
# local-use prefix may be cut at any of these lengths, so each reading counts.
_NAT64_LAYOUTS = (
    ((48, 16), (72, 16)),  # /48
    ((56, 8), (72, 24)),  # /56
    ((72, 32),),  # /64
    ((96, 32),),  # /96
)


def _local_nat64_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    value = int(address)
    found = []
    for runs in _NAT64_LAYOUTS:
        ipv4 = 0
        for start, length in runs:
            ipv4 = (ipv4 << length) | ((value >> (128 - start - length)) & ((1 << length) - 1))
        if ipv4 >> 24:  # a reading in 0.0.0.0/8 is no destination: the layout is another one
            found.append(ipaddress.IPv4Address(ipv4))
    return found


def embedded_ipv4(address: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address embeds or maps (mapped, compatible, translated,
    NAT64, 6to4, Teredo server and client): a request to it may reach them."""
    found: list[ipaddress.IPv4Address] = []
    if address.ipv4_mapped is not None:
        found.append(address.ipv4_mapped)
    if any(address in network for network in _LAST_32_BITS) and int(address) > 1:
        found.append(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    if address.sixtofour is not None:
        found.append(address.sixtofour)
    if address.teredo is not None:
        found += list(address.teredo)
    if address in _LOCAL_NAT64:
        found += _local_nat64_ipv4(address)
    return found


def address_allowed(address: IPAddress, policy: FetchPolicy) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        if address in _LOCAL_NAT64 and not policy.allow_private:
            return False
        inside = embedded_ipv4(address)
        if inside:
            # Every IPv4 it may reach must be allowed itself; the IPv6 form adds nothing.
            return all(address_allowed(v4, policy) for v4 in inside)
    if any(address in network for network in ALWAYS_BLOCKED):
        return False
    if address.is_multicast or address.is_unspecified:
        return False
    if any(address in network for network in policy.extra_allowed):
        return True
    return policy.allow_private or address.is_global


def check_url(url: str) -> tuple[str, str, int]:
    """(scheme, host, port) of an acceptable URL, or ``UrlFetchError``."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError:
        raise UrlFetchError("bad_url") from None
    if parts.scheme.lower() not in {"http", "https"}:
        raise UrlFetchError("bad_scheme")
    if not parts.hostname or parts.username or parts.password:
        raise UrlFetchError("bad_url")
    scheme = parts.scheme.lower()
    return scheme, parts.hostname, port or (443 if scheme == "https" else 80)


async def resolve(host: str, port: int, policy: FetchPolicy) -> IPAddress:
    """The address to connect to; every address the name resolves to must be allowed."""
    try:
        literal: IPAddress | None = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses: list[IPAddress] = [literal]
    else:
        try:
            infos = await asyncio.get_running_loop().getaddrinfo(
                host, port, type=socket.SOCK_STREAM
            )
        except (socket.gaierror, UnicodeError):
            raise UrlFetchError("dns", host=host) from None
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    if not addresses:
        raise UrlFetchError("dns", host=host)
    for address in addresses:
        if not address_allowed(address, policy):
            raise UrlFetchError("not_allowed", address=str(address))
    return addresses[0]


def _pinned_url(url: str, address: IPAddress) -> str:
    parts = urlsplit(url)
    host = f"[{address}]" if address.version == 6 else str(address)
    netloc = f"{host}:{parts.port}" if parts.port else host
    return parts._replace(netloc=netloc).geturl()


def _host_header(url: str) -> str:
    parts = urlsplit(url)
    host = parts.hostname or ""
    host = f"[{host}]" if ":" in host else host
    return f"{host}:{parts.port}" if parts.port else host


def _charset(content_type: str, head: bytes) -> str:
    declared = re.search(r"charset=([\w-]+)", content_type, re.IGNORECASE)
    if declared:
        return declared.group(1)
    meta = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", head, re.IGNORECASE)
    return meta.group(1).decode("ascii", "ignore") if meta else "utf-8"


def _decode(body: bytes, charset: str) -> str:
    try:
        return body.decode(charset, errors="replace")
    except LookupError:  # an unknown charset name
        return body.decode("utf-8", errors="replace")


async def _read_limited(response: httpx.Response, max_bytes: int) -> bytes:
    """The body, decoded by ``BoundedDecoder`` from the raw bytes: a compression bomb stops at
    the limit without ever being inflated past it."""
    too_large = UrlFetchError("too_large", limit=max_bytes // (1024 * 1024) or 1)
    declared = response.headers.get("content-length")
    if declared and declared.isascii() and declared.isdigit() and int(declared) > max_bytes:
        raise too_large
    try:
        decoder = BoundedDecoder(response.headers.get("content-encoding"), max_bytes)
        body = bytearray()
        async for chunk in response.aiter_raw():
            body += decoder.feed(chunk)
        body += decoder.finish()
    except BodyTooLarge:
        raise too_large from None
    except UnsupportedEncoding as exc:
        raise UrlFetchError("bad_encoding", encoding=exc.encoding[:40]) from None
    except CorruptBody:
        raise UrlFetchError("unreachable") from None
    return bytes(body)


async def _fetch(
    client: httpx.AsyncClient,
    url: str,
    policy: FetchPolicy,
    max_bytes: int,
    types: tuple[str, ...] = TEXT_TYPES,
    conditions: dict[str, str] | None = None,
) -> FetchedPage:
    for redirects in range(MAX_REDIRECTS + 1):
        scheme, host, port = check_url(url)
        address = await resolve(host, port, policy)
        extensions = {"sni_hostname": host} if scheme == "https" else {}
        request = client.build_request(
            "GET",
            _pinned_url(url, address),
            headers={"Host": _host_header(url), **(conditions or {})},
            extensions=extensions,
        )
        response = await client.send(request, stream=True)
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
            body = await _read_limited(response, max_bytes)
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
    policy = policy or FetchPolicy()
    timeout = httpx.Timeout(timeout_s, connect=min(5.0, timeout_s))
    try:
        async with (
            asyncio.timeout(timeout_s),
            httpx.AsyncClient(
                timeout=timeout,
                follow_redirects=False,
                trust_env=False,  # no proxy from the environment: the pinned address is used
                headers={
                    "User-Agent": USER_AGENT,
                    "Accept": accept,
                    "Accept-Encoding": ACCEPT_ENCODING,  # what BoundedDecoder inflates safely
                },
            ) as client,
        ):
            return await _fetch(client, url, policy, max_bytes, types, conditions)
    except TimeoutError:
        raise UrlFetchError("timeout", seconds=int(timeout_s)) from None
    except httpx.TimeoutException:
        raise UrlFetchError("timeout", seconds=int(timeout_s)) from None
    except httpx.HTTPError:
        raise UrlFetchError("unreachable") from None
