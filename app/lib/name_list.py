"""A list of names typed as text (skills in the CV editor, an achievement's skills): one per
line or comma separated, each name kept whole.

A comma inside brackets is part of the name ("Python (Numpy, Pandas)" is one skill), and a line
that already is one of the stored names is kept as it is whatever it holds: the editors draw one
name per line, so a form saved with no change gives the same names back.
static/js/skill_chips.js splits what is typed in the chips the same way.

Lines are cut at the line breaks a form posts (CR LF, CR, LF) only: ``str.splitlines`` also cuts
at characters a name may hold (U+2028, U+0085, U+001E…), which would split a stored skill.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

OPENING = "([{"
CLOSING = ")]}"
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def form_lines(text: str) -> list[str]:
    """``text`` cut at its line breaks (a form's), unlike ``str.splitlines`` (see above)."""
    return LINE_BREAK.split(text)


def split_at_commas(line: str) -> list[str]:
    """``line`` cut at the commas outside brackets, each part stripped, empty ones dropped."""
    parts: list[str] = []
    depth = start = 0
    for index, char in enumerate(line):
        if char in OPENING:
            depth += 1
        elif char in CLOSING:
            depth = max(0, depth - 1)  # a stray ")" must not hide the commas after it
        elif char == "," and depth == 0:
            parts.append(line[start:index])
            start = index + 1
    parts.append(line[start:])
    return [part.strip() for part in parts if part.strip()]


def split_names(text: str, known: Collection[str] = ()) -> list[str]:
    """The names in ``text``, in order (repeats kept: the caller decides); a line equal to one
    of ``known`` (the names stored now) is one name."""
    names: list[str] = []
    for raw in form_lines(text):
        line = raw.strip()
        if line:
            names.extend([line] if line in known else split_at_commas(line))
    return names


def join_names(names: Iterable[str]) -> str:
    """The names as the editors draw them: one per line (split_names reads them back whole)."""
    return "\n".join(str(name) for name in names)
