"""A list of names typed as text (skills in the CV editor, an achievement's skills): one per
line or comma separated, each name kept whole.

A comma inside brackets is part of the name ("Python (Numpy, Pandas)" is one skill), and a
stored name is kept as it is whatever it holds, alone on its line or among others: the editors
draw one name per line (a form that draws them on one line, with commas, is read back the same),
so a form saved with no change gives the same names back.
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


def _comma_cuts(line: str) -> list[tuple[int, int]]:
    """The spans of ``line`` between its commas outside brackets."""
    spans: list[tuple[int, int]] = []
    depth = start = 0
    for index, char in enumerate(line):
        if char in OPENING:
            depth += 1
        elif char in CLOSING:
            depth = max(0, depth - 1)  # a stray ")" must not hide the commas after it
        elif char == "," and depth == 0:
            spans.append((start, index))
            start = index + 1
    spans.append((start, len(line)))
    return spans


def split_at_commas(line: str) -> list[str]:
    """``line`` cut at the commas outside brackets, each part stripped, empty ones dropped."""
    parts = (line[start:end].strip() for start, end in _comma_cuts(line))
    return [part for part in parts if part]


def _names_of_line(line: str, known: frozenset[str]) -> list[str]:
    """One line's names: cut at the commas outside brackets, except inside a stored name
    ("Leadership, mentoring, SQL" → "Leadership, mentoring" and "SQL" when the first is
    stored), so a list drawn on one line with commas is read back whole too."""
    if line in known:
        return [line]
    spans = _comma_cuts(line)
    # Only the widths the stored names have (their commas outside brackets) are tried, the
    # widest first: the search stays linear in a long pasted line.
    widths = sorted({len(_comma_cuts(name)) - 1 for name in known} - {0}, reverse=True)
    names: list[str] = []
    first = 0
    while first < len(spans):
        last = first
        for width in widths:
            end = first + width
            if end < len(spans) and line[spans[first][0] : spans[end][1]].strip() in known:
                last = end
                break
        name = line[spans[first][0] : spans[last][1]].strip()
        if name:
            names.append(name)
        first = last + 1
    return names


def split_names(text: str, known: Collection[str] = ()) -> list[str]:
    """The names in ``text``, in order (repeats kept: the caller decides); one of ``known``
    (the names stored now) is one name, on a line of its own or among others."""
    stored = frozenset(known)
    names: list[str] = []
    for raw in form_lines(text):
        line = raw.strip()
        if line:
            names.extend(_names_of_line(line, stored))
    return names


def join_names(names: Iterable[str]) -> str:
    """The names as the editors draw them: one per line (split_names reads them back whole)."""
    return "\n".join(str(name) for name in names)
