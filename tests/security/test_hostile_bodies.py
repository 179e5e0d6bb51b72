"""Every state-changing route answers hostile bodies with a 4xx, never a 500.

Malformed and wrongly typed JSON, the wrong content type, deep nesting, a huge field and a body
over the size limit — sent as a signed-in admin (so admin forms parse them too) to the caller's
own objects, so handlers get past the ownership check into their input handling.
"""

from __future__ import annotations

import functools
import inspect
import json
from typing import Any
from urllib.parse import urlencode

import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from tests.conftest import csrf_token, register
from tests.security.objects import Objects, own_objects
from tests.security.routes import Endpoint, endpoints, fillings

Client = AsyncTestClient[Litestar]

WRONG_TYPES = ["null", "0", '"text"', "[]", "{}", "true", '{"a": {"b": [1, 2, {"c": null}]}}']
MIXED_UP_FIELDS = json.dumps(
    {
        "text": 5,
        "url": ["http://example.com"],
        "content": "not an object",
        "jobOfferIds": "offer",
        "sourceCvFile": 7,
        "mode": {"x": 1},
        "email": 3,
        "password": None,
        "name": [],
        "design": 1,
        "pageBudget": "two",
        "title": {"t": 1},
        "filename": 42,
    }
)
DEEP_JSON = "[" * 50_000 + "]" * 50_000  # the stdlib json module overflows the stack on this
HOSTILE_BODIES: list[tuple[str, bytes | str, str]] = [
    ("malformed JSON", "{", "application/json"),
    ("binary junk", b"\x00\xff\xfe{", "application/json"),
    ("mixed-up field types", MIXED_UP_FIELDS, "application/json"),
    ("deeply nested JSON", DEEP_JSON, "application/json"),
    ("JSON as text/plain", '{"text": "hello"}', "text/plain"),
    ("XML", "<cv><name>x</name></cv>", "application/xml"),
    ("form instead of JSON", "text=hello&url=x", "application/x-www-form-urlencoded"),
    ("multipart without a file", "--b\r\n\r\n--b--\r\n", "multipart/form-data; boundary=b"),
    ("multipart without a boundary", "--b--", "multipart/form-data"),
    *((f"JSON {v}", v, "application/json") for v in WRONG_TYPES),
]
FORM_FIELDS = (
    "text", "url", "json", "title", "company", "description", "requirements", "summary",
    "email", "password", "name", "amount", "design", "page_budget", "language", "locale", "next",
    "current_password", "new_password", "reason", "llm_base_url", "llm_api_key", "sourceCvFile",
    "jobOfferIds", "mode", "display_name", "filename",
)  # fmt: skip
# A 300 kB value in every field: about 8 MB, under the 10 MB default limit. Encoded once, not
# once per route: the same bytes as httpx's ``data=`` and ``json.dumps`` made for each request
# (about a third of the sweep's CPU went to encoding them again).
HUGE_FIELD = "A" * 300_000
HUGE_FORM = urlencode(dict.fromkeys(FORM_FIELDS, HUGE_FIELD)).encode()
HUGE_JSON = json.dumps(dict.fromkeys(FORM_FIELDS, HUGE_FIELD)).encode()
DEFAULT_BODY_LIMIT = 10 * 1024 * 1024  # Litestar's request_max_body_size
BODY_READERS = (
    "request.json(", "request.form(", "request.body(", "upload_from_request(", "_form(",
    "json_body(",
)  # fmt: skip


def takes_a_body(endpoint: Endpoint) -> bool:
    """Deletes and sign-outs ignore their body (and would end the session the sweep needs)."""
    return (
        endpoint.changes_state
        and endpoint.method != "DELETE"
        and not endpoint.path.endswith(("/delete", "/logout"))
    )


@pytest.fixture
async def signed_in(client: Client, db: AsyncSession, settings: Settings) -> tuple[Client, Objects]:
    me = await register(client, "hostile@example.com")  # first account: admin
    client.headers["x-csrftoken"] = await csrf_token(client)
    return client, await own_objects(client, db, settings, me)


def reads_body(endpoint: Endpoint) -> bool:
    """Declares a body parameter or reads the request body itself."""
    handler = endpoint.handler
    if "data" in handler.parsed_fn_signature.parameters:
        return True
    return any(marker in inspect.getsource(handler.fn) for marker in BODY_READERS)


def body_limit(endpoint: Endpoint) -> int:
    limit = endpoint.handler.request_max_body_size
    return limit if isinstance(limit, int) else DEFAULT_BODY_LIMIT


@functools.cache
def _over(limit: int) -> bytes:
    """A body one byte over ``limit`` (made once per limit, not once per route)."""
    return b"x" * (limit + 1)


def _body_routes(app: Litestar) -> list[Endpoint]:
    """Routes that read a body (one nobody reads is never parsed nor buffered)."""
    routes = [e for e in endpoints(app) if takes_a_body(e) and reads_body(e)]
    assert len(routes) >= 25, "the route table lost its body-taking routes"
    return routes


def _problem(endpoint: Endpoint, what: str, response: Any) -> str | None:
    if response.status_code >= 500:
        return f"{endpoint} with {what}: {response.status_code} {response.text[:200]}"
    if endpoint.is_api and response.status_code >= 400:
        body = response.json()
        if not {"error", "detail"} <= set(body):
            return f"{endpoint} with {what}: error without the {{error, detail}} shape: {body}"
        if body["error"] == "http_error":  # the catch-all: this status has no stable code
            return f"{endpoint} with {what}: no specific error code: {body}"
    return None


async def test_malformed_and_mistyped_bodies_get_a_4xx(
    app: Litestar, signed_in: tuple[Client, Objects]
) -> None:
    client, objects = signed_in
    problems = []
    for endpoint in _body_routes(app):
        for what, body, content_type in HOSTILE_BODIES:
            response = await client.request(
                endpoint.method,
                endpoint.url(next(fillings(endpoint, objects))),
                content=body,
                headers={"content-type": content_type},
                follow_redirects=False,  # a redirect target is another route's business
            )
            problems.append(_problem(endpoint, what, response))
            if body is DEEP_JSON and response.status_code != 400:
                # Refused before any decoder recursed to the stack limit (app/lib/bounded_json.py)
                problems.append(f"{endpoint} decoded {what}: {response.status_code}")
    assert not [p for p in problems if p], "\n".join(p for p in problems if p)


async def test_huge_form_fields_and_oversized_bodies_are_refused(
    app: Litestar, signed_in: tuple[Client, Objects]
) -> None:
    client, objects = signed_in
    problems = []
    for endpoint in _body_routes(app):
        url = endpoint.url(next(fillings(endpoint, objects)))
        form = await client.request(
            endpoint.method,
            url,
            content=HUGE_FORM,
            headers={"content-type": "application/x-www-form-urlencoded"},
            follow_redirects=False,
        )
        problems.append(_problem(endpoint, "a 300 kB value in every form field", form))
        big_json = await client.request(
            endpoint.method,
            url,
            content=HUGE_JSON,
            headers={"content-type": "application/json"},
            follow_redirects=False,
        )
        problems.append(_problem(endpoint, "a 300 kB value in every JSON field", big_json))
        kind = "application/json" if endpoint.is_api else "application/x-www-form-urlencoded"
        too_big = await client.request(
            endpoint.method,
            url,
            content=_over(body_limit(endpoint)),
            headers={"content-type": kind},
            follow_redirects=False,
        )
        # The CV upload page answers with a redirect to its error message; the rest say 413.
        redirected = too_big.status_code == 303 and "too_large" in too_big.headers["location"]
        if too_big.status_code != 413 and not redirected:
            problems.append(f"{endpoint} with a body over its limit: {too_big.status_code}")
    assert not [p for p in problems if p], "\n".join(p for p in problems if p)


async def test_an_undeclared_method_gets_405_with_the_allow_header(client: Client) -> None:
    response = await client.request("TRACE", "/api/credits")
    assert response.status_code == 405
    assert response.json()["error"] == "method_not_allowed"
    assert "GET" in response.headers["allow"]  # RFC 9110: a 405 lists what is allowed
