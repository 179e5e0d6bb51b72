"""Every route is classified, and every non-public one refuses anonymous callers.

The route list comes from the app itself: a new route is swept here the day it is added (it
needs a sign-in unless ``routes.PUBLIC`` says otherwise), and a new path parameter fails
``test_every_route_is_classified`` until ``routes.PARAM_KINDS`` says what it designates.
"""

from __future__ import annotations

import uuid

from litestar import Litestar
from litestar.testing import AsyncTestClient

from tests.conftest import csrf_token
from tests.security.routes import (
    PARAM_KINDS,
    PUBLIC,
    SELECTORS,
    endpoints,
    fillings,
    unclassified,
)

Client = AsyncTestClient[Litestar]


def random_ids() -> dict[str, list[str]]:
    kinds = set(PARAM_KINDS.values()) - set(SELECTORS)  # every kind of object a route names
    return {kind: [str(uuid.uuid4())] for kind in kinds}


async def test_every_route_is_classified(app: Litestar) -> None:
    assert not unclassified(app), "classify these in tests/security/routes.py"
    served = {(e.method, e.path) for e in endpoints(app)}
    assert served >= PUBLIC, f"stale public routes: {PUBLIC - served}"
    admin = [e for e in endpoints(app) if e.is_admin]
    assert admin and all(e.path.startswith("/admin") for e in admin), admin
    assert not [e for e in admin if e.is_public]


async def test_anonymous_callers_get_401_json_or_the_login_page(
    app: Litestar, client: Client
) -> None:
    # A valid CSRF token, so that what answers is the sign-in check, not the CSRF one.
    headers = {"x-csrftoken": await csrf_token(client)}
    ids = random_ids()
    wrong: list[str] = []
    swept = 0

    def _anonymous_code(endpoint: object) -> str:
        # The agent API takes a token only (no session, no CSRF): it names what is missing.
        return "auth.token_required" if " /api/mcp" in str(endpoint) else "unauthenticated"

    for endpoint in endpoints(app):
        if endpoint.is_public:
            continue
        url = endpoint.url(next(fillings(endpoint, ids)))
        swept += 1
        response = await client.request(
            endpoint.method, url, headers=headers, follow_redirects=False
        )
        if endpoint.is_api:
            is_json = response.headers.get("content-type", "").startswith("application/json")
            if response.status_code != 401 or not is_json:
                wrong.append(f"{endpoint}: {response.status_code} {response.text[:80]}")
            elif response.json()["error"] != _anonymous_code(endpoint):
                wrong.append(f"{endpoint}: error code {response.json()['error']}")
            continue
        location = response.headers.get("location", "")
        if response.status_code not in (302, 303) or not location.startswith("/login?next="):
            wrong.append(f"{endpoint}: {response.status_code} -> {location or response.text[:80]}")
        htmx = await client.request(
            endpoint.method,
            url,
            headers={**headers, "HX-Request": "true"},
            follow_redirects=False,
        )
        if not htmx.headers.get("HX-Redirect", "").startswith("/login?next="):
            wrong.append(f"{endpoint} (htmx): {htmx.status_code}, no HX-Redirect to /login")
    assert swept >= 70, f"only {swept} routes swept: did the route table shrink?"
    assert not wrong, "\n".join(wrong)


async def test_public_routes_answer_anonymous_callers(app: Litestar, client: Client) -> None:
    for path in ("/login", "/register", "/health", "/schema/openapi.json"):
        response = await client.get(path)
        assert response.status_code == 200, path
    assert (await client.get("/static/css/app.css")).status_code == 200
