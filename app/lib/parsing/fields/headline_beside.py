"""The headline set beside the name, wherever the reading order puts the name: a sidebar read
after the main column, a band's cell, a box of its own.

A headline belongs with the name: it is the line right under it (or right above it). When the
header's own lines give no headline, or one that names no job and stands away from the name
(``headline_read.headline_rival``), the lines next to the name's line are read: the first that
has a title's shape, names a job and is no place, heading, contact detail or piece of the name
is the headline. A line naming no job is left: the import report asks rather than guesses.
"""

from __future__ import annotations

from app.lib.parsing.entries.entry_words import words
from app.lib.parsing.fields.header_cells import CELL_RE, has_contact, part_of_name
from app.lib.parsing.fields.headline import names_a_job, reads_as_place
from app.lib.parsing.fields.headline_read import title_shaped
from app.lib.parsing.text.text import clean, normalise_text

MAX_NAME_LINES = 3  # a name set on up to three lines ("IKRAM" / "EL" / "MOUSSAOUI")
AFTER = 2  # written lines under the name where its headline may sit
BEFORE = 1  # and above it ("Acheteur" / "Jean DUPONT")


def _name_rows(lines: list[str], name: str) -> list[int]:
    """The rows the name is written on: the first run of up to ``MAX_NAME_LINES`` written lines
    holding its words and nothing else."""
    own = set(words(name))
    written = [i for i, line in enumerate(lines) if line]
    for start, index in enumerate(written):
        seen: set[str] = set()
        for size, row in enumerate(written[start : start + MAX_NAME_LINES], 1):
            found = set(words(lines[row]))
            if not found or not found <= own:
                break
            seen |= found
            if seen == own:
                return written[start : start + size]
        del index
    return []


def _headline_in(line: str, name: str) -> str:
    for cell in (clean(part) for part in CELL_RE.split(line)):
        if (
            cell
            and title_shaped(cell)
            and names_a_job(cell)
            and not reads_as_place(cell)
            and not has_contact(cell)
            and not part_of_name(cell, name)
        ):
            return cell
    return ""


def headline_beside_name(text: str, name: str) -> str:
    """The headline under (or above) the name's line in ``text``, or ""."""
    if not name:
        return ""
    lines = [line.strip() for line in normalise_text(text).split("\n")]
    rows = _name_rows([clean(line) for line in lines], name)
    if not rows:
        return ""
    written = [i for i, line in enumerate(lines) if clean(line)]
    at = written.index(rows[-1])
    first = written.index(rows[0])
    near = written[at + 1 : at + 1 + AFTER] + written[max(0, first - BEFORE) : first]
    return next((found for i in near if (found := _headline_in(lines[i], name))), "")
