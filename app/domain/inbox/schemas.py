"""What a saved search may hold, checked the same way for the page's form and the JSON API.

Every refusal is an ``InputError`` naming the field (``where``) in words the user can act on;
nothing is fetched here: a source URL is only checked for its shape (the worker's guarded
fetcher decides later whether it may be reached, app/lib/url_fetch.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP
from typing import Any
from urllib.parse import urlsplit

from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.letter_template import MAX_TEMPLATE_CHARS, check_template
from app.lib.money import money_value

MAX_NAME = 120
MAX_KEYWORDS = 20
MAX_KEYWORD_CHARS = 80
MAX_LOCATION = 200
MAX_SOURCES = 10
MAX_URL = 2048
MAX_SALARY = 10_000_000
INTERVALS = (30, 60, 180, 360, 720, 1440)  # minutes; the form's choices
MIN_INTERVAL, MAX_INTERVAL = 15, 10_080
KEYWORD_MODES = ("any", "all")
REMOTE_POLICIES = ("any", "remote", "hybrid", "onsite")
MAX_REASON = 300

# The field names the messages show (translated with the message: ``SearchError.wording``).
FIELD_LABELS = {
    "keywords": N_("Keywords"),
    "redFlags": N_("Red flags"),
    "keywordsMode": N_("Keywords mode"),
    "remote": N_("Remote policy"),
    "minSalary": N_("Minimum salary"),
    "intervalMinutes": N_("Check every (minutes)"),
    "letterTemplate": N_("Cover-letter template"),
}


class SearchError(InputError):
    """A refusal of the field ``where``, which its message names (``%(field)s``)."""

    wording = ("field",)

    def __init__(self, template: str, *, code: str, where: str, **values: Any) -> None:
        field = FIELD_LABELS.get(where, where)
        super().__init__(template, code=code, where=where, field=field, **values)


@dataclass
class SearchInput:
    name: str
    keywords: list[str] = field(default_factory=list)
    keywords_mode: str = "any"
    red_flags: list[str] = field(default_factory=list)
    location: str = ""
    remote: str = "any"
    min_salary: int | None = None
    active: bool = True
    interval_minutes: int = 60
    sources: list[str] = field(default_factory=list)
    # The cover-letter template for this search's offers ("" = the user's own); None: not
    # given (a JSON PUT that leaves it out keeps the stored one).
    letter_template: str | None = None


def _not_words(where: str) -> SearchError:
    return SearchError(N_("%(field)s: give a list of words."), code="search.invalid", where=where)


def _words(value: Any, where: str) -> list[str]:
    """A list (JSON) or text with one entry per line or comma (form) → distinct entries."""
    if value is None or value == "":
        return []
    if isinstance(value, str):
        items: list[Any] = re.split(r"[,\n]", value)
    elif isinstance(value, list):
        items = value
    else:
        raise _not_words(where)
    seen: dict[str, str] = {}
    for item in items:
        if not isinstance(item, str):
            raise _not_words(where)
        word = " ".join(item.split())
        if len(word) > MAX_KEYWORD_CHARS:
            raise SearchError(
                N_("%(field)s: “%(word)s…” is too long (at most %(limit)s characters)."),
                code="search.word_too_long",
                where=where,
                word=word[:30],
                limit=MAX_KEYWORD_CHARS,
            )
        if word:
            seen.setdefault(word.casefold(), word)
    if len(seen) > MAX_KEYWORDS:
        raise SearchError(
            N_("%(field)s: too many entries (%(count)s; at most %(limit)s)."),
            code="search.too_many_words",
            where=where,
            count=len(seen),
            limit=MAX_KEYWORDS,
        )
    return list(seen.values())


def check_url(url: str, where: str = "sources") -> str:
    """An http(s) address with a host, as typed (the worker canonicalises and guards it)."""
    url = url.strip()
    parts = urlsplit(url)
    if len(url) > MAX_URL:
        raise InputError(
            N_("This address is too long (at most %(limit)s characters)."),
            code="search.url_too_long",
            where=where,
            limit=MAX_URL,
        )
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in url:
        raise InputError(
            N_("“%(url)s” is not a web address: it must start with http:// or https://."),
            code="search.bad_url",
            where=where,
            url=url[:80],
        )
    return url


def _sources(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    items = value.splitlines() if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise InputError(
            N_("Sources: give a list of web addresses."), code="search.invalid", where="sources"
        )
    urls = list(dict.fromkeys(check_url(i) for i in items if i.strip()))
    if len(urls) > MAX_SOURCES:
        raise InputError(
            N_("Too many sources (%(count)s; at most %(limit)s per search)."),
            code="search.too_many_sources",
            where="sources",
            count=len(urls),
            limit=MAX_SOURCES,
        )
    return urls


def _choice(value: Any, choices: tuple[str, ...], default: str, where: str) -> str:
    if value is None or value == "":
        return default
    if value not in choices:
        raise SearchError(
            N_("%(field)s: choose one of %(choices)s."),
            code="search.invalid_choice",
            where=where,
            choices=", ".join(choices),
        )
    return str(value)


def _integer(value: Any, where: str, low: int, high: int) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = int(str(value).strip().replace(" ", "")) if not isinstance(value, bool) else None
    except ValueError:
        number = None
    if number is None or not low <= number <= high:
        raise SearchError(
            N_("%(field)s: give a whole number between %(low)s and %(high)s."),
            code="search.invalid_number",
            where=where,
            low=low,
            high=high,
        )
    return number


def _salary(value: Any) -> int | None:
    """Read like every money field (app/lib/money.py: "30 000 €", "30k", "45K€"); kept in whole
    units, as offers state yearly salaries."""
    amount = money_value(
        value, where="minSalary", field=FIELD_LABELS["minSalary"], low=0, high=MAX_SALARY
    )
    return None if amount is None else int(amount.to_integral_value(ROUND_HALF_UP))


def _letter_template(value: Any) -> str | None:
    """Checked like the account's template (app/domain/letters/view.py ``template_errors``):
    at most ``MAX_TEMPLATE_CHARS`` characters, only the known slots; kept trimmed."""
    if value is None:
        return None
    where = "letterTemplate"
    if not isinstance(value, str):
        raise SearchError(
            N_("%(field)s: give the template as text."),
            code="search.invalid",
            where=where,
        )
    text = value.replace("\r\n", "\n").strip()
    if len(text) > MAX_TEMPLATE_CHARS:
        raise SearchError(
            N_("%(field)s: at most %(limit)s characters (this one has %(count)s)."),
            code="search.letter_template_too_long",
            where=where,
            limit=MAX_TEMPLATE_CHARS,
            count=len(text),
        )
    unknown = check_template(text)
    if unknown:
        raise SearchError(
            N_(
                "%(field)s: unknown placeholders %(names)s. "
                "Use only the slots listed under the field."
            ),
            code="search.letter_template_placeholders",
            where=where,
            names=", ".join("{" + name + "}" for name in unknown),
        )
    return text


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).lower() in ("1", "true", "on", "yes")


def parse_search(data: Any) -> SearchInput:
    """A search from a form (flat strings) or a JSON body (camelCase keys, lists)."""
    if not isinstance(data, dict):
        raise InputError(N_("Send the search as a JSON object."), code="search.invalid_body")
    get = data.get
    name = " ".join(str(get("name") or "").split())
    if not name:
        raise InputError(N_("Give the search a name."), code="search.empty_name", where="name")
    if len(name) > MAX_NAME:
        raise InputError(
            N_("The name is too long (at most %(limit)s characters)."),
            code="search.name_too_long",
            where="name",
            limit=MAX_NAME,
        )
    location = " ".join(str(get("location") or "").split())
    if len(location) > MAX_LOCATION:
        raise InputError(
            N_("The location is too long (at most %(limit)s characters)."),
            code="search.location_too_long",
            where="location",
            limit=MAX_LOCATION,
        )
    interval = _integer(
        get("intervalMinutes", get("interval_minutes")),
        "intervalMinutes",
        MIN_INTERVAL,
        MAX_INTERVAL,
    )
    active = get("active")
    return SearchInput(
        name=name,
        keywords=_words(get("keywords"), "keywords"),
        keywords_mode=_choice(
            get("keywordsMode", get("keywords_mode")), KEYWORD_MODES, "any", "keywordsMode"
        ),
        red_flags=_words(get("redFlags", get("red_flags")), "redFlags"),
        location=location,
        remote=_choice(get("remote"), REMOTE_POLICIES, "any", "remote"),
        min_salary=_salary(get("minSalary", get("min_salary"))),
        active=True if active is None else _flag(active),
        interval_minutes=interval or 60,
        sources=_sources(get("sources")),
        letter_template=_letter_template(get("letterTemplate", get("letter_template"))),
    )


def parse_reason(value: Any) -> str:
    """The user's optional words on a rejection, kept as they typed them (trimmed)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(
            N_("The reason must be text."), code="inbox.invalid_reason", where="reason"
        )
    reason = " ".join(value.split())
    if len(reason) > MAX_REASON:
        raise InputError(
            N_("The reason is too long (at most %(limit)s characters)."),
            code="inbox.reason_too_long",
            where="reason",
            limit=MAX_REASON,
        )
    return reason
