"""Entries headed by a bullet, their dates on the line below.

Some CVs list each degree or job as one bullet, its dates under it and nothing else bulleted:

    - Master 2 Management des organisations : Université de Lyon
    Lumière Lyon 2
    septembre 2016 – juin 2018
    - Formation Assistant Manager : Cegos.
    juillet 2019 - octobre 2019

Read by the usual layouts, a bullet is an entry's text, so the dates stood alone as entries and
the bullets were left over (``entry_headings.py`` takes a bullet as a heading only right above
its dates and never with a full stop). The section's own pattern settles it: when every date
line has exactly one bullet above it since the previous date line, with at most two lines
between them (its wrap, or a sentence of the entry's text), and no bullet follows the last
date line, each bullet heads the entry its dates close, whole (no employer shared with the
entry above: ``entry_jobs.py``). A job's bullets never make this pattern: they come several to
an entry, or after its dates.
"""

from __future__ import annotations

import itertools
import re

from app.lib.parsing.entries.entry_lines import Kind, Line
from app.lib.parsing.text.text import is_bullet, word_count

BULLET_HEAD = "bullet_head"  # cache key: the entry's bullet names it whole (no shared employer)
MIN_ENTRIES = 2  # one bullet over one date line is no section's pattern
MAX_WRAPPED_LINES = 2  # lines between a bullet and its dates: the bullet's text wrapped
MAX_HEAD_WORDS = 18
# A heading holding both its parts ("Degree : School", "Title - Employer"): a line under it is
# its last part wrapped, not a part of its own.
TWO_PARTS_RE = re.compile(r"\s[:|–—-]\s|\s:|,\s")
COLON_RE = re.compile(r"\s+:\s+(?=\S)")


def _bullet(line: Line) -> bool:
    return line.kind is not Kind.ANCHOR and is_bullet(line.text.strip())


def bullet_headings(
    lines: list[Line], anchors: list[int]
) -> list[tuple[list[int], list[int]]] | None:
    """``(lines before, lines after)`` each date line, as ``entry_headings.headings`` gives
    them, when the section follows the pattern above; else None."""
    if len(anchors) < MIN_ENTRIES or any(_bullet(x) for x in lines[anchors[-1] + 1 :]):
        return None
    found: list[tuple[list[int], list[int]]] = []
    floor = 0
    for anchor in anchors:
        if lines[anchor].side_cell:
            return None
        bullets = [i for i in range(floor, anchor) if _bullet(lines[i])]
        if len(bullets) != 1 or word_count(lines[bullets[0]].text) > MAX_HEAD_WORDS:
            return None
        between = [i for i in range(bullets[0] + 1, anchor) if lines[i].kind is not Kind.BLANK]
        if len(between) > MAX_WRAPPED_LINES:
            return None
        # A heading line under the bullet is its wrap; a sentence is the entry's text.
        wrapped = list(itertools.takewhile(lambda i: lines[i].kind is Kind.HEAD, between))
        found.append(([bullets[0], *wrapped], []))
        floor = anchor + 1
    return found


def joined_heading(heading: list[str]) -> list[str]:
    """A bullet's heading with its wrapped lines joined back when the bullet holds both its
    parts already ("Master 2 … : Université de Lyon" / "Lumière Lyon 2"); else as it is (a
    line under "BTS Comptabilité" may be the school's own). A colon between the two parts
    sets them apart as a dash would ("Assistante commerciale : Groupe Valcour")."""
    if not heading:
        return heading
    if len(heading) >= 2 and TWO_PARTS_RE.search(heading[0]):
        heading = [" ".join(heading)]
    return [COLON_RE.sub("\t", heading[0], count=1), *heading[1:]]
