"""Property-based fuzzing of the JSON API (schemathesis 4) on a live server, as a token holder.

Every operation of ``/schema/openapi.json`` gets generated requests, valid and invalid ones —
with random ids, and with the caller's real ids so the handlers get past the ownership check into
input validation. Every answer must be a non-5xx response, of the documented content type, whose
body (errors included) matches the schema the document declares; invalid input must be refused.
The cases are derandomised (same cases every run) and bounded. ``make test`` runs a quick pass on
SQLite (a few generated cases per operation, every explicit case); the full sweep runs on both
databases the app supports in ``make test-sweeps``, which CI runs beside ``make test``.

Values the generator seldom draws are also sent explicitly, in every path and query parameter and
in the integer fields of JSON bodies: numbers past a database integer, negative and zero, digits
other than ASCII 0-9, a very long string and a NUL byte (pages and forms, which the document does
not describe: tests/security/test_hostile_parameters.py).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

import pytest
from arq.worker import Worker
from litestar import Litestar
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.config import Settings
from tests.conftest import register
from tests.integration.pipeline_helpers import wait_finished
from tests.security.objects import own_objects
from tests.security.routes import endpoints

# schemathesis and hypothesis are imported where they are used: every test process collects
# this module, and only the one that runs its tests needs them (~0.3 CPU-s to import).
if TYPE_CHECKING:
    import schemathesis

# Generated cases per operation and mode: the full sweep, and the quick pass of ``make test``.
FULL_EXAMPLES = 12
QUICK_EXAMPLES = 3

# int() reads "٣" and "１" as 3 and 1 and fails on "²"; 10**30 is past any database integer.
HOSTILE_TEXT = [str(10**30), str(-(10**30)), "-1", "0", "²", "٣", "１", "x" * 5000, "a\x00b"]
HOSTILE_INTEGERS = [10**30, -(10**30), 2**63, 2**31, -1, 0]
PLAIN_STRING = {"type": "string"}
# A body that gets past validation into the handler, per operation; ``None`` marks the integer
# field to fill with each hostile number ("generated_cv": a tailored CV, whose review it edits).
BODIES: dict[str, dict[str, Any]] = {
    "POST /api/cvs/{cv_id}/changes": {"action": "remove_bullet", "item": "", "bullet": None},
    "PUT /api/cvs/{cv_id}/design": {"design": "classic", "pageBudget": None},
}


def _fuzz_operation(
    operation: Any,
    base_url: str,
    headers: dict[str, str],
    path_parameters: dict[str, Any],
    mode: schemathesis.GenerationMode,
    examples: int,
) -> str | None:
    """Run the generated cases of one operation; the first failure as text, else None."""
    import hypothesis
    import hypothesis.errors
    from hypothesis import HealthCheck, Phase
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        negative_data_rejection,
        response_schema_conformance,
    )

    known = {k: v for k, v in path_parameters.items() if k in operation.path_parameters}

    @hypothesis.settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=True,  # the same cases every run: a failure here is reproducible
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @hypothesis.given(
        case=operation.as_strategy(generation_mode=mode, path_parameters=known or None)
    )
    def run(case: schemathesis.Case) -> None:
        case.call_and_validate(
            base_url=base_url,
            headers=headers,
            checks=[
                not_a_server_error,
                response_schema_conformance,
                content_type_conformance,
                negative_data_rejection,
            ],
            timeout=30,
        )

    try:
        run()
    except hypothesis.errors.Unsatisfiable:
        return None  # negative mode: nothing in this operation can be made invalid
    except (Exception, BaseExceptionGroup) as exc:  # schemathesis' FailureGroup is the latter
        return f"{operation.label} ({mode.value}, path {known or 'generated'}):\n{exc}"
    return None


def can_be_made_invalid(operation: Any) -> bool:
    """Whether negative mode can draw an invalid request of ``operation``. Not when its only
    inputs are plain strings in the path: any string is a valid value there, so hypothesis would
    reject about 500 drawn cases before giving up, sending nothing (half the quick pass's CPU).
    ``test_plain_string_path_parameters_cannot_be_made_invalid`` checks that premise."""
    if operation.body or operation.query or operation.headers or operation.cookies:
        return True
    return any(p.definition.get("schema") != PLAIN_STRING for p in operation.path_parameters)


def explicit_cases(operation: Any, own_ids: dict[str, Any]) -> Iterator[schemathesis.Case]:
    """Each hostile value in each path and query parameter (the others valid), and each hostile
    number in the integer field of the operation's body."""
    known = {k: v for k, v in own_ids.items() if k in operation.path_parameters}
    body = BODIES.get(operation.label)
    valid_body = {k: (1 if v is None else v) for k, v in (body or {}).items()}
    extra: dict[str, Any] = {"body": valid_body} if body else {}
    for parameter in operation.path_parameters:
        is_integer = parameter.definition.get("schema", {}).get("type") == "integer"
        for value in [*HOSTILE_TEXT, *(HOSTILE_INTEGERS if is_integer else [])]:
            path = {**known, parameter.name: value}
            yield operation.Case(path_parameters=path, **extra)
    for parameter in operation.query:
        for value in HOSTILE_TEXT:
            yield operation.Case(path_parameters=known, query={parameter.name: value}, **extra)
    if body:
        (field,) = [k for k, v in body.items() if v is None]
        path = {**known, "cv_id": own_ids["generated_cv"]}
        real = {k: own_ids["generated_item"] for k in body if k == "item"}  # a real experience
        for number in HOSTILE_INTEGERS:
            yield operation.Case(path_parameters=path, body={**valid_body, **real, field: number})


def _explicit_failures(
    operation: Any, base_url: str, headers: dict[str, str], own_ids: dict[str, Any]
) -> tuple[list[str], int]:
    """The failures among the operation's explicit cases, and how many were sent."""
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import (
        content_type_conformance,
        response_schema_conformance,
    )

    checks = [not_a_server_error, response_schema_conformance, content_type_conformance]
    failures = []
    sent = 0
    for case in explicit_cases(operation, own_ids):
        sent += 1
        try:
            case.call_and_validate(base_url=base_url, headers=headers, checks=checks, timeout=30)
        except (Exception, BaseExceptionGroup) as exc:
            shown = {k: str(v)[:40] for k, v in (case.path_parameters or {}).items()}
            what = f"path {shown}, query {case.query}, body {str(case.body)[:80]}"
            failures.append(f"{operation.label} (explicit: {what}):\n{exc}")
    return failures, sent


def fuzz(
    base_url: str,
    token: str,
    own_ids: dict[str, Any],
    skip: Callable[[str], bool],
    examples: int,
) -> tuple[list[str], int, int, int]:
    """Failures, operations fuzzed, operations fuzzed with invalid input too, and explicit
    cases sent."""
    import schemathesis

    schema = schemathesis.openapi.from_url(
        f"{base_url}/schema/openapi.json", config=schemathesis.Config()
    )
    headers = {"Authorization": f"Bearer {token}"}
    failures: list[str] = []
    operations = negative = explicit = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        if skip(operation.label):
            continue
        operations += 1
        modes = [schemathesis.GenerationMode.POSITIVE]
        if can_be_made_invalid(operation):
            negative += 1
            modes.append(schemathesis.GenerationMode.NEGATIVE)
        for mode in modes:
            for path_parameters in ({}, own_ids) if operation.path_parameters else ({},):
                problem = _fuzz_operation(
                    operation, base_url, headers, path_parameters, mode, examples
                )
                if problem:
                    failures.append(problem)
        problems, sent = _explicit_failures(operation, base_url, headers, own_ids)
        failures += problems
        explicit += sent
    return failures, operations, negative, explicit


# A net for hangs, not a speed target: on a loaded two-core machine the sweep has taken 4 min.
@pytest.mark.timeout(600)
@pytest.mark.parametrize(
    ("backend", "examples"),
    # A full sweep costs ≈ 1.5–3 min per database: the quick pass keeps every operation and every
    # explicit case in ``make test``, the full sweeps are ``make test-sweeps`` (run by CI).
    [
        pytest.param("sqlite", QUICK_EXAMPLES, id="sqlite-quick"),
        pytest.param("sqlite", FULL_EXAMPLES, id="sqlite-full", marks=pytest.mark.sweep),
        pytest.param("postgresql", FULL_EXAMPLES, id="postgresql-full", marks=pytest.mark.sweep),
    ],
    indirect=["backend"],
)
@pytest.mark.usefixtures("backend")
async def test_the_json_api_never_answers_a_server_error(
    app: Litestar,
    api: Any,
    live_server: str,
    db: AsyncSession,
    settings: Settings,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
    examples: int,
) -> None:
    me = await register(api, "fuzz@example.com")
    token = (await api.post("/api/tokens", json={"name": "fuzz"})).json()["token"]
    objects = await own_objects(api, db, settings, me)
    generation = await wait_finished(session_factory, objects["generation"][0])  # real results
    assert generation.generated_cv_ids, generation.error
    tailored = (await api.get(f"/api/cvs/{generation.generated_cv_ids[0]}")).json()
    own = {
        "generated_cv": tailored["id"],
        "generated_item": tailored["content"]["experience"][0]["id"],
        "cv_id": objects["cv"][0],
        "offer_id": objects["offer"][0],
        "task_id": objects["generation"][0],
        "token_id": objects["api_token"][0],  # not the token the fuzzer uses
        "version": 1,
        "application_id": objects["application"][0],
        "document_id": objects["sent_document"][0],
        "letter_id": objects["letter"][0],
        "pitch_id": objects["pitch"][0],
        "number": 1,
        "search_id": objects["search"][0],
        "item_id": objects["inbox_item"][0],
        "check_id": objects["ats_check"][0],
        "reply_id": objects["mail_reply"][0],
    }
    # Streams (SSE) never end, so a fuzzed request would hang on the body; the event tests
    # cover them.
    streams = {f"{e.method} {e.path_format}" for e in endpoints(app) if e.is_streaming}
    failures, operations, negative, explicit = await asyncio.to_thread(
        fuzz, live_server, token, own, lambda label: label in streams, examples
    )
    assert operations >= 25, "the OpenAPI document lost operations"
    assert negative >= 25, "the operations that take input lost their parameters or bodies"
    assert explicit >= 200, f"the explicit cases lost their parameters: {explicit} sent"
    assert not failures, "\n\n".join(failures)


async def test_the_document_describes_the_error_answers(client: Any) -> None:
    document = (await client.get("/schema/openapi.json")).json()
    assert document["components"]["schemas"]["Error"]["required"] == ["error", "detail"]
    for path, item in document["paths"].items():
        for method, operation in item.items():
            default = operation["responses"].get("default", {})
            schema = default.get("content", {}).get("application/json", {}).get("schema", {})
            assert schema.get("$ref") == "#/components/schemas/Error", f"{method} {path}"


def test_plain_string_path_parameters_cannot_be_made_invalid() -> None:
    """The premise of ``can_be_made_invalid``: negative mode draws nothing for an operation whose
    only input is a plain-string path parameter (and still does once it takes a number)."""
    import hypothesis
    import hypothesis.errors
    import schemathesis
    from hypothesis import HealthCheck

    parameter = {"name": "thing_id", "in": "path", "required": True, "schema": PLAIN_STRING}
    number = {**parameter, "name": "page", "schema": {"type": "integer"}}
    answers = {"200": {"description": "the thing"}}
    schema = schemathesis.openapi.from_dict(
        {
            "openapi": "3.1.0",
            "info": {"title": "things", "version": "1"},
            "paths": {
                "/things/{thing_id}": {"get": {"parameters": [parameter], "responses": answers}},
                "/things/{thing_id}/{page}": {
                    "get": {"parameters": [parameter, number], "responses": answers}
                },
            },
        }
    )
    plain = schema["/things/{thing_id}"]["GET"]
    numbered = schema["/things/{thing_id}/{page}"]["GET"]
    assert not can_be_made_invalid(plain) and can_be_made_invalid(numbered)
    drawn: list[schemathesis.Case] = []

    @hypothesis.settings(
        max_examples=1, database=None, derandomize=True, suppress_health_check=list(HealthCheck)
    )
    @hypothesis.given(case=plain.as_strategy(generation_mode=schemathesis.GenerationMode.NEGATIVE))
    def draw(case: schemathesis.Case) -> None:
        drawn.append(case)

    with pytest.raises(hypothesis.errors.Unsatisfiable):
        draw()
    assert not drawn
