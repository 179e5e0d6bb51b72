"""The cells of a CV's header: each written line cut where a table, two columns or a contact
detail read onto it put a gap ("Address: Cairo, Egypt<tab>Customer Service Representative",
"Van +33 6 60 92 31 31"), and what a cell holds of the name."""

from __future__ import annotations

import re
from dataclasses import dataclass

from app.lib.parsing.entries.entry_words import words
from app.lib.parsing.fields.contact import PARTICLES, SKIP_LINES, contact_facts
from app.lib.parsing.text.text import clean, split_parts
from app.lib.text_forms import fold

CELL_RE = re.compile(r"\t+|\s{3,}")


@dataclass(frozen=True)
class Cell:
    raw: str  # as written, the ends kept: a trailing dash tells a wrapped line
    text: str  # cleaned
    line: int  # index of its written line in the header
    after_blank: bool  # a blank line before it


def _cells_of(line: str) -> list[str]:
    """A line's cells; a copy that put a tab between every word ("555<tab>La<tab>Verne<tab>Way,")
    keeps its line whole."""
    cells = [part for part in CELL_RE.split(line) if clean(part)]
    single = sum(len(cell.split()) == 1 for cell in cells)
    return [line] if len(cells) >= 3 and single >= len(cells) - 1 else cells


def header_cells(header_lines: list[str]) -> list[Cell]:
    """The header's cells in reading order (a line without cells is one cell)."""
    cells: list[Cell] = []
    written = -1
    blank = False
    for line in header_lines:
        if not clean(line) or fold(clean(line)) in SKIP_LINES:
            blank = blank or not clean(line)
            continue
        written += 1
        for index, raw in enumerate(_cells_of(line)):
            cells.append(Cell(raw.strip(), clean(raw), written, blank and index == 0))
        blank = False
    return cells


def part_of_name(text: str, name: str) -> bool:
    """Does ``text`` carry words of ``name`` ("MARIE", "DURAND Paris", "COULON 21 ans"), or
    is it the name's monogram ("KP" beside "Kevin Petronelli")?"""
    if not name:
        return False
    initials = "".join(word[0] for word in fold(name).split())
    if fold(text).replace(".", "").replace(" ", "") == initials:
        return True
    own = {word for word in words(name) if len(word) >= 3 and word not in PARTICLES}
    found = set(words(text))
    within = bool(found) and found <= set(words(name))  # "EL" of "Ikram El Moussaoui"
    return bool(found & own) or within or fold(name) in fold(text)


def without_name(text: str, name: str) -> str:
    """ "ISLAM NOURI | Développeur mobile" → "Développeur mobile": the name's part taken off."""
    head, comma, tail = text.partition(", ")
    if comma and name and fold(head) in fold(name) and part_of_name(head, name):
        # "Ruth Whitaker, Registered Nurse"; "DA SILVA, Siobhan" is the name whole
        return "" if fold(tail) in fold(name) and part_of_name(tail, name) else tail
    parts = split_parts(text)
    if len(parts) < 2 or not name:
        return "" if part_of_name(text, name) else text
    rest = [part for part in parts if not part_of_name(part, name)]
    return " | ".join(rest) if len(rest) < len(parts) else text


def has_contact(text: str) -> bool:
    facts = contact_facts([text])
    return bool(facts.email or facts.phone or facts.links or facts.location)
