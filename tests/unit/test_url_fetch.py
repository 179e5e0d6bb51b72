"""SSRF-safe fetching against a real local HTTP server: schemes, addresses after DNS, every
redirect checked, size and time limits, the Host header kept while the address is pinned."""

from __future__ import annotations

import asyncio
import gzip
import ipaddress
import time
import tracemalloc
from collections.abc import AsyncIterator
from urllib.parse import quote

import pytest

from app.lib.bounded_decode import BodyTooLarge, BoundedDecoder, UnsupportedEncoding
from app.lib.url_fetch import FetchPolicy, UrlFetchError, address_allowed, check_url, fetch_url
from tests.fixtures.web_server import WebServer

LOCAL = FetchPolicy(allow_private=True)
ONLY_LOOPBACK = FetchPolicy(extra_allowed=(ipaddress.ip_network("127.0.0.1/32"),))


@pytest.fixture
async def web() -> AsyncIterator[WebServer]:
    async with WebServer() as server:
        yield server


async def refused(url: str, policy: FetchPolicy | None = None, **kwargs: float) -> UrlFetchError:
    with pytest.raises(UrlFetchError) as caught:
        await fetch_url(url, policy=policy, **kwargs)  # type: ignore[arg-type]
    return caught.value


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("ftp://example.com/offer", "bad_scheme"),
        ("file:///etc/passwd", "bad_scheme"),
        ("javascript:alert(1)", "bad_scheme"),
        ("gopher://127.0.0.1:6379/_FLUSHALL", "bad_scheme"),
        ("not a url", "bad_scheme"),
        ("http://user:secret@example.com/", "bad_url"),
        ("http:///nohost", "bad_url"),
        ("http://example.com:99999/", "bad_url"),
    ],
)
def test_only_plain_http_and_https(url: str, code: str) -> None:
    with pytest.raises(UrlFetchError) as caught:
        check_url(url)
    assert caught.value.code == code


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
        "100.64.0.1", "0.0.0.0", "224.0.0.1", "::1", "fe80::1", "fd00:ec2::254", "::ffff:127.0.0.1",
        "192.0.2.10", "198.18.0.1",
    ],
)  # fmt: skip
async def test_private_and_special_addresses_are_refused(address: str) -> None:
    host = f"[{address}]" if ":" in address else address
    error = await refused(f"http://{host}/latest/meta-data/")
    assert error.code == "not_allowed"
    assert address_allowed(ipaddress.ip_address("93.184.216.34"), FetchPolicy())


def test_metadata_multicast_and_unspecified_stay_refused_when_private_is_allowed() -> None:
    for address in ("169.254.169.254", "fd00:ec2::254", "224.0.0.1", "0.0.0.0"):
        assert not address_allowed(ipaddress.ip_address(address), LOCAL)
    assert address_allowed(ipaddress.ip_address("10.1.2.3"), LOCAL)


async def test_names_are_checked_after_dns_resolution(web: WebServer) -> None:
    error = await refused(f"http://localhost:{web.port}/offer")
    assert error.code == "not_allowed" and "127.0.0.1" in error.message
    assert web.hits == []  # refused before any connection
    assert (await refused("http://no-such-host.invalid/")).code == "dns"


async def test_allowed_fetch_keeps_the_host_name_and_follows_safe_redirects(web: WebServer) -> None:
    page = await fetch_url(f"http://localhost:{web.port}/host", policy=LOCAL)
    assert page.text == f"localhost:{web.port}"  # connected to the pinned IP, Host unchanged
    redirected = await fetch_url(f"{web.url}/go?to=/offer", policy=LOCAL)
    assert redirected.redirects == 1 and redirected.url.endswith("/offer")
    assert "Nimbus Cloud" in redirected.text


async def test_every_redirect_is_checked(web: WebServer) -> None:
    to_private = await refused(
        f"{web.url}/go?to={quote('http://192.168.1.20/admin')}", ONLY_LOOPBACK
    )
    assert to_private.code == "not_allowed" and "192.168.1.20" in to_private.message
    metadata = quote("http://169.254.169.254/latest/meta-data/iam/")
    assert (await refused(f"{web.url}/go?to={metadata}", LOCAL)).code == "not_allowed"
    to_file = await refused(f"{web.url}/go?to={quote('file:///etc/passwd')}", LOCAL)
    assert to_file.code == "bad_scheme"
    assert (await refused(f"{web.url}/loop", LOCAL)).code == "too_many_redirects"
    assert web.hits.count("/loop") == 6  # the first request and 5 redirects, no more


async def test_size_limits(web: WebServer) -> None:
    for path in ("/huge", "/huge-declared", "/gzip-bomb"):
        error = await refused(f"{web.url}{path}", LOCAL)
        assert error.code == "too_large", path


async def test_only_what_can_be_inflated_safely_is_asked_for_and_read(web: WebServer) -> None:
    accepted = await fetch_url(f"{web.url}/accept", policy=LOCAL)
    assert accepted.text == "gzip, deflate"  # never br: httpx would inflate it unbounded
    for path in ("/gzip-offer", "/deflate-offer"):
        page = await fetch_url(f"{web.url}{path}", policy=LOCAL)
        assert page.text == (await fetch_url(f"{web.url}/offer", policy=LOCAL)).text, path
    error = await refused(f"{web.url}/brotli", LOCAL)
    assert error.code == "bad_encoding" and "br" in error.message


def test_a_compression_bomb_is_never_inflated_past_the_limit() -> None:
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)  # 64 MB in ~64 kB
    limit = 2 * 1024 * 1024
    decoder = BoundedDecoder("gzip", limit)
    tracemalloc.start()
    try:
        with pytest.raises(BodyTooLarge):
            for start in range(0, len(bomb), 16_384):
                decoder.feed(bomb[start : start + 16_384])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert decoder.produced <= limit + 1
    assert peak < 4 * limit  # the 64 MB never existed
    with pytest.raises(UnsupportedEncoding):
        BoundedDecoder("gzip, br", limit)


async def test_a_page_that_never_answers_times_out(web: WebServer) -> None:
    started = time.monotonic()
    error = await refused(f"{web.url}/hang", LOCAL, timeout_s=1.0)
    assert error.code == "timeout"
    # The page hangs for an hour: given up at the 1 s timeout, with room for a busy machine.
    assert time.monotonic() - started < 20


async def test_status_and_type_errors(web: WebServer) -> None:
    assert (await refused(f"{web.url}/missing", LOCAL)).code == "http_status"
    assert (await refused(f"{web.url}/pdf", LOCAL)).code == "not_text"
    text = await fetch_url(f"{web.url}/text", policy=LOCAL)
    assert text.text.startswith("Poste : Data analyst")


async def test_unreachable_port() -> None:
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    assert (await refused(f"http://127.0.0.1:{port}/", LOCAL)).code == "unreachable"
