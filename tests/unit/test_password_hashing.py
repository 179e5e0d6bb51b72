"""The app hashes passwords with argon2id at its full cost; the test process swaps in argon2's
cheapest profile (tests/conftest.py), so the production hasher is checked here."""

from __future__ import annotations

import pytest
from argon2 import Type, profiles

from app.lib import security
from tests.conftest import PRODUCTION_DUMMY_HASH, PRODUCTION_HASHER


def test_the_app_hashes_with_argon2id_at_the_rfc_9106_low_memory_cost() -> None:
    expected = profiles.RFC_9106_LOW_MEMORY
    assert PRODUCTION_HASHER.type is Type.ID
    assert PRODUCTION_HASHER.memory_cost == expected.memory_cost >= 64 * 1024  # KiB
    assert PRODUCTION_HASHER.time_cost == expected.time_cost >= 3
    assert PRODUCTION_HASHER.hash_len == expected.hash_len


def test_the_unknown_email_hash_costs_what_a_real_one_does() -> None:
    # Verifying it stands in for verifying an account's hash: same parameters, a real hash.
    assert not PRODUCTION_HASHER.check_needs_rehash(PRODUCTION_DUMMY_HASH)
    assert PRODUCTION_HASHER.verify(PRODUCTION_DUMMY_HASH, "not-a-real-password")


async def test_a_hash_made_at_the_test_cost_verifies_and_asks_to_be_upgraded() -> None:
    cheap = await security.hash_password("correct horse")
    assert await security.verify_password(cheap, "correct horse")
    assert not await security.verify_password(cheap, "wrong horse")
    # A hash made with other parameters is rehashed at the next sign-in.
    assert PRODUCTION_HASHER.check_needs_rehash(cheap)
    assert not PRODUCTION_HASHER.check_needs_rehash(PRODUCTION_HASHER.hash("correct horse"))


@pytest.mark.parametrize("garbage", ["", "not a hash", "$argon2id$v=19$m=1"])
async def test_a_broken_stored_hash_never_verifies(garbage: str) -> None:
    assert not await security.verify_password(garbage, "anything")
