"""Google Cloud's metadata server over IPv6 (``fd20:ce::254``) is refused by the outbound policy
(app/lib/outbound/addresses.py ALWAYS_BLOCKED) in every spelling, even where private addresses
are allowed (the ``allow_private_offer_urls`` setting, the site's AI endpoint) and even inside
a network an administrator allowed by name. Refused before any connection is tried."""

from __future__ import annotations

import ipaddress

import pytest

from app.lib.llm.transport import SITE_NETWORK
from app.lib.outbound.addresses import FetchPolicy, address_allowed, host_literal
from app.lib.url_fetch import UrlFetchError, fetch_url

SPELLINGS = [
    "fd20:ce::254",
    "FD20:CE:0:0:0:0:0:254",
    "fd20:00ce:0000:0000:0000:0000:0000:0254",
    "fd20:ce::254%eth0",  # with a zone
]
POLICIES = {
    "private allowed": FetchPolicy(allow_private=True),
    "site endpoint": SITE_NETWORK,
    "its network allowed": FetchPolicy(
        allow_private=True, extra_allowed=(ipaddress.ip_network("fd20::/16"),)
    ),
}


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("policy", list(POLICIES))
def test_every_spelling_is_refused_under_every_policy(spelling: str, policy: str) -> None:
    address = host_literal(spelling)
    assert address == ipaddress.ip_address("fd20:ce::254")
    assert not address_allowed(address, POLICIES[policy])
    # Its neighbours in an allowed private network stay allowed: the rule is this address.
    assert address_allowed(ipaddress.ip_address("fd20:ce::253"), POLICIES["its network allowed"])


@pytest.mark.parametrize("host", ["[fd20:ce::254]", "[fd20:ce::254%25eth0]"])
async def test_a_fetch_is_refused_before_connecting(host: str) -> None:
    with pytest.raises(UrlFetchError) as caught:
        await fetch_url(
            f"http://{host}/computeMetadata/v1/", policy=POLICIES["private allowed"], timeout_s=2
        )
    assert caught.value.code == "not_allowed"
