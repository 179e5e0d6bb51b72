"""JSON shapes of the CV API (camelCase, as the rest of the API)."""

from __future__ import annotations

from typing import Annotated, Any

from litestar.openapi.spec import Schema
from litestar.openapi.spec.enums import OpenAPIType
from msgspec import Meta, Struct

from app.db.models import BackgroundTask, CvFile, CvVersion
from app.domain.cvs.intake import MAX_TEXT_CHARS, MIN_TEXT_CHARS
from app.domain.cvs.open_flags import open_now
from app.domain.cvs.report_checked import checked_sections
from app.domain.cvs.services import display_name
from app.lib.cv_limits_cut import shown_content
from app.lib.input_errors import stored_message
from app.lib.openapi import UPLOAD_LIMIT, file_upload_schema, pasted_text_schema
from app.lib.parsing.formats.json_resume import TOP_LEVEL_KEYS, JsonResume
from app.lib.row_out import row_out

_FILENAME = Schema(
    description="Name to keep for the CV (any JSON value, turned into text; optional)"
)
_TEXT_IMPORT = pasted_text_schema("The CV", MIN_TEXT_CHARS, MAX_TEXT_CHARS, filename=_FILENAME)
_JSON_RESUME = Schema(
    type=OpenAPIType.OBJECT,
    title="JSON Resume",
    description=f"A JSON Resume document (jsonresume.org, checked field by field), at most "
    f"{UPLOAD_LIMIT}; used when there is no 'text' field",
    any_of=[Schema(required=[key]) for key in sorted(TOP_LEVEL_KEYS)],
    properties={
        "basics": Schema(type=OpenAPIType.OBJECT),
        **{
            key: Schema(type=OpenAPIType.ARRAY, items=Schema(type=OpenAPIType.OBJECT))
            for key in sorted(set(JsonResume.model_fields) - {"basics"})
        },
        "filename": _FILENAME,
    },
)
CV_IMPORT_BODY = {
    "multipart/form-data": file_upload_schema(
        f"A PDF, a JSON Resume (.json) file or a picture of the CV (JPEG, PNG or WebP, read as a "
        f"scanned page), told apart by its content; not empty, at most {UPLOAD_LIMIT}"
    ),
    "application/json": Schema(any_of=[_TEXT_IMPORT, _JSON_RESUME]),
}


class ImportAccepted(Struct):
    id: str
    taskId: str | None
    duplicate: bool
    extractionStatus: str


class TextImport(Struct):
    text: str
    filename: str = ""


class CvUpdate(Struct):
    content: dict[str, Any]
    filename: str | None = None
    # The CV's version the content was read at (``version`` of GET, or its ETag in If-Match):
    # from an older one, 409 ``cv.changed_elsewhere`` and nothing saved. Omitted: not checked.
    version: Annotated[int, Meta(ge=0)] | None = None


class CvSummary(Struct):
    id: str
    kind: str
    filename: str
    displayName: str
    extractionStatus: str
    language: str | None
    jobOfferId: str | None
    createdAt: str
    updatedAt: str


class VersionOut(Struct):
    id: str
    version: int
    createdBy: str
    createdAt: str


class ImportReportItem(Struct):
    """One thing the import is unsure of."""

    code: Annotated[
        str,
        Meta(
            description="Stable code: missing_title, missing_company, missing_dates, "
            "dates_reversed, future_date, title_sentence, company_is_place, company_has_date, "
            "duplicate_entry, missing_school, missing_name, missing_email, no_experience, "
            "dated_list_items, unknown_section, inferred_section, unplaced_text, "
            "text_<problem of the PDF text layer>; for a scan: text_ocr, text_ocr_doubts, "
            "text_vision; after an LLM import: llm_date_replaced, "
            "llm_date_dropped, llm_title_split, llm_title_replaced, llm_title_dropped, "
            "llm_description_repeated"
        ),
    ]
    group: Annotated[str, Meta(description="entries | sections | coverage | text")]
    severity: Annotated[str, Meta(description="warning (a thing to check) | info")]
    message: Annotated[str, Meta(description="English text; pages show it translated")]
    values: dict[str, Any]
    path: Annotated[
        str | None,
        Meta(description='The field it is about in "content", e.g. "experience[2].company"'),
    ] = None
    itemId: Annotated[str | None, Meta(description="The id of that list item")] = None
    samples: Annotated[list[str], Meta(description="Lines or items it is about")] = []


class CheckedSection(Struct):
    """What the reader checked in one section and its verdict (app/domain/cvs/report_checked.py),
    so a report with nothing to check says where the reader looked and against what."""

    section: Annotated[
        str,
        Meta(description="header | summary | experience | education | projects | skills | "
             "languages | extras | reading (the file's text as a whole)"),
    ]  # fmt: skip
    entries: Annotated[int, Meta(description="Entries (header: fields) read into it now")]
    toCheck: Annotated[int, Meta(description="Open warnings about it; they sum to checks")]
    level: Annotated[
        str,
        Meta(description="to_check | unsure (nothing found, but part of the file's text was "
             "read badly or placed nowhere) | clear (nothing doubtful found) | none (empty)"),
    ]  # fmt: skip
    compared: Annotated[
        bool, Meta(description="Checked against the file's text (false: a structured file)")
    ]


class ImportReport(Struct):
    """What the import is unsure of; null for CVs imported before reports existed."""

    parser: Annotated[str, Meta(description="rules | llm | json_resume")]
    checks: Annotated[int, Meta(description="Things to check: items of severity warning")]
    placedShare: Annotated[
        float | None,
        Meta(description="Share of the source text found in the content (null: no text)"),
    ]
    unplaced: Annotated[list[str], Meta(description="Source lines found nowhere in the content")]
    unplacedCount: int
    items: list[ImportReportItem]
    textSource: Annotated[
        str,
        Meta(description="How a PDF's text was read: text (its text layer) | ocr | vision"),
    ] = "text"
    checked: Annotated[
        list[CheckedSection], Meta(description="What the reader checked, section by section")
    ] = []


class CvDetail(Struct):
    id: str
    kind: str
    filename: str
    displayName: str
    extractionStatus: str
    extractionErrors: list[dict[str, Any]]
    language: str | None
    jobOfferId: str | None
    content: dict[str, Any]
    versions: list[VersionOut]
    taskId: str | None
    createdAt: str
    updatedAt: str
    importReport: ImportReport | None = None
    # The version ``content`` is at (also the ETag): send it back with a change (CvUpdate).
    version: int = 0


def summary_out(cv: CvFile) -> CvSummary:
    return row_out(CvSummary, cv, displayName=display_name(cv))


def problems_out(cv: CvFile) -> list[dict[str, Any]]:
    """Stored problems with their English message (the API's language)."""
    out = []
    for entry in cv.extraction_errors or []:
        if isinstance(entry, dict):
            message = str(entry.get("message") or stored_message(entry))
            out.append({k: v for k, v in entry.items() if k != "template"} | {"message": message})
    return out


def report_out(cv: CvFile) -> ImportReport | None:
    """The report as it stands now (app/domain/cvs/open_flags.py: fixed and dismissed items
    gone) in the API's shape (English messages, no templates)."""
    stored = cv.import_report
    if not isinstance(stored, dict):
        return None
    content = shown_content(cv.content)
    live = open_now(stored, content)
    items = [
        ImportReportItem(
            code=str(item.get("code", "")),
            group=str(item.get("group", "")),
            severity=str(item.get("severity", "warning")),
            message=str(item.get("message") or stored_message(item)),
            values=dict(item.get("values") or {}),
            path=item.get("path"),
            itemId=item.get("itemId"),
            samples=[str(s) for s in item.get("samples") or []],
        )
        for item in live
    ]
    return ImportReport(
        parser=str(stored.get("parser", "")),
        checks=sum(1 for item in live if item.get("severity") == "warning"),
        placedShare=stored.get("placedShare"),
        unplaced=[str(line) for line in stored.get("unplaced") or []],
        unplacedCount=int(stored.get("unplacedCount") or 0),
        textSource=str(stored.get("textSource") or "text"),
        items=items,
        checked=[
            row_out(
                CheckedSection,
                row,
                section=row.key,
                compared=stored.get("placedShare") is not None,
            )
            for row in checked_sections(stored, content, live)
        ],
    )


def detail_out(
    cv: CvFile, versions: list[CvVersion], task: BackgroundTask | None, version: int
) -> CvDetail:
    """``version``: the CV's version its content was read at (app/domain/cvs/editor_version.py
    reads the two in an order that never makes it newer than the content)."""
    return row_out(
        CvDetail,
        cv,
        displayName=display_name(cv),
        extractionErrors=problems_out(cv),
        content=cv.content or {},
        versions=[row_out(VersionOut, v) for v in versions],
        taskId=task.id if task else None,
        importReport=report_out(cv),
        version=version,
    )
