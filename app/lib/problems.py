"""A message kept in the database as a code, an English template and its values.

Import failures, warnings and import-report items are stored in this shape so a page can show
them in the reader's language later (the template is the catalogue's message id, see
app/lib/i18n.py), while the JSON API keeps the English ``message``.
"""

from __future__ import annotations

from typing import Any


def problem(code: str, template: str, severity: str, **values: Any) -> dict[str, Any]:
    """``{code, severity, template, values, message}``; ``message`` is the English text."""
    message = template % values if values else template
    return {
        "code": code,
        "severity": severity,
        "template": template,
        "values": values,
        "message": message,
    }
