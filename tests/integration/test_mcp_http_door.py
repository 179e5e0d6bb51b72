"""The agent API's HTTP door (``POST /api/mcp``, app/mcp/routes.py): off by default, a personal
API token only, refused clearly, and its tool calls counted per user and minute. (Anonymous
callers, CSRF, hostile and oversized bodies: the sweeps of tests/security/ walk this route too.)

Raw JSON-RPC messages, as any MCP client sends them to a stateless server: a ``tools/call``
needs no ``initialize`` before it.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

import httpx
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from app.config import Settings
from tests.conftest import csrf_token, register

Client = AsyncTestClient[Litestar]
ON = {"mcp_http_enabled": True}
ACCEPT = "application/json, text/event-stream"


@pytest.fixture
def settings(settings: Settings, request: pytest.FixtureRequest) -> Settings:
    return replace(settings, **getattr(request, "param", {}))


async def token_of(client: Client, email: str) -> str:
    await register(client, email)
    headers = {"x-csrftoken": await csrf_token(client)}
    created = await client.post("/api/tokens", json={"name": "agent"}, headers=headers)
    assert created.status_code == 201, created.text
    return str(created.json()["token"])


async def call_tool(
    client: Client, tool: str, arguments: dict[str, Any], **headers: str
) -> httpx.Response:
    message = {
        "jsonrpc": "2.0",
        "id": 1,
        "method": "tools/call",
        "params": {"name": tool, "arguments": arguments},
    }
    return await client.post("/api/mcp", json=message, headers={"accept": ACCEPT, **headers})


def tool_result(response: httpx.Response) -> tuple[bool, str]:
    """(refused, the text the tool answered with)."""
    assert response.status_code == 200, response.text
    result = response.json()["result"]
    return bool(result.get("isError")), str(result["content"][0]["text"])


async def test_off_by_default(client: Client) -> None:
    token = await token_of(client, "off@example.com")
    client.cookies.clear()
    response = await call_tool(client, "list_cvs", {}, authorization=f"Bearer {token}")
    assert response.status_code == 404
    assert response.json()["error"] == "mcp.disabled"


@pytest.mark.parametrize("settings", [ON], indirect=True)
async def test_a_token_is_the_only_way_in(client: Client) -> None:
    token = await token_of(client, "door@example.com")
    # A signed-in browser session, CSRF token and all, is no agent.
    session = await call_tool(client, "list_cvs", {}, **{"x-csrftoken": await csrf_token(client)})
    assert session.status_code == 401, session.text
    assert session.json()["error"] == "auth.token_required"
    # A session without its CSRF token and without a token is told the same, not 403 CSRF:
    # the session is never read here, so there is nothing to forge.
    bare = await call_tool(client, "list_cvs", {})
    assert bare.status_code == 401, bare.text
    assert bare.json()["error"] == "auth.token_required", bare.text
    client.cookies.clear()
    # No token, no session: told it needs a token (401), in the API's error body, not 403 CSRF.
    anonymous = await call_tool(client, "list_cvs", {})
    assert anonymous.status_code == 401, anonymous.text
    assert anonymous.json() == {
        "error": "auth.token_required",
        "detail": "The agent API takes a personal API token: send 'Authorization: Bearer <token>'.",
    }
    wrong = await call_tool(client, "list_cvs", {}, authorization="Bearer cvt_not-a-token")
    assert wrong.status_code == 401
    assert wrong.json() == {"error": "auth.invalid_token", "detail": "This API token is not valid."}
    refused, answer = tool_result(
        await call_tool(client, "list_cvs", {}, authorization=f"Bearer {token}")
    )
    assert not refused and json.loads(answer) == {"cvs": [], "nextPage": None}


@pytest.mark.parametrize("settings", [{**ON, "mcp_calls_per_minute": 2}], indirect=True)
async def test_tool_calls_are_counted_per_user_and_minute(client: Client) -> None:
    token = await token_of(client, "busy@example.com")
    client.cookies.clear()
    bearer = {"authorization": f"Bearer {token}"}
    answers = [tool_result(await call_tool(client, "list_offers", {}, **bearer)) for _ in range(3)]
    assert [refused for refused, _ in answers] == [False, False, True]
    limited = json.loads(answers[2][1])
    assert limited["error"] == "mcp.rate_limited" and limited["limit"] == 2, limited
    # Arguments are checked against the tool's declared types first, naming the field.
    refused, why = tool_result(await call_tool(client, "get_cv_pdf", {"cv_id": ""}, **bearer))
    assert refused and json.loads(why)["error"] == "mcp.invalid_arguments", why
    assert json.loads(why)["field"] == "cv_id", why


@pytest.mark.parametrize("settings", [ON], indirect=True)
async def test_wrong_arguments_get_the_api_error_body_naming_the_field(client: Client) -> None:
    token = await token_of(client, "args@example.com")
    client.cookies.clear()
    bearer = {"authorization": f"Bearer {token}"}
    wrong = {
        "get_cv_pdf": ({"cv_id": 42}, "cv_id"),
        "start_generation": ({"offer_ids": "not-a-list"}, "offer_ids"),
        # ``true`` is no version: never taken as 1.
        "move_application": (
            {"application_id": "a", "status": "applied", "version": True},
            "version",
        ),
    }
    for tool, (arguments, field) in wrong.items():
        refused, why = tool_result(await call_tool(client, tool, arguments, **bearer))
        body = json.loads(why)  # the JSON API's error body, not pydantic's report
        assert refused and body["error"] == "mcp.invalid_arguments", (tool, why)
        assert body["field"] == field and field in body["detail"], (tool, body)
        assert {"error", "detail", "field", "fields"} <= set(body), body


@pytest.mark.parametrize("settings", [ON], indirect=True)
async def test_an_offer_address_goes_through_the_outbound_policy(client: Client) -> None:
    """The same intake as ``POST /api/job-offers``: an address on this machine is refused
    before any request leaves (private addresses are off by default), and nothing is created."""
    token = await token_of(client, "url@example.com")
    client.cookies.clear()
    bearer = {"authorization": f"Bearer {token}"}
    refused, why = tool_result(
        await call_tool(client, "add_offer", {"url": "http://127.0.0.1:9/job"}, **bearer)
    )
    assert refused and json.loads(why)["error"].startswith("offer.url_"), why
    both = {"text": "A Python developer for our parcel APIs.", "url": "https://example.com/"}
    refused, why = tool_result(await call_tool(client, "add_offer", both, **bearer))
    assert refused and json.loads(why)["error"] == "mcp.offer_source", why
    refused, offers = tool_result(await call_tool(client, "list_offers", {}, **bearer))
    assert not refused and json.loads(offers) == {"offers": [], "nextPage": None}


@pytest.mark.parametrize("settings", [ON, {}], indirect=True)
async def test_a_session_without_a_token_gets_401_whether_the_api_is_on_or_off(
    client: Client,
) -> None:
    await register(client, "session-only@example.com")
    for headers in ({}, {"x-csrftoken": await csrf_token(client)}, {"x-csrftoken": "forged"}):
        answer = await call_tool(client, "list_cvs", {}, **headers)
        assert answer.status_code == 401, (headers, answer.text)
        assert answer.json() == {
            "error": "auth.token_required",
            "detail": "The agent API takes a personal API token: send "
            "'Authorization: Bearer <token>'.",
        }


@pytest.mark.parametrize("settings", [ON], indirect=True)
async def test_what_is_no_json_rpc_message_gets_the_api_error_body(client: Client) -> None:
    """What the SDK would answer with pydantic's report (or a bare "Invalid request
    parameters") is refused 422 in the API's error body, naming the member that is wrong."""
    token = await token_of(client, "messages@example.com")
    client.cookies.clear()
    headers = {"accept": ACCEPT, "authorization": f"Bearer {token}"}
    call = {"jsonrpc": "2.0", "id": 1, "method": "tools/call"}
    wrong: list[tuple[Any, str, str]] = [
        ([call, call], "mcp.invalid_message", "message"),  # MCP has no batches
        ({"foo": 1}, "mcp.invalid_message", "jsonrpc"),
        ({**call, "id": None}, "mcp.invalid_message", "id"),
        ({**call, "params": "x"}, "mcp.invalid_message", "params"),
        ({**call, "params": {"arguments": {}}}, "mcp.invalid_message", "params.name"),
        (
            {**call, "params": {"name": "get_cv_pdf", "arguments": "x"}},
            "mcp.invalid_arguments",
            "arguments",
        ),
        ({"jsonrpc": "2.0", "id": 1}, "mcp.invalid_message", "method"),
    ]
    for message, code, field in wrong:
        answer = await client.post("/api/mcp", json=message, headers=headers)
        assert answer.status_code == 422, (message, answer.text)
        body = answer.json()
        assert body["error"] == code and body["field"] == field, (message, body)
        assert set(body) == {"error", "detail", "field"}, body
        assert "pydantic" not in body["detail"] and "validation error" not in body["detail"]
    # A tool the server does not have: a tool error in the same body, naming it.
    refused, why = tool_result(
        await call_tool(client, "delete_everything", {}, authorization=f"Bearer {token}")
    )
    assert refused and json.loads(why)["error"] == "mcp.unknown_tool", why
    assert json.loads(why)["tool"] == "delete_everything", why
    # A well-formed message still goes through.
    listed = await client.post(
        "/api/mcp", json={**call, "params": {"name": "list_cvs", "arguments": {}}}, headers=headers
    )
    assert listed.status_code == 200 and not listed.json()["result"].get("isError"), listed.text
