"""Entries written as labelled rows: "Dates⇥2021 — 2022", "Fonction ou poste occupé⇥Acheteur",
"Nom et adresse de l'employeur⇥Acme, Lyon" (the Europass layout and the forms copied from it).

A label that the experience section repeats, entry after entry, is a field name, not content:
it is taken off its value. The value then goes where the entry reader expects it — dates
first, then the title, then the employer, then everything else in the order printed — so the
employer named at the bottom of each entry is no longer read as a line of its description.
Labels are known by the words field names use (dates, position, employer...); a repeated label
with none of them only leaves its value in place.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from app.lib.text_forms import fold

MAX_LABEL_WORDS = 7
FIELD_WORDS = {
    "dates": {"dates", "date", "periode", "period", "duree", "duration"},
    "title": {"fonction", "poste", "position", "occupation", "role", "intitule", "title"},
    "company": {"employeur", "employer", "entreprise", "company", "organisation", "organization",
                "societe", "etablissement"},
}  # fmt: skip
NOT_A_FIELD = {"type", "secteur", "sector", "activites", "activities", "responsabilites"}
LABEL_RE = re.compile(r"^([^\t\d]{2,60})\t+(.+)$")


@dataclass
class _Entry:
    fields: dict[str, str] = field(default_factory=dict)
    rest: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        ordered = [self.fields[k] for k in ("dates", "title", "company") if k in self.fields]
        return [*ordered, *self.rest, ""]


def _label(line: str) -> tuple[str, str] | None:
    match = LABEL_RE.match(line.strip())
    if match is None or len(match.group(1).split()) > MAX_LABEL_WORDS:
        return None
    return match.group(1).strip(), match.group(2).strip()


def field_of(label: str) -> str | None:
    words = set(re.findall(r"[a-z]+", fold(label)))
    if words & NOT_A_FIELD:
        return None
    if words & {"nom", "name"} and words & {"adresse", "address"}:
        return "company"  # "Nom et adresse de" / "l'employeur": the label cut by its wrap
    return next((name for name, known in FIELD_WORDS.items() if words & known), None)


def _label_wraps(lines: list[str], repeated: set[str]) -> set[int]:
    """Indexes of lines that are the rest of a repeated label cut by its wrap: a line with no
    value that goes on with the label's phrase (in lower case), the same under the same label
    entry after entry ("Nom et adresse de⇥Acme" / "l'employeur")."""
    places: dict[tuple[str, str], list[int]] = {}
    for index, (line, below) in enumerate(itertools.pairwise(lines), start=1):
        found = _label(line)
        if found is None or fold(found[0]) not in repeated or "\t" in below:
            continue
        if not below.strip()[:1].islower():
            continue
        places.setdefault((fold(found[0]), fold(below.strip())), []).append(index)
    return {i for found in places.values() if len(found) >= 2 for i in found}


def unlabel_fields(lines: list[str]) -> list[str]:
    """The section's lines with repeated field labels taken off and each entry's dates, title
    and employer put first; lines unchanged when no label repeats."""
    labels = Counter(fold(found[0]) for line in lines if (found := _label(line)))
    repeated = {label for label, count in labels.items() if count >= 2}
    if not any(field_of(label) for label in repeated):
        return lines
    wraps = _label_wraps(lines, repeated)
    out: list[str] = []
    entry: _Entry | None = None
    for index, line in enumerate(lines):
        if index in wraps:
            continue
        found = _label(line)
        if found is None or fold(found[0]) not in repeated:
            (entry.rest if entry is not None else out).append(line)
            continue
        label, value = found
        name = field_of(label)
        if entry is None or (name is not None and name in entry.fields):
            if entry is not None:
                out.extend(entry.lines())
            entry = _Entry()
        if name is not None:
            entry.fields[name] = value
        else:
            entry.rest.append(value)
    if entry is not None:
        out.extend(entry.lines())
    return out
