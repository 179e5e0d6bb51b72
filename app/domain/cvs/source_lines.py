"""The source beside what was read, line by line: which lines of the uploaded file each section
and entry of the review page came from (app/lib/parsing/report/report_provenance.py), and where
those lines sit on the page images (the boxes the PDF reader stored with the import report).

The page draws a box over each piece of text; pointing at an entry lights its boxes, and the
lines placed nowhere are marked in another colour, each a link to the form that places it. A
pasted CV gets the same over its text. CVs imported before boxes were stored show the page
images without boxes. A scan read by OCR also gets its doubtful words outlined (the report's
``ocrDoubts``, app/lib/parsing/report/report_reading.py), each with the word OCR read as its title.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from app.db.models import CvFile
from app.domain.cvs.source_pages import has_pages, source_text
from app.lib.cv_content import CvContent
from app.lib.parsing.report.report_live import line_text
from app.lib.parsing.report.report_provenance import Provenance, provenance
from app.lib.pdf_read.source_boxes import parse_boxes
from app.lib.text_forms import fold

SCALE = 1000  # boxes are drawn in a 1000 × 1000 view box stretched over the page image


@dataclass(frozen=True)
class Box:
    index: int
    x: int
    y: int
    width: int
    height: int
    unplaced: bool
    anchor: str  # "#unplaced-N": the form placing this line; "" when there is none


@dataclass(frozen=True)
class Doubt:
    """A word OCR was unsure of, where it sits on its page (view-box units)."""

    x: int
    y: int
    width: int
    height: int
    text: str
    confidence: int


@dataclass(frozen=True)
class TextLine:
    index: int
    text: str
    unplaced: bool
    anchor: str


@dataclass
class SourceView:
    pages: dict[int, list[Box]] = field(default_factory=dict)  # PDF: page number → boxes
    text_lines: list[TextLine] = field(default_factory=list)  # pasted text, line by line
    found: Provenance = field(default_factory=Provenance)
    doubts: dict[int, list[Doubt]] = field(default_factory=dict)  # PDF page → OCR's doubts

    def section(self, key: str) -> str:
        """The source lines of a whole section, as the page's ``data-source-lines``."""
        return " ".join(str(i) for i in self.found.of_section(key))

    def item(self, section: str, item_id: str) -> str:
        return " ".join(str(i) for i in self.found.lines.get(f"{section}:{item_id}", []))


def _squashed(line: str) -> str:
    return " ".join(fold(line_text(line)).split())


def _anchors(lines: Sequence[str], unplaced: list[int], listed: list[str]) -> dict[int, str]:
    """Each unplaced source line → the report's form for the same line, when it lists one."""
    wanted = {_squashed(line): number for number, line in enumerate(listed)}
    anchors = {}
    for index in unplaced:
        number = wanted.get(_squashed(lines[index]))
        if number is None:  # a piece of a longer listed line (a cell of a table row)
            piece = _squashed(lines[index])
            number = next((n for text, n in wanted.items() if piece and piece in text), None)
        if number is not None:
            anchors[index] = f"#unplaced-{number}"
    return anchors


def _doubts(stored: dict[str, object]) -> dict[int, list[Doubt]]:
    out: dict[int, list[Doubt]] = {}
    raw = stored.get("ocrDoubts")
    for item in raw if isinstance(raw, list) else []:
        try:
            page, x0, top, x1, bottom, text, confidence = item
            box = Doubt(
                round(float(x0) * SCALE),
                round(float(top) * SCALE),
                max(1, round((float(x1) - float(x0)) * SCALE)),
                max(1, round((float(bottom) - float(top)) * SCALE)),
                str(text),
                int(confidence),
            )
        except (TypeError, ValueError):
            continue
        out.setdefault(int(page), []).append(box)
    return out


def source_view(cv: CvFile, content: CvContent, unplaced_listed: list[str]) -> SourceView:
    """The boxes (PDF) or lines (pasted text) of ``cv``'s source, traced to ``content``;
    ``unplaced_listed``: the report's unplaced lines, in the order their forms are shown."""
    pdf = has_pages(cv)
    stored = cv.import_report if isinstance(cv.import_report, dict) else {}
    boxes = parse_boxes(stored.get("sourceBoxes")) if pdf else []
    lines = [box[5] for box in boxes] if pdf else source_text(cv).splitlines()
    doubts = _doubts(stored) if pdf else {}
    if not lines:
        return SourceView(doubts=doubts)
    found = provenance(lines, content)
    anchors = _anchors(lines, found.unplaced, unplaced_listed)
    lost = set(found.unplaced)
    view = SourceView(found=found, doubts=doubts)
    if pdf:
        for index, (page, x0, top, x1, bottom, _) in enumerate(boxes):
            view.pages.setdefault(page, []).append(
                Box(
                    index,
                    round(x0 * SCALE),
                    round(top * SCALE),
                    max(1, round((x1 - x0) * SCALE)),
                    max(1, round((bottom - top) * SCALE)),
                    index in lost,
                    anchors.get(index, ""),
                )
            )
        return view
    view.text_lines = [
        TextLine(i, line, i in lost, anchors.get(i, "")) for i, line in enumerate(lines)
    ]
    return view
