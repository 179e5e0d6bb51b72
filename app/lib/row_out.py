"""A JSON API's answer built from a database row: each field of the ``msgspec.Struct`` the
API returns is the row's attribute of the same name in snake case (``displayName`` is
``display_name``), a timestamp written in ISO 8601, a status as its value; the fields that are
worked out otherwise are given by the caller. One rule for every feature's ``*_out``, so a
field added to both the model and the answer needs no line of its own."""

from __future__ import annotations

import re
from datetime import datetime
from enum import Enum
from typing import Any, TypeVar

from msgspec import Struct

Out = TypeVar("Out", bound=Struct)
_HUMP = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")


def snake(name: str) -> str:
    """``displayName`` -> ``display_name``."""
    return _HUMP.sub("_", name).lower()


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def row_out(shape: type[Out], row: Any, **given: Any) -> Out:
    """``shape`` filled from ``row``; ``given`` fields are taken as they are."""
    fields = {
        name: given[name] if name in given else _plain(getattr(row, snake(name)))
        for name in shape.__struct_fields__
    }
    return shape(**fields)
