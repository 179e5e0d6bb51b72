"""The header block read by its roles: name, headline, contact details, a place, prose.

The header's lines are cut into cells first (``header_cells.py``); the headline is read from
them (``headline_read.py``); the contact details anywhere in the header or its contact block;
what sits beside contact details is the header's (a town, a label), never the profile's, and a
place alone on its line is the location.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import takewhile

from app.lib.cv_content import Contact, Header
from app.lib.parsing.fields.contact import (
    CONTACT_LABEL_RE,
    contact_facts,
)
from app.lib.parsing.fields.header_cells import Cell, has_contact, header_cells, part_of_name
from app.lib.parsing.fields.header_name import is_name
from app.lib.parsing.fields.headline import reads_as_place
from app.lib.parsing.fields.headline_read import headline_rival, is_prose, read_headline
from app.lib.parsing.text.text import clean


@dataclass
class HeaderRead:
    header: Header
    prose: list[str] = field(default_factory=list)  # header lines that read as a profile
    aside: list[str] = field(default_factory=list)  # words beside contact details: unplaced
    # (field, "unsure", the other reading) where no cue settles the one read: the import
    # report asks (app/lib/parsing/report/report_shapes.py).
    doubts: list[tuple[str, str, str]] = field(default_factory=list)


def _beside_contacts(cells: list[Cell]) -> list[str]:
    """The words a contact line holds beside its details ("St. Paul, MN | (651) 233-7619",
    "Somerville MA USA  ron@example.org"): the header's, never the profile's."""
    out: list[str] = []
    for cell in cells:
        if has_contact(cell.text):
            out += contact_facts([cell.text]).leftovers
    return out


def parse_header(
    header_lines: list[str], contact_lines: list[str], name: str | None = None
) -> HeaderRead:
    """The header, the header lines that look like prose (a summary without a heading), the
    words beside contact details that are neither, and a rival headline reading if any.
    ``name``: the name when it was found elsewhere (``app/lib/parsing/fields/header_name.py``)."""
    cells = header_cells(header_lines)
    facts = contact_facts([cell.text for cell in cells] + contact_lines)
    if name is None:
        first_lines = [c.text for c in cells if c.line < 4]
        name = next((text for text in first_lines if is_name(text)), "")
    title, used = read_headline(cells, name)
    taken = {cell.text for cell in used}
    beside = [
        line
        for line in _beside_contacts(cells)
        if not part_of_name(line, name) and line not in taken and not (title and line in title)
    ]
    # A place alone on its line is the location or nothing, never the profile's.
    before_prose = list(takewhile(lambda line: not is_prose(line), facts.leftovers))
    beside += [line for line in before_prose if reads_as_place(line) and line not in beside]
    location = facts.location or next((line for line in beside if reads_as_place(line)), "")
    prose = [
        line
        for line in facts.leftovers
        if line != name
        and not part_of_name(line, name)
        and not any(line in clean(other) for other in contact_lines)
        and line not in taken
        and not (title and line in title)
        and line not in beside
        and not CONTACT_LABEL_RE.match(line)
    ]
    header = Header(
        name=name,
        current_title=title,
        contact=Contact(email=facts.email, phone=facts.phone, location=location),
        links=facts.links,
    )
    aside = [line for line in beside if line != location]
    rival = headline_rival(cells, name, title, used)
    doubts = [("headline", "unsure", rival)] if rival is not None else []
    return HeaderRead(header, prose, aside, doubts)
