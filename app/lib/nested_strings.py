"""Every string of a nested value changed: fetched text cleaned of control characters
(control_characters.py), a model's reading of a CV without its bidi marks
(parsing/model_import/import_merge.py), a CV without the characters no font draws
(pdf_render/glyphs.py)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def map_strings(value: Any, change: Callable[[str], str]) -> Any:
    """``value`` with ``change`` applied to every string in it, in lists and dict values at
    any depth; keys and other values as they were."""
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [map_strings(item, change) for item in value]
    if isinstance(value, dict):
        return {key: map_strings(item, change) for key, item in value.items()}
    return value
