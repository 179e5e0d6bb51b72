"""What the import's reader checked, section by section, and how sure its all-clear is.

"Nothing to check" alone cannot tell "the reader looked and found nothing doubtful" from "it did
not look". So the report says, for each section, what the reader checks there, how many entries
it read, and a verdict: things to check (the open items about it, the same list every count
reads: app/domain/cvs/open_flags.py), nothing doubtful found and against what (the file's text,
or only the shape of a structured file's fields), or none found — less sure when part of the
file's text landed nowhere or was read badly, since that text may belong there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from app.lib.cv_content import EXTRA_GROUPS, CvContent
from app.lib.i18n import N_, gettext, ngettext

Level = Literal["to_check", "unsure", "clear", "none"]
SECTION_RE = re.compile(r"^(?P<section>[a-z_]+)")
READING = "reading"  # the file's text as a whole: lines placed nowhere, the PDF's text layer
EXTRAS = "extras"
EXTRA_LISTS = (*EXTRA_GROUPS, "interests")
# Groups about the whole reading, not one section: while one is open, no all-clear is sure.
READING_GROUPS = frozenset({"coverage", "text", "sections"})


@dataclass(frozen=True, slots=True)
class SectionChecks:
    key: str
    title: str
    checked: str  # what the reader checks in the section (report/, misreads/ detectors)
    always: bool  # shown even when empty: a CV is expected to have it


SECTIONS: tuple[SectionChecks, ...] = (
    SectionChecks("header", N_("Header"), N_(
        "Name, headline and contact details: a missing name or e-mail, a headline that reads "
        "as a place, a contact line, a heading or a sentence."), True),
    SectionChecks("summary", N_("Summary"), N_(
        "Header or contact lines read as the profile."), True),
    SectionChecks("experience", N_("Experience"), N_(
        "Titles, employers and dates; names cut in two, swapped, or holding a place, a "
        "sentence, a date or contact details; bullets split, piled on one job or belonging to "
        "another; one job read as two, two jobs read as one."), True),
    SectionChecks("education", N_("Education"), N_(
        "Schools, degrees and dates; names cut in two; a level read as a school, a job read as "
        "a degree."), True),
    SectionChecks("projects", N_("Projects"), N_(
        "Dates and names cut in two; projects that read as jobs."), False),
    SectionChecks("skills", N_("Skills"), N_(
        "Sentences, contact details or split lines read as skills; dated lines of another "
        "section."), True),
    SectionChecks("languages", N_("Languages"), N_(
        "Dated lines or headings of another section read as languages."), True),
    SectionChecks(EXTRAS, N_("Certifications, awards and other lists"), N_(
        "Dated lines or headings of another section read as items."), False),
    SectionChecks(READING, N_("The file's text"), N_(
        "Every line of the file placed in a section; sections whose heading is unknown; the "
        "PDF's text layer (letters printed twice or lost, columns read together)."), False),
)  # fmt: skip
BY_KEY = {spec.key: spec for spec in SECTIONS}


@dataclass(frozen=True, slots=True)
class SectionVerdict:
    key: str
    title: str  # in the reader's language, as ``checked`` and ``verdict``
    checked: str
    entries: int  # read into the section, as the content is now
    to_check: int  # open warnings about it
    level: Level
    verdict: str


def section_of(item: Mapping[str, Any]) -> str:
    """The section an item is about: its path's, the reading's for items about no field."""
    found = SECTION_RE.match(str(item.get("path") or ""))
    if str(item.get("group") or "") in READING_GROUPS or not found:
        return READING
    section = found["section"]
    if section == EXTRAS or section in EXTRA_LISTS:
        return EXTRAS
    return section if section in BY_KEY else READING


def _entries(key: str, content: CvContent) -> int:
    if key == "header":
        header = content.header
        values = (header.name, header.current_title, *header.contact.model_dump().values())
        return sum(1 for v in values if isinstance(v, str) and v.strip())
    if key == "summary":
        return int(bool(content.summary.strip()))
    if key == EXTRAS:
        extras = content.extras
        return sum(len(getattr(extras, group)) for group in EXTRA_LISTS)
    if key == READING:
        return 0
    return len(getattr(content, key))


def _verdict(
    spec: SectionChecks, entries: int, to_check: int, *, compared: bool, doubted: bool
) -> tuple[Level, str]:
    if to_check:
        words = ngettext("%(num)s thing to check.", "%(num)s things to check.", to_check)
        return "to_check", words
    if spec.key == READING:
        return "clear", gettext("Nothing doubtful found.")
    if not entries:
        if doubted:
            return "unsure", gettext(
                "None found, but some of the file's text was not read cleanly or is in no "
                "section (see the report): it may belong here."
            )
        return "none", gettext("None found in the file.")
    if doubted:
        return "unsure", gettext(
            "Nothing doubtful found here, but some of the file's text was not read cleanly "
            "or is in no section (see the report)."
        )
    if compared:
        return "clear", gettext("Nothing doubtful found; checked against the file's text.")
    return "clear", gettext(
        "Nothing doubtful found in the shape of its fields (no text of the file to compare "
        "them with)."
    )


def checked_sections(
    stored: Mapping[str, Any], content: CvContent, items: Iterable[Mapping[str, Any]]
) -> list[SectionVerdict]:
    """One verdict per section, from ``items``: the report's items open now (open_now)."""
    warnings: dict[str, int] = {}
    for item in items:
        if item.get("severity") == "warning":
            key = section_of(item)
            warnings[key] = warnings.get(key, 0) + 1
    # The text the reader was given: a JSON Resume has none, only its fields' shapes are seen.
    compared = stored.get("placedShare") is not None
    doubted = warnings.get(READING, 0) > 0
    out = []
    for spec in SECTIONS:
        entries, to_check = _entries(spec.key, content), warnings.get(spec.key, 0)
        shown = spec.always or entries or to_check or (spec.key == READING and compared)
        if not shown:
            continue
        level, verdict = _verdict(spec, entries, to_check, compared=compared, doubted=doubted)
        out.append(
            SectionVerdict(
                spec.key, gettext(spec.title), gettext(spec.checked), entries, to_check, level,
                verdict,
            )
        )  # fmt: skip
    return out
