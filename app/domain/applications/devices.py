"""The device a status change came from, as the history records it (``device_id``, 64 chars).

A browser is described from its User-Agent ("Firefox on Android"), with the per-tab id its page
sends (static/js/board.js: the ``x-device-id`` header, or the ``device_tab`` field of a plain
form), stored as ``ua:Firefox/Android tab:1a2b3c4d``; the pages word it in the reader's language
(``Device``, templates/applications/_partials/detail_live.html). A client that is not a known
browser (an API script) is recorded by its ``x-device-id`` alone, as it sent it.

The parser is a short ordered table, not a library: only the family of the browser and of the
system is kept, never a version (enough to tell "my phone" from "my laptop", nothing more)."""

from __future__ import annotations

import re
from dataclasses import dataclass

PREFIX = "ua:"
TAB_MARK = " tab:"
MAX_STORED = 64
MAX_TAB = 24

# (marker in the User-Agent, browser), first match wins: the browsers built on Chrome or Safari
# name those too, so they come first.
BROWSERS: tuple[tuple[str, str], ...] = (
    ("Edg/", "Edge"),
    ("EdgA/", "Edge"),
    ("EdgiOS/", "Edge"),
    ("OPR/", "Opera"),
    ("OPiOS/", "Opera"),
    ("Opera/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Vivaldi/", "Vivaldi"),
    ("YaBrowser/", "Yandex"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),  # HeadlessChrome/ too
    ("Version/", "Safari"),  # Safari names its version so; the others above do not
    ("Trident/", "Internet Explorer"),
    ("MSIE ", "Internet Explorer"),
)
SYSTEMS: tuple[tuple[str, str], ...] = (
    ("Android", "Android"),
    ("iPhone", "iOS"),
    ("iPod", "iOS"),
    ("iPad", "iPadOS"),
    ("Windows", "Windows"),
    ("CrOS", "ChromeOS"),
    ("Macintosh", "macOS"),
    ("Mac OS X", "macOS"),
    ("Linux", "Linux"),
)
_TAB_CHARS = re.compile(r"[^A-Za-z0-9._-]")


def _first(user_agent: str, table: tuple[tuple[str, str], ...]) -> str:
    return next((name for marker, name in table if marker in user_agent), "")


def browser_and_system(user_agent: str | None) -> tuple[str, str]:
    """("Firefox", "Android"); either is "" when unknown, both for what is not a browser at all
    (curl, httpx, an API script)."""
    user_agent = (user_agent or "")[:512]
    if "Mozilla/" not in user_agent and "Opera/" not in user_agent:
        return "", ""
    return _first(user_agent, BROWSERS), _first(user_agent, SYSTEMS)


def recorded_device(user_agent: str | None, tab_id: str | None) -> str | None:
    """What ``device_id`` stores for a change from this client; None when nothing is known."""
    tab = (tab_id or "").strip()
    browser, system = browser_and_system(user_agent)
    if not browser and not system:
        return tab[:MAX_STORED] or None
    stored = f"{PREFIX}{browser}/{system}"
    tab = _TAB_CHARS.sub("", tab)[:MAX_TAB]
    return f"{stored}{TAB_MARK}{tab}" if tab else stored


@dataclass(frozen=True, slots=True)
class Device:
    """A recorded device, ready to be worded: ``browser``/``system`` (either may be empty) and
    ``tab`` for a browser; ``client`` is the id an API client sent, as it sent it."""

    browser: str = ""
    system: str = ""
    tab: str = ""
    client: str = ""


def described(device_id: str | None) -> Device | None:
    if not device_id:
        return None
    if not device_id.startswith(PREFIX):
        return Device(client=device_id)
    names, _, tab = device_id[len(PREFIX) :].partition(TAB_MARK)
    browser, _, system = names.partition("/")
    return Device(browser=browser, system=system, tab=tab)
