"""JSON shapes of the ATS check API (camelCase, as the rest of the API). Findings carry their
stable ``code`` and ``values`` beside the message and advice written in the reader's language."""

from __future__ import annotations

from typing import Any

from litestar.openapi.spec import Schema
from litestar.openapi.spec.enums import OpenAPIType
from msgspec import Struct, structs

from app.db.models import AtsCheck
from app.domain.ats.view import check_view
from app.lib.openapi import UPLOAD_LIMIT, file_upload_schema
from app.lib.row_out import row_out

CHECK_BODY = {
    "multipart/form-data": file_upload_schema(
        f"The PDF to check (any PDF: yours, or one of ours); not empty, at most {UPLOAD_LIMIT}, "
        f"and at most as many pages as an import takes"
    ),
    "application/json": Schema(
        type=OpenAPIType.OBJECT,
        title="A tailored CV",
        required=["cvFileId"],
        properties={
            "cvFileId": Schema(
                type=OpenAPIType.STRING,
                description="One of your tailored CVs: its PDF as downloads render it",
            )
        },
    ),
}


class TailoredIn(Struct, forbid_unknown_fields=True):
    cvFileId: str


class CheckAccepted(Struct):
    id: str
    taskId: str | None
    status: str
    verdict: str | None


class CheckSummary(Struct):
    id: str
    filename: str
    cvFileId: str | None
    status: str
    verdict: str | None  # "pass" | "fix" once completed
    createdAt: str


class FindingOut(Struct):
    code: str
    severity: str  # "error" | "warning" | "note"
    message: str
    advice: str
    page: int | None
    values: dict[str, Any]
    boxes: list[list[float]]  # [page, x0, top, x1, bottom], fractions of the page


class CheckDetail(CheckSummary):
    """The summary's fields, then the report's."""

    pages: int
    error: str | None
    findings: list[FindingOut]
    readers: list[str]  # the extractors that read the file
    failedReaders: dict[str, str]  # extractor → why it gave no text ("missing": not installed)
    agreement: list[dict[str, Any]]  # per page: score, counts, pairs, differences
    fields: list[dict[str, Any]]  # what our reader found: key, values, boxes
    links: list[dict[str, Any]]


def accepted(check: AtsCheck) -> CheckAccepted:
    return CheckAccepted(check.id, check.background_task_id, check.status, check.verdict)


def summary_out(check: AtsCheck) -> CheckSummary:
    return row_out(CheckSummary, check)


def _boxes(report: dict[str, Any], indexes: Any) -> list[list[float]]:
    listed = report.get("boxes") or []
    return [list(listed[i]) for i in indexes or [] if isinstance(i, int) and 0 <= i < len(listed)]


def _link_box(report: dict[str, Any], link: dict[str, Any]) -> list[float] | None:
    boxes = _boxes(report, [link.get("box")])
    return boxes[0] if boxes else None


def detail_out(check: AtsCheck) -> CheckDetail:
    report = check.report or {}
    view = check_view(check)
    stored = [f for f in report.get("findings") or [] if isinstance(f, dict)]
    return CheckDetail(
        **structs.asdict(summary_out(check)),
        pages=view.pages,
        error=view.failure or None,
        findings=[
            row_out(
                FindingOut,
                shown,
                values=dict(raw.get("values") or {}),
                boxes=_boxes(report, raw.get("boxes")),
            )
            for shown, raw in zip(view.findings, stored, strict=True)
        ],
        readers=[str(r) for r in report.get("readers") or []],
        failedReaders={str(k): str(v) for k, v in dict(report.get("failed") or {}).items()},
        agreement=view.agreement,
        fields=[
            {**row, "boxes": _boxes(report, row.get("boxes"))}
            for row in report.get("fields") or []
            if isinstance(row, dict)
        ],
        links=[{**link, "box": _link_box(report, link)} for link in view.links],
    )
