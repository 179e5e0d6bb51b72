"""What every route guarantees, by family: the one declaration of the route contract.

A route belongs to every family whose test it meets; most families are read off the route
itself (its method, whether it streams, its path parameters, its body cap), so a route added
later joins them without anyone listing it. Three facts cannot be read off a route and are
declared here, beside the families that need them: which routes make the server reach an
address a user gave, which count attempts against a rate limit, and which start work in the
worker. ``tests/security/test_route_guarantees.py`` walks the app's route table and fails on a
route missing a guarantee one of its families requires, naming the route and the guarantee.

How each guarantee holds (the evidence the test reads):
* ``sign_in``: an anonymous caller is refused (401 JSON, or the sign-in page) unless the route
  is in the public list of ``tests/security/routes.py``;
* ``csrf``: the session-bound CSRF check (app/lib/csrf.py) runs: the route is not excluded;
* ``ownership``: each path parameter naming a stored object is classified, so the
  cross-account sweep (``tests/security/test_idor.py``) asks for it with another user's ids;
* ``body_limit``: the route reads at most the app's default body, or its declared upload cap;
* ``rate_limit``: the route counts each attempt under its declared key (app/lib/rate_limit.py)
  before doing the work;
* ``address_policy``: every request the server sends goes through app/lib/outbound (address
  checked at every hop, decoded-size limit, one deadline per call): no HTTP client is built
  anywhere else;
* ``session_bound``: an event stream ends within seconds of the session or token that opened
  it (app/lib/stream_guard.py), checked per stream by the session and token stream tests;
* ``worker_slot``: the work a route starts is a task of a kind with a per-user cap, refused
  beyond it with nothing created;
* ``fair_share``: the worker runs that kind's job within its user's share of the workers
  (jobs/fair_share.py): beyond it the job waits in the queue behind other users' jobs.
* ``page_size``: a list answers one page at a time, never more than app/lib/paging.py's bound,
  and says where the next page is: the route takes the ``paging`` dependency, and
  ``tests/integration/test_pagination.py`` asks it for a page over the bound and walks it to
  the end (the agent API's list tools too).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

MEGABYTE = 1024 * 1024
STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class Guarantee(StrEnum):
    SIGN_IN = "sign_in"
    CSRF = "csrf"
    OWNERSHIP = "ownership"
    BODY_LIMIT = "body_limit"
    RATE_LIMIT = "rate_limit"
    ADDRESS_POLICY = "address_policy"
    SESSION_BOUND = "session_bound"
    WORKER_SLOT = "worker_slot"
    FAIR_SHARE = "fair_share"
    PAGE_SIZE = "page_size"


RouteKey = tuple[str, str]  # (method, Litestar path template)


@dataclass(frozen=True, slots=True)
class RouteFacts:
    """What can be read off a route without running it."""

    method: str
    path: str
    public: bool
    event_stream: bool
    object_params: tuple[str, ...]
    body_cap: int
    default_body_cap: int
    returns_list: bool = False  # a JSON answer whose body is a list

    @property
    def lists(self) -> bool:
        return self.method == "GET" and (self.returns_list or self.key in LISTS)

    @property
    def key(self) -> RouteKey:
        return (self.method, self.path)

    @property
    def changes_state(self) -> bool:
        return self.method in STATE_CHANGING


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    requires: frozenset[Guarantee]
    member: Callable[[RouteFacts], bool]
    why: str


# Routes that make the server (web or worker) contact an address a user typed: an offer page,
# a feed, an AI endpoint. The admin's own endpoint settings count too: an admin account can be
# taken over, and the address policy is what keeps the internal network out of reach then.
OUTBOUND: frozenset[RouteKey] = frozenset(
    {
        ("POST", "/offers/url"),
        ("POST", "/api/job-offers"),
        ("POST", "/inbox/searches/{search_id:str}/sources"),
        ("POST", "/inbox/searches/{search_id:str}/run"),
        ("POST", "/api/searches/{search_id:str}/run"),
        ("POST", "/account/ai-endpoint"),
        ("POST", "/account/ai-endpoint/test"),
        ("POST", "/admin/endpoint"),
        ("POST", "/admin/test-connection"),
        ("POST", "/admin/models"),
        ("POST", "/api/mcp"),  # the agent API's add_offer with a url (app/mcp/offer_tools.py)
    }
)

# Routes that count attempts, by the key prefix of their counter (app/lib/rate_limit.py): those
# that check a password or send mail to an address a stranger typed, those that probe an
# address for a user, and the worker ping.
RATE_LIMITED: dict[RouteKey, str] = {
    ("POST", "/login"): "ratelimit:login:",
    ("POST", "/api/auth/login"): "ratelimit:login:",
    ("POST", "/register"): "ratelimit:register:",
    ("POST", "/api/auth/register"): "ratelimit:register:",
    ("POST", "/password/forgot"): "ratelimit:reset:",
    ("POST", "/account/ai-endpoint"): "ratelimit:ai-endpoint-test:",  # a save tests first
    ("POST", "/account/ai-endpoint/test"): "ratelimit:ai-endpoint-test:",
    ("POST", "/api/system/ping-worker"): "ratelimit:ping:",
}

# Sign-in, sign-up and the reset request: a stranger's way in, where guessing is the attack.
CREDENTIALS: frozenset[RouteKey] = frozenset(
    {
        ("POST", "/login"),
        ("POST", "/api/auth/login"),
        ("POST", "/register"),
        ("POST", "/api/auth/register"),
        ("POST", "/password/forgot"),
    }
)

# Connection tests: each one makes the server knock on an address of the caller's choosing.
PROBES: frozenset[RouteKey] = frozenset(
    {("POST", "/account/ai-endpoint"), ("POST", "/account/ai-endpoint/test")}
)

# Routes whose body may exceed the default cap (files), with the most they may accept.
UPLOAD_CAPS: dict[RouteKey, int] = {
    ("POST", "/cvs/upload"): 16 * MEGABYTE,
    ("POST", "/api/cvs"): 16 * MEGABYTE,
    ("POST", "/account/photo"): 32 * MEGABYTE,
    ("POST", "/ats/upload"): 16 * MEGABYTE,
    ("POST", "/api/ats/checks"): 16 * MEGABYTE,
}

# Routes that start work in the worker, by the kind of task they create (BackgroundTask.type):
# each kind caps what one user may have open at once (app/tasks/registry.py), and its job runs
# within its user's fair share of the workers, so one account cannot hold every worker slot.
STARTS_WORK: dict[RouteKey, str] = {
    ("POST", "/cvs/upload"): "cv_import",
    ("POST", "/cvs/text"): "cv_import",
    ("POST", "/api/cvs"): "cv_import",
    ("POST", "/cvs/{cv_id:str}/retry"): "cv_import",
    ("POST", "/offers/url"): "offer_extract",
    ("POST", "/offers/text"): "offer_extract",
    ("POST", "/api/job-offers"): "offer_extract",
    ("POST", "/generations"): "cv_generation_v2",
    ("POST", "/api/cv/generate-v2"): "cv_generation_v2",
    ("POST", "/cover-letters"): "cover_letter",
    ("POST", "/api/cover-letters"): "cover_letter",
    ("POST", "/pitches"): "pitch",
    ("POST", "/api/pitches"): "pitch",
    ("POST", "/coach"): "coach_reply",
    ("POST", "/coach/{conversation_id:str}/messages"): "coach_reply",
    ("POST", "/coach/{conversation_id:str}/retry"): "coach_reply",
    ("POST", "/api/coach/conversations"): "coach_reply",
    ("POST", "/api/coach/conversations/{conversation_id:str}/messages"): "coach_reply",
    ("POST", "/api/coach/conversations/{conversation_id:str}/retry"): "coach_reply",
    ("POST", "/inbox/searches/{search_id:str}/run"): "search_run",
    ("POST", "/api/searches/{search_id:str}/run"): "search_run",
    ("POST", "/ats/upload"): "ats_check",
    ("POST", "/ats/tailored"): "ats_check",
    ("POST", "/api/ats/checks"): "ats_check",
    # The agent API (app/mcp/): start_generation, and add_offer (offer_extract, capped as for
    # POST /api/job-offers), through the same services as the routes above.
    ("POST", "/api/mcp"): "cv_generation_v2",
}

# Lists a route's answer type does not show: the pages (HTML) and the JSON answers that wrap
# their list in an object. A JSON route answering a list is one by its type.
LISTS: frozenset[RouteKey] = frozenset(
    {
        ("GET", "/api/background-tasks"),
        ("GET", "/api/credits"),
        ("GET", "/offers"),
        ("GET", "/cvs"),
        ("GET", "/applications/list"),
        ("GET", "/achievements"),
        ("GET", "/ats"),
        ("GET", "/coach"),
        ("GET", "/generations"),
        ("GET", "/inbox"),
        ("GET", "/inbox/searches"),
        ("GET", "/cover-letters"),
        ("GET", "/pitches"),
        ("GET", "/account"),  # the credit history
        ("GET", "/admin"),  # the accounts
    }
)

FAMILIES: tuple[Family, ...] = (
    Family(
        "signed_in",
        frozenset({Guarantee.SIGN_IN}),
        lambda route: not route.public,
        "user data is reached through a signed-in account only",
    ),
    Family(
        "state_changing",
        frozenset({Guarantee.CSRF, Guarantee.BODY_LIMIT}),
        lambda route: route.changes_state,
        "a write is asked for by the user's own page, and reads a bounded body",
    ),
    Family(
        "object",
        frozenset({Guarantee.OWNERSHIP}),
        lambda route: bool(route.object_params),
        "an id in the path reaches the caller's own object or nothing",
    ),
    Family(
        "upload",
        frozenset({Guarantee.BODY_LIMIT, Guarantee.CSRF, Guarantee.SIGN_IN}),
        lambda route: route.body_cap > route.default_body_cap,
        "a file larger than a form is taken only where one is expected, up to a stated size",
    ),
    Family(
        "event_stream",
        frozenset({Guarantee.SESSION_BOUND, Guarantee.SIGN_IN}),
        lambda route: route.event_stream,
        "a stream never outlives the session that opened it",
    ),
    Family(
        "credentials",
        frozenset({Guarantee.RATE_LIMIT, Guarantee.CSRF}),
        lambda route: route.key in CREDENTIALS,
        "passwords and addresses cannot be guessed at machine speed",
    ),
    Family(
        "outbound",
        frozenset({Guarantee.ADDRESS_POLICY, Guarantee.CSRF, Guarantee.SIGN_IN}),
        lambda route: route.key in OUTBOUND,
        "the server never reaches the internal network for a user",
    ),
    Family(
        "probe",
        frozenset({Guarantee.RATE_LIMIT, Guarantee.ADDRESS_POLICY}),
        lambda route: route.key in PROBES,
        "a connection test cannot be turned into a port scanner",
    ),
    Family(
        "starts_work",
        frozenset({Guarantee.WORKER_SLOT, Guarantee.FAIR_SHARE, Guarantee.SIGN_IN}),
        lambda route: route.key in STARTS_WORK,
        "one account cannot hold every worker slot",
    ),
    Family(
        "list",
        frozenset({Guarantee.PAGE_SIZE, Guarantee.SIGN_IN}),
        lambda route: route.lists,
        "no answer grows with what an account holds: a list comes a bounded page at a time",
    ),
)


def families_of(route: RouteFacts) -> list[Family]:
    return [family for family in FAMILIES if family.member(route)]


def required(route: RouteFacts) -> frozenset[Guarantee]:
    """Every guarantee the route's families require."""
    needs: frozenset[Guarantee] = frozenset()
    for family in families_of(route):
        needs |= family.requires
    return needs
