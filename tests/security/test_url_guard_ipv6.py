"""The offer-URL guard refuses every IPv6 form that embeds or maps a non-public IPv4
(``app/lib/url_fetch.embedded_ipv4``): Python's ``is_global`` calls ``[::127.0.0.1]`` and NAT64
or 6to4 addresses public, whatever the IPv4 inside."""

from __future__ import annotations

import ipaddress

import pytest

from app.lib.url_fetch import FetchPolicy, UrlFetchError, address_allowed, fetch_url

EMBEDDING_LOOPBACK_OR_PRIVATE = [
    "::127.0.0.1",  # IPv4-compatible (deprecated)
    "0:0:0:0:0:0:7f00:1",  # the same, spelled out
    "::ffff:127.0.0.1",  # IPv4-mapped
    "0:0:0:0:0:ffff:7f00:0001",  # the same, zero-padded hex
    "::ffff:0:10.0.0.1",  # IPv4-translated (SIIT)
    "64:ff9b::127.0.0.1",  # NAT64 well-known prefix
    "64:ff9b::c0a8:101",  # NAT64 to 192.168.1.1, in hex
    "64:ff9b:1::a9fe:a9fe",  # local-use NAT64 (metadata address inside)
    "2002:7f00:1::",  # 6to4 of 127.0.0.1
    "2002:a9fe:a9fe::1",  # 6to4 of the cloud metadata address
    "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
]


@pytest.mark.parametrize("address", EMBEDDING_LOOPBACK_OR_PRIVATE)
async def test_ipv6_forms_of_private_ipv4_are_refused(address: str) -> None:
    assert not address_allowed(ipaddress.ip_address(address), FetchPolicy())
    with pytest.raises(UrlFetchError) as caught:
        await fetch_url(f"http://[{address}]/latest/meta-data/")
    assert caught.value.code == "not_allowed"


def test_embedded_public_ipv4_is_judged_as_that_ipv4() -> None:
    public = FetchPolicy()
    assert address_allowed(ipaddress.ip_address("2002:5db8:d822::1"), public)  # 93.184.216.34
    assert address_allowed(ipaddress.ip_address("64:ff9b::5db8:d822"), public)
    assert address_allowed(ipaddress.ip_address("2606:4700::6810:84e5"), public)  # plain IPv6
    # Allowing private networks (a self-hoster's intranet board) allows them in any spelling,
    # but never the metadata address.
    local = FetchPolicy(allow_private=True)
    assert address_allowed(ipaddress.ip_address("::ffff:10.0.0.1"), local)
    assert not address_allowed(ipaddress.ip_address("2002:a9fe:a9fe::1"), local)


# Where clouds serve instance credentials: refused by default, and when private networks are
# allowed too (app/lib/url_fetch.ALWAYS_BLOCKED).
METADATA = [
    "169.254.169.254",  # AWS, GCP, Azure, OpenStack...
    "169.254.170.2",  # AWS container credentials
    "169.254.0.23",  # Tencent Cloud
    "168.63.129.16",  # Azure WireServer (a public address)
    "192.0.0.192",  # Oracle Cloud
    "100.100.100.200",  # Alibaba Cloud
    "fd00:ec2::254",  # AWS over IPv6
    "64:ff9b::a9fe:a9fe",  # NAT64 of 169.254.169.254
    "64:ff9b:1::a9fe:a9fe",  # local-use NAT64, /96 layout
    "64:ff9b:1:a9fe:a9:fe00::",  # local-use NAT64, /48 layout
    "64:ff9b:1:0:a9:fea9:fe00:0",  # local-use NAT64, /64 layout
    "::ffff:168.63.129.16",  # mapped
    "2002:c000:c0::1",  # 6to4 of 192.0.0.192
]


@pytest.mark.parametrize("address", METADATA)
@pytest.mark.parametrize("allow_private", [False, True])
async def test_metadata_addresses_are_refused_always(address: str, allow_private: bool) -> None:
    policy = FetchPolicy(allow_private=allow_private)
    assert not address_allowed(ipaddress.ip_address(address), policy)
    host = f"[{address}]" if ":" in address else address
    with pytest.raises(UrlFetchError) as caught:
        await fetch_url(f"http://{host}/latest/meta-data/", policy=policy)
    assert caught.value.code == "not_allowed"


def test_allowing_private_networks_still_allows_them_through_local_nat64() -> None:
    local = FetchPolicy(allow_private=True)
    assert address_allowed(ipaddress.ip_address("64:ff9b:1::a00:1"), local)  # 10.0.0.1
    assert not address_allowed(ipaddress.ip_address("64:ff9b:1::a00:1"), FetchPolicy())
