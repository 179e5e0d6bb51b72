"""Tool arguments the SDK refused, and a tool it does not know, answered in the JSON API's
error body.

The SDK checks a call's arguments against the tool's declared types and, when one is wrong,
answers a tool error whose text is pydantic's own report. An agent reads every other refusal as
``{"error": code, "detail": sentence, ...}`` (app/mcp/calls.py): a wrong argument gets that
body too, code ``mcp.invalid_arguments`` with the field it is about.
"""

from __future__ import annotations

from typing import Any

from mcp.server.mcpserver import Context, MCPServer
from mcp.server.mcpserver.exceptions import ToolError, UnexpectedToolError
from mcp.types import CallToolResult
from pydantic import ValidationError

from app.lib.i18n import N_
from app.mcp.calls import error_text, refused

INVALID_ARGUMENTS = "mcp.invalid_arguments"
BAD_FIELD = N_("The argument '%(field)s' is missing or not of the expected type.")
UNKNOWN_TOOL = "mcp.unknown_tool"
NO_SUCH_TOOL = N_("There is no tool named '%(name)s': tools/list names them.")


def invalid_arguments(error: ValidationError) -> CallToolResult:
    """The refusal naming the first wrong field (all of them in ``fields``) and, for a choice,
    the values it takes (``expected``)."""
    errors = error.errors()
    fields = [".".join(str(part) for part in err["loc"]) or "arguments" for err in errors]
    field = fields[0] if fields else "arguments"
    extra: dict[str, Any] = {"field": field, "fields": list(dict.fromkeys(fields))}
    expected = (errors[0].get("ctx") or {}).get("expected") if errors else None
    if expected:  # a choice (a status, a mode): the values it takes
        extra["expected"] = str(expected)
    return refused(error_text(INVALID_ARGUMENTS, BAD_FIELD % {"field": field}, extra))


class CheckedServer(MCPServer):
    """The SDK's server whose argument refusals are the JSON API's error body."""

    async def call_tool(
        self, name: str, arguments: dict[str, Any], context: Context[Any, Any] | None = None
    ) -> Any:
        if self._tool_manager.get_tool(name) is None:  # the SDK's own answer is bare text
            return refused(error_text(UNKNOWN_TOOL, NO_SUCH_TOOL % {"name": name}, {"tool": name}))
        try:
            return await super().call_tool(name, arguments, context)
        except ToolError as exc:
            cause = exc.__cause__
            if isinstance(exc, UnexpectedToolError) or not isinstance(cause, ValidationError):
                raise
            return invalid_arguments(cause)
