"""What a visitor who is not signed in carries in cookies rather than in a server session: the
interface language, and a refused form's message for the page it goes back to.

Only people who sign in get a server session (app/lib/sessions.py): whatever a visitor can make
the app remember at will must cost the server nothing, or a bot posting the language form in a
loop fills Redis with 14-day sessions.

Code anywhere in a request asks for a cookie with ``set_cookie`` / ``delete_cookie``;
``send_cookies`` (a ``before_send`` hook of the app) adds them to whatever answer leaves, a
page, a redirect or an error page alike. A value the page shows back (the flash) is signed
(``sign`` / ``unsign``): a cookie planted from a sibling subdomain cannot put its own words on
our pages.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from litestar.datastructures import Cookie, MutableScopeHeaders
from litestar.types import Message, Scope

from app.lib.i18n import SUPPORTED_LOCALES

LOCALE_COOKIE = "locale"
LOCALE_MAX_AGE = 365 * 86400
_PENDING = "cvtailor.visitor_cookies"  # scope key: the cookies this answer sets or deletes


def visitor_locale(cookies: dict[str, str]) -> str | None:
    """The language the visitor chose, when it is one the app speaks."""
    value = cookies.get(LOCALE_COOKIE)
    return value if value in SUPPORTED_LOCALES else None


def remember_locale(scope: Scope, locale: str, *, overwrite: bool = True) -> None:
    """``overwrite=False``: unless this answer already sets one (a choice made just now)."""
    if locale in SUPPORTED_LOCALES and (overwrite or LOCALE_COOKIE not in _pending(scope)):
        set_cookie(scope, LOCALE_COOKIE, locale, max_age=LOCALE_MAX_AGE)


def set_cookie(scope: Scope, name: str, value: str, *, max_age: int) -> None:
    _pending(scope)[name] = Cookie(key=name, value=value, max_age=max_age)


def delete_cookie(scope: Scope, name: str) -> None:
    _pending(scope)[name] = Cookie(key=name, value="", max_age=0, expires=0)


def _pending(scope: Scope) -> dict[str, Cookie]:
    pending = scope.setdefault(_PENDING, {})  # type: ignore[misc]
    assert isinstance(pending, dict)
    return pending


async def send_cookies(message: Message, scope: Scope) -> None:
    """``before_send`` hook: the cookies asked for during the request, HTTP-only and same-site,
    ``Secure`` when the app's cookies are."""
    pending = scope.get(_PENDING)
    if message["type"] != "http.response.start" or not isinstance(pending, dict):
        return
    secure = bool(scope["app"].state.settings.secure_cookies)
    headers = MutableScopeHeaders.from_message(message)
    for cookie in pending.values():
        cookie.secure, cookie.httponly, cookie.samesite = secure, True, "lax"
        headers.add("Set-Cookie", cookie.to_header(header=""))


def _mac(secret: str, purpose: str, body: str) -> str:
    digest = hmac.new(secret.encode(), f"{purpose}:{body}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def sign(secret: str, purpose: str, value: Any) -> str:
    """``value`` (JSON) as a cookie value only this app could have made, for ``purpose``."""
    raw = json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode()
    body = base64.urlsafe_b64encode(raw).decode().rstrip("=")
    return f"{body}.{_mac(secret, purpose, body)}"


def unsign(secret: str, purpose: str, cookie: str | None) -> Any:
    """What ``sign`` put in ``cookie``; None when it is missing, altered or not ours."""
    if not cookie or cookie.count(".") != 1:
        return None
    body, mac = cookie.split(".")
    if not hmac.compare_digest(mac, _mac(secret, purpose, body)):
        return None
    try:
        return json.loads(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except ValueError:
        return None
