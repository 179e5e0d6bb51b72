"""Server-side sessions in Redis, with a fresh session id at every sign-in.

Litestar keeps whatever id the cookie carries; rotating it at sign-in stops session fixation
(an id planted in a victim's browser before login is worthless afterwards).
"""

from __future__ import annotations

from typing import Any

from litestar.connection import ASGIConnection
from litestar.middleware.session.server_side import (
    ServerSideSessionBackend,
    ServerSideSessionConfig,
)
from litestar.types import Message, ScopeSession

_ROTATE = "cvtailor.rotate_session"
_NEW_ID = "cvtailor.new_session_id"


def rotate_session_id(scope: Any) -> None:
    """Ask the session backend to store this response's session under a brand-new id."""
    scope[_ROTATE] = True


class RotatingSessionBackend(ServerSideSessionBackend):
    def get_session_id(self, connection: ASGIConnection[Any, Any, Any, Any]) -> str:
        state: dict[str, Any] = connection.scope  # type: ignore[assignment]
        if state.get(_ROTATE):
            if _NEW_ID not in state:
                state[_NEW_ID] = self.generate_session_id()
            return str(state[_NEW_ID])
        return super().get_session_id(connection)

    async def store_in_message(
        self,
        scope_session: ScopeSession,
        message: Message,
        connection: ASGIConnection[Any, Any, Any, Any],
    ) -> None:
        old_id = connection.cookies.get(self.config.key)
        if connection.scope.get(_ROTATE) and old_id and message["type"] == "http.response.start":
            await self.delete(old_id, self.config.get_store_from_app(connection.scope["app"]))
        await super().store_in_message(scope_session, message, connection)


class RotatingSessionConfig(ServerSideSessionConfig):
    _backend_class = RotatingSessionBackend
