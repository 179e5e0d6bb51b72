"""What an outbound request may end with, as a stable code and parameters (never the body the
far side sent): ``UrlFetchError`` for the offer fetcher's callers, ``OutboundRefused`` and
``DeadlinePassed`` inside ``httpx`` (transport.py), so a client such as the ``openai`` SDK wraps
them like any connection failure and its caller can still read the code."""

from __future__ import annotations

from typing import Any

import httpx

from app.lib.i18n import N_

MESSAGES = {
    "bad_url": N_("This is not a valid web address."),
    "bad_scheme": N_("Only http:// and https:// addresses can be fetched."),
    "not_allowed": N_(
        "This address points to a private or local network (%(address)s); it cannot be fetched."
    ),
    "dns": N_("The host name %(host)s could not be resolved."),
    "too_many_redirects": N_("The page redirects too many times."),
    "too_large": N_("The page is larger than %(limit)s MB; paste the offer text instead."),
    "timeout": N_(
        "The site did not answer within %(seconds)s seconds; paste the offer text instead."
    ),
    "unreachable": N_("The site could not be reached; check the address or paste the offer text."),
    "http_status": N_("The site answered with HTTP %(status)s; paste the offer text instead."),
    "not_text": N_("This address is not a web page (%(type)s); paste the offer text instead."),
    "bad_encoding": N_(
        "The site sent the page compressed in a way this app does not read (%(encoding)s); "
        "paste the offer text instead."
    ),
}


class UrlFetchError(Exception):
    """The page cannot be fetched; ``code`` is stable, ``message`` is shown to the user."""

    def __init__(self, code: str, **values: Any) -> None:
        self.code = code
        self.template = MESSAGES[code]
        self.values = values
        self.message = self.template % values if values else self.template
        super().__init__(self.message)


class OutboundRefused(httpx.TransportError):
    """The policy stopped the request or its answer (``code`` is a key of ``MESSAGES``: the
    address, the size, the encoding); nothing past the limit was sent or read."""

    def __init__(self, code: str, *, decoded: int = 0, **values: Any) -> None:
        self.code = code
        self.values = values
        self.decoded = decoded  # body bytes decoded before the refusal (never past the limit)
        super().__init__(f"refused by the outbound policy: {code}")

    def as_fetch_error(self) -> UrlFetchError:
        return UrlFetchError(self.code, **self.values)


class DeadlinePassed(httpx.ReadTimeout):
    """The call's whole time ran out (not one read's): a server trickling a byte at a time
    is cut here. A ``TimeoutException``, so clients report it as their own timeout."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        super().__init__(f"no complete answer within {seconds:g} s")
