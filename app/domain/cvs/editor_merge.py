"""Two rows of a section form joined into one: the review page's "Merge with the next", for an
entry the import read as two (its heading and dates in one, its bullets in the other).

Nothing is lost: lists are joined in order, a field filled in one row only keeps that value,
two different values are both kept (the user sees them and trims), the dates span both rows.
Like the editor's other actions it only changes the form; "Save" keeps it as a new version.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.lib.name_list import join_names, split_names

if TYPE_CHECKING:  # the editor imports this module
    from app.domain.cvs.editor import FieldSpec

JOINER = " · "  # between two different values of one field, both kept for the user to choose


def _lines(first: str, second: str) -> str:
    return "\n".join(line for line in (*first.splitlines(), *second.splitlines()) if line.strip())


def _csv(first: str, second: str) -> str:
    # One name per line, as the editor draws them; a comma inside brackets is no separator
    # (app/lib/name_list.py).
    seen: dict[str, str] = {}
    for name in (*split_names(first), *split_names(second)):
        seen.setdefault(name.casefold(), name)
    return join_names(seen.values())


def _merged(spec: FieldSpec, first: str, second: str) -> str:
    a, b = first.strip(), second.strip()
    if not a or not b or a == b:
        return a or b
    if spec.kind == "lines":
        return _lines(first, second)
    if spec.kind == "csv":
        return _csv(first, second)
    if spec.kind == "textarea":
        return f"{a}\n{b}"
    if spec.kind == "date":
        # Dates are "YYYY" or "YYYY-MM" (the editor checks them on save): text order is time order.
        return min(a, b) if spec.name == "start" else max(a, b)
    if spec.kind == "checkbox":
        return "on"
    return f"{a}{JOINER}{b}"


def merge_rows(
    fields: tuple[FieldSpec, ...], first: dict[str, str], second: dict[str, str]
) -> dict[str, str]:
    """``first`` and ``second`` as one row; it keeps ``first``'s id (and so its history)."""
    row = {**second, **first}
    for spec in fields:
        row[spec.name] = _merged(spec, first.get(spec.name, ""), second.get(spec.name, ""))
    if first.get("current") or second.get("current"):
        row["end"] = ""  # still going on: no end, whatever the other row said
    return row
