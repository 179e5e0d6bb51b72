"""No 500 from a hostile path parameter, query parameter or form number, on every route.

The JSON API is also fuzzed from its OpenAPI document (test_schemathesis.py); pages and forms are
not in that document, so this sweep walks the real route table instead. Each value goes into one
place at a time, the other path parameters being the caller's own objects, so that handlers get
past the ownership check: numbers past what a database integer holds, negative and zero, digits
other than ASCII 0-9 (``str.isdigit`` accepts "²", which ``int`` refuses; ``int`` reads "٣" and
"１" as 3 and 1), a very long string and a NUL byte. ``make test`` sends one value of each kind
(past an integer, negative, not an ASCII digit, very long, NUL); every value is sent by the full
sweep of ``make test-sweeps``, which CI runs beside ``make test``.
"""

from __future__ import annotations

import contextlib
import inspect
import re
from typing import Any
from urllib.parse import quote

import pytest
from arq.worker import Worker
from litestar import Litestar
from litestar.params import ParameterKwarg
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings
from app.lib.paging import PAGE_PARAM, SIZE_PARAM
from tests.conftest import register
from tests.security.objects import Objects, own_objects
from tests.security.routes import Endpoint, endpoints, fillings
from tests.security.test_hostile_bodies import reads_body, takes_a_body

HOSTILE = [str(10**30), str(-(10**30)), "-1", "0", "²", "٣", "１", "x" * 5000, "a\x00b"]
QUICK = [str(10**30), "-1", "²", "x" * 5000, "a\x00b"]  # one of each kind
# Form fields read as numbers somewhere (admin settings, invitations, credits, the CV editor's
# item count, the design page, the review buttons); the editor's action carries an index too.
NUMBER_FIELDS = (
    "count", "amount", "days", "page_budget", "bullet", "override", "index", "version",
    "pipeline_offer_concurrency", "credits_new_user", "llm_max_concurrency", "llm_temperature",
)  # fmt: skip
# A list-shaped editor section as well as the default one: its form carries a count and indexes.
SECTIONS = ("summary", "experience")
_QUERY_READ = re.compile(r"query_params\.get\(\s*[\"']([A-Za-z_]+)[\"']")


def query_names(endpoint: Endpoint) -> set[str]:
    """The query parameters a handler declares, or reads from ``request.query_params``."""
    names = set()
    for name, parameter in endpoint.handler.parsed_fn_signature.parameters.items():
        kwarg = parameter.kwarg_definition
        if isinstance(kwarg, ParameterKwarg) and not (kwarg.header or kwarg.cookie):
            names.add(kwarg.query or kwarg.name or name)
    names -= set(endpoint.params)  # FromPath is a parameter too
    if "paging" in endpoint.handler.parsed_fn_signature.parameters:  # app/lib/paging.py's
        names |= {PAGE_PARAM, SIZE_PARAM}
    with contextlib.suppress(OSError, TypeError):  # generated handlers (static files, schemas)
        names.update(_QUERY_READ.findall(inspect.getsource(endpoint.handler.fn)))
    return names


def _swept(app: Litestar) -> list[Endpoint]:
    # Streams (SSE) never end: the event tests cover them.
    found = [e for e in endpoints(app) if not e.is_streaming and not e.is_public]
    assert len(found) >= 60, "the route table lost its routes"
    return found


def _fillings(endpoint: Endpoint, objects: Objects) -> list[dict[str, Any]]:
    first = next(fillings(endpoint, objects))
    if "section" not in endpoint.params:
        return [first]
    return [{**first, "section": section} for section in SECTIONS]


def _url(endpoint: Endpoint, values: dict[str, Any]) -> str:
    return endpoint.path_format.format(**{k: quote(str(v), safe="") for k, v in values.items()})


@pytest.fixture
async def signed_in(api: Any, db: AsyncSession, settings: Settings) -> tuple[Any, Objects]:
    """A live server (a PDF download waits for the worker's render, which the in-process
    client would block) and its first account, an admin, with one of everything."""
    me = await register(api, "hostile-numbers@example.com")
    return api, await own_objects(api, db, settings, me)


async def _send(client: Any, method: str, url: str, **kwargs: Any) -> str | None:
    response = await client.request(method, url, follow_redirects=False, timeout=60, **kwargs)
    if response.status_code >= 500:
        return f"{method} {url[:160]} {kwargs}"[:400] + f": {response.status_code}"
    return None


@pytest.mark.timeout(600)
@pytest.mark.parametrize(
    "hostile",
    [pytest.param(QUICK, id="quick"), pytest.param(HOSTILE, id="full", marks=pytest.mark.sweep)],
)
async def test_hostile_path_query_and_form_numbers_never_get_a_500(
    app: Litestar, signed_in: tuple[Any, Objects], worker: Worker, hostile: list[str]
) -> None:
    client, objects = signed_in
    problems: list[str | None] = []
    for endpoint in _swept(app):
        for valid in _fillings(endpoint, objects):
            for param in endpoint.params:
                for value in hostile:
                    url = _url(endpoint, {**valid, param: value})
                    problems.append(await _send(client, endpoint.method, url))
            url = _url(endpoint, valid)
            if endpoint.method == "GET":
                for name in sorted(query_names(endpoint)):
                    for value in hostile:
                        problems.append(await _send(client, "GET", url, params={name: value}))
            if takes_a_body(endpoint) and reads_body(endpoint):
                for value in hostile:
                    form = dict.fromkeys(NUMBER_FIELDS, value) | {"action": f"remove-{value}"}
                    problems.append(await _send(client, endpoint.method, url, data=form))
    found = [p for p in problems if p]
    assert not found, "\n".join(found)
    assert len(problems) >= 120 * len(hostile), "the sweep lost its routes or parameters"
