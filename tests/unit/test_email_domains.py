"""Sign-up addresses on an intranet's own domain are accepted; the syntax and the look-alike rules
still hold for them (app/lib/email_address.py)."""

from __future__ import annotations

import pytest

from app.lib.email_address import checked_email
from app.lib.errors import ValidationFailed


@pytest.mark.parametrize(
    "address",
    [
        "ana@intranet.local",
        "ana@corp.test",
        "ana@hr.corp.internal",
        "ana@localhost",
        "ana@jobs.localhost",
        "ana@corp",  # a single-label intranet domain
        "ana.martin+cv@rh.intranet.local",
        "élodie@société.local",  # international, one alphabet
    ],
)
def test_an_intranet_domain_is_accepted(address: str) -> None:
    assert checked_email(address) == address


def test_an_intranet_address_is_normalised_like_any_other() -> None:
    assert checked_email("  Ana@Intranet.LOCAL ") == "ana@intranet.local"


@pytest.mark.parametrize(
    ("address", "code"),
    [
        ("ana@intranet..local", "auth.invalid_email"),  # an empty label
        ("ana@-corp.local", "auth.invalid_email"),  # a label starting with a hyphen
        ("ana@corp_hr.test", "auth.invalid_email"),  # no underscore in a host name
        ("ana@.local", "auth.invalid_email"),
        ("ana@local.", "auth.invalid_email"),
        ("ana.@intranet.local", "auth.invalid_email"),  # a dot ending the local part
        ("ana@@intranet.local", "auth.invalid_email"),
        ("@intranet.local", "auth.invalid_email"),
        ("ana@", "auth.invalid_email"),
        ("ana@x.invalid", "auth.invalid_email"),  # reserved as never valid
        ("ana@x.onion", "auth.invalid_email"),
        ("ana@1.0.0.127.in-addr.arpa", "auth.invalid_email"),
        # Invisible characters and mixed alphabets, on an intranet domain too.
        ("ana\u200b@intranet.local", "auth.email_invisible_characters"),  # zero-width space
        ("ana@intra\u202enet.local", "auth.email_invisible_characters"),  # bidi override
        ("ana\u00ad@corp.test", "auth.email_invisible_characters"),  # soft hyphen
        ("ana\x00@corp.test", "auth.email_invisible_characters"),
        ("ana@intr\u0430net.local", "auth.email_mixed_scripts"),  # Cyrillic "а" among Latin
        ("\u03b1na@corp.test", "auth.email_mixed_scripts"),  # Greek alpha
        ("ana@corp.lоcal", "auth.email_mixed_scripts"),  # Cyrillic "о" in the suffix itself
    ],
)
def test_a_hostile_or_broken_address_is_refused(address: str, code: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        checked_email(address)
    assert refused.value.code == code
