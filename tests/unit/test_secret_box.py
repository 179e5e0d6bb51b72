"""Encryption at rest of small secrets (app/lib/secret_box.py): Fernet under keys derived from the
app's secret, readable after a change of secret while the old one is listed, then rotated."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import PROJECT_ROOT, build_settings
from app.lib.secret_box import SecretBox, SecretUnreadable

KEY = "sk-live-0123456789abcdef"


def test_a_token_holds_no_trace_of_the_secret_and_reads_back() -> None:
    box = SecretBox("app-secret", purpose="api-key")
    token = box.encrypt(KEY)
    assert KEY not in token and "0123456789" not in token
    assert box.decrypt(token) == KEY
    assert box.encrypt(KEY) != token  # a fresh IV each time: equal keys are not seen equal
    assert box.is_current(token)


def test_the_derived_key_depends_on_the_purpose_and_the_secret() -> None:
    token = SecretBox("app-secret", purpose="api-key").encrypt(KEY)
    for other in (
        SecretBox("app-secret", purpose="another-use"),
        SecretBox("another-secret", purpose="api-key"),
    ):
        with pytest.raises(SecretUnreadable):
            other.decrypt(token)


def test_a_previous_secret_still_reads_and_rotation_moves_to_the_current_one() -> None:
    old = SecretBox("old-secret", purpose="api-key").encrypt(KEY)
    box = SecretBox("new-secret", ["old-secret"], purpose="api-key")
    assert box.decrypt(old) == KEY
    assert not box.is_current(old)
    rotated = box.rotate(old)
    assert box.is_current(rotated)
    # Once rotated, the old secret can leave the list.
    assert SecretBox("new-secret", purpose="api-key").decrypt(rotated) == KEY


@pytest.mark.parametrize("token", ["", "not-a-token", "gAAAAA" + "x" * 80, "é"])
def test_garbage_or_a_lost_secret_is_unreadable_not_a_crash(token: str) -> None:
    box = SecretBox("s", purpose="api-key")
    with pytest.raises(SecretUnreadable):
        box.decrypt(token)
    with pytest.raises(SecretUnreadable):
        box.rotate(token)
    assert not box.is_current(token)


def test_an_empty_secret_is_refused() -> None:
    with pytest.raises(ValueError):
        SecretBox("", purpose="api-key")


def test_previous_secrets_come_from_the_environment_comma_separated(tmp_path: Path) -> None:
    env = {
        "CVTAILOR_CONFIG": str(PROJECT_ROOT / "litestar.toml"),
        "DATA_DIR": str(tmp_path),
        "SECRET_KEY": "now",
        "CVTAILOR_PREVIOUS_SECRETS": " before , long-ago ,,",
    }
    assert build_settings(env).previous_secret_keys == ("before", "long-ago")
    assert build_settings({**env, "CVTAILOR_PREVIOUS_SECRETS": ""}).previous_secret_keys == ()
