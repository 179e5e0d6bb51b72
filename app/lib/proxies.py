"""The client address behind a reverse proxy, from the trusted proxies only.

A request's peer is the proxy when one stands in front: the real client is in the
``X-Forwarded-For`` header the proxy adds. Anyone can send that header, so it is read only when
the peer is one of ``settings.trusted_proxies`` (addresses or networks; by default loopback,
where a proxy on the same machine connects from). The per-client rate limits (sign-in, sign-up,
password checks: app/lib/rate_limit.py) count by the address found here.

The app does this itself, whatever server runs it: the launcher starts uvicorn with
``--no-proxy-headers`` (uvicorn would otherwise believe loopback peers on its own, before the
setting is read). uvicorn's ``ProxyHeadersMiddleware`` does the reading: from the right of
``X-Forwarded-For``, the first address that is not a trusted proxy is the client.
"""

from __future__ import annotations

from litestar.middleware import DefineMiddleware
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware


def proxy_headers_middleware(trusted_proxies: str) -> DefineMiddleware:
    trusted = [entry for entry in trusted_proxies.split(",") if entry]
    # uvicorn types its middleware with its own ASGI types, the same protocol as Litestar's.
    return DefineMiddleware(ProxyHeadersMiddleware, trusted_hosts=trusted)  # type: ignore[arg-type]
