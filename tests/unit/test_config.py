"""``litestar.toml`` defaults, environment overrides and their validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import ENV_OVERRIDES, ConfigError, build_settings, load_raw

ROOT = Path(__file__).resolve().parents[2]


def test_defaults_come_from_litestar_toml(tmp_path: Path) -> None:
    settings = build_settings({"DATA_DIR": str(tmp_path)})
    assert settings.host == "127.0.0.1" and settings.port == 8000
    assert settings.database_url == f"sqlite+aiosqlite:///{tmp_path / 'cvtailor.db'}"
    assert settings.redis_url == ""
    assert settings.effective_redis_url == f"unix://{tmp_path / 'redis' / 'redis.sock'}?db=0"
    assert settings.upload_max_bytes == 5 * 1024 * 1024 and settings.pdf_max_pages == 10


def test_environment_overrides_win(tmp_path: Path) -> None:
    settings = build_settings(
        {
            "DATA_DIR": str(tmp_path),
            "HOST": "0.0.0.0",
            "PORT": "9001",
            "DATABASE_URL": "postgresql+asyncpg://u@db/cv",
            "REDIS_URL": "redis://cache:6379/1",
            "LLM_BASE_URL": "http://llm.local/v1",
            "CVTAILOR_SECURE_COOKIES": "yes",
        }
    )
    assert (settings.host, settings.port) == ("0.0.0.0", 9001)
    assert settings.database_url.startswith("postgresql+asyncpg://")
    assert settings.effective_redis_url == "redis://cache:6379/1"
    assert settings.llm_base_url == "http://llm.local/v1"
    assert settings.secure_cookies is True


def test_one_users_share_of_the_worker_follows_its_capacity(tmp_path: Path) -> None:
    """``CVTAILOR_JOBS_PER_USER`` 0 (the default): a quarter of ``CVTAILOR_MAX_JOBS``, at least
    one; set, it wins (jobs/fair_share.py)."""
    data = {"DATA_DIR": str(tmp_path)}
    assert build_settings(data).user_job_share == 5  # max_jobs 20
    assert build_settings({**data, "CVTAILOR_MAX_JOBS": "8"}).user_job_share == 2
    assert build_settings({**data, "CVTAILOR_MAX_JOBS": "2"}).user_job_share == 1
    assert build_settings({**data, "CVTAILOR_JOBS_PER_USER": "3"}).user_job_share == 3


def test_bad_values_name_the_variable(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="PORT"):
        build_settings({"DATA_DIR": str(tmp_path), "PORT": "eighty"})
    with pytest.raises(ConfigError, match="CVTAILOR_SECURE_COOKIES"):
        build_settings({"DATA_DIR": str(tmp_path), "CVTAILOR_SECURE_COOKIES": "maybe"})
    with pytest.raises(ConfigError, match="CVTAILOR_DEFAULT_LOCALE"):
        build_settings({"DATA_DIR": str(tmp_path), "CVTAILOR_DEFAULT_LOCALE": "de"})


def test_secret_key_is_generated_once_and_reused(tmp_path: Path) -> None:
    first = build_settings({"DATA_DIR": str(tmp_path)}).secret_key
    second = build_settings({"DATA_DIR": str(tmp_path)}).secret_key
    assert first == second and len(first) > 40
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    assert build_settings({"DATA_DIR": str(tmp_path), "SECRET_KEY": "given"}).secret_key == "given"


def test_every_key_of_litestar_toml_is_documented_and_overridable() -> None:
    raw = load_raw(ROOT / "litestar.toml", {})
    keys = {(section, key) for section, values in raw.items() for key in values}
    assert keys == set(ENV_OVERRIDES.values())
    text = (ROOT / "litestar.toml").read_text()
    for env_name in ENV_OVERRIDES:
        assert f"[{env_name}]" in text, env_name
    readme = (ROOT / "README.md").read_text()
    for env_name in ENV_OVERRIDES:
        assert env_name in readme, f"README does not document {env_name}"
