"""CSRF protection bound to the session, that lets personal-API-token requests through.

Litestar's own middleware is a double-submit cookie: any well-signed token whose cookie comes
along passes, so a token taken from one browser (and a cookie planted in another, e.g. from a
sibling subdomain) would pass in every session. Here each token is also signed with a random
key kept in the server-side session: ``token = nonce + HMAC(secret, nonce + key)``. A token is
accepted only if it was made for the caller's session. A caller without a session (before
sign-in) gets the plain double-submit check (the token must equal the cookie) with an empty key.

The key is replaced whenever the session id is (sign-in, sign-out, password change:
``rebind``), so a token from before a sign-in is refused after it; the response that rotates
sets the new cookie, and pages rendered by it already carry the new token.

Browsers cannot attach an ``Authorization`` header to a cross-site request without a CORS
preflight (which this app never grants), so a request carrying one is not CSRF-able. The auth
layer then authenticates such a request by its token alone, never by its session cookie.

The bypass only applies to routes that authenticate their caller: they depend on the ``user``
dependency, directly or through another dependency (an ``inbox`` triage or an applications
``tracker`` is built from ``user``), which answers 401 to an invalid token before the handler
runs. A bogus ``Authorization`` header must not carry a request past CSRF into sign-in, sign-up
or sign-out, which do not depend on ``user``.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from typing import Any

from litestar.enums import RequestEncodingType
from litestar.exceptions import PermissionDeniedException
from litestar.middleware._utils import should_bypass_middleware
from litestar.middleware.csrf import CSRFMiddleware
from litestar.types import Message, Receive, Scope, Send
from litestar.utils.scope.state import ScopeState

from app.lib.session_keys import SESSION_USER_KEY

AUTHENTICATING_DEPENDENCY = "user"
# A route's ``opt`` key: it takes a personal API token and nothing else (the agent API,
# app/mcp/routes.py). A caller without a token skips the CSRF check there, session or not, and
# the ``user`` dependency answers it 401 ``auth.token_required`` (app/lib/current_user.py)
# without reading the session.
BEARER_ONLY = "bearer_only"
SESSION_KEY = "csrf_key"  # the per-session random the tokens are signed with
_NONCE_HEX = 64
_WELL_FORMED = re.compile(f"[0-9a-f]{{{2 * _NONCE_HEX}}}")
_APP_SIGNER = "cvtailor.csrf_signer"  # the app's secret, for ``rebind`` called from a handler
_PENDING = "cvtailor.csrf_key"  # the key a rotated session will carry

# Both mention CSRF: app/lib/web.py turns them into the reader's-language 403.
INVALID = "CSRF token verification failed"
OTHER_SESSION = "CSRF token made for another session"


def has_authorization_header(scope: Scope) -> bool:
    return any(name == b"authorization" for name, _ in scope.get("headers", ()))


def depends_on(handler: Any, dependency: str) -> bool:
    """Whether resolving ``handler``'s parameters resolves ``dependency``, at any depth."""
    provided = handler.resolve_dependencies()
    seen: set[str] = set()
    pending = list(handler.parsed_fn_signature.parameters)
    while pending:
        name = pending.pop()
        if name == dependency:
            return True
        if name in seen or name not in provided:
            continue
        seen.add(name)
        pending.extend(provided[name].parsed_fn_signature.parameters)
    return False


def authenticates_caller(scope: Scope) -> bool:
    handler = scope.get("route_handler")
    return handler is not None and depends_on(handler, AUTHENTICATING_DEPENDENCY)


def bearer_only(scope: Scope) -> bool:
    """A route taking a personal API token and nothing else (app/lib/current_user.py): a
    caller without a token can forge nothing there, and is told it needs one."""
    handler = scope.get("route_handler")
    return handler is not None and bool(handler.opt.get(BEARER_ONLY))


def _signature(secret: str, nonce: str, key: str) -> str:
    message = f"{nonce}:{key}".encode()
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def make_token(secret: str, key: str) -> str:
    nonce = secrets.token_hex(_NONCE_HEX // 2)
    return nonce + _signature(secret, nonce, key)


def made_for(secret: str, token: str | None, key: str | None) -> bool:
    """Whether ``token`` was signed for the session holding ``key`` (None: none will do)."""
    if not token or key is None or len(token) != 2 * _NONCE_HEX:
        return False
    nonce, signature = token[:_NONCE_HEX], token[_NONCE_HEX:]
    return hmac.compare_digest(signature, _signature(secret, nonce, key))


def _session(scope: Scope) -> dict[str, Any] | None:
    """The signed-in session, the only kind stored (app/lib/sessions.py): a visitor's tokens
    are the cookie's double submit, whatever a session kept from before holds."""
    session = scope.get("session")
    if isinstance(session, dict) and session.get(SESSION_USER_KEY):
        return session
    return None


def request_key(scope: Scope) -> str | None:
    """The key the caller's tokens must be signed with: "" without a session; None for a
    session that has none yet (made before binding): no token of it is trusted."""
    session = _session(scope)
    if session is None:
        return ""
    key = session.get(SESSION_KEY)
    return key if isinstance(key, str) else None


def response_key(scope: Scope) -> str:
    """The key of the session this response leaves the browser with, stored into it."""
    session = _session(scope)
    if session is None:
        return ""
    key = scope.get(_PENDING) or session.get(SESSION_KEY) or secrets.token_hex(16)
    session[SESSION_KEY] = key
    return str(key)


def rebind(scope: Scope) -> None:
    """The session is getting a new id: its tokens change too, from this response's pages on."""
    scope[_PENDING] = secrets.token_hex(16)  # type: ignore[literal-required]
    session = _session(scope)
    if session is not None:
        session.pop(SESSION_KEY, None)
    if _APP_SIGNER in scope:
        ScopeState.from_scope(scope).csrf_token = make_token(scope[_APP_SIGNER], scope[_PENDING])  # type: ignore[literal-required]


class SessionCSRFMiddleware(CSRFMiddleware):
    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or should_bypass_middleware(
            scope=scope,
            scopes=self.scopes,
            exclude_opt_key=self.config.exclude_from_csrf_key,
            exclude_path_pattern=self.exclude,
        ):
            await self.app(scope, receive, send)
            return
        if has_authorization_header(scope) and authenticates_caller(scope):
            await self.app(scope, receive, send)
            return
        if bearer_only(scope):
            # No token: it answers 401 auth.token_required without reading the session, so a
            # forged request can do nothing there and a session without a token is told what
            # it lacks, not a CSRF refusal. A token: checked like everywhere (above).
            await self.app(scope, receive, send)
            return
        secret = self.config.secret
        scope[_APP_SIGNER] = secret  # type: ignore[literal-required]
        request: Any = scope["litestar_app"].request_class(scope=scope, receive=receive)
        cookie = request.cookies.get(self.config.cookie_name)
        state = ScopeState.from_scope(scope)
        if request.method in self.config.safe_methods:
            key = response_key(scope)  # a session made before binding gets its key now
            token = cookie if made_for(secret, cookie, key) else make_token(secret, key)
        else:
            request_bound = request_key(scope)
            if made_for(secret, cookie, request_bound):
                state.csrf_token = cookie  # the refusal page's own forms (sign-out) still work
            token = await self._submitted(request)
            if not made_for(secret, token, request_bound):
                # A token of the right shape is most likely a page loaded before a sign-in or
                # sign-out (in this tab or another): say so, rather than "invalid".
                stale = token is not None and _WELL_FORMED.fullmatch(token) is not None
                raise PermissionDeniedException(OTHER_SESSION if stale else INVALID)
            # Without a session the cookie is the only secret the token is checked against;
            # with one, the token is signed with the session's own key, which no other site
            # can read, so pages loaded at once (each with its own nonce) all stay valid.
            if not request_bound and (not cookie or not hmac.compare_digest(str(token), cookie)):
                raise PermissionDeniedException(INVALID)
        state.csrf_token = token
        await self.app(scope, receive, self._reissuing(scope, send, cookie))

    async def _submitted(self, request: Any) -> str | None:
        token = request.headers.get(self.config.header_name)
        content_type, _ = request.content_type
        if not token and content_type in {
            RequestEncodingType.URL_ENCODED,
            RequestEncodingType.MULTI_PART,
        }:
            form = await request.form()
            token = form.get("_csrf_token")
        return token if isinstance(token, str) else None

    def _reissuing(self, scope: Scope, send: Send, cookie: str | None) -> Send:
        """Sets the cookie when the browser has none or one for another session (this one
        signed in or out): the cookie always matches the token of the pages just rendered."""

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                state = ScopeState.from_scope(scope)
                token = state.csrf_token if isinstance(state.csrf_token, str) else None
                key = response_key(scope)
                if not made_for(self.config.secret, token, key):
                    token = state.csrf_token = make_token(self.config.secret, key)
                if token != cookie:
                    message.setdefault("headers", [])
                    self._set_cookie_if_needed(message=message, token=str(token))
            await send(message)

        return send_wrapper
