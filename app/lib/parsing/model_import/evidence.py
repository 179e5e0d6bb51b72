"""Where an entry stands in the source text: the lines that quote its names and its dates
together (its heading), and whether a value is written *there* rather than anywhere in the CV.

Two readings of one CV (the rules' and a model's, import_merge.py) are compared line by line:
a value the source writes at the entry's own lines is better supported than one it writes
elsewhere (an employer that is another job's, a year that is a degree's). Text compares as in
verify_source.py (folded, single-spaced); dates at the precision written (written_dates.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from app.lib.parsing.dates.date_lines import is_date_cell
from app.lib.parsing.dates.written_dates import WrittenDates
from app.lib.parsing.model_import.verify_source import norm

# Marks a line ends on when its words go on below ("Entrepreneurship &", "Lambda functions,").
CARRIED_MARKS = frozenset(",&+/(")
NEAR = 2  # lines either side of a name where the heading's other parts may sit (a date column)


@dataclass(frozen=True)
class Span:
    first: int
    last: int  # inclusive

    def overlaps(self, other: Span) -> bool:
        return self.first <= other.last and other.first <= self.last

    def around(self, lines: int = NEAR) -> Span:
        return Span(max(0, self.first - lines), self.last + lines)


def _clean(value: str) -> str:
    return norm(value).strip(" .;:,!?")  # end punctuation is the reader's, as in verify_source


class SourceLines:
    def __init__(self, text: str) -> None:
        self.raw = text.splitlines()
        self.lines = [norm(line) for line in self.raw]
        self._dates = lru_cache(maxsize=512)(self._written)

    def _written(self, first: int, last: int) -> WrittenDates:
        return WrittenDates("\n".join(self.raw[first : last + 1]))

    def text_at(self, span: Span) -> str:
        return " ".join(self.lines[span.first : span.last + 1])

    def quoted(self, value: str, span: Span) -> bool:
        """``value`` starts within ``span`` (an empty value is nowhere); a name wrapped over
        lines may end on the line after it ("UX/UI Design and Front-End" / "Development
        Program")."""
        cleaned = _clean(value)
        inside = self.text_at(span)
        wrapped = self.text_at(Span(span.first, span.last + 1))
        return bool(cleaned) and -1 < wrapped.find(cleaned) < len(inside)

    def dated(self, value: str | None, span: Span) -> bool:
        """The date ``value`` is written within ``span`` at its precision."""
        return bool(value) and self._dates(span.first, span.last).supports(value)

    def dated_above(self, value: str | None, span: Span, taken: Iterable[Span] = ()) -> bool:
        """``value`` is the first date written above ``span``, on a line of dates alone that is
        no other item's (``taken``): a date heading over a group of entries ("2023 :" then three
        jobs) dates each of them; a degree's year on its own line does not."""
        for line in range(span.first - 1, -1, -1):
            if self._dates(line, line).years:
                here = Span(line, line)
                heading = is_date_cell(self.raw[line]) and not any(
                    here.overlaps(other) for other in taken
                )
                return heading and self.dated(value, here)
        return False

    def name_lines(self, name: str) -> list[int]:
        """The lines that write ``name`` alone (the candidate's name heading the CV)."""
        cleaned = _clean(name)
        return [i for i, line in enumerate(self.lines) if cleaned and _clean(line) == cleaned]

    def lines_quoting(self, value: str) -> list[int]:
        """The lines where ``value`` starts (a value may run onto the next line)."""
        cleaned = _clean(value)
        if not cleaned:
            return []
        found = [i for i, line in enumerate(self.lines) if cleaned in line]
        if found:
            return found
        return [
            i
            for i in range(len(self.lines) - 1)
            if cleaned in f"{self.lines[i]} {self.lines[i + 1]}"
        ]

    def carried_over(self, value: str) -> bool:
        """Every line opening with ``value`` goes on from the line above, cut on a joining
        mark ("MAJORS: Entrepreneurship &" / "Economics"): the value is the tail of a wrapped
        line, not a name of its own."""
        cleaned = _clean(value)
        found = [i for i in self.lines_quoting(value) if self.lines[i].startswith(cleaned)]
        return bool(found) and all(
            i > 0 and self.raw[i - 1].rstrip()[-1:] in CARRIED_MARKS for i in found
        )

    def heading(self, names: tuple[str, ...], dates: tuple[str | None, ...]) -> Span | None:
        """The lines quoting most of ``names`` and ``dates`` together, names first: where the
        entry stands. None when the source writes none of its names."""
        best: tuple[tuple[int, int, int], Span] | None = None
        for line in sorted({i for name in names for i in self.lines_quoting(name)}):
            near = Span(line, line).around()
            at = [i for name in names for i in self.lines_quoting(name) if near.first <= i
                  <= near.last]  # fmt: skip
            at += [i for value in dates if value for i in self._date_lines(value, near, line)]
            named = sum(self.quoted(name, near) for name in names)
            dated = sum(self.dated(value, near) for value in dates)
            key = (min(named, 1) + min(dated, 1), named + dated, -line)
            if best is None or key > best[0]:
                best = key, Span(min(at, default=line), max(at, default=line))
        return best[1] if best else None

    def _date_lines(self, value: str, near: Span, line: int) -> list[int]:
        """The line of ``near`` closest to ``line`` that writes ``value`` (or none)."""
        last = len(self.lines) - 1
        window = range(near.first, min(near.last, last) + 1)
        found = [i for i in window if self.dated(value, Span(i, i))] or [
            i for i in window if self.dated(value, Span(i, min(i + 1, last)))
        ]  # a month and its year split over two lines
        return sorted(found, key=lambda i: abs(i - line))[:1]
