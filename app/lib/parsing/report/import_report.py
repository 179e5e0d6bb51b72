"""The import report: everything an import is unsure of, for the user to check.

Pure: given the structured CV, the source text and what the readers noticed on the way (the
PDF text layer's ``problems``, the parser's unrecognised sections and unplaced lines), it
returns a JSON-ready dict. Every item is stored as a code + English template + values
(app/lib/problems.py), so pages render it in the reader's language. Groups:

* ``entries``  — entries without company, title or dates, suspicious values
  (report_experience.py, report_entries.py), structural suspicions (report_suspicions.py),
  and the fields an LLM extraction's checks replaced or left out (verify_findings.py);
* ``text``     — problems of the PDF's text layer (doubled characters, junk glyphs…);
* ``sections`` — sections the parser did not recognise, with their lines;
* ``coverage`` — the source lines that landed nowhere in the CV (report_coverage.py).

Only ``warning`` items are "things to check"; ``info`` items say what was cleaned up.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from app.lib.cv_content import CvContent, Experience
from app.lib.i18n import N_
from app.lib.parsing.misreads.detect import misread_findings
from app.lib.parsing.misreads.lost_dates import lost_date_findings
from app.lib.parsing.report.report_coverage import coverage
from app.lib.parsing.report.report_entries import (
    education_checks,
    header_checks,
    list_section_checks,
)
from app.lib.parsing.report.report_experience import experience_checks
from app.lib.parsing.report.report_readings import reading_disagreements
from app.lib.parsing.report.report_suspicions import structure_suspicions
from app.lib.problems import problem
from app.lib.text_forms import fold

REPORT_VERSION = 1
MAX_UNPLACED_LINES = 200  # a whole lost page still fits; beyond that the CV needs re-typing
MAX_SECTION_SAMPLES = 30
GROUPS = ("entries", "sections", "coverage", "text")

# What the PDF reader fixed or could not fix (codes of ``PdfText.problems``). Cleaned-up
# furniture is information; text that may be wrong or in the wrong place is a thing to check.
TEXT_PROBLEMS: dict[str, tuple[str, str]] = {
    "doubled_chars": (
        "warning",
        N_("Characters printed twice (fake bold) were read once (places: %(count)s): check "
           "names and titles."),
    ),
    "junk_glyphs": (
        "info",
        N_("Unreadable symbols (icons, decorative fonts) removed from the text: %(count)s."),
    ),
    "page_furniture": (
        "info",
        N_("Page headers, footers and page numbers left out: %(count)s."),
    ),
    "clipped_text": (
        "warning",
        N_("Some text is cut off by the page or a box (places: %(count)s): check that nothing "
           "is missing."),
    ),
    "glued_words": (
        "warning",
        N_("Words printed without spaces were split (places: %(count)s): check the spelling "
           "of the fields."),
    ),
    "guessed_glyphs": (
        "warning",
        N_("Letters the PDF had lost (ligatures such as “fi”) were restored from the words "
           "around them (places: %(count)s): check the spelling."),
    ),
    "bad_glyph_widths": (
        "warning",
        N_("Letters the PDF gives wrong widths were re-spaced (letters: %(count)s): check that "
           "words are split right."),
    ),
    "interleaved_columns": (
        "warning",
        N_("Columns of the page were read mixed together in places (%(count)s): check which "
           "job each line belongs to."),
    ),
}  # fmt: skip
UNKNOWN_TEXT_PROBLEM = N_("The PDF's text layer has a problem (%(problem)s; places: %(count)s).")


def _grouped(item: dict[str, Any], group: str) -> dict[str, Any]:
    return item | {"group": group}


def text_layer_items(problems: Mapping[str, int]) -> list[dict[str, Any]]:
    out = []
    for code, count in sorted(problems.items()):
        if count <= 0:
            continue
        severity, template = TEXT_PROBLEMS.get(code, ("warning", UNKNOWN_TEXT_PROBLEM))
        values: dict[str, Any] = {"count": count}
        if code not in TEXT_PROBLEMS:
            values["problem"] = code
        out.append(_grouped(problem(f"text_{code}", template, severity, **values), "text"))
    return out


def section_items(unknown_sections: Iterable[tuple[str, list[str]]]) -> list[dict[str, Any]]:
    out = []
    for heading, lines in unknown_sections:
        kept = [line.strip() for line in lines if line.strip()]
        item = problem(
            "unknown_section",
            N_("The section “%(heading)s” was not recognised (lines: %(count)s): copy what "
               "matters into the right section."),
            "warning", heading=heading.strip(), count=len(kept),
        )  # fmt: skip
        out.append(_grouped(item, "sections") | {"samples": kept[:MAX_SECTION_SAMPLES]})
    return out


def inferred_items(inferred: Iterable[tuple[str, str]]) -> list[dict[str, Any]]:
    """Sections the import filed by their content: right most of the time, never silently."""
    return [
        _grouped(
            problem(
                "inferred_section",
                N_("The heading “%(heading)s” names no section the import knows; its dated "
                   "entries were read as work experience. Check them."),
                "warning", heading=heading.strip(),
            ),
            "sections",
        )
        for heading, key in inferred
        if key == "experience"
    ]  # fmt: skip


def build_import_report(
    content: CvContent,
    source_text: str | None,
    *,
    today: date,
    parser: str,
    text_problems: Mapping[str, int] | None = None,
    unknown_sections: Iterable[tuple[str, list[str]]] = (),
    parser_unplaced: Iterable[str] = (),
    extraction_findings: Iterable[Mapping[str, Any]] = (),
    inferred_sections: Iterable[tuple[str, str]] = (),
    repaired: Iterable[Mapping[str, Any]] = (),
    other_jobs: Sequence[Experience] = (),
) -> dict[str, Any]:
    """The report of one import. ``source_text`` is None when there is no text to compare
    with (a JSON Resume): then only the checks on the structure run. ``extraction_findings``
    are what checking an LLM's extraction changed, ``repaired`` what the misread repairs
    changed (app/lib/parsing/misreads/repair.py), both already report items. ``other_jobs``
    are a PDF's jobs as its other reading gives them (report_readings.py)."""
    unknown = [(heading, list(lines)) for heading, lines in unknown_sections]
    items = [dict(item) for item in extraction_findings] + [dict(item) for item in repaired]
    items += header_checks(content, source_text or "") + experience_checks(content, today)
    items += education_checks(content, today) + list_section_checks(content)
    items += structure_suspicions(content) + misread_findings(content, source_text)
    items += reading_disagreements(content, other_jobs)
    items += section_items(unknown) + inferred_items(inferred_sections)
    share: float | None = None
    unplaced: list[str] = []
    if source_text is not None:
        reported = frozenset(fold(" ".join(x.split())) for h, ls in unknown for x in [h, *ls])
        found = coverage(source_text, content, skip=reported)
        share = found.placed_share
        unplaced = found.unplaced
        seen = {fold(line) for line in unplaced}
        for line in parser_unplaced:
            line = " ".join(line.split())
            if line and fold(line) not in seen and fold(line) not in reported:
                unplaced.append(line)
                seen.add(fold(line))
    items += lost_date_findings(content, unplaced)
    if unplaced:
        percent = math.floor(100 * share) if share is not None else 0  # never "100 %" here
        item = problem(
            "unplaced_text",
            N_("Lines placed in no section: %(count)s (%(percent)s%% of the text was placed). "
               "They are listed below."),
            "warning", count=len(unplaced), percent=percent,
        )  # fmt: skip
        items.append(_grouped(item, "coverage"))
    items += text_layer_items(text_problems or {})
    return {
        "version": REPORT_VERSION,
        "parser": parser,
        "placedShare": None if share is None else round(share, 3),
        "unplaced": unplaced[:MAX_UNPLACED_LINES],
        "unplacedCount": len(unplaced),
        "items": items,
        "checks": things_to_check(items),
    }


def things_to_check(items: Iterable[Mapping[str, Any]]) -> int:
    return sum(1 for item in items if item.get("severity") == "warning")
