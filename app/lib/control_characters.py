"""Text from another site without its control characters, before it is stored.

A fetched page may carry any byte: PostgreSQL's text columns refuse U+0000 (the write fails,
a 500), and the other C0 controls and DEL are nothing a reader wants either. Tab and line
breaks are text: kept, a CR LF or a lone CR read as one line break. Requests are held to the
NUL rule at the door (app/lib/web.py); what the app fetches itself is cleaned here.
"""

from __future__ import annotations

import re
from typing import Any

from app.lib.nested_strings import map_strings

_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def without_controls(text: str) -> str:
    return _CONTROLS.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def scrubbed(value: Any) -> Any:
    """``value`` with every string in it (in lists and dict values, at any depth) cleaned."""
    return map_strings(value, without_controls)
