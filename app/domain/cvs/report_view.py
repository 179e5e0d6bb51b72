"""The import report as the review page shows it: grouped items, the unplaced text, and flags
next to the fields the items name.

A flag follows its item by id (the user may have moved it) and disappears once the field no
longer holds the value the import left there: the user has checked it. What is still open, and
so every count and badge, comes from app/domain/cvs/open_flags.py: fixed, dismissed and
no-longer-true items are gone. CVs imported before reports existed have none; the page then
shows no report at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.db.models import CvFile
from app.domain.cvs.editor import SECTIONS
from app.domain.cvs.fixes import PlaceGroups, job_choices, place_targets
from app.domain.cvs.open_flags import checks_open, open_now
from app.domain.cvs.report_checked import SectionVerdict, checked_sections
from app.lib.cv_content import CvContent
from app.lib.cv_limits_cut import shown_content
from app.lib.i18n import N_, gettext, ngettext
from app.lib.parsing.report.report_live import asks_first, item_key, unplaced_now
from app.lib.pdf_read.hidden_words import HIDDEN_OTHER, HIDDEN_REASONS

GROUP_TITLES = {
    "entries": N_("Entries to check"),
    "sections": N_("Sections that were not recognised"),
    "coverage": N_("Text placed in no section"),
    "text": N_("Reading the PDF"),
}
PATH_RE = re.compile(
    r"^(?P<section>[a-z_]+)(?:\.(?P<sub>[a-z_]+))?(?:\[(?P<index>\d+)\])?(?:\.(?P<field>[\w.]+))?$"
)
LIST_SECTIONS = {"experience", "projects", "education"}
SAME_KIND_SHOWN = 3


@dataclass
class ReportLine:
    text: str
    severity: str
    code: str
    samples: list[str]
    section: str | None  # the editor section it points at (for the link)
    key: str = ""  # for dismissing it (report_live.item_key); "" for summary lines
    major: bool = False  # makes the generate form ask first
    item_id: str = ""  # the entry it is about, for the fix form next to it
    values: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReportView:
    checks: int
    placed_percent: int | None
    groups: list[tuple[str, list[ReportLine]]]
    unplaced: list[str]
    unplaced_hidden: int  # lines beyond those stored
    flags: dict[str, list[str]] = field(default_factory=dict)
    jobs: list[tuple[str, str]] = field(default_factory=list)  # (id, label): fix forms' targets
    places: PlaceGroups = field(default_factory=list)  # where an unplaced line may go, grouped
    # What the reader checked per section and its verdict: an all-clear says what it covers.
    checked: list[SectionVerdict] = field(default_factory=list)


def hidden_reason(stored: object) -> str:
    """The reason of a hidden-text warning in the page's language: reports keep the English
    words (older ones the reader's code, "covered"), translated here like UI text."""
    text = str(stored or "")
    phrase = HIDDEN_REASONS.get(text, text) if text else HIDDEN_OTHER
    if phrase not in HIDDEN_REASONS.values():
        phrase = HIDDEN_OTHER
    return gettext(phrase)


def report_message(item: dict[str, Any]) -> str:
    """The item in the page's language. Unlike other stored messages, its values are the CV's
    own words (titles, headings) and are never looked up in the catalogue."""
    template = str(item.get("template") or item.get("message") or "")
    values = item.get("values") or {}
    if item.get("code") == "hidden_text":
        values = {**values, "reason": hidden_reason(values.get("reason"))}
    try:
        return gettext(template, **values) if values else gettext(template)
    except (KeyError, TypeError, ValueError):
        return str(item.get("message") or template)


def _field_value(entry: Any, name: str) -> str:
    value = getattr(entry, name, None)
    return "" if value is None else str(value)


def flag_key(item: dict[str, Any], content: CvContent) -> tuple[str, str] | None:
    """(editor section, form key) of the field the item names, or None when it names none,
    the item is gone or the user changed the field since the import."""
    found = PATH_RE.match(str(item.get("path") or ""))
    if not found:
        return None
    section, sub, index, name = found["section"], found["sub"], found["index"], found["field"]
    if section == "extras" and sub:
        section, sub = sub, None
    if section not in SECTIONS:
        return None
    leaf = name.rsplit(".", 1)[-1] if name else None
    recorded = item.get("value")
    if section == "header":
        leaf = leaf or sub or ""
        header = content.header
        current = getattr(header, leaf, None) or getattr(header.contact, leaf, "")
        if recorded is not None and str(current or "") != str(recorded):
            return None
        return section, leaf
    if section not in LIST_SECTIONS or index is None:
        added = isinstance(recorded, int) and section in LIST_SECTIONS
        if added and len(getattr(content, section)) != recorded:
            return None  # "no experience" and the user has added some
        return section, ""
    entries: list[Any] = getattr(content, section)
    wanted = item.get("itemId")
    position = next((i for i, e in enumerate(entries) if e.id == wanted), None)
    if position is None:
        return None
    if leaf is None:
        return section, f"items-{position}"
    if recorded is not None and _field_value(entries[position], leaf) != str(recorded):
        return None  # changed since the import: checked
    return section, f"items-{position}-{leaf}"


def _folded(lines: list[ReportLine]) -> list[ReportLine]:
    """Past ``SAME_KIND_SHOWN`` items of one kind, one line says how many more there are (each
    is still flagged next to its field): fifteen "has no school" lines hide the rest."""
    counts: dict[str, int] = {}
    out: list[ReportLine] = []
    for line in lines:
        counts[line.code] = counts.get(line.code, 0) + 1
        if counts[line.code] <= SAME_KIND_SHOWN:
            out.append(line)
    for code, count in counts.items():
        if count > SAME_KIND_SHOWN:
            more = count - SAME_KIND_SHOWN
            text = ngettext(
                "…and %(num)s more of the same kind, flagged next to its field.",
                "…and %(num)s more of the same kind, flagged next to their fields.",
                more,
            )
            last = max(i for i, line in enumerate(out) if line.code == code)
            out.insert(last + 1, ReportLine(text, out[last].severity, code, [], None))
    return out


def report_view(cv: CvFile, content: CvContent) -> ReportView | None:
    stored = cv.import_report
    if not isinstance(stored, dict):
        return None
    grouped: dict[str, list[ReportLine]] = {key: [] for key in GROUP_TITLES}
    flags: dict[str, list[str]] = {}
    items = open_now(stored, content)
    for item in items:
        text = report_message(item)
        where = flag_key(item, content)
        if where is not None:
            flags.setdefault(":".join(where), []).append(text)
        line = ReportLine(
            text=text,
            severity=str(item.get("severity") or "warning"),
            code=str(item.get("code") or ""),
            samples=[str(s) for s in item.get("samples") or []],
            section=where[0] if where else None,
            key=item_key(item),
            major=asks_first(item),
            item_id=str(item.get("itemId") or ""),
            values=dict(item.get("values") or {}),
        )
        grouped.setdefault(str(item.get("group") or "entries"), []).append(line)
    for key, lines in grouped.items():
        grouped[key] = _folded(lines)
    unplaced = unplaced_now(stored, content)
    stored_lines = stored.get("unplaced") or []
    places = place_targets(content)
    # The share placed follows the lines placed since the import (report_live._unplaced_item).
    lost = next((i for i in items if i.get("code") == "unplaced_text"), None)
    percent = (lost or {}).get("values", {}).get("percent")
    share = stored.get("placedShare")
    return ReportView(
        checks=sum(1 for item in items if item.get("severity") == "warning"),
        placed_percent=(
            None if share is None else int(percent) if lost else round(100 * float(share))
        ),
        groups=[(GROUP_TITLES.get(key, key), lines) for key, lines in grouped.items() if lines],
        unplaced=unplaced,
        # Beyond the lines stored (not beyond those left): the count beside the list is then
        # the one the "placed in no section" item says.
        unplaced_hidden=max(0, int(stored.get("unplacedCount") or 0) - len(stored_lines)),
        flags=flags,
        jobs=job_choices(content),
        places=places,
        checked=checked_sections(stored, content, items),
    )


def checks_now(cv: CvFile) -> int:
    """Things still to check in ``cv`` (its badge); 0 before an import finished."""
    if cv.extraction_status != "completed":
        return 0
    return checks_open(cv.import_report, shown_content(cv.content))
