"""A job's date glued to the start of its first line of text, set back on a line of its own.

Copied text of a PDF whose dates sit in a column beside the text may join an entry's date to
the first line of its description ("Acme Labs" / "Lyon - France" / "Security engineer" /
"Octobre 2013 Built the alerting platform for the malware team. (Go, Kafka)"). Read as is, the
date is inside a sentence and the entry has none. A line that opens with a date followed by a
sentence, right under a head that has no date of its own, is cut in two: the date, then the
sentence. A head opening on a date column's cell ("Present⇥Title", a timeline's end above its
start) is dated: the date beside its text is that column's next cell, which
``app/lib/parsing/dates/date_lines.py`` joins to it, not a date glued to a sentence.
"""

from __future__ import annotations

from app.lib.parsing.dates.date_lines import opens_on_date_cell
from app.lib.parsing.dates.dates import find_date_range
from app.lib.parsing.sections.section_lines import name_line

SENTENCE_WORDS = 8  # after the date, a description's sentence, not a title
HEAD_LINES = 3  # the head above: employer, place, title


def _blank(line: str) -> bool:
    return not any(c.isalnum() for c in line)


def _undated_head_above(lines: list[str], index: int) -> bool:
    """Directly above ``index``: one to three name lines, none dated, after a blank line."""
    above: list[str] = []
    cursor = index - 1
    while cursor >= 0 and not _blank(lines[cursor]) and len(above) <= HEAD_LINES:
        above.append(lines[cursor])
        cursor -= 1
    if not above or len(above) > HEAD_LINES:
        return False
    return all(
        name_line(x) and find_date_range(x) is None and not opens_on_date_cell(x) for x in above
    )


def _glued(line: str) -> tuple[str, str] | None:
    """(date, sentence) when ``line`` opens with a date followed by a sentence."""
    text = line.strip()
    found = find_date_range(text)
    if found is None or found.span[0] != 0:
        return None
    rest = text[found.span[1] :].strip(" \t-–—:,")
    if len(rest.split()) < SENTENCE_WORDS or find_date_range(rest) is not None:
        return None
    return text[: found.span[1]].strip(), rest


def unglue_leading_dates(lines: list[str]) -> list[str]:
    """``lines`` with each date glued to an undated head's first sentence on its own line."""
    out: list[str] = []
    for index, line in enumerate(lines):
        parts = _glued(line) if _undated_head_above(lines, index) else None
        out.extend(parts if parts else [line])
    return out
