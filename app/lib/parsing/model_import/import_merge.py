"""The rule-based parser and the LLM check each other: when an LLM is configured, a CV is read
by both and merged entry by entry.

Each reader fails differently: the rules misread layouts they do not know (a bullet as an
employer, a talk as a job, four jobs in one), a model invents, swaps and shifts. Neither is
trusted as such: per entry and per field, the reading the source supports better at the
entry's own lines wins (arbitration.py), the rules' on a tie, and the rules fill what the model
left out. What was decided against a reader is reported next to the field; an entry only one
reader found that the source does not clearly support is shown for the user to confirm
(import_unconfirmed_entry), never added silently; one whose names the source writes together
but whose dates stand apart is added with its dates asked about (import_model_dates_apart).
Nothing is invented: every value comes from one of two readings of the same text, both checked
against it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import EXTRA_GROUPS, CvContent, Experience, Project
from app.lib.nested_strings import map_strings
from app.lib.parsing.entries.education_choice import choose_education
from app.lib.parsing.model_import.arbitration import (
    NAMES,
    Arbiter,
    Decision,
    Entry,
    Held,
    differ,
    place_heads,
    squashed_names,
    year_of,
)
from app.lib.parsing.model_import.evidence import SourceLines
from app.lib.parsing.model_import.field_arbitration import settle_fields
from app.lib.parsing.model_import.verify_findings import llm_finding
from app.lib.parsing.model_import.verify_source import norm
from app.lib.parsing.text.text import BIDI_BETWEEN_RE, BIDI_RE
from app.lib.text_forms import squash

MAX_SAMPLES = 3
WORD_RE = re.compile(r"\w+")


@dataclass
class Merged:
    content: CvContent
    findings: list[dict[str, Any]] = field(default_factory=list)  # import-report items


def _label(entry: Entry, names: tuple[str, str]) -> str:
    return next((v for v in (getattr(entry, n) for n in names) if v.strip()), "?")


def _fill_lists(kept: Entry, other: Entry, known_bullets: set[str]) -> None:
    if isinstance(kept, Experience | Project) and isinstance(other, Experience | Project):
        # A bullet the rules filed under another entry stays there (place_bullets decides).
        new = [b for b in other.bullets if norm(b) not in known_bullets]
        kept.bullets = [*kept.bullets, *new]
        known_bullets.update(norm(b) for b in new)
        have = {squash(s) for s in kept.skills}
        kept.skills = [*kept.skills, *(s for s in other.skills if squash(s) not in have)]


def _at(entries: list[Any], entry: Any) -> int:
    return next(i for i, other in enumerate(entries) if other is entry)


def _headings(source: SourceLines, content: CvContent, skip: str) -> list[tuple[str, Held]]:
    """Where ``content`` has items of sections other than ``skip``, and their years, each with
    its section (or extras group)."""
    found: list[tuple[str, Held]] = []
    for section, (first, second) in NAMES.items():
        if section == skip:
            continue
        for entry in getattr(content, section):
            names = (getattr(entry, first), getattr(entry, second))
            span = source.heading(names, (entry.start, entry.end))
            if span is not None:
                found.append((section, Held(span, year_of(entry.start), squashed_names(names))))
    for group in EXTRA_GROUPS:
        for item in getattr(content.extras, group):
            span = source.heading((item.name, item.issuer), (item.date,))
            if span is not None:
                held = squashed_names((item.name, item.issuer))
                found.append((group, Held(span, year_of(item.date), held)))
    return found


def _backed(rules: list[tuple[str, Held]], model: list[tuple[str, Held]]) -> list[Held]:
    """The rules' items of other sections, each marked ``backed`` unless the model read items
    of its section but none at its lines: such an item is doubted in its own section
    (Arbiter.rules_doubt) when the model read its lines as an entry of another."""
    read = {section for section, _ in model}
    out = []
    for section, held in rules:
        silent = section in NAMES and section not in read
        backed = (
            section not in NAMES
            or silent
            or any(theirs == section and held.span.overlaps(other.span) for theirs, other in model)
        )
        out.append(held._replace(backed=backed, silent=silent))
    return out


def _held_by(entry: Any, kept: list[Any], section: str) -> bool:
    """Another entry kept in the section has this one's first name (a title) and its start,
    written to the month: the same job read twice, once with another employer."""
    first = NAMES[section][0]
    title, start = squash(getattr(entry, first)), entry.start or ""
    if not title or len(start) <= len("2019"):
        return False
    return any(squash(getattr(e, first)) == title and e.start == start for e in kept)


def _piece_of(entry: Any, kept: list[Any], section: str) -> bool:
    """Every name of this entry is written inside the names of one entry kept in the section
    ("M'sila" / "Mohamed Boudiaf University" in "Master HR" / "Mohamed Boudiaf University,
    M'sila"), undated or dated as that entry or within its years: a piece of it, not an
    entry of its own (a second job at one employer has its own dates). Jobs are left to
    Arbiter.rules_doubt: a weak model's silence would make a real job, named like another, a
    piece of it."""
    if section == "experience":
        return False
    # A school's town and country after a comma are its place, not more of its name.
    names = [_words(n.split(",")[0]) for n in _names_of(entry, section) if squash(n)]
    return (
        bool(names)
        and all(names)
        and any(
            all(n in "\n".join(_words(x) for x in _names_of(e, section)) for n in names)
            and _dated_within(entry, e)
            for e in kept
        )
    )


def _same_years_named(entry: Any, kept: list[Any], section: str) -> bool:
    """A degree dated with the start and end years of one kept and named by one of its names,
    in either role ("Mines de Nancy" / "Grande Ecole", kept as "Master …" / "Mines de Nancy"):
    the same degree read again with its roles crossed or its school misread. Jobs are left
    to Arbiter.rules_doubt, as in _piece_of."""
    years = year_of(entry.start), year_of(entry.end)
    if section != "education" or not all(years):
        return False
    names = [n for n in _names_of(entry, section) if squash(n)]
    return any(
        (year_of(e.start), year_of(e.end)) == years
        and any(
            squash(other) and not differ(n, other) for n in names for other in _names_of(e, section)
        )
        for e in kept
    )


def _words(text: str) -> str:
    """The words of a name, its quotes and dashes aside."""
    return " ".join(WORD_RE.findall(squash(text)))


def _dated_within(entry: Any, whole: Any) -> bool:
    """``entry`` is undated, starts the year ``whole`` starts, or its years lie within
    ``whole``'s (the last year of a two-year degree read as an entry of its own)."""
    start, end = year_of(entry.start), year_of(entry.end or entry.start)
    if not start or start == year_of(whole.start):
        return True
    first, last = year_of(whole.start), year_of(whole.end)
    return bool(first and last) and first <= start <= end <= last


def _names_of(entry: Any, section: str) -> tuple[str, str]:
    first, second = NAMES[section]
    return getattr(entry, first), getattr(entry, second)


def _section(
    section: str, source: SourceLines, rules: CvContent, model: CvContent
) -> tuple[list[Any], Arbiter]:
    rules_entries, model_entries = getattr(rules, section), getattr(model, section)
    model_items = _headings(source, model, section)
    elsewhere = _backed(_headings(source, rules, section), model_items)
    arbiter = Arbiter(source, section, [held for _, held in model_items], elsewhere)
    contact = rules.header.contact
    arbiter.header = {squash(v) for v in (rules.header.name, model.header.name, contact.email,
                                          contact.location) if v}  # fmt: skip
    located = [*rules_entries, *model_entries]
    arbiter.degree_dates = {(e.start, e.end) for e in model.education if e.start and e.end}
    arbiter.places = place_heads(
        [contact.location, model.header.contact.location]
        + [str(getattr(e, "location", "") or "") for e in located]
    )
    names = {rules.header.name, model.header.name} - {""}
    arbiter.name_lines = sorted({i for name in names for i in source.name_lines(name)})
    model_entries = arbiter.set_roles(rules_entries, model_entries)
    twins = arbiter.pairs(rules_entries, model_entries)
    arbiter.realign(rules_entries, model_entries, twins)
    arbiter.model_alone = [e for e, t in zip(model_entries, twins, strict=True) if t is None]
    merged = [entry.model_copy(deep=True) for entry in rules_entries]
    known = {norm(b) for entry in merged for b in getattr(entry, "bullets", [])}
    after = -1  # where the model's previous entry stands in ``merged``: the order of the text
    for entry, twin in zip(model_entries, twins, strict=True):
        if twin is None:
            if arbiter.held_elsewhere(entry):
                continue
            placed = arbiter.earns_place(entry)
            if not placed and not arbiter.named_together(entry):
                arbiter.decisions.append(
                    Decision("model_unconfirmed", entry, lines=arbiter.lines_of(entry))
                )
                continue
            merged.insert(after + 1, entry)
            after += 1
            arbiter.claimed += arbiter.claiming.get(entry.id, [])
            known |= {norm(b) for b in getattr(entry, "bullets", [])}
            arbiter.decisions.append(
                # An undated entry has no dates to check: its fields are.
                Decision("model_only" if placed or not entry.start else "model_dates_apart", entry)
            )
            if entry.id in arbiter.swapped:
                arbiter.decisions.append(Decision("roles_swapped", entry))
            continue
        kept = next(e for e in merged if e.id == rules_entries[twin].id)
        after = _at(merged, kept)
        arbiter.settle(kept, entry)
        _fill_lists(kept, entry, known)
    arbiter.read = [span for entry in model_entries if (span := arbiter.heading(entry))]
    arbiter.thorough = len(model_entries) >= arbiter.shaped_count(rules_entries)
    paired = {rules_entries[t].id for t in twins if t is not None}
    alone = {e.id for e in rules_entries} - paired
    kept_ids = {e.id for e in merged} - alone  # the rules' paired entries and the model's added
    for entry in [e for e in merged if e.id in alone]:
        reason = arbiter.rules_doubt(entry) if model_entries else None
        kept = [e for e in merged if e.id in kept_ids]
        # "A piece of a kept entry" tells the user more than "the model did not read it".
        if reason in (None, "model_silent") and (
            _held_by(entry, kept, section)
            or _piece_of(entry, kept, section)
            or _same_years_named(entry, kept, section)
        ):
            reason = "duplicate"
        if reason is not None:
            merged.remove(entry)
            arbiter.decisions.append(
                Decision("rules_unconfirmed", entry, lines=arbiter.lines_of(entry), reason=reason)
            )
    arbiter.place_bullets(merged)
    return merged, arbiter


def _give_up_claimed(merged: dict[str, tuple[list[Any], Arbiter]], rules: CvContent) -> None:
    """The rules' items at lines a model's entry of another section took over
    (Arbiter.claimed) leave their section and are asked: the lines are read once."""
    for section, (entries, arbiter) in merged.items():
        claimed = [
            span for other, (_, a) in merged.items() if other != section for span in a.claimed
        ]
        if not claimed:
            continue
        ours = {e.id for e in getattr(rules, section)}
        for entry in [e for e in entries if e.id in ours]:
            found = arbiter.heading(entry)
            if found is not None and any(found.overlaps(span) for span in claimed):
                entries.remove(entry)
                arbiter.decisions.append(
                    Decision("rules_unconfirmed", entry, lines=arbiter.lines_of(entry),
                             reason="other_section")
                )  # fmt: skip


def _findings(section: str, merged: list[Any], decisions: list[Decision]) -> list[dict[str, Any]]:
    names = NAMES[section]
    findings = []
    for d in decisions:
        label = _label(d.entry, names)
        if d.kind in ("differ", "model_won"):
            code = "import_readings_differ" if d.kind == "differ" else "import_model_reading_kept"
            at = f"{section}[{_at(merged, d.entry)}].{d.name}"
            value = getattr(d.entry, d.name)
            findings.append(llm_finding(code, at, d.entry.id, value, label=label, value=value,
                                        other=d.other))  # fmt: skip
        elif d.kind == "roles_swapped":
            first, second = (getattr(d.entry, n) for n in names)
            findings.append(
                llm_finding("import_roles_swapped", f"{section}[{_at(merged, d.entry)}].{names[0]}",
                            d.entry.id, first, label=label, value=second, other=first)
            )  # fmt: skip
        elif d.kind == "model_only":
            name = names[0] if getattr(d.entry, names[0]) else names[1]
            at = f"{section}[{_at(merged, d.entry)}].{name}"
            findings.append(
                llm_finding("import_model_only", at, d.entry.id, getattr(d.entry, name),
                            label=label)
            )  # fmt: skip
        elif d.kind == "model_dates_apart":
            at = f"{section}[{_at(merged, d.entry)}].start"
            dates = " – ".join(v for v in (d.entry.start, d.entry.end) if v)
            findings.append(
                llm_finding("import_model_dates_apart", at, d.entry.id, d.entry.start,
                            label=label, value=dates)
            )  # fmt: skip
        else:
            reader = "model" if d.kind == "model_unconfirmed" else "rules"
            finding = llm_finding("import_unconfirmed_entry", section, "", None, label=label,
                                  reader=reader)  # fmt: skip
            findings.append(finding | {"itemId": None, "samples": d.lines[:MAX_SAMPLES],
                                       "reason": d.reason or "no_evidence"})  # fmt: skip
    return findings


def _union(mine: list[Any], theirs: list[Any], key: str | None = "name") -> list[Any]:
    seen = {squash(getattr(x, key) if key else x) for x in mine}
    out = list(mine)
    for item in theirs:
        folded = squash(getattr(item, key) if key else item)
        if folded and folded not in seen:
            seen.add(folded)
            out.append(item)
    return out


def without_marks(text: str) -> str:
    """``text`` without the bidi marks that wrap each word of text copied from a
    right-to-left-aware viewer ("\u202dWord\u202c\u202dNext\u202c"), the space between two runs
    kept: as the rules read it (parsing/text/text.py), so both readings and the source compare
    word for word. A model quotes the marks too; they draw nothing and stay out of the CV."""
    if not BIDI_RE.search(text):
        return text
    return BIDI_RE.sub("", BIDI_BETWEEN_RE.sub(" ", text))


def _education_by_shape(
    out: CvContent, model: CvContent, findings: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The model's education section where its entries hold together better than the merged
    one's, by the test the two readings of a PDF are chosen by (education_choice.py): the
    entry-by-entry merge keeps the rules' cut or crossed names on a tie, and a section whose
    entries do not hold together is the sign of it. A merged entry the model's section does
    not hold, whole or as a piece, is asked, not dropped silently; the merge's findings on the
    replaced section go with it."""
    chosen = choose_education(out, model, fewer_broken=True)
    if chosen is None:
        return findings
    section = [entry.model_copy(deep=True) for entry in chosen]
    asked = [
        entry
        for entry in out.education
        if not _held_by(entry, section, "education") and not _piece_of(entry, section, "education")
    ]
    out.education = section
    kept = [f for f in findings if not str(f.get("path", "")).startswith("education")]
    decisions = [Decision("rules_unconfirmed", entry, reason="section_replaced") for entry in asked]
    return kept + _findings("education", section, decisions)


def merge_readings(
    rules: CvContent,
    model: CvContent,
    model_findings: Sequence[dict[str, Any]] = (),
    source_text: str = "",
) -> Merged:
    """One CV from the rules' reading and the model's (already checked against the source),
    arbitrated against ``source_text``; ``model_findings``: what those checks changed, kept for
    the model's entries that remain (an entry the rules also read is the rules' now)."""
    out = rules.model_copy(deep=True)
    findings: list[dict[str, Any]] = []
    model = CvContent.model_validate(map_strings(model.model_dump(), without_marks))
    source = SourceLines(without_marks(source_text))
    merged = {section: _section(section, source, rules, model) for section in NAMES}
    _give_up_claimed(merged, rules)
    for section, (entries, arbiter) in merged.items():
        setattr(out, section, entries)
        findings += _findings(section, entries, arbiter.decisions)
    findings = _education_by_shape(out, model, findings)
    findings += settle_fields(out, rules, model, source)
    out.header.links = _union(out.header.links, model.header.links, "url")
    for group in EXTRA_GROUPS:
        setattr(out.extras, group, _union(getattr(out.extras, group), getattr(model.extras, group)))
    out.extras.interests = _union(out.extras.interests, model.extras.interests, None)
    kept_ids = {e.id for section in NAMES for e in getattr(out, section)}
    mine = [f for f in model_findings if not f.get("itemId") or f.get("itemId") in kept_ids]
    return Merged(out, mine + findings)
