"""JSON shapes of the applications API: what it returns, and the bodies it reads by hand
(app/domain/applications/changes.py checks them)."""

from __future__ import annotations

from litestar.openapi.spec import Schema
from litestar.openapi.spec.enums import OpenAPIType
from msgspec import Struct

from app.db.models import (
    Application,
    ApplicationNote,
    ApplicationStatus,
    ApplicationStatusChange,
    JobOffer,
    SentDocument,
)
from app.domain.applications.changes import CONTACT_LIMITS, MAX_NOTE_CHARS
from app.domain.offers.services import display_title
from app.lib.html_time import html_datetime

_DATE = Schema(type=[OpenAPIType.STRING, OpenAPIType.NULL], format="date")  # type: ignore[arg-type]
_STATUS = Schema(type=OpenAPIType.STRING, enum=[str(s) for s in ApplicationStatus])

CREATE_BODY = {
    "application/json": Schema(
        type=OpenAPIType.OBJECT,
        required=["jobOfferId"],
        properties={"jobOfferId": Schema(type=OpenAPIType.STRING, description="One of yours")},
    )
}
UPDATE_BODY = {
    "application/json": Schema(
        type=OpenAPIType.OBJECT,
        description="The fields to change (any subset); an unknown field is refused. A status "
        "move is recorded in the history; with `version`, a stale one is refused (409)",
        additional_properties=False,
        properties={
            "status": _STATUS,
            "rating": Schema(type=[OpenAPIType.INTEGER, OpenAPIType.NULL], minimum=1, maximum=5),
            "followUpAt": _DATE,
            "appliedOn": _DATE,
            "contact": Schema(
                type=OpenAPIType.OBJECT,
                additional_properties=False,
                properties={
                    key: Schema(type=[OpenAPIType.STRING, OpenAPIType.NULL], max_length=limit)
                    for key, limit in CONTACT_LIMITS.items()
                },
            ),
            "sentCvFileId": Schema(
                type=OpenAPIType.STRING,
                description="Freeze this CV of yours as the one sent (a copy is kept)",
            ),
            "version": Schema(type=OpenAPIType.INTEGER, description="The version you read"),
        },
    )
}
NOTE_BODY = {
    "application/json": Schema(
        type=OpenAPIType.OBJECT,
        required=["body"],
        properties={
            "body": Schema(type=OpenAPIType.STRING, min_length=1, max_length=MAX_NOTE_CHARS)
        },
    )
}


class Contact(Struct):
    name: str
    email: str
    link: str


class NoteOut(Struct):
    id: str
    body: str
    createdAt: str


class MoveOut(Struct):
    fromStatus: str | None
    toStatus: str
    at: str
    deviceId: str | None


class SentDocumentOut(Struct):
    id: str
    kind: str
    sourceCvFileId: str | None
    filename: str
    design: str
    sentAt: str
    pdfUrl: str
    docxUrl: str


class ApplicationOut(Struct):
    id: str
    jobOfferId: str
    offerTitle: str
    company: str
    cvFileId: str | None
    status: str
    statusChangedAt: str
    rating: int | None
    followUpAt: str | None
    appliedOn: str | None
    interviewAt: str | None  # the interview an employer's reply announced (UTC, "…Z")
    contact: Contact
    version: int
    createdAt: str
    updatedAt: str


class ApplicationDetailOut(ApplicationOut):
    notes: list[NoteOut]
    history: list[MoveOut]
    sentDocuments: list[SentDocumentOut]


def _fields(application: Application, offer: JobOffer) -> dict[str, object]:
    return {
        "id": application.id,
        "jobOfferId": application.job_offer_id,
        "offerTitle": display_title(offer),
        "company": offer.company,
        "cvFileId": application.cv_file_id,
        "status": str(application.status),
        "statusChangedAt": application.status_changed_at.isoformat(),
        "rating": application.rating,
        "followUpAt": application.follow_up_at.isoformat() if application.follow_up_at else None,
        "appliedOn": application.applied_on.isoformat() if application.applied_on else None,
        "interviewAt": html_datetime(application.interview_at) or None,
        "contact": Contact(
            application.contact_name, application.contact_email, application.contact_link
        ),
        "version": application.version,
        "createdAt": application.created_at.isoformat(),
        "updatedAt": application.updated_at.isoformat(),
    }


def application_out(application: Application, offer: JobOffer) -> ApplicationOut:
    return ApplicationOut(**_fields(application, offer))  # type: ignore[arg-type]


def document_url(application_id: str, document: SentDocument, file_type: str = "pdf") -> str:
    """Where the frozen copy downloads, as ``pdf`` or ``docx``."""
    return f"/api/applications/{application_id}/documents/{document.id}/{file_type}"


def detail_out(
    application: Application,
    offer: JobOffer,
    notes: list[ApplicationNote],
    history: list[ApplicationStatusChange],
    documents: list[SentDocument],
) -> ApplicationDetailOut:
    return ApplicationDetailOut(
        **_fields(application, offer),  # type: ignore[arg-type]
        notes=[NoteOut(n.id, n.body, n.created_at.isoformat()) for n in notes],
        history=[
            MoveOut(m.from_status, m.to_status, m.at.isoformat(), m.device_id) for m in history
        ],
        sentDocuments=[
            SentDocumentOut(
                d.id,
                d.kind,
                d.source_cv_file_id,
                d.filename,
                d.design,
                d.sent_at.isoformat(),
                document_url(application.id, d),
                document_url(application.id, d, "docx"),
            )
            for d in documents
        ],
    )
