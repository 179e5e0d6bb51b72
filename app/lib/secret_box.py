"""Encrypt small secrets at rest (a user's own AI key) with keys derived from the app's secret.

Fernet (AES-128-CBC + HMAC-SHA256, from the ``cryptography`` package) with its key derived from
``SECRET_KEY`` by HKDF-SHA256, one derived key per ``purpose`` (``info``), so the session
signing key is never used as is to encrypt.

Rotation: ``CVTAILOR_PREVIOUS_SECRETS`` lists the secrets the app had before. A token made under
one of them still decrypts (``MultiFernet`` tries the current key first, then each previous
one); ``rotate`` re-encrypts it under the current key. ``app.cli migrate`` (run at every start
by the launcher) re-encrypts every stored key that way (app/settings/user_endpoint.py), after
which the old secret can leave the list.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

# Fixed, public: HKDF's salt only separates this app's derivations from any other's.
_SALT = b"cv-tailor/secret-box/v1"


class SecretUnreadable(Exception):
    """The token was made under a secret that is neither the current one nor a listed previous
    one (or was altered): the secret it holds is lost and must be entered again."""


def _derived_key(secret: str, purpose: str) -> bytes:
    raw = HKDF(
        algorithm=hashes.SHA256(), length=32, salt=_SALT, info=purpose.encode("utf-8")
    ).derive(secret.encode("utf-8"))
    return base64.urlsafe_b64encode(raw)


class SecretBox:
    """Encrypts under ``secret``; decrypts under ``secret`` or any of ``previous``."""

    def __init__(self, secret: str, previous: Sequence[str] = (), *, purpose: str) -> None:
        if not secret:
            raise ValueError("an empty secret encrypts nothing")
        self._current = Fernet(_derived_key(secret, purpose))
        older = [Fernet(_derived_key(s, purpose)) for s in previous if s and s != secret]
        self._all = MultiFernet([self._current, *older])

    def encrypt(self, plain: str) -> str:
        return self._all.encrypt(plain.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        try:
            return self._all.decrypt(token.encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeError) as exc:
            raise SecretUnreadable("the secret cannot be decrypted with the known keys") from exc

    def is_current(self, token: str) -> bool:
        """Was ``token`` made under the current secret (nothing to rotate)?"""
        try:
            self._current.decrypt(token.encode("ascii"))
        except (InvalidToken, UnicodeError):
            return False
        return True

    def rotate(self, token: str) -> str:
        """The same secret, encrypted under the current key (``SecretUnreadable`` if lost)."""
        try:
            return self._all.rotate(token.encode("ascii")).decode("ascii")
        except (InvalidToken, UnicodeError) as exc:
            raise SecretUnreadable("the secret cannot be decrypted with the known keys") from exc
