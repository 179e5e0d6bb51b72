"""A JSON-RPC message checked before the SDK's transport reads it.

The transport answers a message it cannot parse (params that are no object, a list, a missing
``jsonrpc``) 400 with pydantic's report as its text, and a ``tools/call`` whose ``arguments``
are no object with a bare "Invalid request parameters". Every other refusal of the API is its
JSON error body (``{"error": code, "detail": sentence, ...}``): these are too, 422, naming the
member that is wrong. No import of the SDK here: the route runs this whether the API is on or off.
"""

from __future__ import annotations

from typing import Any

from app.lib.i18n import N_
from app.lib.input_errors import InputError

INVALID_MESSAGE = "mcp.invalid_message"
INVALID_ARGUMENTS = "mcp.invalid_arguments"  # as a tool's own argument refusal (arguments.py)
NOT_A_MESSAGE = N_(
    "The body is not a JSON-RPC 2.0 message: '%(field)s' is missing or not of the expected type."
)
NOT_ARGUMENTS = N_("The tool's 'arguments' must be an object of named arguments.")


def _refuse(field: str) -> InputError:
    return InputError(NOT_A_MESSAGE, code=INVALID_MESSAGE, where=field, field=field)


def _is_id(value: Any) -> bool:
    return isinstance(value, str) or (isinstance(value, int) and not isinstance(value, bool))


def check_message(message: Any) -> None:
    """Raise a 422 ``InputError`` unless ``message`` is one JSON-RPC 2.0 request, notification
    or response (MCP has no batches), with a ``tools/call``'s tool named and its arguments an
    object."""
    if not isinstance(message, dict):
        raise _refuse("message")
    if message.get("jsonrpc") != "2.0":
        raise _refuse("jsonrpc")
    if "id" in message and not _is_id(message["id"]):
        raise _refuse("id")
    if "method" not in message:  # a response to the server: an id and a result or an error
        if "id" not in message or ("result" in message) == ("error" in message):
            raise _refuse("method")
        return
    if not isinstance(message["method"], str) or not message["method"]:
        raise _refuse("method")
    params = message.get("params", {})
    if not isinstance(params, dict):
        raise _refuse("params")
    if message["method"] != "tools/call":
        return
    if not isinstance(params.get("name"), str) or not params["name"]:
        raise _refuse("params.name")
    if not isinstance(params.get("arguments", {}), dict):
        raise InputError(NOT_ARGUMENTS, code=INVALID_ARGUMENTS, where="arguments")
