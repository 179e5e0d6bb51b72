"""Operator CLI (``make admin``) and the OpenAPI document."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from litestar import Litestar
from litestar.testing import AsyncTestClient

from app.config import Settings
from tests.conftest import register

ROOT = Path(__file__).resolve().parents[2]


def _cli(settings: Settings, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": "/usr/bin:/bin",
        "DATA_DIR": str(settings.data_dir),
        "DATABASE_URL": settings.database_url,
        "SECRET_KEY": "x",
    }
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )


async def test_cli_migrate_is_idempotent_and_admin_promotes(
    client: AsyncTestClient[Litestar], settings: Settings, another_client: object
) -> None:
    assert _cli(settings, "migrate").returncode == 0
    await register(client, "owner@example.com")
    async with another_client() as other:  # type: ignore[operator]
        member = await register(other, "member@example.com")
        assert member["isAdmin"] is False
        done = _cli(settings, "admin", "Member@Example.com")
        assert done.returncode == 0, done.stderr
        assert "now an administrator" in done.stdout
        assert (await other.get("/api/auth/me")).json()["isAdmin"] is True
    missing = _cli(settings, "admin", "nobody@example.com")
    assert missing.returncode == 1 and "No account" in missing.stderr


async def test_openapi_document_lists_the_json_api(client: AsyncTestClient[Litestar]) -> None:
    response = await client.get("/schema/openapi.json")
    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in ("/api/auth/register", "/api/auth/login", "/api/credits", "/api/events", "/health"):
        assert path in paths, path
    assert "/login" not in paths  # HTML pages are not part of the API
