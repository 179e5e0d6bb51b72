"""An object's attributes as JSON in the API's spelling: ``item_id`` is written ``itemId``.

For the plain dataclasses (a match's evidence, an interview's proof, a model call's usage) that
write themselves out by hand: the key of each attribute is its name in camel case, one rule
rather than a line per field. A database row answered by the API has ``row_out``
(app/lib/row_out.py), the same rule the other way round.
"""

from __future__ import annotations

from typing import Any


def camel(name: str) -> str:
    """``item_id`` -> ``itemId``."""
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def camel_fields(obj: object, *names: str) -> dict[str, Any]:
    """``obj``'s attributes ``names``, in that order, each under its name in camel case."""
    return {camel(name): getattr(obj, name) for name in names}
