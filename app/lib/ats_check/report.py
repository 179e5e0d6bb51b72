"""The ATS check's report: everything found, as the JSON stored with the check and read back by
its page and its API.

    {"version", "pages", "readers", "failed", "verdict", "counts",
     "findings": [problem + advice, page, boxes], "agreement": [per page],
     "fields": [what our reader found, with the boxes of its lines], "links": [...],
     "boxes": [[page, x0, top, x1, bottom], ...]}

Boxes are listed once and named by their index, in fractions of their page. CPU-bound (the
parser, the word comparisons): the worker runs ``build_report`` in a thread.
"""

from __future__ import annotations

from typing import Any

from app.lib.ats_check.agreement import PageAgreement
from app.lib.ats_check.examination import Box, Examination
from app.lib.ats_check.field_checks import FieldReading, read_fields
from app.lib.ats_check.findings import Finding, verdict
from app.lib.ats_check.layer_checks import layer_findings
from app.lib.pdf_read.source_boxes import SourceBox

REPORT_VERSION = 1
SEVERITY_ORDER = {"error": 0, "warning": 1, "note": 2}
MAX_FINDINGS = 80


class Boxes:
    """The report's boxes, each listed once."""

    def __init__(self) -> None:
        self.listed: list[list[float]] = []
        self._index: dict[tuple[float, ...], int] = {}

    def add(self, page: int, box: Box) -> int:
        key = (float(page), *box)
        if key not in self._index:
            self._index[key] = len(self.listed)
            self.listed.append(list(key))
        return self._index[key]


def _agreement_json(agreed: PageAgreement, columns: int) -> dict[str, Any]:
    return {
        "page": agreed.page,
        "score": None if agreed.score is None else round(agreed.score, 3),
        "columns": columns,
        "counts": agreed.counts,
        "pairs": {pair: round(value, 3) for pair, value in agreed.pairs.items()},
        "differences": [
            {
                "first": d.first,
                "second": d.second,
                "firstWords": d.first_words,
                "secondWords": d.second_words,
            }
            for d in agreed.differences
        ],
    }


def _fields(reading: FieldReading, source: list[SourceBox], boxes: Boxes) -> list[dict[str, Any]]:
    return [
        {
            "key": row.key,
            "values": row.values,
            "boxes": [
                boxes.add(source[i][0], source[i][1:5]) for i in row.lines if i < len(source)
            ],
        }
        for row in reading.rows
    ]


def build_report(
    examination: Examination, text: str | None, source: list[SourceBox]
) -> dict[str, Any]:
    """``text`` and ``source``: the import reader's text and boxes (app/lib/pdf_text.py), or
    None when it found no text to read."""
    readers = examination.readers
    findings: list[Finding] = layer_findings(examination)
    boxes = Boxes()
    fields: list[dict[str, Any]] = []
    if text is not None:
        whole = {
            name: "\n".join(p.readers.get(name, "") for p in examination.pages) for name in readers
        }
        reading = read_fields(text, source, whole)
        findings += reading.findings
        fields = _fields(reading, source, boxes)
    findings.sort(key=lambda f: (SEVERITY_ORDER[f.severity], f.page or 0))
    stored = [
        f.as_json([boxes.add(page, box) for page, box in f.boxes]) for f in findings[:MAX_FINDINGS]
    ]
    counts = {level: sum(f["severity"] == level for f in stored) for level in SEVERITY_ORDER}
    return {
        "version": REPORT_VERSION,
        "pages": len(examination.pages),
        "readers": readers,
        "failed": examination.failed,
        "verdict": verdict(stored),
        "counts": counts,
        "findings": stored,
        "agreement": [_agreement_json(page.agreed, page.columns) for page in examination.pages],
        "fields": fields,
        "links": [
            {
                "page": page.number,
                "uri": link.uri,
                "text": link.text,
                "box": boxes.add(page.number, link.box),
            }
            for page in examination.pages
            for link in page.links
        ],
        "boxes": boxes.listed,
    }
