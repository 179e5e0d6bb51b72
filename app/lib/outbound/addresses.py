"""Which hosts an outbound request may reach (the offer fetcher's rules, now every request's).

* http and https only, no credentials in the URL.
* The host is resolved here and every address checked: loopback, private, link-local,
  carrier-grade NAT, reserved, multicast and unspecified addresses are refused unless
  ``allow_private`` (the ``allow_private_offer_urls`` admin setting). Cloud metadata addresses
  (``ALWAYS_BLOCKED``: IPv4 link-local as a whole, the providers' own public-looking ones and
  their IPv6 ones), ``0.0.0.0/8`` (the local host on Linux), in any IPv6 spelling (mapped,
  compatible, NAT64 including the local-use prefix, 6to4, Teredo), multicast and unspecified
  ones are refused always.
* A host written as a number in another base or with fewer dots (``2130706433``, ``0x7f.1``,
  ``0177.0.0.1``, ``127.1``) is read as the IPv4 address it means, as a socket would, and
  checked as that address: no resolver's reading of it is trusted.
"""

from __future__ import annotations

import asyncio
import ipaddress
import re
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from app.lib.outbound.errors import UrlFetchError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
# Refused even when private networks are allowed: where clouds serve instance credentials.
# IPv4 link-local as a whole (169.254.169.254 for AWS, GCP, Azure, OpenStack and most others,
# 169.254.170.2 for AWS container credentials, 169.254.0.23 for Tencent Cloud...): no job board
# or AI server lives there. Embedded in an IPv6 address (NAT64, 6to4, mapped...) they are
# refused too.
ALWAYS_BLOCKED: tuple[Network, ...] = tuple(
    ipaddress.ip_network(network)
    for network in (
        "0.0.0.0/8",  # "this network": 0.0.0.0 reaches the local host's services on Linux
        "169.254.0.0/16",  # IPv4 link-local: cloud metadata and container credentials
        "168.63.129.16/32",  # Azure WireServer (a public address: allowed by is_global)
        "192.0.0.192/32",  # Oracle Cloud metadata
        "100.100.100.200/32",  # Alibaba Cloud metadata
        "fd00:ec2::/32",  # AWS over IPv6: metadata (::254), DNS (::253), time (::123)
        "fd20:ce::254/128",  # Google Cloud metadata over IPv6
    )
)


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    allow_private: bool = False
    # Networks allowed even when private (e.g. one intranet job board); empty by default.
    extra_allowed: tuple[Network, ...] = ()


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
# What inet_aton reads as an IPv4 address: 1 to 4 parts, each decimal, octal (0…) or hex (0x…).
_NUMERIC_HOST = re.compile(r"^(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}$", re.IGNORECASE)


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


def host_literal(host: str) -> IPAddress | None:
    """The address a host names by itself (no DNS): an IP literal in any form a socket
    accepts, including ``2130706433``, ``0x7f.1`` and ``0177.0.0.1``."""
    bare = host.strip("[]").split("%")[0]
    try:
        return ipaddress.ip_address(bare)
    except ValueError:
        pass
    if _NUMERIC_HOST.match(bare):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(bare))
        except OSError:
            return None  # a part out of range: no address; the resolver refuses it too
    return None


async def resolve(host: str, port: int, policy: FetchPolicy) -> IPAddress:
    """The address to connect to; every address the name resolves to must be allowed."""
    literal = host_literal(host)
    if literal is not None:
        addresses: list[IPAddress] = [literal]
    elif _NUMERIC_HOST.match(host):
        raise UrlFetchError("bad_url")  # numeric but no address: never ask a resolver
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
