"""A NUL character (U+0000) anywhere in a request — a JSON string, a form field, the query, the
path — is refused with a 400 before any handler runs: PostgreSQL refuses it in text columns, so
it used to be a 500 on about ten routes (sign-up and sign-in included). Every route, on SQLite
and PostgreSQL."""

from __future__ import annotations

import json

from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from tests.conftest import csrf_token, register
from tests.security.objects import own_objects
from tests.security.routes import endpoints, fillings
from tests.security.test_hostile_bodies import FORM_FIELDS, Client, _body_routes

NUL = "a\u0000b"


async def test_a_nul_anywhere_is_refused_on_every_route(
    backend: str, app: Litestar, client: Client, db: AsyncSession, settings: Settings
) -> None:
    me = await register(client, f"nul-{backend}@example.com")
    client.headers["x-csrftoken"] = await csrf_token(client)
    objects = await own_objects(client, db, settings, me)
    as_json = json.dumps({field: NUL for field in FORM_FIELDS})
    as_form = {field: NUL for field in FORM_FIELDS}
    problems = []
    for endpoint in _body_routes(app):
        url = endpoint.url(next(fillings(endpoint, objects)))
        for what, kwargs in (
            ("JSON", {"content": as_json, "headers": {"content-type": "application/json"}}),
            ("form", {"data": as_form}),
        ):
            response = await client.request(endpoint.method, url, follow_redirects=False, **kwargs)
            if response.status_code != 400:
                problems.append(f"{endpoint} {what}: {response.status_code}")
            elif endpoint.is_api and response.json().get("error") != "request.nul_character":
                problems.append(f"{endpoint} {what}: {response.json()}")
    readable = [
        e for e in endpoints(app) if e.method == "GET" and all(e.kind_of(p) for p in e.params)
    ]  # the static files' and the schema's free-form paths aside
    for endpoint in readable:
        url = endpoint.url(next(fillings(endpoint, objects)))
        response = await client.get(f"{url}?q=a%00b", follow_redirects=False)
        if response.status_code != 400:
            problems.append(f"{endpoint} query: {response.status_code}")
    assert not problems, "\n".join(problems)


async def test_sign_up_and_sign_in_with_a_nul_are_refused_cleanly(
    backend: str, client: Client
) -> None:
    token = await csrf_token(client)
    for path in ("/api/auth/register", "/api/auth/login"):
        response = await client.post(
            path,
            json={"email": f"x{NUL}@example.com", "password": f"correct{NUL}horse"},
            headers={"x-csrftoken": token},
        )
        assert response.status_code == 400, (path, response.text)
        assert response.json()["error"] == "request.nul_character"
    ordinary = await client.post(
        "/api/auth/register",
        json={"email": f"clean-{backend}@example.com", "password": "correct horse"},
        headers={"x-csrftoken": token},
    )
    assert ordinary.status_code == 201
