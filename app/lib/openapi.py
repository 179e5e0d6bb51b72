"""The OpenAPI document describes the errors the API really sends, and the bodies read by hand.

Litestar documents a ``400`` with its own ``{status_code, detail, extra}`` body, but every error of
this app goes through ``app.lib.web.error_response``: JSON ``{error, detail}`` (plus extra fields)
with statuses 400-429 and 500. The ``400`` entry and a ``default`` response are rewritten to that
shape, so clients (and schemathesis) can rely on it.

A handler that reads its body itself (``request.json()``, ``request.form()``) has no ``data``
parameter for Litestar to describe: ``documented_body`` gives it an ``operation_class`` that
declares the body it really accepts.
"""

from __future__ import annotations

from dataclasses import dataclass

from litestar import Litestar
from litestar._openapi.plugin import OpenAPIPlugin
from litestar.openapi.spec import (
    OpenAPI,
    OpenAPIMediaType,
    OpenAPIResponse,
    Operation,
    Reference,
    RequestBody,
    Schema,
)
from litestar.openapi.spec.enums import OpenAPIFormat, OpenAPIType

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


def text_schema(
    description: str,
    *,
    min_length: int | None = None,
    max_length: int | None = None,
    nullable: bool = False,
    not_blank: bool = False,
) -> Schema:
    """A string (or null); ``not_blank``: at least one character that is not whitespace."""
    kind = [OpenAPIType.STRING, OpenAPIType.NULL] if nullable else OpenAPIType.STRING
    return Schema(
        type=kind,
        description=description,
        min_length=min_length,
        max_length=max_length,
        pattern=r"\S" if not_blank else None,
    )


def pasted_text_schema(what: str, min_chars: int, max_chars: int, **more: Schema) -> Schema:
    """``{"text": …}``: text checked as ``offer_text`` / ``text_upload`` do."""
    text = text_schema(
        f"{what} as plain text: at least {min_chars} characters that are not whitespace, "
        f"at most {max_chars} once trimmed",
        min_length=min_chars,
        max_length=max_chars,
    )
    return Schema(
        type=OpenAPIType.OBJECT,
        title="Pasted text",
        required=["text"],
        properties={"text": text, **more},
    )


# What every uploaded file is held to (the request's body cap, app/lib/web.py's 413).
UPLOAD_LIMIT = "the upload limit (CVTAILOR_UPLOAD_MAX_BYTES, 5 MB by default; over it: 413)"


def file_upload_schema(description: str) -> Schema:
    """A multipart form of one required ``file`` field (``description`` says what it takes)."""
    file = Schema(type=OpenAPIType.STRING, format=OpenAPIFormat.BINARY, description=description)
    return Schema(type=OpenAPIType.OBJECT, required=["file"], properties={"file": file})


def text_list_schema(description: str) -> Schema:
    return Schema(
        type=OpenAPIType.ARRAY, items=Schema(type=OpenAPIType.STRING), description=description
    )


def documented_body(description: str, content: dict[str, Schema]) -> type[Operation]:
    """An ``operation_class`` declaring the (required) body a handler reads by hand, by media
    type."""
    body = RequestBody(
        description=description,
        required=True,
        content={media: OpenAPIMediaType(schema=schema) for media, schema in content.items()},
    )

    @dataclass
    class OperationWithBody(Operation):
        def __post_init__(self) -> None:
            self.request_body = body

    return OperationWithBody


def _error_response(description: str) -> OpenAPIResponse:
    reference = Reference(ref=f"#/components/schemas/{ERROR_SCHEMA_NAME}")
    return OpenAPIResponse(
        description=description, content={"application/json": OpenAPIMediaType(schema=reference)}
    )


def _operations(schema: OpenAPI) -> list[Operation]:
    found = []
    for item in (schema.paths or {}).values():
        for method in ("get", "put", "post", "delete", "patch"):
            operation = getattr(item, method, None)
            if operation is not None:
                found.append(operation)
    return found


def _document_errors(schema: OpenAPI) -> OpenAPI:
    if schema.components.schemas is None:
        schema.components.schemas = {}
    schema.components.schemas[ERROR_SCHEMA_NAME] = ERROR_SCHEMA
    for operation in _operations(schema):
        responses = operation.responses if operation.responses is not None else {}
        if "400" in responses:
            responses["400"] = _error_response("Malformed request")
        responses["default"] = _error_response(
            "Error: 401 sign-in needed, 403 forbidden or CSRF, 404 not found, 409 conflict, "
            "413 too large, 415 unsupported type, 422 invalid input, 429 rate limited"
        )
        operation.responses = responses
    return schema


class _DocumentedOpenAPIPlugin(OpenAPIPlugin):
    """Litestar's plugin, its document rewritten each time it is built."""

    __slots__ = ()

    def _build_openapi(self) -> OpenAPI:
        return _document_errors(super()._build_openapi())


def document_error_responses(app: Litestar) -> None:
    """Rewrite the generated document each time Litestar builds it: lazily, on its first use
    (and again after a route is added). Built when the app was created, it cost every app a
    quarter of its creation time, though few apps ever serve it (bench/TESTS.md)."""
    plugin = app.plugins.get(OpenAPIPlugin)
    plugin.__class__ = _DocumentedOpenAPIPlugin
