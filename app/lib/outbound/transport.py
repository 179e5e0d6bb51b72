"""``PolicyTransport``: the outbound policy as an ``httpx`` transport, so a client built on it
(the offer fetcher's, every ``openai`` client: app/lib/llm/transport.py) cannot send a request
around it, whichever hop, redirect or retry sends it.

For every request it sends:
* the URL and every address its host resolves to pass ``addresses.resolve``; the connection
  goes to the checked address (pinned: no second DNS lookup an attacker could answer
  differently), with the original Host header and TLS server name;
* only the encodings ``bounded_decode`` inflates within a limit are asked for, and the answer
  is decoded here, counting decoded bytes: past ``max_bytes`` it stops, whatever the encoding
  (an encoding not asked for, brotli or zstd included, is refused before any byte is inflated);
* the whole call (connection, headers, every byte of the body) ends at one deadline: the
  request's own read timeout (``deadline_s`` when it has none); a server trickling a byte every
  few seconds never resets it, as it resets a read timeout.

The answer leaves decoded (no ``Content-Encoding``), so the client does not inflate it again.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import httpx

from app.lib.bounded_decode import (
    ACCEPT_ENCODING,
    BodyTooLarge,
    BoundedDecoder,
    CorruptBody,
    UnsupportedEncoding,
)
from app.lib.outbound.addresses import FetchPolicy, IPAddress, check_url, resolve
from app.lib.outbound.errors import DeadlinePassed, OutboundRefused, UrlFetchError

_DROPPED = ("content-encoding", "content-length")  # true of the raw body, not the decoded one


def _megabytes(limit: int) -> int:
    return limit // (1024 * 1024) or 1


class _DecodedBody(httpx.AsyncByteStream):
    """The raw body decoded under the limit and the deadline; ``decoded`` counts what came out."""

    def __init__(
        self, raw: httpx.AsyncByteStream, decoder: BoundedDecoder, deadline: float, seconds: float
    ) -> None:
        self._raw = raw
        self._decoder = decoder
        self._deadline = deadline
        self._seconds = seconds

    @property
    def decoded(self) -> int:
        return self._decoder.produced

    async def __aiter__(self) -> AsyncIterator[bytes]:
        chunks = self._raw.__aiter__()
        try:
            while True:
                try:
                    async with asyncio.timeout_at(self._deadline):
                        chunk = await anext(chunks)
                except StopAsyncIteration:
                    break
                except TimeoutError:
                    raise DeadlinePassed(self._seconds) from None
                if part := self._decoder.feed(chunk):
                    yield part
            if tail := self._decoder.finish():
                yield tail
        except BodyTooLarge:
            limit = _megabytes(self._decoder.limit)
            raise OutboundRefused("too_large", decoded=self.decoded, limit=limit) from None
        except CorruptBody:
            raise OutboundRefused("unreachable") from None

    async def aclose(self) -> None:
        await self._raw.aclose()


def _pin(request: httpx.Request, scheme: str, host: str, address: IPAddress) -> None:
    """Send to ``address`` while the server sees the URL's host (Host header, TLS name)."""
    request.headers.setdefault("Host", request.url.netloc.decode("ascii"))
    request.url = request.url.copy_with(host=str(address))
    if scheme == "https":
        request.extensions = {**request.extensions, "sni_hostname": host}


def _call_seconds(request: httpx.Request, default: float) -> float:
    timeouts: dict[str, Any] = request.extensions.get("timeout") or {}
    read = timeouts.get("read")
    return float(read) if isinstance(read, int | float) and read > 0 else default


class PolicyTransport(httpx.AsyncBaseTransport):
    """Every request through ``inner`` (a plain ``httpx.AsyncHTTPTransport`` by default) under
    ``policy``, ``max_bytes`` decoded, and a deadline per call (``deadline_s`` by default)."""

    def __init__(
        self,
        policy: FetchPolicy,
        *,
        max_bytes: int,
        deadline_s: float,
        inner: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.policy = policy
        self.max_bytes = max_bytes
        self.deadline_s = deadline_s
        self._inner = inner or httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        seconds = _call_seconds(request, self.deadline_s)
        deadline = asyncio.get_running_loop().time() + seconds
        try:
            scheme, host, port = check_url(str(request.url))
            async with asyncio.timeout_at(deadline):
                address = await resolve(host, port, self.policy)
        except UrlFetchError as exc:
            raise OutboundRefused(exc.code, **exc.values) from None
        except TimeoutError:
            raise DeadlinePassed(seconds) from None
        _pin(request, scheme, host, address)
        request.headers["Accept-Encoding"] = ACCEPT_ENCODING  # what BoundedDecoder inflates
        try:
            async with asyncio.timeout_at(deadline):
                response = await self._inner.handle_async_request(request)
        except TimeoutError:
            raise DeadlinePassed(seconds) from None
        return await self._bounded(response, deadline, seconds)

    async def _bounded(
        self, response: httpx.Response, deadline: float, seconds: float
    ) -> httpx.Response:
        declared = response.headers.get("content-length", "")
        encoding = response.headers.get("content-encoding")
        try:
            if declared.isascii() and declared.isdigit() and int(declared) > self.max_bytes:
                raise OutboundRefused("too_large", limit=_megabytes(self.max_bytes))
            decoder = BoundedDecoder(encoding, self.max_bytes)
        except UnsupportedEncoding as exc:
            await response.aclose()
            raise OutboundRefused("bad_encoding", encoding=exc.encoding[:40]) from None
        except OutboundRefused:
            await response.aclose()
            raise
        headers = [(k, v) for k, v in response.headers.multi_items() if k.lower() not in _DROPPED]
        assert isinstance(response.stream, httpx.AsyncByteStream)
        return httpx.Response(
            response.status_code,
            headers=headers,
            stream=_DecodedBody(response.stream, decoder, deadline, seconds),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self._inner.aclose()


def policy_client(
    policy: FetchPolicy,
    *,
    max_bytes: int,
    deadline_s: float,
    follow_redirects: bool = False,
    **options: Any,
) -> httpx.AsyncClient:
    """An ``httpx`` client whose every request goes through ``PolicyTransport``. No proxy from
    the environment (a proxy transport would bypass it); no redirect followed unless asked,
    and then each hop is checked like the first."""
    transport = PolicyTransport(policy, max_bytes=max_bytes, deadline_s=deadline_s)
    return httpx.AsyncClient(
        transport=transport, trust_env=False, follow_redirects=follow_redirects, **options
    )
