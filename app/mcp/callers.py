"""Who is calling a tool: the holder of a personal API token, under the JSON API's rules.

A token is looked up by its hash (app/lib/current_user.py), its ``last_used_at`` recorded; a
wrong or revoked one is refused with ``auth.invalid_token``, as the JSON API refuses it.

Nothing here imports the MCP SDK: the web process loads the SDK only when the agent API is on
(``routes.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from app.db.session import release_lock
from app.lib.current_user import user_for_token
from app.lib.errors import Unauthenticated
from app.lib.i18n import N_
from app.mcp.backend import Backend

INVALID_TOKEN = N_("This API token is not valid.")  # the JSON API's own words
SCOPE_KEY = "cvtailor.mcp_call"  # where the HTTP route leaves the request's McpCall


class Caller(Protocol):
    async def user_id(self, backend: Backend) -> str:
        """The calling user's id, or ``Unauthenticated``."""
        ...


@dataclass(frozen=True, slots=True)
class TokenCaller:
    """``make mcp``: the token it was started with, looked up again at every call, so a token
    revoked while the agent runs is refused from its next call on."""

    token: str

    async def user_id(self, backend: Backend) -> str:
        async with backend.sessions() as db:
            user = await user_for_token(db, self.token)
            if user is None:
                await release_lock(db)
                raise Unauthenticated(INVALID_TOKEN, code="auth.invalid_token")
            await db.commit()  # last_used_at
            return user.id


@dataclass(frozen=True, slots=True)
class RequestCaller:
    """Over HTTP: the route checked the request's bearer token (the ``user`` dependency) just
    before the call; one request carries one call."""

    id: str

    async def user_id(self, backend: Backend) -> str:
        return self.id


@dataclass(frozen=True, slots=True)
class McpCall:
    """Where a tool call comes from: what it works with, and who makes it."""

    backend: Backend
    caller: Caller
