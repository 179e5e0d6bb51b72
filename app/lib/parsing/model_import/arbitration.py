"""One dated section (experience, projects, education) from the rules' reading and a model's,
decided by what the source writes at each entry's own lines (evidence.py), not by who read it.

* The two readings of one entry are paired by their names and years, or by their headings
  standing on the same lines; a pair whose headings stand apart is two entries.
* A model entry's title and employer are turned round when the section's other entries say
  they are swapped (entry_layout.py), unless the rules read them as the model did; when the
  two readers cross roles, the reading the layout supports wins (the rules' on a tie).
* Per field, the value written at the entry's lines and shaped like its field
  (entry_evidence.py) wins; the rules win ties and fill what the model left out. Where one
  reading holds the other, the model's bounds win; a town is no employer, nor a title.
  Titles the rules read one entry off over a run of entries (each a neighbour's), where
  each of the model's titles heads its own entry's dates, are the model's (realign).
* An entry only the model read comes in when its names and its dates are written together at
  its own lines (not the headline under the candidate's name), and no item of another section
  holds those lines (a rules' item the model read as no item of its section holds only an
  entry named like none of this section's: a degree read as a job). When both its names are
  written together there but its dates stand elsewhere in the file (a date column pasted
  apart), it comes in and its dates are asked about; otherwise the user is asked to confirm it
  (a finding), it is not added.
* An entry only the rules read stays unless the model read its lines as another section's
  item, or it is not shaped like a job (a talk, a degree, a score, no employer): then the user
  is asked.
* A bullet belongs to the entry whose lines hold it: one that is another entry's heading, or
  that stands under another entry's heading only, goes there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from app.lib.cv_content import Education, Experience, Project
from app.lib.parsing.entries.entry_checks import match_entries
from app.lib.parsing.entries.entry_words import company_score, title_score
from app.lib.parsing.fields.value_kinds import CONTACT_KINDS, value_kind
from app.lib.parsing.model_import.entry_evidence import (
    dates_ordered,
    field_word,
    is_prose,
    is_task_list,
    job_shape_problem,
    kind_problem,
    name_shaped,
    town_like,
)
from app.lib.parsing.model_import.entry_layout import Named, SectionLayout
from app.lib.parsing.model_import.evidence import NEAR, SourceLines, Span
from app.lib.parsing.model_import.verify_source import norm
from app.lib.text_forms import squash

Entry = Experience | Education | Project
NAMES = {"experience": ("title", "company"), "education": ("degree", "institution"),
         "projects": ("name", "role")}  # fmt: skip
FILLED = ("location", "description", "url", "field")
BOUNDED = 10  # written at the entry's lines and shaped like its field (see _name_score)
BLOCK = 8  # lines either side of an entry's heading where its other lines may stand
SWAP_FIT = -1.0  # the section's layout must say "swapped" this clearly to swap a model's roles
CROSS_FIT = 0.5  # …and "as the model reads them" this clearly for them to win over the rules'
SHIFT_RUN = 3  # consecutive pairs whose titles are read one entry off, for the model's to win


class Held(NamedTuple):
    """An item of another section: its heading lines, its year, its names (squashed), and
    whether the other reader read an item of that section there too (``backed``), or read no
    item of that section anywhere (``silent``: backed by its silence only)."""

    span: Span
    year: str
    names: frozenset[str]
    backed: bool = True
    silent: bool = False


@dataclass
class Decision:
    """What the arbitration did, for the import report (import_merge.py words it)."""

    kind: str  # differ | model_won | model_only | model_unconfirmed | rules_unconfirmed |
    #            roles_swapped | model_dates_apart
    entry: Entry
    name: str = ""
    other: str = ""
    lines: list[str] = field(default_factory=list)
    reason: str = ""


QUOTES = str.maketrans("\u2019\u2018\u02bc`\u00b4", "'''''")


def _folded(text: str) -> str:
    """A name as compared across readings: squashed, its typographic apostrophes plain (one
    reader quotes the text's "d’Opale", the other's cleaning may give "d'Opale")."""
    return squash(text.translate(QUOTES))


def differ(a: str, b: str) -> bool:
    """Two names that are not one reading of the other (equal, or one inside the other)."""
    x, y = squash(a), squash(b)
    return bool(x and y) and x not in y and y not in x


def _names(entry: Entry, section: str) -> tuple[str, str]:
    first, second = NAMES[section]
    return getattr(entry, first), getattr(entry, second)


def year_of(value: str | None) -> str:
    """A date's year ("2021-04" gives "2021"; none gives "")."""
    return (value or "")[:4]


def squashed_names(names: Sequence[str | None]) -> frozenset[str]:
    """An item's names as compared across readings (Held)."""
    return frozenset(squash(n) for n in names if n) - {""}


def _finer(value: str | None, than: str | None) -> bool:
    """The same year written to the month where the other reading has the year alone."""
    return bool(value and than) and len(value or "") > len(than or "") and year_of(value) == than


def _same(a: str, b: str) -> bool:
    """Two names that are one reading of the other (both written)."""
    return bool(a.strip() and b.strip()) and not differ(a, b)


LABEL_RE = re.compile(r"^\W*\w+\s*:")  # "Option :", "Mention:": a detail's label


def _labelled(value: str) -> bool:
    """A value that opens on one word and a colon: a line of details, not a name."""
    return bool(LABEL_RE.match(value))


def _cut_from(piece: Entry, whole: Entry, section: str) -> bool:
    """``piece`` is ``whole`` cut up: both its names written inside ``whole``'s names and the
    same start, written to the month ("online course by" / "University of", a name broken
    over lines, where the model's reading, whole, is found at no lines)."""
    names = [_folded(n) for n in _names(piece, section)]
    held = "\n".join(_folded(n) for n in _names(whole, section))
    start = piece.start or ""
    return (
        all(names) and all(n in held for n in names)
        and len(start) > len("2019") and start == whole.start
    )  # fmt: skip


def _one_date(a: Entry, b: Entry) -> bool:
    """Both entries dated by one and the same year, read as the start by one reader and as
    the end by the other ("2024 –" / "– 2024")."""
    years = [{year_of(e.start), year_of(e.end)} - {""} for e in (a, b)]
    return len(years[0]) == 1 and years[0] == years[1]


def _start_as_end(a: Entry, b: Entry) -> bool:
    """One reader read the entry's one date as its start, the other as its end ("2024" read as
    under way since, or as ended then)."""
    return any(
        bool(x.start) and not x.end and not y.start and year_of(x.start) == year_of(y.end)
        for x, y in ((a, b), (b, a))
    )


def place_heads(locations: list[str]) -> set[str]:
    """The towns of locations as the readings give them: "Minneapolis, MN" gives
    "minneapolis"; a location of one part is a town as it stands."""
    return {squash(loc.split(",")[0]) for loc in locations if loc.strip()} - {""}


def _named(entry: Entry, section: str) -> Named:
    return Named(*_names(entry, section), entry.start, entry.end)


class Arbiter:
    def __init__(
        self, source: SourceLines, section: str, other_items: list[Held], elsewhere: list[Held]
    ) -> None:
        """``other_items``: the model's items of other sections, with their names (``others``
        is their lines); ``elsewhere``: the rules' items of other sections, with their years."""
        self.source, self.section, self.elsewhere = source, section, elsewhere
        self.other_items = other_items
        self.others: list[Span] = [held.span for held in other_items]
        self.decisions: list[Decision] = []
        self.header: set[str] = set()  # the candidate's name and contacts: no entry's field
        self.name_lines: list[int] = []  # lines that write the candidate's name alone
        self.places: set[str] = set()  # towns the readings give as a location (place_heads)
        self.layout = SectionLayout(source)
        self.swapped: set[str] = set()  # ids of the model's entries whose roles were swapped
        self.read: list[Span] = []  # the lines of the model's entries of this section
        # The model read at least as many entries here as the rules read shaped like one: its
        # silence on one of the rules' entries is evidence (a weak model's, leaving jobs out, not).
        self.thorough = True
        self.model_alone: list[Entry] = []  # the model's entries the rules did not read
        self.degree_dates: set[tuple[str, str]] = set()  # start and end of the model's degrees
        self.realigned: dict[str, str] = {}  # rules' entry id: its title, read one entry off
        # The rules' items of other sections a degree of the model's takes over (held_elsewhere),
        # by the model's entry id: given up once the entry is added (import_merge.py)
        self.claiming: dict[str, list[Span]] = {}
        self.claimed: list[Span] = []

    # ---------------------------------------------------------------- roles

    def set_roles(self, rules: list[Entry], model: list[Entry]) -> list[Entry]:
        """The model's entries, each with its title and employer the way round the section's
        other entries write theirs (entry_layout.py), unless the rules read that entry's two
        names in the model's roles too. The worst fit is swapped first, and the others judged
        again against it: one swapped entry does not make a right one look swapped. The
        model's list is not changed: swapped entries are copies."""
        if self.section != "experience":
            return model
        shaped = [e for e in rules if not self._misread(e)]  # misread ones do not vote
        self.layout = SectionLayout.of(
            self.source, [_named(e, self.section) for e in [*model, *shaped]]
        )
        read = {(squash(e.title), squash(e.company)) for e in rules if isinstance(e, Experience)}
        out = list(model)
        open_ = {
            i
            for i, e in enumerate(model)
            if isinstance(e, Experience) and e.title and e.company
            and (squash(e.title), squash(e.company)) not in read
        }  # fmt: skip
        while open_:
            fits = {i: self._misfit(_named(out[i], self.section)) for i in open_}
            worst = min(
                fits, key=lambda i: (fits[i], self.layout.leaning(_named(out[i], self.section)))
            )
            if fits[worst] > SWAP_FIT:
                break
            entry = out[worst]
            title, company = _names(entry, self.section)
            swapped = entry.model_copy(update={"title": company, "company": title})
            self.layout.replace(_named(entry, self.section), _named(swapped, self.section))
            out[worst] = swapped
            self.swapped.add(entry.id)
            open_.discard(worst)
        return out

    def heading(self, entry: Entry) -> Span | None:
        return self.source.heading(_names(entry, self.section), (entry.start, entry.end))

    # ---------------------------------------------------------------- pairing

    def pairs(self, rules: list[Entry], model: list[Entry]) -> list[int | None]:
        names = NAMES[self.section]
        keys = [(getattr(e, names[0]), getattr(e, names[1]), e.start) for e in model]
        rule_keys = [(getattr(e, names[0]), getattr(e, names[1]), e.start) for e in rules]
        ours = [self.heading(e) for e in model]
        theirs = [self.heading(e) for e in rules]
        twins: list[int | None] = []
        for i, twin in enumerate(match_entries(keys, rule_keys)):
            apart = (
                twin is not None
                and (mine := ours[i]) is not None
                and (other := theirs[twin]) is not None
                and not mine.around().overlaps(other)
            )
            same = twin is not None and self._same(model[i], rules[twin])
            twins.append(twin if same and not apart else None)
        for i, entry in enumerate(model):
            if twins[i] is not None or (mine := ours[i]) is None:
                continue
            for j, other in enumerate(theirs):
                free = j not in twins and other is not None and mine.overlaps(other)
                year = year_of(entry.start) in ("", year_of(rules[j].start))
                if free and (year or _start_as_end(entry, rules[j])):
                    twins[i] = j
                    break
        for i, entry in enumerate(model):
            if twins[i] is None and self.section == "education":
                twins[i] = next(
                    (j for j, other in enumerate(rules) if j not in twins
                     and _cut_from(other, entry, self.section)),
                    None,
                )  # fmt: skip
        return twins

    def realign(self, rules: list[Entry], model: list[Entry], twins: list[int | None]) -> None:
        """Titles read one entry off: over a run of at least SHIFT_RUN consecutive pairs, each
        rules' title is the model's title of the next (or the previous) entry, the model's
        title of the run's end entry is no rules' title, and each of the model's titles is
        written on its entry's own date line or on the line just above it (blank lines
        between): the rules gave each title to a neighbour ("title, dates, employer" read as
        "dates, employer, title"). Both readings are consistent entry by entry; the line that
        heads each entry's dates settles it, and the model's titles win (``realigned``)."""
        first = NAMES[self.section][0]
        run: list[tuple[int, int]] = []  # (rules' index, model's index), both one up each time
        for i, twin in enumerate([*twins, None]):
            if run and (twin is None or twin != run[-1][0] + 1):
                self._realign_run([(rules[j], model[k]) for j, k in run], first)
                run = []
            if twin is not None:
                run.append((twin, i))

    def _realign_run(self, run: list[tuple[Entry, Entry]], first: str) -> None:
        if len(run) < SHIFT_RUN:
            return
        mine = [getattr(r, first) for r, _ in run]
        theirs = [getattr(m, first) for _, m in run]
        if not all(theirs) or not all(differ(a, b) for a, b in zip(mine, theirs, strict=True)):
            return
        for step in (1, -1):
            inner = range(len(run) - 1) if step == 1 else range(1, len(run))
            end = theirs[0] if step == 1 else theirs[-1]
            if not all(_same(mine[k], theirs[k + step]) for k in inner):
                continue
            if any(_same(end, m) for m in mine) or not name_shaped(end, first):
                continue
            heads = [self._heads_dates(theirs[k], m) for k, (_, m) in enumerate(run)]
            wrong = [self._heads_dates(mine[k], m) for k, (_, m) in enumerate(run)]
            if all(heads) and not any(wrong):
                for (kept, _), title in zip(run, theirs, strict=True):
                    self.realigned[kept.id] = title
            return

    def _heads_dates(self, title: str, entry: Entry) -> bool:
        """``title`` is written on the line of ``entry``'s dates (its start and end together)
        or on the nearest written line above it."""
        if not title.strip() or not entry.start:
            return False
        lines = self.source.lines
        for line in self.source.lines_quoting(title):
            for below in range(line, len(lines)):
                here = Span(below, below)
                if self.source.dated(entry.start, here) and (
                    not entry.end or self.source.dated(entry.end, here)
                ):
                    return True
                if below > line and lines[below].strip():
                    break  # the first written line under the title does not date the entry
        return False

    def _same(self, model: Entry, rules: Entry) -> bool:
        """A pair made on a shared title alone is two entries when their organisations
        differ and so do their years ("Buyer, Acme, 2021" and "Buyer, Lumen, 2019"). One
        date read as the start by one reader and as the end by the other is the same year."""
        same_year = bool(
            model.start and rules.start and year_of(model.start) == year_of(rules.start)
        )
        return (
            same_year
            or _one_date(model, rules)
            or not differ(_names(model, self.section)[1], _names(rules, self.section)[1])
        )

    # ---------------------------------------------------------------- fields

    def settle(self, kept: Entry, theirs: Entry) -> None:
        """``kept`` (the rules' entry) takes each field of ``theirs`` the source supports
        better at the entry's lines."""
        spans = [s.around() for s in (self.heading(kept), self.heading(theirs)) if s]
        names = NAMES[self.section]
        if kept.id in self.realigned:
            mine = getattr(kept, names[0])
            setattr(kept, names[0], self.realigned[kept.id])
            self.decisions.append(Decision("model_won", kept, names[0], mine))
        if self._line_read_as_one(kept, theirs):
            for name in names:
                mine = getattr(kept, name)
                setattr(kept, name, getattr(theirs, name))
                self.decisions.append(Decision("model_won", kept, name, mine))
        elif self._roles_crossed(kept, theirs):
            theirs = self._settle_roles(kept, theirs)
        if self._school_read_as_degree(kept, theirs):
            mine = getattr(kept, names[0])
            setattr(kept, names[0], getattr(kept, names[1]))
            setattr(kept, names[1], getattr(theirs, names[1]))
            self.decisions.append(Decision("model_won", kept, names[0], mine))
        if self._degree_read_whole(kept, theirs, spans):
            for name in names:
                mine = getattr(kept, name)
                setattr(kept, name, getattr(theirs, name))
                if mine and differ(mine, getattr(kept, name)):
                    self.decisions.append(Decision("model_won", kept, name, mine))
        outcome = {name: self._settle_name(kept, theirs, name, opposite, spans)
                   for name, opposite in (names, names[::-1])}  # fmt: skip
        # A name disputed beside its partner as the rules read it, where the partner then went
        # to the model ("HR SPOC, Bengaluru" / "Process Associate@ Infosys", Infosys won): the
        # name is weighed again beside the partner the entry now has.
        for name, opposite in (names, names[::-1]):
            if outcome[name] == "differ" and outcome[opposite] == "won":
                self.decisions = [
                    d
                    for d in self.decisions
                    if not (d.kind == "differ" and d.entry is kept and d.name == name)
                ]
                self._settle_name(kept, theirs, name, opposite, spans)
        their_start = self._date_score(theirs.start, spans)
        my_start = self._date_score(kept.start, spans)
        better = their_start > my_start or (
            their_start == my_start and self._start_taken(kept, theirs, written=my_start > 0)
        )
        rules_start = kept.start
        if better or not kept.start or (their_start and _finer(theirs.start, kept.start)):
            kept.start = theirs.start
        their_end = self._date_score(theirs.end, spans) + dates_ordered(kept.start, theirs.end)
        my_end = self._date_score(kept.end, spans) + dates_ordered(kept.start, kept.end)
        if kept.end and kept.end == kept.start and len(kept.end) > len("2019"):
            my_end = 0  # the start's own month read again as the end: nothing says it ended
        moved = kept.start != rules_start and year_of(kept.end) == year_of(kept.start)
        if moved and theirs.end and year_of(theirs.end) > year_of(kept.start):
            # The rules' end is the start the model's reading gave the entry: the rules read
            # its dates one range off ("2012 – 2014" for "2014 – 2019"); the model's end goes
            # with the model's start.
            my_end = 0
        ongoing = getattr(kept, "current", False)  # a project has no "current"
        if their_end > my_end or (kept.end is None and not ongoing and theirs.end):
            kept.end = theirs.end
            if hasattr(kept, "current"):
                kept.current = getattr(theirs, "current", False)
        for name in FILLED:
            if hasattr(kept, name) and not getattr(kept, name) and getattr(theirs, name, None):
                setattr(kept, name, getattr(theirs, name))

    def _settle_name(
        self, kept: Entry, theirs: Entry, name: str, opposite: str, spans: list[Span]
    ) -> str:
        """One name of ``kept`` against the model's: "filled", "unshaped", "agree", "won" (the
        model's value taken) or "differ" (the rules' stands)."""
        mine, other = getattr(kept, name), getattr(theirs, name)
        if not mine:
            setattr(kept, name, other)
            return "filled"
        if not other:
            self._unshaped(kept, theirs, name, opposite, spans)
            return "unshaped"
        if not differ(mine, other):
            if not _same(other, getattr(kept, opposite)):  # not the other name's words
                self._bounds(kept, name, other, spans)
            return "agree"
        # The model's value is the rules' other name of this entry: the same two names in
        # swapped roles, which the text does not settle; the rules' roles stand.
        # A rules' name holding both of the model's is their line read whole into one
        # field ("Licence Pro … (IUT Béziers)"), no swap.
        whole = _folded(getattr(theirs, opposite)) in _folded(getattr(kept, opposite))
        swapped = not differ(other, getattr(kept, opposite)) and getattr(kept, opposite)
        swapped = swapped and not (getattr(theirs, opposite).strip() and whole)
        anchors = self._anchors(kept, opposite, spans)
        if not swapped and (
            self._names_field(other, mine, name, spans)
            or self._names_unpaired(mine, other, name, theirs)
            or self._support(other, name, spans, anchors, kept)
            > self._support(mine, name, spans, anchors, kept)
        ):
            setattr(kept, name, other)
            self.decisions.append(Decision("model_won", kept, name, mine))
            return "won"
        self.decisions.append(Decision("differ", kept, name, other))
        return "differ"

    def _names_field(self, theirs: str, mine: str, name: str, spans: list[Span]) -> bool:
        """The model's degree is named with a degree's word and the rules' is not ("Master, Big
        Data & Cloud Computing" / a project's line, "Licence Pro …" / "En alternance"), or its
        school with a school's word and the rules' not (a university / the degree's field in
        quotes), and is written within the entry's block (not another entry's): being a
        degree or a school at all outweighs standing nearer the entry's dates (a line of its
        description often does). A value that opens on a label and its colon ("Option : Math
        pour l'Ingénieur") is a detail of the entry, whatever words follow: it names no
        degree."""
        named = field_word(theirs, name) and not _labelled(theirs)
        return (
            self.section == "education"
            and named
            and (not field_word(mine, name) or _labelled(mine))
            and self._in_block(theirs, spans)
        )

    def _names_unpaired(self, mine: str, theirs: str, name: str, entry: Entry) -> bool:
        """The rules' degree is the degree of another entry the model read, one the rules
        paired with none ("BUT Gestion …" given the Bac's years), and the model's value is no
        other entry's: the rules gave that entry's name to this one, whose own the model
        read."""
        if self.section != "education":
            return False
        others = [getattr(e, name) for e in self.model_alone if e.id != entry.id]
        return any(_same(mine, o) for o in others) and not any(_same(theirs, o) for o in others)

    def _school_read_as_degree(self, kept: Entry, theirs: Entry) -> bool:
        """The rules read a school as the degree and the degree as the school ("Lycée X" /
        "High School Diploma", "ENSEEIHT" / "SN 1A"), where the model reads the school (holding
        the rules' degree, not its own degree) and the rules' school is no piece of it: the
        rules' school is their degree, to be weighed against the model's (or, the model
        leaving the degree out, kept when named by a degree's word). Where the rules read no
        school, they read no degree either: the model's fills it ("Kerala University" read
        as the degree of "B.B.A …")."""
        if self.section != "education":
            return False
        (degree, school), (their_degree, their_school) = (
            _names(kept, self.section),
            _names(theirs, self.section),
        )
        crossed = (
            bool(degree.strip())
            and _folded(degree) in _folded(their_school)
            and not (school.strip() and _folded(school) in _folded(their_school))
            and not _same(degree, their_degree)
            and not field_word(degree, "degree")
        )
        return crossed and (bool(their_degree.strip()) or field_word(school, "degree"))

    def _degree_read_whole(self, kept: Entry, theirs: Entry, spans: list[Span]) -> bool:
        """A degree the rules cut in two or read with its roles crossed, where the model reads
        it whole: both of the rules' names inside one of the model's ("Diplôme … en" / "Génie
        Logiciel" in "Diplôme … en Génie Logiciel", the school "ISI" the model's other name,
        written at the entry's lines), or the model's degree the rules' school and its school
        the rules' degree, the model's roles named at least as well by their field's words
        ("Diploma", "Lycée")."""
        if self.section != "education":
            return False
        mine, their = _names(kept, self.section), _names(theirs, self.section)
        if not all(their) or not all(mine):
            return False
        if _same(mine[0], their[1]) and _same(mine[1], their[0]):
            fields = NAMES[self.section]
            words = [sum(map(field_word, names, fields)) for names in (their, mine)]
            return words[0] >= words[1]
        for index, whole in enumerate(their):
            other = their[1 - index]
            split = all(_folded(n) in _folded(whole) for n in mine) and not _same(other, whole)
            if split and self._at_lines(other, spans):
                return True
        return False

    def _line_read_as_one(self, kept: Entry, theirs: Entry) -> bool:
        """The rules read a heading line whole into one name ("CATERING EMPLOYEE, ELIOR"),
        giving the other name a line of the entry's body ("Summers Jobs"), where the model
        reads that line's two parts as the two names, its title naming a job at least as
        much as its employer does (no swap taken on the line's word alone): the model's both
        stand."""
        if self.section != "experience":
            return False
        mine, their = _names(kept, self.section), _names(theirs, self.section)
        if title_score(their[0]) < title_score(their[1]) or not title_score(their[0]):
            return False
        if (
            not all(their)
            or not all(mine)
            or {_folded(m) for m in mine} & {_folded(t) for t in their}
        ):
            return False
        return any(all(_folded(t) in _folded(whole) for t in their) for whole in mine)

    def _anchors(self, kept: Entry, opposite: str, spans: list[Span]) -> list[int]:
        """The lines a disputed name should stand close to: its partner's (the entry's other
        name), or, when the partner is no name (a fragment, a heading), the lines of the
        entry's start date within its lines."""
        partner = getattr(kept, opposite)
        if partner and name_shaped(partner, opposite):
            return self.source.lines_quoting(partner)
        dated = [
            line
            for span in spans
            for line in range(span.first, span.last + 1)
            if self.source.dated(kept.start, Span(line, line))
        ]
        return dated or (self.source.lines_quoting(partner) if partner else [])

    def _start_taken(self, kept: Entry, theirs: Entry, written: bool) -> bool:
        """The rules' start of this entry is the start the model gives another entry, one the
        rules did not read and the model names in full (title and employer): where the text
        writes the dates apart from the names (a date column pasted after the text), the rules
        took that neighbour's date. Called on a tie where the section's other entries settle
        it: neither start is written at the entry's lines, or both are (``written``: a column
        of dates stacked beside two entries), and then only a neighbour whose own lines do not
        write that start counts (a date written at its owner's lines is no stray one)."""
        if not kept.start or not theirs.start or kept.start == theirs.start:
            return False
        model = [
            e.start
            for e in self.model_alone
            if e.id != theirs.id
            and all(_names(e, self.section))
            and not (written and self._dated_at_own_lines(e))
        ]
        return kept.start in model

    def _dated_at_own_lines(self, entry: Entry) -> bool:
        found = self.heading(entry)
        return found is not None and self.source.dated(entry.start, found.around())

    def _misfit(self, entry: Named) -> float:
        """How clearly the section says "swapped" (≤ SWAP_FIT: swap), never by the order of
        the lines alone (an entry may be the one the CV writes the other way round)."""
        votes = self.layout.votes(entry)
        if min(votes.get("shape", 0.0), votes.get("named", 0.0)) >= 0:
            return 0.0
        return sum(votes.values())

    def _roles_crossed(self, kept: Entry, theirs: Entry) -> bool:
        """The model read the rules' title as the employer, or the rules' employer as the title
        (the other name may differ, or one reader may have left it out)."""
        if self.section != "experience":
            return False
        title, company = _names(kept, self.section)
        their_title, their_company = _names(theirs, self.section)
        agree = _same(title, their_title) and _same(company, their_company)
        return not agree and (_same(title, their_company) or _same(company, their_title))

    def _settle_roles(self, kept: Entry, theirs: Entry) -> Entry:
        """Crossed roles: the reading the section's layout supports wins, the rules' on a tie,
        whose empty name then takes the model's other one. Returns the model's entry with the
        names decided, for the other fields to be compared."""
        first, second = NAMES[self.section]
        if self.layout.fit(_named(theirs, self.section)) >= CROSS_FIT:
            for name in (first, second):
                mine = getattr(kept, name)
                setattr(kept, name, getattr(theirs, name))
                if mine and differ(mine, getattr(kept, name)):
                    self.decisions.append(Decision("model_won", kept, name, mine))
        else:
            for name, opposite in ((first, second), (second, first)):
                if not getattr(kept, name) and getattr(theirs, opposite):
                    setattr(kept, name, getattr(theirs, opposite))
            self.decisions.append(Decision("differ", kept, first, getattr(theirs, first)))
        return theirs.model_copy(
            update={first: getattr(kept, first), second: getattr(kept, second)}
        )

    def _bounds(self, kept: Entry, name: str, other: str, spans: list[Span]) -> None:
        """One reading inside the other ("Stage" / "Stage à la Direction …", "Acme" / "Acme -
        Lyon"): the readers agree on the name and differ on where the field ends. The model
        delimits it by meaning, the rules by separators: the model's bounds win when its value
        is written at the entry's lines and shaped like the field."""
        mine = getattr(kept, name)
        if squash(mine) == squash(other) or self._name_score(other, name, spans) < BOUNDED:
            return
        setattr(kept, name, other)
        self.decisions.append(Decision("model_won", kept, name, mine))

    def _unshaped(
        self, kept: Entry, theirs: Entry, name: str, opposite: str, spans: list[Span]
    ) -> None:
        """The model left a name out that the rules read as something else (a town as the
        title, a sentence as the employer, the entry's other name again: a school's name as
        its degree): the field stays empty, a town goes to the place. A value named by its
        field's own word (field_word) is not something else."""
        mine = getattr(kept, name)
        # A place in brackets ("(France)", the school's country) is a place all the same.
        bare = mine.strip(" ()[]")
        shaped = name_shaped(bare, name) and not (name == "title" and town_like(bare))
        # A degree cut mid-bracket is still named by its degree's word: kept, not emptied.
        shaped = shaped or field_word(mine, name)
        other_name = squash(getattr(theirs, opposite) or "")
        shaped = shaped and not (other_name and squash(mine) in other_name)
        # A rules-only name stands on its own evidence: written at the entry's lines, and a
        # title naming a job ("Font", a line under the employer, names none).
        shaped = shaped and self._at_lines(mine, spans)
        shaped = shaped and (name != "title" or title_score(bare) > 0)
        if shaped or not any(getattr(theirs, n) for n in NAMES[self.section]):
            return  # a name, or the model read none here: nothing tells against the rules
        setattr(kept, name, "")
        if hasattr(kept, "location") and not kept.location and town_like(mine):
            kept.location = mine
        self.decisions.append(Decision("model_won", kept, name, mine))

    def _at_lines(self, value: str, spans: list[Span]) -> bool:
        """``value`` is written at the entry's lines (its heading's ``spans``)."""
        return any(self.source.quoted(value, span) for span in spans)

    def _in_block(self, value: str, spans: list[Span]) -> bool:
        """``value`` is written within ``BLOCK`` lines of the entry's heading."""
        return any(self.source.quoted(value, span.around(BLOCK)) for span in spans)

    def _name_score(self, value: str, name: str, spans: list[Span]) -> int:
        """Written at the entry's lines (4), shaped like the field (2) and written within its
        block (4 more); a degree or a school named with its field's word beats one that is
        not (1: "Orono" beside its school is no degree, "Embedded Systems" no school); an
        employer that is a town loses to one that is not (1: an
        organisation's name, not where it sits), a town
        the place list does not know included when the CV gives it as a location elsewhere
        ("Skykit, Minneapolis, MN" makes "Minneapolis" a place)."""
        at_lines = self._at_lines(value, spans)
        shaped = name_shaped(value, name) and squash(value) not in self.header
        shaped = shaped and not self.source.carried_over(value)
        # A name of the entry's block beats what is no name at all (a bullet glyph, a
        # sentence) written closer: five "●" lines may stand between a title and its employer.
        in_block = shaped and self._in_block(value, spans)
        town = town_like(value) or squash(value) in self.places
        return 4 * at_lines + 2 * shaped + 4 * in_block + field_word(value, name) + (not town)

    def _support(
        self, value: str, name: str, spans: list[Span], anchors: list[int], kept: Entry
    ) -> tuple[int, int, int, int]:
        """How well the source supports ``value`` (_name_score), then whether it shares its
        partner's column on a line of two (``cell``), then how close it stands to
        the entry's other name (its lines: ``anchors``): on a tie, the line beside the title
        is its employer, not a line of the entry before that the rules took for it; then
        whether the entry read with it writes its names in the order the section's other
        entries use (the layout's leaning)."""
        lines = self.source.lines_quoting(value)
        gap = min((abs(a - b) for a in lines for b in anchors), default=len(self.source.raw))
        lean = 0
        if self.section == "experience":
            named = _named(kept, self.section)
            lean = self.layout.leaning(
                Named(value, named.company, named.start, named.end)
                if name == "title"
                else Named(named.title, value, named.start, named.end)
            )
        first, second = NAMES[self.section]
        partner = norm(getattr(kept, second if name == first else first) or "")
        # A line of two columns (a sidebar's word, a tab, then the entry's heading): the name
        # in its partner's column is the entry's (1), one beside its partner in the other
        # column is the other column's (-1: a skills sidebar's "Python" beside a degree).
        cells = [
            [norm(part) for part in self.source.raw[line].split("\t")]
            for line in lines
            if "\t" in self.source.raw[line]
        ]
        together = any(norm(value) in part and partner in part for row in cells for part in row)
        apart = any(
            any(norm(value) in part for part in row) and any(partner in part for part in row)
            for row in cells
        )
        cell = 0 if not partner else 1 if together else -1 if apart else 0
        return self._name_score(value, name, spans), cell, -gap, lean

    def _date_score(self, value: str | None, spans: list[Span]) -> int:
        return 2 * any(self.source.dated(value, span) for span in spans)

    # ---------------------------------------------------------------- entries one reader found

    def earns_place(self, entry: Entry) -> bool:
        """Names and dates written together at the entry's own lines (or its dates as the
        heading of its group, just above), not at the lines under the candidate's name (the
        CV's headline: a title, a sought internship and its dates)."""
        found = self.heading(entry)
        if found is None or not entry.start or self._under_name(found):
            return False
        near = found.around()
        named = any(self.source.quoted(n, near) for n in _names(entry, self.section))
        taken = [*self.others, *(held.span for held in self.elsewhere)]
        dated = all(
            self.source.dated(value, near) or self.source.dated_above(value, found, taken)
            for value in (entry.start, entry.end)
            if value
        )
        return named and dated

    def named_together(self, entry: Entry) -> bool:
        """Both names written together at the entry's own lines, outside the headline, and
        dates the file writes elsewhere (verify.py keeps only dates the file writes): an entry
        whose dates stand apart (a date column pasted after the text). It is kept and its dates
        asked about (a finding), not dropped: the names say an entry stands there."""
        found = self.heading(entry)
        names = _names(entry, self.section)
        if found is None or not all(n.strip() for n in names):
            return False
        # An entry the CV writes with no dates at all (an old job listed by its names) stands
        # on its names alone, so they must be a job's in their roles: the title naming a job
        # more than the employer does; its dates are asked.
        undated = not entry.start and not entry.end and self._kind_problem(entry) is None
        title, employer = title_score(names[0]), title_score(names[1])
        undated = undated and title > 0 and employer < title
        if not entry.start and not undated:
            return False
        if self._under_name(found):
            return False
        near = found.around()
        return all(self.source.quoted(n, near) for n in names)

    def _under_name(self, found: Span) -> bool:
        """``found`` stands at the lines under the candidate's name: the CV's headline."""
        return any(line <= found.first <= line + NEAR for line in self.name_lines)

    def held_elsewhere(self, entry: Entry) -> bool:
        """The entry's lines are an item of another section: the model's own reading, or the
        rules' item of the same year (names and dates together): it is not added twice. An
        undated item of the rules holds it only under the same names: otherwise its lines may
        be a job's heading the rules filed elsewhere, and the job would vanish without a word.
        A rules' item that the model read as no item of its section (not ``backed``) holds only
        an entry not shaped like one of this section (a degree read as a job): the rules' item
        is itself doubted in its section (rules_doubt, "other_section"), and both readings
        would be dropped, the job with no word."""
        found = self.heading(entry)
        if found is None:
            return False
        if any(
            found.overlaps(other.span) and not self._side_by_side(entry, found, other)
            for other in self.other_items
        ):
            return True
        year = year_of(entry.start)
        names = squashed_names(_names(entry, self.section))
        shaped = self._kind_problem(entry) is None
        holding = [
            held
            for held in self.elsewhere
            if found.overlaps(held.span)
            and (held.year == year or (not held.year and names <= held.names))
            and (held.backed or not shaped)
        ]
        if holding and all(held.silent for held in holding) and self._degree_named(entry):
            # A degree the model read, named with a degree's or a school's word, at the lines of
            # a rules' item of a section the model read nothing of (a "Classes préparatoires"
            # entry read as a project): the model's reading is the only one that names what
            # the lines are, so its entry stays here and the rules' item is asked there.
            self.claiming[entry.id] = [held.span for held in holding]
            return False
        return bool(holding)

    def _side_by_side(self, entry: Entry, found: Span, other: Held) -> bool:
        """The entry shares lines with another section's item only as the other column of a
        line of two ("Kerala University | 2008<TAB>Cluster HR Manager"): on every shared line
        naming either, a tab parts the two items' names into different cells, and one such
        line names both."""
        mine = [name for name in map(squash, _names(entry, self.section)) if name]
        first, last = max(found.first, other.span.first), min(found.last, other.span.last)
        apart = False
        for line in range(first, last + 1):
            cells = [squash(cell) for cell in self.source.raw[line].split("\t")]
            theirs = {i for i, cell in enumerate(cells) if any(n in cell for n in other.names)}
            ours = {i for i, cell in enumerate(cells) if any(n in cell for n in mine)}
            if (theirs or ours) and (len(cells) < 2 or theirs & ours):
                return False
            apart = apart or bool(theirs and ours)
        return apart

    def _degree_named(self, entry: Entry) -> bool:
        return self.section == "education" and self._field_worded(entry)

    def _field_worded(self, entry: Entry) -> bool:
        """An education entry named with a degree's or a school's word (field_word)."""
        return any(map(field_word, _names(entry, self.section), NAMES[self.section]))

    def _kind_problem(self, entry: Entry) -> str | None:
        """Why an entry is not of this section's kind by its names (a degree, a talk, a score
        read as a job), a name left out allowed; None for the other sections."""
        if self.section != "experience":
            return None
        return kind_problem(*_names(entry, self.section))

    def rules_doubt(self, entry: Entry) -> str | None:
        """Why a rules-only entry is not taken as it is, or None."""
        found = self.heading(entry)
        if found is not None and any(found.overlaps(other) for other in self.others):
            return "other_section"
        if self.section == "education":
            return self._degree_doubt(entry, found)
        if self.section != "experience":
            return None
        names = _names(entry, self.section)
        problem = job_shape_problem(*names)
        # A list of topics as the employer ("PSC1, SOLIDAR 1 & 2, maraudes") is no job's
        # own evidence.
        if problem is None and is_task_list(names[1]):
            problem = "task_list"
        if problem is None and self._degree_work(entry):
            return "other_section"  # a thesis or a project of the degree the model read there
        if problem is None and any(squash(n) in self.header for n in names):
            return "header"  # the candidate's own name read as the employer
        if problem is None and found is not None and self._passed_over(found, entry):
            return "model_silent"
        return problem

    def _degree_doubt(self, entry: Entry, found: Span | None) -> str | None:
        """A rules-only degree that is a sentence or a contact line, or, where the model read
        degrees of the section and at least as many as the rules read named like one, one named
        with neither a degree's nor a school's word (a job's line, a course's topic, a date):
        asked, not kept. Where it stands does not matter: a line after the model's last degree
        is as often the next section's (a job, a certificate) as a degree the model missed."""
        names = [n for n in _names(entry, self.section) if n.strip()]
        if any(is_prose(n) or value_kind(n) in CONTACT_KINDS for n in names):
            return "prose"
        worded = any(map(field_word, _names(entry, self.section), NAMES[self.section]))
        if worded or found is None or not self.thorough:
            return None
        return "model_silent" if self.read else None

    def _misread(self, entry: Entry) -> bool:
        """A rules entry that is no job by its shape (a talk, a fragment, a degree's thesis) or
        whose names are not shaped like their fields (a rank as the employer): it has no say
        in the section's layout."""
        names = _names(entry, self.section)
        unshaped = not all(
            name_shaped(n, f) for n, f in zip(names, NAMES[self.section], strict=True)
        )
        return self._degree_work(entry) or unshaped or job_shape_problem(*names) is not None

    def _degree_work(self, entry: Entry) -> bool:
        """Dated exactly as a degree the model read, and titled with no job's word: a thesis or
        a project of that degree, not a job."""
        dated_as_degree = (entry.start, entry.end) in self.degree_dates
        return dated_as_degree and not title_score(_names(entry, self.section)[0])

    def shaped_count(self, entries: Sequence[Entry]) -> int:
        """How many of ``entries`` are shaped like an entry of the section (job_shape_problem,
        field_word)."""
        if self.section == "education":
            return sum(self._field_worded(e) for e in entries)
        if self.section != "experience":
            return len(entries)
        return sum(job_shape_problem(*_names(e, self.section)) is None for e in entries)

    def _passed_over(self, found: Span, entry: Entry) -> bool:
        """The model read this part of the section and left the entry out: its entries stand
        on both sides of the entry's lines (or one stands on them), it read at least as many
        entries as the rules read shaped like one (``thorough``), and the entry has no dates or
        names that carry neither a job's word nor an organisation's ("Thespian" / "A+
        Program"; capitals alone, "DEC", are no organisation's word). A weak model's silence is
        weak evidence: where it read fewer entries than the rules, or when the entry is dated
        and named like a job ("Sales assistant", "… S.A."), the entry stays; otherwise it is
        shown to the user, never dropped."""
        title, company = _names(entry, self.section)
        if not self.thorough:
            return False
        if entry.start and (title_score(title) or company_score(company) >= 1):
            return False
        before = any(span.last < found.first for span in self.read)
        after = any(span.first > found.last for span in self.read)
        return (before and after) or any(span.overlaps(found) for span in self.read)

    def lines_of(self, entry: Entry) -> list[str]:
        found = self.heading(entry)
        if found is None:
            return [" · ".join(v for v in (*_names(entry, self.section), entry.start or "") if v)]
        return [line.strip() for line in self.source.raw[found.first : found.last + 1]]

    # ---------------------------------------------------------------- bullets

    def place_bullets(self, entries: list[Any]) -> None:
        """Each bullet under the entry whose lines hold it (see the module's docstring)."""
        if self.section == "education":
            return
        headings = [self.heading(e) for e in entries]
        starts = sorted(s.first for s in [*headings, *self.others] if s is not None)
        for entry in entries:
            kept = []
            for bullet in entry.bullets:
                home = self._home(bullet, entry, entries, headings, starts)
                if home is None or home is entry:
                    kept.append(bullet)
                elif home is not False and norm(bullet) not in map(norm, home.bullets):
                    home.bullets.append(bullet)
            entry.bullets = kept

    def _home(
        self, bullet: str, owner: Any, entries: list[Any], headings: list[Span | None],
        starts: list[int],
    ) -> Any:  # fmt: skip
        """The entry whose lines hold the bullet; False: it is another entry's heading line
        (dropped); None: not known (it stays)."""
        found = self.source.lines_quoting(bullet)
        if len(found) != 1:
            return None
        line = found[0]
        for entry, span in zip(entries, headings, strict=True):
            if span is not None and span.first <= line <= span.last:
                return None if entry is owner else False
        homes = [
            entry
            for entry, span in zip(entries, headings, strict=True)
            if span is not None
            and span.last < line < next((s for s in starts if s > span.last), line + 1)
        ]
        return homes[0] if len(homes) == 1 else None
