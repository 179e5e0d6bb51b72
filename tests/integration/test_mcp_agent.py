"""The agent API (app/mcp/) driven by the official MCP client through both of its doors: over
stdio, the process `make mcp` runs (``python -m app.mcp``, token in ``CVTAILOR_MCP_TOKEN``), and
over streamable HTTP, the live server with ``CVTAILOR_MCP_HTTP`` on. Each adds an offer, tailors
the CV to two offers with the offline engine (no LLM configured; a real worker), downloads a
tailored CV's PDF and reads it back, moves an application, and is refused another user's CV and,
once revoked, its own token.
"""

from __future__ import annotations

import asyncio
import base64
import io
import json
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import httpx
import httpx2
import pdfplumber
import pytest
from arq.worker import Worker
from mcp import Client, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.types import BlobResourceContents, CallToolResult, EmbeddedResource, TextContent
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from tests import factories
from tests.fixtures.live import browser, echo_csrf_cookie

ROOT = Path(__file__).resolve().parents[2]
TOOLS = {
    "list_cvs",
    "get_cv_pdf",
    "list_offers",
    "confirm_offer_header",
    "add_offer",
    "start_generation",
    "generation_status",
    "list_applications",
    "get_application",
    "move_application",
    "list_replies_to_review",
    "decide_reply",
}
OFFER_TEXT = """Data Engineer - Parcel Express - Lyon

We are hiring a data engineer to build our parcel data pipelines in Python.

Requirements:
- Python
- PostgreSQL
- Redis

Fluent English required."""


@pytest.fixture
def settings(settings: Settings) -> Settings:
    return replace(settings, mcp_http_enabled=True)


class Owner:
    """A signed-up user: a browser on the live server, a source CV, an offer, an API token."""

    def __init__(self, http: httpx.AsyncClient, me: dict[str, Any], token: dict[str, Any]):
        self.http = http
        self.id: str = me["id"]
        self.token: str = token["token"]
        self.token_id: str = token["id"]
        self.source_id = ""
        self.offer_id = ""

    async def revoke_token(self) -> None:
        response = await self.http.delete(f"/api/tokens/{self.token_id}")
        assert response.status_code == 200, response.text


@asynccontextmanager
async def owner(live_server: str, db: AsyncSession, email: str) -> AsyncIterator[Owner]:
    http = await browser(live_server, email)
    http.event_hooks["request"] = [echo_csrf_cookie]
    try:
        me = (await http.get("/api/auth/me")).json()
        token = await http.post("/api/tokens", json={"name": "agent"})
        assert token.status_code == 201, token.text
        user = Owner(http, me, token.json())
        user.source_id = (await factories.source_cv(db, user.id)).id
        user.offer_id = (await factories.job_offer(db, user.id)).id
        yield user
    finally:
        await http.aclose()


@asynccontextmanager
async def over_stdio(settings: Settings, token: str, log: Path) -> AsyncIterator[Client]:
    environment = {
        "CVTAILOR_MCP_TOKEN": token,
        "DATABASE_URL": settings.database_url,
        "REDIS_URL": settings.effective_redis_url,
        "DATA_DIR": str(settings.data_dir),  # the render cache the worker fills
        "SECRET_KEY": settings.secret_key,
    }
    server = StdioServerParameters(
        command=sys.executable, args=["-m", "app.mcp"], env=environment, cwd=ROOT
    )
    with log.open("w") as errors:
        async with Client(stdio_client(server, errlog=errors)) as client:
            yield client


@asynccontextmanager
async def over_http(live_server: str, token: str) -> AsyncIterator[Client]:
    headers = {"Authorization": f"Bearer {token}"}
    async with httpx2.AsyncClient(headers=headers, timeout=60) as http:
        transport = streamable_http_client(f"{live_server}/api/mcp", http_client=http)
        async with Client(transport) as client:
            yield client


async def call(client: Client, tool: str, **arguments: Any) -> dict[str, Any]:
    result = await client.call_tool(tool, arguments)
    assert isinstance(result, CallToolResult)
    text = result.content[0]
    assert isinstance(text, TextContent)
    assert not result.is_error, f"{tool}: {text.text}"
    return dict(json.loads(text.text))


async def refusal(client: Client, tool: str, **arguments: Any) -> str:
    """The text of the tool error: the app's JSON error body, or the SDK's word on an argument
    that does not fit its declared type."""
    result = await client.call_tool(tool, arguments)
    assert isinstance(result, CallToolResult)
    text = result.content[0]
    assert isinstance(text, TextContent)
    assert result.is_error, f"{tool} was not refused: {text.text}"
    return text.text


async def until(client: Client, tool: str, done: Any, **arguments: Any) -> dict[str, Any]:
    """Ask again until ``done``: a net for a hang only, generous for a busy machine."""
    async with asyncio.timeout(120):
        while True:
            answer = await call(client, tool, **arguments)
            if done(answer):
                return answer
            await asyncio.sleep(0.2)


async def tailor_two_offers(client: Client, user: Owner, strangers_cv: str) -> None:
    """The whole journey through one door."""
    assert {tool.name for tool in (await client.list_tools()).tools} >= TOOLS

    cvs = await call(client, "list_cvs", kind="source")
    assert [cv["id"] for cv in cvs["cvs"]] == [user.source_id]

    added = await call(client, "add_offer", text=OFFER_TEXT)
    offers = await until(
        client,
        "list_offers",
        lambda answer: any(
            o["id"] == added["id"] and o["extractionStatus"] == "completed"
            for o in answer["offers"]
        ),
    )
    assert {o["id"] for o in offers["offers"]} == {added["id"], user.offer_id}

    started = await call(
        client,
        "start_generation",
        source_cv_id=user.source_id,
        offer_ids=[added["id"], user.offer_id],
    )
    assert started["totalOffers"] == 2
    status = await until(
        client, "generation_status", lambda answer: answer["finished"], task_id=started["taskId"]
    )
    assert status["task"]["status"] == "completed", status
    assert [o["status"] for o in status["offers"]] == ["completed", "completed"]
    assert [o["jobOfferId"] for o in status["offers"]] == [added["id"], user.offer_id]

    tailored = status["offers"][0]["generatedCvFileId"]
    result = await client.call_tool("get_cv_pdf", {"cv_id": tailored})
    assert isinstance(result, CallToolResult) and not result.is_error, result
    embedded = [block for block in result.content if isinstance(block, EmbeddedResource)]
    assert len(embedded) == 1
    resource = embedded[0].resource
    assert isinstance(resource, BlobResourceContents)
    assert resource.mime_type == "application/pdf"
    pdf = base64.b64decode(resource.blob)
    assert pdf.startswith(b"%PDF")
    with pdfplumber.open(io.BytesIO(pdf)) as document:
        assert "Alex Martin" in (document.pages[0].extract_text() or "")

    # Another user's CV answers as a missing one, as on the JSON API.
    refused = json.loads(await refusal(client, "get_cv_pdf", cv_id=strangers_cv))
    assert refused["error"] == "cv.not_found", refused

    # Each tailored CV's offer is tracked as an application, to apply to.
    listed = await call(client, "list_applications")
    assert {a["jobOfferId"] for a in listed["applications"]} == {added["id"], user.offer_id}
    application = next(a for a in listed["applications"] if a["jobOfferId"] == added["id"])
    assert application["status"] == "to_apply"
    moved = await call(
        client, "move_application", application_id=application["id"], status="applied"
    )
    assert moved["status"] == "applied"
    read = await call(client, "get_application", application_id=application["id"])
    assert read["status"] == "applied" and read["version"] == application["version"] + 1
    wrong = await refusal(
        client, "move_application", application_id=application["id"], status="sideways"
    )
    assert "status" in wrong and "'applied'" in wrong, wrong  # the field, and what it takes
    stale = await refusal(
        client,
        "move_application",
        application_id=application["id"],
        status="interview",
        version=application["version"],
    )
    assert json.loads(stale)["error"] == "application.stale", stale


async def test_an_agent_tailors_two_offers_over_stdio(
    live_server: str, db: AsyncSession, settings: Settings, worker: Worker, tmp_path: Path
) -> None:
    async with (
        owner(live_server, db, "agent@example.com") as user,
        owner(live_server, db, "stranger@example.com") as stranger,
    ):
        log = tmp_path / "mcp-stderr.log"
        async with over_stdio(settings, user.token, log) as client:
            try:
                await tailor_two_offers(client, user, stranger.source_id)
                # Revoked while the agent runs: refused from its next call on.
                await user.revoke_token()
                refused = json.loads(await refusal(client, "list_cvs"))
            except BaseException:
                print(log.read_text())
                raise
        assert refused["error"] == "auth.invalid_token", refused


async def test_an_agent_tailors_two_offers_over_http(
    live_server: str, db: AsyncSession, worker: Worker
) -> None:
    async with (
        owner(live_server, db, "agent@example.com") as user,
        owner(live_server, db, "stranger@example.com") as stranger,
    ):
        async with over_http(live_server, user.token) as client:
            await tailor_two_offers(client, user, stranger.source_id)
        await user.revoke_token()
        async with httpx.AsyncClient(base_url=live_server) as http:
            refused = await http.post(
                "/api/mcp",
                json={"jsonrpc": "2.0", "id": 1, "method": "tools/list"},
                headers={"Authorization": f"Bearer {user.token}"},
            )
        assert refused.status_code == 401
        assert refused.json()["error"] == "auth.invalid_token"
