"""Which of an entry's two names is its title and which its employer, judged by the section's
other entries: the third test of import_merge.py's arbitration (after "written at the entry's
own lines", evidence.py, and "shaped like its field", entry_evidence.py).

A reader that swaps an entry's title and employer quotes both from the source, at the entry's
lines, each shaped like a name: the first two tests cannot see it. The section's other entries
can. Each signal votes for the roles as read (+) or swapped (−):

* the order the section writes its other entries' names in (title first, or employer first);
* the words of each name: job nouns and ranks for a title, legal forms and organisation nouns
  for an employer (entries/entry_words.py);
* a name that is another entry's employer, or another entry's title;
* words a name shares with the section's other titles, or with its other employers.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.lib.parsing.entries.entry_words import company_score, title_score
from app.lib.parsing.entries.entry_words import words as name_words
from app.lib.parsing.model_import.evidence import SourceLines, _clean
from app.lib.text_forms import squash

MIN_ORDERED = 2  # other entries whose order is read before the section has a layout
MAJORITY = 2 / 3  # share of them that must agree for the order to be the section's layout
SHORT_WORD = 3  # shorter words ("de", "of", "at") say nothing about a name's role
WORDS_VOTE = 0.5  # shared words are a weaker sign than the order or another entry's name


@dataclass(frozen=True)
class Named:
    """One entry's reading as the layout sees it: two names and the dates that place it."""

    title: str
    company: str
    start: str | None = None
    end: str | None = None

    def swapped(self) -> Named:
        return Named(self.company, self.title, self.start, self.end)

    def names(self) -> frozenset[str]:
        return frozenset(squash(n) for n in (self.title, self.company) if n.strip())


def _clamp(value: float, bound: float = 1.0) -> float:
    return max(-bound, min(bound, value))


def _long_words(name: str) -> set[str]:
    return {w for w in name_words(name) if len(w) >= SHORT_WORD and not w.isdigit()}


@dataclass
class SectionLayout:
    """The section's entries, as both readers read them; ``fit`` scores one entry's roles
    against the others (never against itself, nor against the other reader's same entry)."""

    source: SourceLines
    entries: list[Named] = field(default_factory=list)
    _orders: dict[Named, int] = field(default_factory=dict)

    @classmethod
    def of(cls, source: SourceLines, entries: Iterable[Named]) -> SectionLayout:
        unique: dict[tuple[str, str, str], Named] = {}
        for entry in entries:
            if entry.title.strip() and entry.company.strip():
                key = (squash(entry.title), squash(entry.company), (entry.start or "")[:4])
                unique.setdefault(key, entry)
        return cls(source, list(unique.values()))

    def replace(self, old: Named, new: Named) -> None:
        """``old`` was read with its roles swapped: the section holds ``new`` instead."""
        self.entries = [new if entry == old else entry for entry in self.entries]

    def order(self, entry: Named) -> int:
        """+1: the title is written before the employer at the entry's lines; −1: after; 0: not
        known (a name not found, or one inside the other)."""
        if entry not in self._orders:
            self._orders[entry] = self._order(entry)
            self._orders[entry.swapped()] = -self._orders[entry]
        return self._orders[entry]

    def _order(self, entry: Named) -> int:
        title, company = _clean(entry.title), _clean(entry.company)
        if not title or not company or title in company or company in title:
            return 0
        span = self.source.heading((entry.title, entry.company), (entry.start, entry.end))
        if span is None:
            return 0
        text = self.source.text_at(span)
        at_title, at_company = text.find(title), text.find(company)
        if at_title < 0 or at_company < 0:
            return 0
        return 1 if at_title < at_company else -1

    def _others(self, entry: Named) -> list[Named]:
        """The section's other entries: not this one, nor the other reader's reading of it (a
        name in common and the same year)."""
        mine, year = entry.names(), (entry.start or "")[:4]
        return [
            other
            for other in self.entries
            if other.names() != mine
            and not (other.names() & mine and (other.start or "")[:4] == year)
        ]

    def votes(self, entry: Named) -> dict[str, float]:
        """Each signal's vote: > 0 for the roles as read, < 0 for them swapped."""
        others = self._others(entry)
        out: dict[str, float] = {}
        orders = [o for o in map(self.order, others) if o]
        mine = self.order(entry)
        if mine and len(orders) >= MIN_ORDERED:
            usual = sum(orders)
            if abs(usual) >= MAJORITY * len(orders):
                out["order"] = float(mine if usual > 0 else -mine)
        title, company = entry.title, entry.company
        shape = (title_score(title) - title_score(company)) + (
            company_score(company) - company_score(title)
        )
        if shape:
            out["shape"] = _clamp(shape)
        titles = {squash(o.title) for o in others}
        companies = {squash(o.company) for o in others}
        t, c = squash(title), squash(company)
        named = (t in titles) + (c in companies) - (t in companies) - (c in titles)
        if named:
            out["named"] = _clamp(float(named))
        title_words = set().union(*(_long_words(o.title) for o in others))
        company_words = set().union(*(_long_words(o.company) for o in others))
        mine_t, mine_c = _long_words(title), _long_words(company)
        shared = (
            bool(mine_t & title_words)
            + bool(mine_c & company_words)
            - bool(mine_t & company_words)
            - bool(mine_c & title_words)
        )
        if shared:
            out["words"] = WORDS_VOTE * _clamp(float(shared))
        return out

    def leaning(self, entry: Named) -> int:
        """+1: the entry's names are in the order most of the others use, −1: the other order,
        0: not known. A mere majority, weaker than ``votes``' order: a tie-breaker."""
        mine = self.order(entry)
        usual = sum(self.order(other) for other in self._others(entry))
        return mine * (usual > 0) - mine * (usual < 0)

    def fit(self, entry: Named) -> float:
        """> 0: the roles as read fit the section better than swapped; < 0: swapped fit better;
        0: nothing tells."""
        return sum(self.votes(entry).values())
