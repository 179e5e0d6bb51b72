"""Input errors whose message has values in it, translatable where a page shows them.

Shared by every form that takes user input (CVs, offers, reviews) and by app/lib/pages.py,
which shows them: so they live below the features.

The JSON API keeps the English ``detail``; pages show ``translated()``, which looks the
template up in the catalogue first and fills the values in afterwards.
"""

from __future__ import annotations

from typing import Any

from app.lib.cv_content import CvContent
from app.lib.cv_limits import LimitExceeded, check_content, check_counts, raw_counts
from app.lib.errors import AppError
from app.lib.i18n import gettext


class InputError(AppError):
    status_code = 422
    code = "validation_error"
    wording: tuple[str, ...] = ()  # values that are UI wording, translated with the template

    def __init__(
        self,
        template: str,
        *,
        code: str,
        http_status: int = 422,
        where: str | None = None,
        **values: Any,
    ) -> None:
        # ``where`` (the faulty field, for API clients) is returned as "field" in the JSON.
        super().__init__(
            template % values if values else template,
            code=code,
            extra={"field": where} if where else None,
        )
        self.status_code = http_status
        self.template = template
        self.values = values


class ContentLimitError(InputError):
    """CV content over a limit of app/lib/cv_limits.py: nothing is stored. The JSON carries
    ``field`` (the path in the content) and ``limitExceeded`` (section, entry, field, limit,
    actual) so a client can word it itself."""

    wording = ("section", "field")

    def __init__(self, exceeded: LimitExceeded) -> None:
        super().__init__(
            exceeded.template, code=exceeded.code, where=exceeded.path, **exceeded.values()
        )
        self.extra["limitExceeded"] = exceeded.params()


def user_message(exc: AppError) -> str:
    """The error in the page's language."""
    if isinstance(exc, InputError):
        values = {k: gettext(v) if k in exc.wording else v for k, v in exc.values.items()}
        return gettext(exc.template, **values)
    return gettext(exc.detail)


def stored_message(entry: dict[str, Any]) -> str:
    """A message kept in the database as ``{template, values}`` (import problems, warnings)."""
    template = str(entry.get("template") or entry.get("message") or "")
    # Values that are themselves UI wording ("text too small to read") are translated too.
    values = {
        k: gettext(v) if isinstance(v, str) else v for k, v in (entry.get("values") or {}).items()
    }
    try:
        return gettext(template, **values) if values else gettext(template)
    except (KeyError, TypeError, ValueError):  # a translation with other placeholders
        return str(entry.get("message") or template)


def check_limits(content: CvContent) -> None:
    """Refuse content over a limit of app/lib/cv_limits.py (422, the limit named)."""
    exceeded = check_content(content)
    if exceeded is not None:
        raise ContentLimitError(exceeded)


def check_stored_limits(data: dict[str, Any]) -> None:
    """The same for content read back from the database, which may predate the limits: counted
    on the JSON first, so a 100 000-entry CV is refused before a model is built per entry."""
    exceeded = check_counts(raw_counts(data)) or check_content(CvContent.from_json(data))
    if exceeded is not None:
        raise ContentLimitError(exceeded)
