"""Operator CLI (``make admin``) and the OpenAPI document."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from litestar import Litestar
from litestar.testing import AsyncTestClient

from app.config import Settings
from app.domain.cvs.intake import MAX_TEXT_CHARS, MIN_TEXT_CHARS
from app.domain.generation.services import MAX_OFFERS
from app.domain.offers.editing import API_FIELDS, TEXT_LIMITS
from app.domain.offers.intake import JOB_KEYS, MAX_OFFER_CHARS
from app.lib.parsing.formats.json_resume import TOP_LEVEL_KEYS
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


async def test_openapi_document_describes_the_bodies_read_by_hand(
    client: AsyncTestClient[Litestar],
) -> None:
    """Imports and offer edits parse their body themselves; the document still describes it."""
    document = (await client.get("/schema/openapi.json")).json()
    paths = document["paths"]

    def body(path: str, method: str) -> dict[str, Any]:
        request_body: dict[str, Any] = paths[path][method]["requestBody"]
        assert request_body["required"] is True, f"{method} {path}"
        return request_body["content"]

    cv_import = body("/api/cvs", "post")
    assert set(cv_import) == {"multipart/form-data", "application/json"}
    upload = cv_import["multipart/form-data"]["schema"]
    assert upload["required"] == ["file"]
    assert upload["properties"]["file"]["format"] == "binary"
    pasted, resume = cv_import["application/json"]["schema"]["anyOf"]
    assert pasted["required"] == ["text"]
    text_limits = pasted["properties"]["text"]
    assert (text_limits["minLength"], text_limits["maxLength"]) == (MIN_TEXT_CHARS, MAX_TEXT_CHARS)
    assert {tuple(v["required"]) for v in resume["anyOf"]} == {(k,) for k in TOP_LEVEL_KEYS}

    offer_add = body("/api/job-offers", "post")
    assert set(offer_add) == {"application/json"}
    text, url, job = offer_add["application/json"]["schema"]["anyOf"]
    assert (text["required"], url["required"]) == (["text"], ["url"])
    assert text["properties"]["text"]["maxLength"] == MAX_OFFER_CHARS
    assert {tuple(v["required"]) for v in job["anyOf"]} == {(k,) for k in JOB_KEYS}

    offer_edit = body("/api/job-offers/{offer_id}", "put")
    assert set(offer_edit) == {"application/json"}
    edit = offer_edit["application/json"]["schema"]
    assert "required" not in edit and edit["additionalProperties"] is False
    assert set(edit["properties"]) == set(API_FIELDS)
    assert edit["properties"]["title"]["maxLength"] == TEXT_LIMITS["title"]
    assert edit["properties"]["description"]["maxLength"] == MAX_OFFER_CHARS

    generate = paths["/api/cv/generate-v2"]["post"]["requestBody"]["content"]["application/json"]
    schema = generate["schema"]
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[-1]
        schema = document["components"]["schemas"][name]
    offer_ids = schema["properties"]["jobOfferIds"]
    assert (offer_ids["minItems"], offer_ids["maxItems"]) == (1, MAX_OFFERS)
