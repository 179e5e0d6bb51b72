"""FR/EN user-interface strings: gettext ``.po`` catalogues read with Babel.

Message ids are the English strings; ``app/locales/fr/LC_MESSAGES/messages.po`` holds French.
The current request's locale lives in a context variable that the Jinja ``_()`` reads.
"""

from __future__ import annotations

from contextvars import ContextVar
from functools import cache
from pathlib import Path
from typing import Any

from babel.messages.pofile import read_po

SUPPORTED_LOCALES = ("fr", "en")
LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"

current_locale: ContextVar[str] = ContextVar("current_locale", default="fr")


@cache
def catalogue(locale: str) -> dict[str, str]:
    path = LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        cat = read_po(fh, locale=locale)
    table: dict[str, str] = {}
    for message in cat:
        if not message.id or not message.string or message.fuzzy:
            continue
        if isinstance(message.id, tuple):  # plural forms: index by singular and plural ids
            raw = message.string
            forms = [str(f) for f in raw] if isinstance(raw, tuple | list) else [str(raw)]
            table[str(message.id[0])] = forms[0]
            table[str(message.id[1])] = forms[-1]
        else:
            table[str(message.id)] = str(message.string)
    return table


def gettext(message: str, **variables: Any) -> str:
    text = catalogue(current_locale.get()).get(message, message)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, n: int, **variables: Any) -> str:
    # FR and EN share the rule "one vs other" closely enough (FR: 0 and 1 are singular).
    locale = current_locale.get()
    is_one = n in (0, 1) if locale == "fr" else n == 1
    chosen = singular if is_one else plural
    text = catalogue(locale).get(chosen, chosen)
    variables.setdefault("num", n)
    return text % variables


def negotiate(accept_language: str | None, default: str) -> str:
    """Pick fr/en from an ``Accept-Language`` header, honouring q-values."""
    if not accept_language:
        return default
    choices: list[tuple[float, str]] = []
    for part in accept_language.split(","):
        lang, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        primary = lang.strip().lower().split("-")[0]
        if primary in SUPPORTED_LOCALES and quality > 0:  # q=0 means "not acceptable"
            choices.append((quality, primary))
    if not choices:
        return default
    return max(choices, key=lambda item: item[0])[1]


def N_(message: str) -> str:
    """Mark a string for the catalogue without translating it yet (errors are translated where
    they are shown: pages translate, the JSON API keeps English)."""
    return message
