"""Each corpus CV's layout family, read from the corpus README's own description of its layout.

A learned part is honest about unseen layouts only when it is scored on a family it never saw:
``bench/train_fields.py`` holds out one family at a time. The family comes from the README's
layout column (its words, in this order of precedence): a typeset template (LaTeX, RenderCV…),
Europass, a table, a timeline, a label column (section names in a left column), a date column,
two columns or a sidebar, one column; anything else is "other".
"""

from __future__ import annotations

import re
from pathlib import Path

# (family, words of the layout description that place a CV in it), first match wins.
FAMILIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("typeset", ("latex", "rendercv", "moderncv", "altacv", "awesome-cv", "pdftex")),
    ("europass", ("europass",)),
    ("table", ("table",)),
    ("timeline", ("timeline",)),
    ("label_column", ("label column", "labels in a left", "section labels in a left")),
    ("date_column", ("date column",)),
    ("columns", ("two columns", "2 columns", "sidebar", "main column", "columns")),
    ("one_column", ("one column", "one-column", "single column")),
)
FILE_CELL_RE = re.compile(r"^\|\s*([a-z]{2}_[\w.-]+\.pdf)\s*\|")


def family_of(layout: str) -> str:
    text = layout.lower()
    for family, words in FAMILIES:
        if any(word in text for word in words):
            return family
    return "other"


def _layout_column(header: str) -> int | None:
    cells = [cell.strip().lower() for cell in header.strip().strip("|").split("|")]
    return next((i for i, cell in enumerate(cells) if cell.startswith("layout")), None)


def layout_families(corpus: Path) -> dict[str, str]:
    """CV file stem → family, for every CV a README table describes (first description wins)."""
    found: dict[str, str] = {}
    column: int | None = None
    for line in (corpus / "README.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            column = None
            continue
        if column is None:
            column = _layout_column(line)
            continue
        match = FILE_CELL_RE.match(line)
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if match and column < len(cells):
            found.setdefault(Path(match.group(1)).stem, family_of(cells[column]))
    return found
