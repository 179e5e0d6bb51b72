"""Every route and stream has the guarantees its families require (app/lib/route_guarantees.py).

The routes come from the app's own table: a route or stream added later is placed in its
families by what it is (a write, a stream, an id in its path, an upload) and fails here, naming
itself and the guarantee, until the guarantee holds. Each check reads the evidence the
declaration names; where that evidence is another sweep (anonymous callers, other users' ids,
streams after sign-out), the check is that the sweep reaches the route.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from arq.worker import func
from litestar import Litestar
from litestar.middleware.base import DefineMiddleware
from litestar.response import Response, ServerSentEvent
from litestar.testing import AsyncTestClient
from litestar.typing import FieldDefinition
from redis.asyncio import Redis

from app.config import Settings
from app.lib import route_guarantees
from app.lib.body_limit import DEFAULT_BODY_LIMIT
from app.lib.csrf import SessionCSRFMiddleware
from app.lib.route_guarantees import (
    FAMILIES,
    LISTS,
    OUTBOUND,
    RATE_LIMITED,
    STARTS_WORK,
    UPLOAD_CAPS,
    Guarantee,
    RouteFacts,
    required,
)
from app.lib.stream_guard import StreamSessionGuard
from app.tasks import registry
from app.tasks.registry import known
from jobs import worker
from jobs.fair_share import is_gated
from tests.conftest import csrf_token, register
from tests.fixtures.mailbox import Mailbox, mail_settings, mailbox
from tests.security import test_streams_end_with_session, test_token_streams
from tests.security.routes import Endpoint, endpoints

__all__ = ["mailbox"]  # the fixture, used by name

ROOT = Path(__file__).resolve().parents[2]
Check = Callable[[Endpoint, RouteFacts], str | None]  # None when it holds, else why not


def _answers_a_list(return_type: FieldDefinition) -> bool:
    """``list[...]``, or a ``Response[list[...]]`` (a list with its Link header)."""
    if return_type.is_subclass_of(Response) and return_type.inner_types:
        return_type = return_type.inner_types[0]
    return return_type.is_subclass_of(list)


def facts(endpoint: Endpoint) -> RouteFacts:
    cap = endpoint.handler.resolve_request_max_body_size()
    return_type = endpoint.handler.parsed_fn_signature.return_type
    return RouteFacts(
        method=endpoint.method,
        path=endpoint.path,
        public=endpoint.is_public,
        event_stream=return_type.is_subclass_of(ServerSentEvent),
        object_params=tuple(endpoint.object_params()),
        body_cap=cap if isinstance(cap, int) and cap > 0 else DEFAULT_BODY_LIMIT,
        default_body_cap=DEFAULT_BODY_LIMIT,
        returns_list=_answers_a_list(return_type),
    )


def _middleware(app: Litestar, kind: type) -> DefineMiddleware | type | None:
    for layer in app.middleware:
        if layer is kind or (isinstance(layer, DefineMiddleware) and layer.middleware is kind):
            return layer
    return None


def checks(app: Litestar) -> dict[Guarantee, Check]:
    csrf = _middleware(app, SessionCSRFMiddleware)
    assert isinstance(csrf, DefineMiddleware), "the session-bound CSRF middleware is installed"
    config = csrf.kwargs["config"]
    excluded_paths = config.exclude or []
    streams_end = set(test_streams_end_with_session.COVERED) | set(test_token_streams.COVERED)

    def sign_in(endpoint: Endpoint, _: RouteFacts) -> str | None:
        return "reachable without signing in" if endpoint.is_public else None

    def csrf_checked(endpoint: Endpoint, _: RouteFacts) -> str | None:
        if endpoint.handler.opt.get(config.exclude_from_csrf_key):
            return "excluded from the CSRF check by its options"
        if any(pattern in endpoint.path for pattern in excluded_paths):
            return "excluded from the CSRF check by path"
        return None

    def ownership(endpoint: Endpoint, _: RouteFacts) -> str | None:
        unknown = [p for p in endpoint.params if endpoint.kind_of(p) is None]
        return f"the cross-account sweep cannot fill {unknown}" if unknown else None

    def body_limit(_: Endpoint, route: RouteFacts) -> str | None:
        ceiling = UPLOAD_CAPS.get(route.key, route.default_body_cap)
        return f"reads up to {route.body_cap} bytes" if route.body_cap > ceiling else None

    def rate_limit(_: Endpoint, route: RouteFacts) -> str | None:
        return None if route.key in RATE_LIMITED else "counts no attempt"

    def address_policy(_: Endpoint, route: RouteFacts) -> str | None:
        # The policy itself holds for every request the server sends (checked below, on the
        # whole source tree); a route reaching out must be known to be one.
        return None if route.key in OUTBOUND else "not declared as reaching outside"

    def session_bound(_: Endpoint, route: RouteFacts) -> str | None:
        if _middleware(app, StreamSessionGuard) is None:
            return "no stream guard installed"
        return None if route.path in streams_end else "no test ends it with its session"

    def worker_slot(_: Endpoint, route: RouteFacts) -> str | None:
        task_type = STARTS_WORK.get(route.key)
        kind = known(task_type) if task_type else None
        if kind is None:
            return "starts no task of a known kind"
        if kind.slot is None and kind.open_cap is None:
            return f"its tasks ({task_type}) have no per-user slot nor cap"
        return None

    def fair_share(_: Endpoint, route: RouteFacts) -> str | None:
        task_type = STARTS_WORK.get(route.key)
        kind = known(task_type) if task_type else None
        job = kind.job_name if kind is not None else None
        if job is None:
            return "starts no task whose job is known"
        function = next((f for f in map(func, worker.FUNCTIONS) if f.name == job), None)
        if function is None:
            return f"no worker function runs {job}"
        return None if is_gated(function) else f"its job ({job}) takes no fair share"

    def page_size(endpoint: Endpoint, _: RouteFacts) -> str | None:
        # The dependency brings the bound (app/lib/paging.py); test_pagination.py walks it.
        taken = "paging" in endpoint.handler.parsed_fn_signature.parameters
        return None if taken else "takes no page (the paging dependency)"

    return {
        Guarantee.SIGN_IN: sign_in,
        Guarantee.CSRF: csrf_checked,
        Guarantee.OWNERSHIP: ownership,
        Guarantee.BODY_LIMIT: body_limit,
        Guarantee.RATE_LIMIT: rate_limit,
        Guarantee.ADDRESS_POLICY: address_policy,
        Guarantee.SESSION_BOUND: session_bound,
        Guarantee.WORKER_SLOT: worker_slot,
        Guarantee.FAIR_SHARE: fair_share,
        Guarantee.PAGE_SIZE: page_size,
    }


def missing_guarantees(app: Litestar) -> list[str]:
    by_guarantee = checks(app)
    missing = []
    for endpoint in endpoints(app):
        route = facts(endpoint)
        for guarantee in sorted(required(route)):
            why = by_guarantee[guarantee](endpoint, route)
            if why is not None:
                missing.append(f"{endpoint}: {guarantee} ({why})")
    return missing


async def test_every_route_has_the_guarantees_of_its_families(app: Litestar) -> None:
    assert missing_guarantees(app) == []
    # The sweep sees the app's real table: each family has members, each declared route exists.
    routes = [facts(e) for e in endpoints(app)]
    for family in FAMILIES:
        assert any(family.member(r) for r in routes), f"family {family.name} has no route"
    served = {r.key for r in routes}
    declared = OUTBOUND | set(RATE_LIMITED) | set(UPLOAD_CAPS) | set(STARTS_WORK) | LISTS
    assert declared <= served, f"declared but not served: {sorted(declared - served)}"
    streams = {r.path for r in routes if r.event_stream}
    assert streams == {
        "/events/feed",
        "/api/events",
        "/coach/{conversation_id:str}/stream",
        "/generations/{task_id:str}/stream",
    }


async def test_a_route_missing_a_guarantee_is_named(app: Litestar, monkeypatch: Any) -> None:
    """The sweep can fail: take one piece of evidence away and the route it covered is named."""
    monkeypatch.delitem(RATE_LIMITED, ("POST", "/login"))
    monkeypatch.setitem(test_streams_end_with_session.COVERED, "/events/feed", "events")
    monkeypatch.delitem(
        test_streams_end_with_session.COVERED, "/coach/{conversation_id:str}/stream"
    )
    monkeypatch.delitem(UPLOAD_CAPS, ("POST", "/account/photo"))
    pitch = known("pitch")
    assert pitch is not None
    monkeypatch.setitem(registry._KINDS, "pitch", replace(pitch, open_cap=None))
    # The ATS check's job as it was before the fair share: the walk names its routes.
    ungated = [
        replace(f, coroutine=f.coroutine.__wrapped__) if f.name == "run_ats_check" else f
        for f in map(func, worker.FUNCTIONS)
    ]
    monkeypatch.setattr(worker, "FUNCTIONS", ungated)
    # The board draws every card by status; were it declared a list, it would take no page.
    monkeypatch.setattr(route_guarantees, "LISTS", LISTS | {("GET", "/applications/board")})
    assert sorted(missing_guarantees(app)) == [
        "GET /applications/board: page_size (takes no page (the paging dependency))",
        "GET /coach/{conversation_id:str}/stream: session_bound (no test ends it with its session)",
        "POST /account/photo: body_limit (reads up to 33554432 bytes)",
        "POST /api/ats/checks: fair_share (its job (run_ats_check) takes no fair share)",
        "POST /api/pitches: worker_slot (its tasks (pitch) have no per-user slot nor cap)",
        "POST /ats/tailored: fair_share (its job (run_ats_check) takes no fair share)",
        "POST /ats/upload: fair_share (its job (run_ats_check) takes no fair share)",
        "POST /login: rate_limit (counts no attempt)",
        "POST /pitches: worker_slot (its tasks (pitch) have no per-user slot nor cap)",
    ]


# Bodies that reach each rate-limited route's counter: wrong, but well-formed enough to be
# counted before they are refused (app/lib/rate_limit.py counts first, then works).
SIGNED_IN_PATHS = ("/account/", "/api/system/")
ATTEMPTS: dict[tuple[str, str], dict[str, Any]] = {
    ("POST", "/login"): {"data": {"email": "nobody@example.com", "password": "wrong password"}},
    ("POST", "/api/auth/login"): {"json": {"email": "nobody@example.com", "password": "wrong"}},
    ("POST", "/register"): {"data": {"email": "new1@example.com", "password": "correct horse"}},
    ("POST", "/api/auth/register"): {
        "json": {"email": "new2@example.com", "password": "correct horse"}
    },
    ("POST", "/password/forgot"): {"data": {"email": "nobody@example.com"}},
    ("POST", "/account/ai-endpoint/test"): {
        "data": {"base_url": "http://192.0.2.1:9/v1", "model": "m", "api_key": "k"}
    },
    ("POST", "/account/ai-endpoint"): {
        "data": {"ai_base_url": "http://192.0.2.1:9/v1", "ai_model_tailoring": "m"}
    },
    ("POST", "/api/system/ping-worker"): {},
}


@pytest.fixture
def settings(settings: Settings, mailbox: tuple[Mailbox, int]) -> Settings:
    # With mail configured: without it the reset request sends nothing and counts nothing.
    return mail_settings(settings, mailbox[1])


async def _counted(client: AsyncTestClient[Litestar], redis: Redis, route: tuple[str, str]) -> bool:
    prefix = RATE_LIMITED[route]
    before = {key: await redis.get(key) async for key in redis.scan_iter(f"{prefix}*")}
    request = ATTEMPTS[route]
    token = await csrf_token(client)
    if "data" in request:
        request = {"data": {**request["data"], "_csrf_token": token}}
    method, path = route
    await client.request(
        method, path, headers={"x-csrftoken": token}, follow_redirects=False, **request
    )
    after = {key: await redis.get(key) async for key in redis.scan_iter(f"{prefix}*")}
    return after != before


async def test_each_rate_limited_route_counts_its_attempts(
    client: AsyncTestClient[Litestar], redis: Redis
) -> None:
    assert set(ATTEMPTS) == set(RATE_LIMITED), "give each rate-limited route an attempt here"
    signed_in_only = {route for route in RATE_LIMITED if route[1].startswith(SIGNED_IN_PATHS)}
    uncounted = []
    for route in sorted(set(RATE_LIMITED) - signed_in_only):
        client.cookies.clear()  # a stranger each time (a sign-up signs the client in)
        if not await _counted(client, redis, route):
            uncounted.append(route)
    await register(client, "limits@example.com")
    for route in sorted(signed_in_only):
        if not await _counted(client, redis, route):
            uncounted.append(route)
    assert uncounted == []


# Where an HTTP client may be built, and why: the outbound policy's own transport, and the
# launcher asking its own child process on loopback whether it is up.
CLIENT_MAKERS = {"AsyncClient", "Client", "AsyncOpenAI", "OpenAI", "urlopen", "ClientSession"}
ALLOWED_MAKERS = {
    ("app/lib/outbound/transport.py", "AsyncClient"),
    ("app/launcher.py", "urlopen"),
}


def _client_calls(path: Path) -> list[tuple[str, int, bool]]:
    """(maker, line, given a policy client) for each call of a client maker in ``path``."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in CLIENT_MAKERS:
            keywords = {k.arg for k in node.keywords}
            found.append((name, node.lineno, "http_client" in keywords))
    return found


def test_no_request_leaves_the_server_around_the_outbound_policy() -> None:
    escapes = []
    for path in sorted([*ROOT.glob("app/**/*.py"), *ROOT.glob("jobs/**/*.py")]):
        relative = path.relative_to(ROOT).as_posix()
        for maker, line, policed in _client_calls(path):
            if (relative, maker) in ALLOWED_MAKERS or (maker.endswith("OpenAI") and policed):
                continue
            escapes.append(f"{relative}:{line} {maker}")
    assert escapes == [], "build clients with app/lib/outbound/transport.py policy_client"
