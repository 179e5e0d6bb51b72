"""One outbound policy for every request the app sends (app/lib/outbound/), proved with real
servers on loopback, the real ``openai`` client and the real offer fetcher:

* a redirect from an allowed endpoint to an internal address (``0.0.0.0``, IPv4-mapped IPv6,
  a decimal or hex IPv4, a private or metadata address) never reaches it, and no internal body
  is shown: the LLM client follows no redirect, the fetcher checks every hop;
* such addresses written directly as the endpoint are refused before any connection;
* a gzip or brotli bomb is refused with at most the limit decoded;
* a server trickling a byte at a time is cut at the call's deadline.

The "allowed" endpoint listens on 127.0.0.2, allowed alone (``extra_allowed``) while private
addresses stay refused, so the internal server on 127.0.0.1 plays the private network.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Iterator

import pytest

from app.lib.llm import LLMEndpoint
from app.lib.llm.connection import test_connection
from app.lib.llm.errors import (
    LLMBlockedError,
    LLMError,
    LLMRedirectError,
    LLMTimeoutError,
)
from app.lib.llm.streaming import chat_stream
from app.lib.llm.transport import MAX_ANSWER_BYTES, chat_once
from app.lib.outbound.addresses import FetchPolicy
from app.lib.outbound.errors import OutboundRefused, UrlFetchError
from app.lib.url_fetch import fetch_url
from tests.fakes import hostile_http as hostile

ONE_HOST = FetchPolicy(extra_allowed=(ipaddress.ip_network("127.0.0.2/32"),))
PRIVATE_ALLOWED = FetchPolicy(allow_private=True)
MESSAGES = [{"role": "user", "content": "hello"}]


@pytest.fixture(scope="module")
def internal() -> Iterator[hostile.Server]:
    with hostile.serve("127.0.0.1", {}) as server:
        yield server


def _targets(port: int) -> dict[str, str]:
    return {
        "unspecified": f"http://0.0.0.0:{port}/v1/models",
        "mapped": f"http://[::ffff:127.0.0.1]:{port}/v1/models",
        "decimal": f"http://2130706433:{port}/v1/models",
        "hex": f"http://0x7f.1:{port}/v1/models",
        "loopback": f"http://127.0.0.1:{port}/v1/models",
        "metadata": "http://169.254.169.254/latest/meta-data/",
        "metadata-v6": "http://[fd00:ec2::254]/latest/meta-data/",
    }


@pytest.fixture(scope="module")
def endpoint(internal: hostile.Server) -> Iterator[hostile.Server]:
    routes: dict[str, hostile.Route] = {}
    for name, target in _targets(internal.port).items():
        routes[f"/307-{name}/"] = hostile.redirect_to(target, 307)
        routes[f"/302-{name}/"] = hostile.redirect_to(target, 302)
    routes |= {
        "/gzip/": hostile.bomb("gzip"),
        "/br/": hostile.bomb("br"),
        "/trickle/": hostile.trickle(every_s=0.2, for_s=8),
        "/html/v1/models": hostile.text("<html>not an API</html>", "text/html"),
        "/badjson/v1/models": hostile.text("{not json"),
    }
    with hostile.serve("127.0.0.2", routes) as server:
        yield server


def _llm(base_url: str, network: FetchPolicy = ONE_HOST, timeout_s: float = 10) -> LLMEndpoint:
    return LLMEndpoint(
        base_url=base_url,
        api_key="k",
        timeout_s=timeout_s,
        probe_timeout_s=timeout_s,
        network=network,
        users_own=True,
    )


def _refusal(error: BaseException) -> OutboundRefused:
    seen: BaseException | None = error
    while seen is not None and not isinstance(seen, OutboundRefused):
        seen = seen.__cause__ or seen.__context__
    assert seen is not None, f"no policy refusal behind {error!r}"
    return seen


@pytest.mark.parametrize("status", [307, 302])
@pytest.mark.parametrize("network", [ONE_HOST, PRIVATE_ALLOWED], ids=["strict", "private-ok"])
@pytest.mark.parametrize("target", list(_targets(0)))
async def test_an_llm_redirect_to_an_internal_address_is_never_followed(
    endpoint: hostile.Server,
    internal: hostile.Server,
    status: int,
    network: FetchPolicy,
    target: str,
) -> None:
    llm = _llm(f"{endpoint.base}/{status}-{target}/v1", network)
    internal.hits.clear()
    with pytest.raises(LLMRedirectError) as caught:
        await chat_once(llm, model="m", messages=MESSAGES, response_format=None, timeout_s=5)
    assert caught.value.status == status and hostile.SECRET not in caught.value.message
    report = await test_connection(llm, "m")
    assert report.code == "redirect" and report.params["status"] == status
    assert hostile.SECRET not in repr(report)
    assert internal.hits == []  # nothing ever reached the internal server


@pytest.mark.parametrize("target", ["unspecified", "mapped", "decimal", "hex", "metadata"])
async def test_the_fetcher_checks_every_redirect_hop(
    endpoint: hostile.Server, internal: hostile.Server, target: str
) -> None:
    internal.hits.clear()
    for status in (307, 302):
        with pytest.raises(UrlFetchError) as caught:
            await fetch_url(f"{endpoint.base}/{status}-{target}/", policy=ONE_HOST)
        assert caught.value.code == "not_allowed", caught.value.code
        assert hostile.SECRET not in caught.value.message
    assert internal.hits == []


async def test_with_private_addresses_allowed_hops_follow_the_same_setting(
    endpoint: hostile.Server, internal: hostile.Server
) -> None:
    """The tests' own mode (private allowed, as on a self-hoster's network): loopback hops are
    allowed like a first request would be; ``0.0.0.0`` and metadata ones never are."""
    internal.hits.clear()
    for target in ("unspecified", "metadata", "metadata-v6"):
        with pytest.raises(UrlFetchError) as caught:
            await fetch_url(f"{endpoint.base}/307-{target}/", policy=PRIVATE_ALLOWED)
        assert caught.value.code == "not_allowed"
    assert internal.hits == []
    with pytest.raises(UrlFetchError) as refused:  # reached, and its 500 stays a status
        await fetch_url(f"{endpoint.base}/307-mapped/", policy=PRIVATE_ALLOWED)
    assert refused.value.code == "http_status" and internal.hits == ["/v1/models"]


@pytest.mark.parametrize(
    ("host", "network"),
    [
        ("0.0.0.0", PRIVATE_ALLOWED),
        ("[::ffff:127.0.0.1]", ONE_HOST),
        ("[::127.0.0.1]", ONE_HOST),
        ("2130706433", ONE_HOST),
        ("0x7f.0.0.1", ONE_HOST),
        ("017700000001", ONE_HOST),
        ("127.1", ONE_HOST),
        ("[fd00:ec2::254]", PRIVATE_ALLOWED),
        ("[fd20:ce::254]", PRIVATE_ALLOWED),
        ("169.254.169.254", PRIVATE_ALLOWED),
    ],
)
async def test_an_internal_endpoint_in_any_spelling_is_refused_before_connecting(
    internal: hostile.Server, host: str, network: FetchPolicy
) -> None:
    internal.hits.clear()
    llm = _llm(f"http://{host}:{internal.port}/v1", network)
    with pytest.raises(LLMBlockedError) as caught:
        await chat_once(llm, model="m", messages=MESSAGES, response_format=None, timeout_s=5)
    assert caught.value.reason == "not_allowed"
    assert (await test_connection(llm, "m")).code == "blocked"
    assert internal.hits == []


@pytest.mark.parametrize(("encoding", "reason"), [("gzip", "too_large"), ("br", "bad_encoding")])
async def test_a_compression_bomb_is_refused_within_the_limit(
    endpoint: hostile.Server, encoding: str, reason: str
) -> None:
    llm = _llm(f"{endpoint.base}/{encoding}/v1")
    with pytest.raises(LLMBlockedError) as caught:
        await chat_once(llm, model="m", messages=MESSAGES, response_format=None, timeout_s=10)
    assert caught.value.reason == reason
    # Counted as it was decoded: never more than the limit (and nothing of an encoding it
    # did not ask for), where the body would have been 64 MiB.
    assert _refusal(caught.value).decoded <= MAX_ANSWER_BYTES + 1
    assert hostile.BOMB_DECODED > 8 * MAX_ANSWER_BYTES - 1
    report = await test_connection(llm, "m")
    assert report.code == "blocked" and report.params["reason"] == reason
    with pytest.raises(UrlFetchError) as fetched:
        await fetch_url(f"{endpoint.base}/{encoding}/", policy=ONE_HOST)
    assert fetched.value.code == reason


async def test_a_trickling_endpoint_is_cut_at_the_call_deadline(endpoint: hostile.Server) -> None:
    """A byte every 0.2 s: a read timeout of 1 s never fires; the 1 s deadline does."""
    llm = _llm(f"{endpoint.base}/trickle/v1", timeout_s=1.0)
    for call in ("once", "stream"):
        started = time.monotonic()
        with pytest.raises(LLMTimeoutError):
            if call == "once":
                await chat_once(
                    llm, model="m", messages=MESSAGES, response_format=None, timeout_s=1.0
                )
            else:
                await chat_stream(llm, model="m", messages=MESSAGES, on_delta=_ignore)
        assert time.monotonic() - started < 4.0, call  # the server would trickle for 8 s
    started = time.monotonic()
    with pytest.raises(UrlFetchError) as fetched:
        await fetch_url(f"{endpoint.base}/trickle/", policy=ONE_HOST, timeout_s=1.0)
    assert fetched.value.code == "timeout" and time.monotonic() - started < 4.0


async def _ignore(_: str) -> None:
    return


@pytest.mark.parametrize("kind", ["html", "badjson"])
async def test_a_models_list_that_is_not_json_is_a_clear_answer(
    endpoint: hostile.Server, kind: str
) -> None:
    report = await test_connection(_llm(f"{endpoint.base}/{kind}/v1"), "m")
    assert not report.ok and report.code in {"not_openai", "server_error"}


async def test_an_error_body_is_never_the_reports_words(internal: hostile.Server) -> None:
    """The internal server answers 500 with its secret: the report keeps a status and a code."""
    llm = _llm(f"{internal.base}/v1", PRIVATE_ALLOWED)
    report = await test_connection(llm, "m")
    assert not report.ok and hostile.SECRET not in repr(report.params)
    with pytest.raises(LLMError) as caught:
        await chat_once(llm, model="m", messages=MESSAGES, response_format=None, timeout_s=5)
    assert caught.value.own_endpoint
