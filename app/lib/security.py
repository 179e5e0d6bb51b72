"""Password hashing, API-token minting and email normalisation."""

from __future__ import annotations

import hashlib
import secrets
import unicodedata

import anyio
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()

API_TOKEN_PREFIX = "cvt_"  # noqa: S105 - a public prefix, not a secret


async def hash_password(password: str) -> str:
    # argon2 costs ~50 ms of CPU on purpose: off the event loop, so other requests keep flowing.
    return await anyio.to_thread.run_sync(_hasher.hash, password)


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


async def verify_password(password_hash: str, password: str) -> bool:
    return await anyio.to_thread.run_sync(_verify, password_hash, password)


def password_needs_rehash(password_hash: str) -> bool:
    return _hasher.check_needs_rehash(password_hash)


# A fixed hash to verify against when the email is unknown, so timing does not reveal accounts.
# Written out rather than computed at import: hashing it cost every process that imports the app
# (web, worker, CLI) ~0.25 s of CPU. It carries ``_hasher``'s parameters, so verifying it costs
# what verifying a real one does (tests/unit/test_password_hashing.py checks both).
# It is the hash of "not-a-real-password", no account's.
DUMMY_PASSWORD_HASH = (
    "$argon2id$v=19$m=65536,t=3,p=4$P05c5YZ13f0tkizU13tRHA"  # noqa: S105 - see above
    "$S/hBoZYFeN6oDtAZZYeOrt8lQh1HRQxnqZ4KGdgqZ2E"
)


def normalise_email(email: str) -> str:
    """The one form an address is stored and looked up in: NFKC + casefold of the whole address.

    Fullwidth letters, ligatures and NFD accents fold onto the same string as their plain form,
    so a look-alike spelling finds the existing account instead of creating a second one. For an
    ASCII address this equals ``lower()``: accounts stored before this rule still match.
    """
    folded = unicodedata.normalize("NFKC", email.strip()).casefold()
    return unicodedata.normalize("NFKC", folded)  # casefold can undo NFKC (e.g. U+0345)


def mint_api_token() -> tuple[str, str]:
    """Return ``(token, sha256 hex)``: the token is shown once, only the hash is stored."""
    token = API_TOKEN_PREFIX + secrets.token_urlsafe(32)
    return token, hash_api_token(token)


def hash_api_token(token: str) -> str:
    return hash_random_token(token)


def hash_random_token(token: str) -> str:
    """What is stored of a secret shown once (API tokens, invitation and reset links): they are
    256-bit random, so a fast hash is enough (no dictionary to attack)."""
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()
