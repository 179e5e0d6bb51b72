"""What our own reader makes of the CV, field by field, as an import reads it: the text of the
import's reader (app/lib/pdf_text.py) through the rule-based parser
(app/lib/parsing/cv_parser.py). Each field is traced to the lines it was read from
(app/lib/parsing/report/report_provenance.py), so the page image lights them.

The findings: no experience or education section, a job whose title, employer or dates could
not be told apart, a name or a contact detail not found, a section heading that common readers
do not put on a line of its own, a heading no machine knows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from app.lib.ats_check.findings import PARTS, Finding
from app.lib.ats_check.layer_checks import reader_list
from app.lib.cv_content import CvContent, Education, Experience
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.report.report_provenance import provenance
from app.lib.parsing.sections.section_split import UNKNOWN, split_sections
from app.lib.pdf_read.source_boxes import SourceBox
from app.lib.text_forms import fold

MAX_ENTRY_FINDINGS = 8
MAX_FIELDS = 60
BULLETS = "•·-–—*:|"
SCHEME = re.compile(r"^(?:https?://)?(?:www\.)?", re.I)


@dataclass
class FieldRow:
    """One thing our reader found: ``key`` names it (``name``, ``experience``, ``section``…),
    ``values`` what it read, ``lines`` the indexes of the source boxes it came from."""

    key: str
    values: dict[str, Any]
    lines: list[int] = field(default_factory=list)


@dataclass
class FieldReading:
    rows: list[FieldRow] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _norm(text: str) -> str:
    return " ".join(fold(text).strip(BULLETS + " \t").split())


def _first_line_holding(boxes: list[SourceBox], value: str) -> list[int]:
    """The first source line holding ``value`` (contact lines are traced to no section); an
    address is looked for as printed, without its scheme."""
    wanted = _norm(SCHEME.sub("", value))
    found = next((i for i, box in enumerate(boxes) if wanted and wanted in _norm(box[5])), None)
    return [] if found is None else [found]


def _header_rows(content: CvContent, boxes: list[SourceBox]) -> list[FieldRow]:
    h = content.header
    found = {
        "name": h.name,
        "title": h.current_title,
        "email": h.contact.email,
        "phone": h.contact.phone,
        "location": h.contact.location,
    }
    rows = [
        FieldRow(key, {"text": value}, _first_line_holding(boxes, value))
        for key, value in found.items()
        if value
    ]
    rows += [
        FieldRow("link", {"text": link.url or link.label}, _first_line_holding(boxes, link.url))
        for link in h.links
    ]
    return rows


def _dated(title: str, org: str, item: Experience | Education) -> dict[str, Any]:
    """A job's or a degree's fields as the readers are asked for them (a degree's school is
    its "company")."""
    return {
        "title": title,
        "company": org,
        "location": item.location,
        "start": item.start or "",
        "end": item.end or "",
        "current": item.current,
    }


def _entry_rows(content: CvContent, lines: dict[str, list[int]]) -> list[FieldRow]:
    rows = []
    for job in content.experience:
        values = _dated(job.title, job.company, job)
        rows.append(FieldRow("experience", values, lines.get(f"experience:{job.id}", [])))
    for school in content.education:
        values = _dated(school.degree, school.institution, school)
        rows.append(FieldRow("education", values, lines.get(f"education:{school.id}", [])))
    if content.skills:
        skills = ", ".join(s.name for s in content.skills[:30])
        rows.append(FieldRow("skills", {"text": skills}, lines.get("skills", [])))
    if content.languages:
        spoken = ", ".join(" ".join((x.name, x.level)).strip() for x in content.languages)
        rows.append(FieldRow("languages", {"text": spoken}, lines.get("languages", [])))
    return rows


def _entry_findings(content: CvContent) -> list[Finding]:
    found = []
    for job in content.experience[:MAX_ENTRY_FINDINGS]:
        label = job.title or job.company or (job.bullets[0] if job.bullets else "")[:60] or "?"
        missing = [
            part
            for part, present in (
                ("title", job.title),
                ("company", job.company),
                ("dates", job.start or job.end),
            )
            if not present
        ]
        found += [
            Finding("entry_missing", None, {"missing": PARTS[part], "entry": label[:80]})
            for part in missing
        ]
    return found


def _heading_alone(heading: str, texts: dict[str, str]) -> list[str]:
    """The readers that read the heading, but not on a line of its own."""
    wanted = _norm(heading)
    joined = []
    for name, text in texts.items():
        lines = {_norm(line) for line in text.splitlines()}
        if wanted in lines or not any(wanted in line for line in lines):
            continue  # alone, or not read at all (other findings say why)
        joined.append(name)
    return joined


def _section_rows(
    text: str, boxes: list[SourceBox], texts: dict[str, str]
) -> tuple[list[FieldRow], list[Finding]]:
    _, sections = split_sections(text)
    rows, found = [], []
    for section in sections:
        heading = " ".join(section.heading.split())
        if not heading or "\t" in section.heading:
            continue  # a label beside its text (a table row), not a heading above a section
        lines = [i for i, box in enumerate(boxes) if _norm(box[5]) == _norm(heading)][:1]
        rows.append(FieldRow("section", {"text": heading, "kind": section.key}, lines))
        if section.key == UNKNOWN:
            found.append(Finding("unknown_heading", None, {"heading": heading[:60]}))
            continue
        joined = _heading_alone(heading, texts)
        if joined:
            values = {"heading": heading[:60], "readers": reader_list(joined)}
            found.append(Finding("heading_not_alone", None, values))
    return rows, found


def read_fields(text: str, boxes: list[SourceBox], texts: dict[str, str]) -> FieldReading:
    """``text`` and ``boxes``: the import's reading of the PDF; ``texts``: each extractor's text
    of the whole file, for the headings' test."""
    content = parse_cv_text(text).content
    found = provenance([box[5] for box in boxes], content).lines
    section_rows, section_findings = _section_rows(text, boxes, texts)
    reading = FieldReading(
        rows=[
            *_header_rows(content, boxes),
            *section_rows,
            *_entry_rows(content, found),
        ][:MAX_FIELDS]
    )
    if not content.experience and not content.education:
        reading.findings.append(Finding("no_sections"))
    if not content.header.name:
        reading.findings.append(Finding("name_missing"))
    for part in ("email", "phone"):
        if not getattr(content.header.contact, part):
            reading.findings.append(Finding("contact_missing", None, {"field": PARTS[part]}))
    reading.findings += _entry_findings(content) + section_findings
    return reading
