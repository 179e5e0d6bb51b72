"""FR/EN user-interface strings: gettext ``.po`` catalogues read with Babel.

Message ids are the English strings; ``app/locales/fr/LC_MESSAGES/messages.po`` holds French.
The current request's locale lives in a context variable that the Jinja ``_()`` reads.
"""

from __future__ import annotations

from contextvars import ContextVar
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from babel import Locale
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

SUPPORTED_LOCALES = ("fr", "en")
LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"

current_locale: ContextVar[str] = ContextVar("current_locale", default="fr")


@cache
def _read(locale: str) -> Any:
    path = LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po"
    if not path.exists():
        return []
    with path.open("rb") as fh:
        return list(read_po(fh, locale=locale))


@cache
def catalogue(locale: str) -> dict[str, str]:
    """msgid → translation, for messages without a context; a plural message is indexed by
    its singular and its plural id (its first and last forms)."""
    table: dict[str, str] = {}
    for message in _read(locale):
        if not message.id or not message.string or message.fuzzy or message.context:
            continue
        if isinstance(message.id, tuple):  # plural forms: index by singular and plural ids
            forms = _forms(message.string)
            table[str(message.id[0])] = forms[0]
            table[str(message.id[1])] = forms[-1]
        else:
            table[str(message.id)] = str(message.string)
    return table


@cache
def plurals(locale: str) -> dict[tuple[str, str], list[str]]:
    """(context, singular id) → every translated form, for ``ngettext``: a French word that
    changes where the English one does not ("1 completed" / "2 terminées") needs them all."""
    table: dict[tuple[str, str], list[str]] = {}
    for message in _read(locale):
        if isinstance(message.id, tuple) and not message.fuzzy:
            forms = _forms(message.string)
            if all(forms):
                table[(message.context or "", str(message.id[0]))] = forms
    return table


@cache
def contexts(locale: str) -> dict[tuple[str, str], str]:
    """(context, msgid) → translation: one English word that French words twice ("Rejected"
    for an offer, feminine plural, and for an application's status)."""
    return {
        (str(m.context), str(m.id)): str(m.string)
        for m in _read(locale)
        if m.context and m.id and not isinstance(m.id, tuple) and m.string and not m.fuzzy
    }


def _forms(raw: Any) -> list[str]:
    return [str(f) for f in raw] if isinstance(raw, tuple | list) else [str(raw)]


def gettext(message: str, **variables: Any) -> str:
    text = catalogue(current_locale.get()).get(message, message)
    if not variables:
        return text
    # A decimal number (a size, a share) is written the reader's way: "5,5" in French.
    shown = {
        k: format_number(v) if isinstance(v, float) and f"%({k})s" in text else v
        for k, v in variables.items()
    }
    return text % shown


def gettext_in(locale: str, message: str, **variables: Any) -> str:
    """``message`` in ``locale`` whatever the page's (a coach that speaks the language the
    user chose for it); an unsupported locale: the page's."""
    if locale not in SUPPORTED_LOCALES:
        return gettext(message, **variables)
    token = current_locale.set(locale)
    try:
        return gettext(message, **variables)
    finally:
        current_locale.reset(token)


def pgettext(context: str, message: str, **variables: Any) -> str:
    text = contexts(current_locale.get()).get((context, message), message)
    return text % variables if variables else text


@cache
def _plural_rule(locale: str) -> Any:
    return Locale.parse(locale).plural_form


def plural_text(singular: str, plural: str, n: int, context: str = "") -> str:
    """The catalogue's form of the message for ``n`` (unformatted), by the locale's plural
    rule (CLDR: French counts 0 and 1 as singular, English only 1)."""
    locale = current_locale.get()
    is_one = _plural_rule(locale)(abs(n)) == "one"
    forms = plurals(locale).get((context, singular))
    if forms:
        return forms[0] if is_one else forms[min(1, len(forms) - 1)]
    return singular if is_one else plural


def ngettext(singular: str, plural: str, n: int, **variables: Any) -> str:
    variables.setdefault("num", n)
    return plural_text(singular, plural, n) % variables


def npgettext(context: str, singular: str, plural: str, n: int, **variables: Any) -> str:
    variables.setdefault("num", n)
    return plural_text(singular, plural, n, context) % variables


def format_number(value: float | int | Decimal, digits: int | None = None) -> str:
    """A number in the current locale ("5,0" in French when ``digits`` is 1, "30 000");
    without ``digits``, a float keeps the decimals it has (at most 3)."""
    locale = current_locale.get()
    if digits is None:
        return format_decimal(value, locale=locale)
    pattern = "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(value, format=pattern, locale=locale)


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
