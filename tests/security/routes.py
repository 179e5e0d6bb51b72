"""The app's real route table, classified for the security sweeps.

Every sweep iterates ``endpoints(app)`` (built from ``app.routes``), so a route added later is
covered without editing a list: it requires a signed-in user unless it is in ``PUBLIC``, it is
admin-only when it lives under ``/admin`` or calls ``require_admin``, and each of its path
parameters must be known to ``PARAM_KINDS`` (``test_auth_everywhere`` fails otherwise, naming
the route to classify).
"""

from __future__ import annotations

import inspect
import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from litestar import Litestar
from litestar.handlers import HTTPRouteHandler
from litestar.response import ServerSentEvent, Stream
from litestar.routes import HTTPRoute

STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})

# Reachable without signing in. Each one either *is* the way in (login, register), holds no
# user data (health, static assets, the OpenAPI description of the API, whose shape is public
# anyway and which scripts read before they hold a token), or only touches the visitor's own
# anonymous session (sign-out, interface language). "/" is the dashboard signed in and the
# landing page (what the app does, the sign-in form) signed out: no user data without a user.
PUBLIC: frozenset[tuple[str, str]] = frozenset(
    {
        ("GET", "/"),
        ("GET", "/login"),
        ("POST", "/login"),
        ("GET", "/register"),
        ("POST", "/register"),
        ("POST", "/logout"),
        ("POST", "/locale"),
        ("POST", "/api/auth/login"),
        ("POST", "/api/auth/register"),
        ("POST", "/api/auth/logout"),
        ("GET", "/health"),
        # Getting back into an account (app/domain/accounts/reset_pages.py).
        ("GET", "/password/forgot"),
        ("POST", "/password/forgot"),
        ("GET", "/password/reset"),
        ("POST", "/password/reset"),
    }
)
PUBLIC_PREFIXES = ("/static/", "/schema")

ADMIN_PREFIXES = ("/admin", "/api/admin")

# What each path parameter designates, by (name, route prefix): an object id of a kind the IDOR
# sweep creates for user A, or a selector with a fixed valid value (section, version number).
PARAM_KINDS: dict[tuple[str, str], str] = {
    ("cv_id", "/api/cvs/"): "cv",
    ("cv_id", "/cvs/"): "cv",
    ("version", "/api/cvs/"): "version_number",
    ("version", "/cvs/"): "version_number",
    ("version_id", "/cvs/"): "cv_version",
    ("section", "/cvs/"): "section",
    ("page", "/cvs/"): "page_number",
    ("offer_id", "/api/job-offers/"): "offer",
    ("offer_id", "/offers/"): "offer",
    ("task_id", "/api/cv/generate-v2/"): "generation",
    ("task_id", "/generations/"): "generation",
    ("task_id", "/api/background-tasks/"): "background_task",
    ("task_id", "/tasks/"): "background_task",
    ("token_id", "/api/tokens/"): "api_token",
    ("token_id", "/account/tokens/"): "api_token",
    ("user_id", "/admin/users/"): "user",
    ("application_id", "/api/applications/"): "application",
    ("application_id", "/applications/"): "application",
    ("document_id", "/api/applications/"): "sent_document",
    ("search_id", "/api/searches/"): "search",
    ("search_id", "/inbox/searches/"): "search",
    ("source_id", "/inbox/searches/"): "feed_source",
    ("item_id", "/api/inbox/"): "inbox_item",
    ("item_id", "/inbox/"): "inbox_item",
    ("letter_id", "/api/cover-letters/"): "letter",
    ("letter_id", "/cover-letters/"): "letter",
    ("number", "/api/cover-letters/"): "version_number",
    ("number", "/cover-letters/"): "version_number",
    ("kind", "/cover-letters/"): "letter_format",
    ("pitch_id", "/api/pitches/"): "pitch",
    ("pitch_id", "/pitches/"): "pitch",
    ("achievement_id", "/api/achievements/"): "achievement",
    ("achievement_id", "/achievements/"): "achievement",
    ("conversation_id", "/api/coach/conversations/"): "conversation",
    ("conversation_id", "/coach/"): "conversation",
    ("check_id", "/api/ats/"): "ats_check",
    ("check_id", "/ats/"): "ats_check",
    ("page", "/ats/"): "page_number",
    ("reply_id", "/api/mailbox/"): "mail_reply",
    ("reply_id", "/mailbox/"): "mail_reply",
}
SELECTORS: dict[str, Any] = {
    "version_number": 1,
    "page_number": 1,
    "section": "summary",
    "letter_format": "pdf",
}


@dataclass(frozen=True)
class Endpoint:
    method: str
    path: str  # Litestar's template, e.g. "/api/cvs/{cv_id:str}"
    path_format: str  # "/api/cvs/{cv_id}"
    params: tuple[str, ...]
    handler: HTTPRouteHandler

    def __str__(self) -> str:
        return f"{self.method} {self.path}"

    @property
    def is_api(self) -> bool:
        return self.path.startswith("/api/")

    @property
    def changes_state(self) -> bool:
        return self.method in STATE_CHANGING

    @property
    def is_public(self) -> bool:
        return (self.method, self.path) in PUBLIC or self.path.startswith(PUBLIC_PREFIXES)

    @property
    def is_admin(self) -> bool:
        return self.path.startswith(ADMIN_PREFIXES) or "require_admin(" in _source(self.handler)

    @property
    def is_streaming(self) -> bool:
        """Answers with a stream that never ends on its own (SSE): read its headers only."""
        return_type = self.handler.parsed_fn_signature.return_type
        return return_type.is_subclass_of((ServerSentEvent, Stream))

    def kind_of(self, param: str) -> str | None:
        for (name, prefix), kind in PARAM_KINDS.items():
            if name == param and self.path.startswith(prefix):
                return kind
        return None

    def object_params(self) -> dict[str, str]:
        """Path parameters that designate a stored object, with their kind."""
        kinds = {p: self.kind_of(p) for p in self.params}
        return {p: k for p, k in kinds.items() if k and k not in SELECTORS}

    def url(self, values: Mapping[str, Any]) -> str:
        return self.path_format.format(**{p: values[p] for p in self.params})


def _source(handler: HTTPRouteHandler) -> str:
    try:
        return inspect.getsource(handler.fn)
    except (OSError, TypeError):  # generated handlers (static files, schema pages)
        return ""


def endpoints(app: Litestar) -> Iterator[Endpoint]:
    """Every (method, route) the app serves, OPTIONS and HEAD left out (Litestar's own)."""
    for route in app.routes:
        if not isinstance(route, HTTPRoute):
            continue
        for handler in route.route_handlers:
            for method in sorted(handler.http_methods - {"OPTIONS", "HEAD"}):
                yield Endpoint(
                    method,
                    route.path,
                    route.path_format,
                    tuple(route.path_parameters),
                    handler,
                )


def swept(
    app: Litestar, which: Callable[[Endpoint], bool], at_least: int, lost: str
) -> list[Endpoint]:
    """The endpoints a sweep covers. Fewer than ``at_least`` means the route table changed under
    the sweep, which would then pass by testing nothing: ``lost`` says what to update."""
    found = [e for e in endpoints(app) if which(e)]
    assert len(found) >= at_least, lost
    return found


def unclassified(app: Litestar) -> list[str]:
    """Routes whose path parameters the sweeps cannot fill: classify them in PARAM_KINDS."""
    return [
        f"{e}: parameter {p!r}"
        for e in endpoints(app)
        if not e.is_public
        for p in e.params
        if e.kind_of(p) is None
    ]


def fillings(endpoint: Endpoint, objects: Mapping[str, Sequence[str]]) -> Iterator[dict[str, Any]]:
    """Every way to fill the endpoint's path with the given objects (ids by kind)."""
    choices = []
    for param in endpoint.params:
        kind = endpoint.kind_of(param)
        assert kind is not None, f"{endpoint}: classify {param!r} in PARAM_KINDS"
        values = [SELECTORS[kind]] if kind in SELECTORS else objects[kind]
        choices.append([(param, value) for value in values])
    for combination in itertools.product(*choices):
        yield dict(combination)
