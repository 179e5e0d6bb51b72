"""The rule-based parser and the LLM check each other: when an LLM is configured, a CV is read
by both and merged entry by entry.

Each reader fails differently. The rules read fields well but miss entries whose layout they
do not know; a small model finds most entries but gets their fields wrong. So: where both
found an entry, the rules' reading stands and the model only fills what the rules left empty;
an entry only the model found is added (every value already held to the source text by
verify.py); an entry only the rules found stays. Where the two disagree on a name, and for each
entry only the model found, the import report says so next to the field, for the user to check.
Nothing is invented: every value comes from one of two readings of the same text, both checked
against it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from app.lib.cv_content import EXTRA_GROUPS, CvContent, Education, Experience, Project
from app.lib.parsing.entries.entry_checks import match_entries
from app.lib.parsing.model_import.verify_findings import llm_finding
from app.lib.parsing.report.report_coverage import PLACED_SHARE, keyed_bags, words
from app.lib.text_forms import squash

Entry = Experience | Education | Project
# Per dated section: its two name fields (title-like, organisation-like), compared and reported.
NAMES = {"experience": ("title", "company"), "education": ("degree", "institution"),
         "projects": ("name", "role")}  # fmt: skip
FILLED = ("location", "start", "end", "description", "url", "field")


@dataclass
class Merged:
    content: CvContent
    findings: list[dict[str, Any]] = field(default_factory=list)  # import-report items


def _differ(a: str, b: str) -> bool:
    """Two names that are not one reading of the other (equal, or one inside the other)."""
    x, y = squash(a), squash(b)
    return bool(x and y) and x not in y and y not in x


def _label(entry: Entry, names: tuple[str, str]) -> str:
    return next((v for v in (getattr(entry, n) for n in names) if v.strip()), "?")


def _bullets_known(entries: list[Any]) -> set[str]:
    return {squash(b) for entry in entries for b in getattr(entry, "bullets", [])}


def _fill(kept: Entry, other: Entry, known_bullets: set[str]) -> None:
    """``kept`` (the rules' entry) completed with what only ``other`` (the model's) has."""
    for name in FILLED:
        if hasattr(kept, name) and not getattr(kept, name) and getattr(other, name, None):
            setattr(kept, name, getattr(other, name))
    if isinstance(kept, Experience | Project) and isinstance(other, Experience | Project):
        # A bullet the rules filed under another entry stays there (the review flags piles).
        new = [b for b in other.bullets if squash(b) not in known_bullets]
        kept.bullets = [*kept.bullets, *new]
        known_bullets.update(squash(b) for b in new)
        have = {squash(s) for s in kept.skills}
        kept.skills = [*kept.skills, *(s for s in other.skills if squash(s) not in have)]


def _at(entries: list[Any], entry: Any) -> int:
    return next(i for i, other in enumerate(entries) if other is entry)


def _same_entry(model: Entry, rules: Entry, organisation: str) -> bool:
    """A pair the matcher made on a shared title alone is two jobs when their employers differ
    and so do their years ("Buyer, Acme, 2021" and "Buyer, Lumen, 2019")."""
    theirs, mine = getattr(model, organisation), getattr(rules, organisation)
    same_year = bool(model.start and rules.start and model.start[:4] == rules.start[:4])
    return same_year or not _differ(theirs, mine)


def _read_elsewhere(entry: Entry, names: tuple[str, str], placed: list[frozenset[str]]) -> bool:
    """The rules read this entry's names into one of their items (a degree, a project, an
    extra…): they did not miss it, they filed it otherwise, and it is not added twice."""
    named = set(words(" ".join(getattr(entry, n) for n in names)))
    return bool(named) and any(len(named & bag) >= PLACED_SHARE * len(named) for bag in placed)


def _section(
    section: str, rules: list[Any], model: list[Any], placed: list[frozenset[str]]
) -> tuple[list[Any], list[dict[str, Any]]]:
    names = NAMES[section]
    keys = [(getattr(e, names[0]), getattr(e, names[1]), e.start) for e in model]
    rule_keys = [(getattr(e, names[0]), getattr(e, names[1]), e.start) for e in rules]
    twins = [
        twin if twin is not None and _same_entry(entry, rules[twin], names[1]) else None
        for entry, twin in zip(model, match_entries(keys, rule_keys), strict=True)
    ]
    merged = [entry.model_copy(deep=True) for entry in rules]
    known = _bullets_known(merged)
    disagreements: list[tuple[Entry, str, str]] = []
    only_model: list[Entry] = []
    after = -1  # where the model's previous entry stands in ``merged``: the order of the text
    for entry, twin in zip(model, twins, strict=True):
        if twin is None and _read_elsewhere(entry, names, placed):
            continue
        if twin is None:
            only_model.append(entry)
            merged.insert(after + 1, entry)
            after += 1
            known |= _bullets_known([entry])
            continue
        kept = next(e for e in merged if e.id == rules[twin].id)
        after = _at(merged, kept)
        for name in names:
            mine, theirs = getattr(kept, name), getattr(entry, name)
            if not mine and theirs:
                setattr(kept, name, theirs)
            elif _differ(mine, theirs):
                disagreements.append((kept, name, theirs))
        _fill(kept, entry, known)
    findings = []
    for entry, name, theirs in disagreements:
        at = f"{section}[{_at(merged, entry)}].{name}"
        findings.append(
            llm_finding("import_readings_differ", at, entry.id, getattr(entry, name),
                        label=_label(entry, names), value=getattr(entry, name), other=theirs)
        )  # fmt: skip
    for entry in only_model:
        name = names[0] if getattr(entry, names[0]) else names[1]
        at = f"{section}[{_at(merged, entry)}].{name}"
        findings.append(
            llm_finding("import_model_only", at, entry.id, getattr(entry, name),
                        label=_label(entry, names))
        )  # fmt: skip
    return merged, findings


def _union(mine: list[Any], theirs: list[Any], key: str | None = "name") -> list[Any]:
    seen = {squash(getattr(x, key) if key else x) for x in mine}
    out = list(mine)
    for item in theirs:
        folded = squash(getattr(item, key) if key else item)
        if folded and folded not in seen:
            seen.add(folded)
            out.append(item)
    return out


def merge_readings(
    rules: CvContent, model: CvContent, model_findings: Sequence[dict[str, Any]] = ()
) -> Merged:
    """One CV from the rules' reading and the model's (already checked against the source);
    ``model_findings``: what those checks changed, kept for the model's entries that remain
    (an entry the rules also read is the rules' now: what the model got wrong there is moot)."""
    out = rules.model_copy(deep=True)
    findings: list[dict[str, Any]] = []
    # Where the rules put text: every item but the header and the summary (a summary naming an
    # employer does not make a job of it).
    placed = [bag for key, bag in keyed_bags(rules) if key not in ("header", "summary")]
    for section in NAMES:
        rules_entries, model_entries = getattr(rules, section), getattr(model, section)
        entries, found = _section(section, rules_entries, model_entries, placed)
        setattr(out, section, entries)
        findings += found
    header, theirs = out.header, model.header
    for name in ("name", "current_title"):
        if not getattr(header, name):
            setattr(header, name, getattr(theirs, name))
    for name in ("email", "phone", "location"):
        if not getattr(header.contact, name):
            setattr(header.contact, name, getattr(theirs.contact, name))
    header.links = _union(header.links, theirs.links, "url")
    out.summary = out.summary or model.summary
    out.skills = _union(out.skills, model.skills)
    out.languages = _union(out.languages, model.languages)
    for group in EXTRA_GROUPS:
        setattr(out.extras, group, _union(getattr(out.extras, group), getattr(model.extras, group)))
    out.extras.interests = _union(out.extras.interests, model.extras.interests, None)
    kept_ids = {e.id for section in NAMES for e in getattr(out, section)}
    mine = [f for f in model_findings if not f.get("itemId") or f.get("itemId") in kept_ids]
    return Merged(out, mine + findings)
