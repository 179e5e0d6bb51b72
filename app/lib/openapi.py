"""The OpenAPI document describes the errors the API really sends.

Litestar documents a ``400`` with its own ``{status_code, detail, extra}`` body, but every error of
this app goes through ``app.lib.web.error_response``: JSON ``{error, detail}`` (plus extra fields)
with statuses 400-429 and 500. The ``400`` entry and a ``default`` response are rewritten to that
shape, so clients (and schemathesis) can rely on it.
"""

from __future__ import annotations

from litestar import Litestar
from litestar.openapi.spec import (
    OpenAPIMediaType,
    OpenAPIResponse,
    Operation,
    Reference,
    Schema,
)
from litestar.openapi.spec.enums import OpenAPIType

ERROR_SCHEMA_NAME = "Error"

ERROR_SCHEMA = Schema(
    type=OpenAPIType.OBJECT,
    required=["error", "detail"],
    properties={
        "error": Schema(type=OpenAPIType.STRING, description="Stable machine-readable code"),
        "detail": Schema(type=OpenAPIType.STRING, description="Human-readable message"),
    },
    description="Every error answer of the JSON API",
)


def _error_response(description: str) -> OpenAPIResponse:
    reference = Reference(ref=f"#/components/schemas/{ERROR_SCHEMA_NAME}")
    return OpenAPIResponse(
        description=description, content={"application/json": OpenAPIMediaType(schema=reference)}
    )


def _operations(app: Litestar) -> list[Operation]:
    found = []
    for item in (app.openapi_schema.paths or {}).values():
        for method in ("get", "put", "post", "delete", "patch"):
            operation = getattr(item, method, None)
            if operation is not None:
                found.append(operation)
    return found


def document_error_responses(app: Litestar) -> None:
    """Rewrite the generated document in place (it is built once and then served as is)."""
    schema = app.openapi_schema
    if schema.components.schemas is None:
        schema.components.schemas = {}
    schema.components.schemas[ERROR_SCHEMA_NAME] = ERROR_SCHEMA
    for operation in _operations(app):
        responses = operation.responses if operation.responses is not None else {}
        if "400" in responses:
            responses["400"] = _error_response("Malformed request")
        responses["default"] = _error_response(
            "Error: 401 sign-in needed, 403 forbidden or CSRF, 404 not found, 409 conflict, "
            "413 too large, 415 unsupported type, 422 invalid input, 429 rate limited"
        )
        operation.responses = responses
