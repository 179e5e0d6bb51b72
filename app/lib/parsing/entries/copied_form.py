"""A form's label column copied apart from its values (a Europass CV read as text).

Copied text of a page whose field labels sit in a column of their own may give that column
whole, before the first value: "Dates" / "Fonction ou poste occupé" / "Principales activités
et" / "responsabilités" / "Nom et adresse de" / "l'employeur" / "Dates" / … and only then each
job: its dates, its title, its bullets, and last its employer ("Studio Dalmita, Lille"), as the
form orders its rows. Read as is, the labels are the first job's heading and each employer heads
the job below it.

Two repairs, each only where the whole section has the shape:

* before the section's first date, a run of lines each repeated in the run (the labels, once per
  job), at least one of them a field's label (app/lib/parsing/entries/entry_labels.py's words),
  or a run of short lines with no figure naming at least two fields' labels, is the label
  column: it names fields, it holds nothing of the candidate's, and is left out;
* when every job then reads dates, one title line, bullets, and one line after them (and
  nothing stands before the first dates), that last line is the job's employer: it goes under
  the title, where the entry reader looks for it.
"""

from __future__ import annotations

from collections import Counter

from app.lib.parsing.dates.dates import find_date_range, range_alone
from app.lib.parsing.entries.entry_labels import MAX_LABEL_WORDS, NOT_A_FIELD, field_of
from app.lib.parsing.sections.section_lines import name_line
from app.lib.parsing.text.text import clean, is_bullet
from app.lib.text_forms import fold

MIN_LABELS = 3  # lines of a label column: its fields (dates, title, employer) at least
MIN_FIELDS = 2  # distinct fields its labels name (dates, title, employer)
MIN_JOBS = 2
ENTRY_LINES = 4  # dates, title, a bullet at least, the closing line


def _labelled(line: str) -> bool:
    """A field's label, or a piece of one its words tell ("Principales activités et")."""
    words = set(fold(line).replace("'", " ").split())
    return field_of(line) is not None or bool(words & NOT_A_FIELD)


def without_label_column(lines: list[str]) -> list[str]:
    """The section's lines without a label column copied before the first dates."""
    first = next((i for i, line in enumerate(lines) if range_alone(line)), None)
    if first is None:
        return lines
    run = [clean(line) for line in lines[:first] if clean(line)]
    counts = Counter(fold(line) for line in run)
    fields = {field_of(line) for line in run} - {None}
    # The labels once per job, or (a heading word among them having cut the column into
    # sections) the fields' own labels, short lines with no figure.
    repeated = all(counts[fold(line)] >= 2 for line in run) and any(map(_labelled, run))
    named = len(fields) >= MIN_FIELDS and all(
        len(line.split()) <= MAX_LABEL_WORDS and not any(c.isdigit() for c in line) for line in run
    )
    if len(run) < MIN_LABELS or not (repeated or named):
        return lines
    return lines[first:]


def _shape(segment: list[str]) -> tuple[str, str, list[str], str] | None:
    """(dates, title, bullets, closing line) when the entry reads so, else ``None``."""
    texts = [line for line in segment if clean(line)]
    if len(texts) < ENTRY_LINES or not range_alone(texts[0]):
        return None
    title, *middle, closing = texts[1:]
    plain = (title, closing)
    if not middle or not all(is_bullet(line.strip()) for line in middle):
        return None
    if any(is_bullet(x.strip()) or not name_line(x) or find_date_range(x) for x in plain):
        return None
    return texts[0], title, middle, closing


def closing_employers_up(lines: list[str]) -> list[str]:
    """Each job's closing line under its title, when every job of the section ends with one."""
    anchors = [i for i, line in enumerate(lines) if range_alone(line)]
    if len(anchors) < MIN_JOBS or any(clean(line) for line in lines[: anchors[0]]):
        return lines
    bounds = [*anchors[1:], len(lines)]
    shapes = [s for a, b in zip(anchors, bounds, strict=True) if (s := _shape(lines[a:b]))]
    if len(shapes) != len(anchors):
        return lines
    out: list[str] = []
    for dates, title, bullets, closing in shapes:
        out += [dates, title, closing, *bullets, ""]
    return out
