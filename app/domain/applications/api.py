"""JSON API of the applications tracker: list, track an offer, read, change (status, rating,
follow-up, contact, the CV sent), the documents sent (PDF, Word), notes, delete, statistics, and
the follow-ups as .ics."""

from __future__ import annotations

from typing import Any

from litestar import Controller, Request, Response, delete, get, patch, post
from litestar.params import FromPath, FromQuery
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED
from sqlalchemy.ext.asyncio import AsyncSession

from app.domain.applications import services
from app.domain.applications.calendar import follow_ups_ics
from app.domain.applications.changes import changes_from_json, parse_note
from app.domain.applications.devices import recorded_device
from app.domain.applications.editing import Tracked
from app.domain.applications.schemas import (
    CREATE_BODY,
    NOTE_BODY,
    UPDATE_BODY,
    ApplicationDetailOut,
    ApplicationOut,
    NoteOut,
    application_out,
    detail_out,
)
from app.domain.applications.sent import SENT_FILES, SentFilesOf, download_name
from app.domain.applications.stats import statistics
from app.domain.offers import services as offers
from app.lib.dependencies import Db, SignedIn
from app.lib.docx_export import DOCX_MEDIA_TYPE
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.openapi import documented_body
from app.lib.paging import Paging, listed
from app.lib.private_download import private_download
from app.lib.web import json_body

# Litestar adds "; charset=utf-8" to a text/* type itself: naming it here sent it twice.
ICS_MEDIA_TYPE = "text/calendar"


class ApplicationApi(Controller):
    path = "/api/applications"
    tags = ["applications"]  # noqa: RUF012 - Litestar declares it as a plain attribute
    dependencies = SENT_FILES

    @get("/")
    async def list_applications(
        self, request: Request, user: SignedIn, db: Db, paging: Paging
    ) -> Response[list[ApplicationOut]]:
        page = await services.tracked_page(db, user.id, paging)
        return listed(request, page.map(lambda t: application_out(t.application, t.offer)))

    @post(
        "/",
        status_code=HTTP_201_CREATED,
        operation_class=documented_body("The offer to track", CREATE_BODY),
        description="201 with the new application; 200 with the existing one (one per offer).",
    )
    async def track(
        self, request: Request[Any, Any, Any], tracker: Tracked
    ) -> Response[ApplicationOut]:
        body = await json_body(request, code="application.invalid_json")
        offer_id = body.get("jobOfferId") if isinstance(body, dict) else None
        if not isinstance(offer_id, str) or not offer_id:
            raise InputError(
                N_('Send {"jobOfferId": "…"}: the id of one of your offers.'),
                code="application.invalid_body",
                where="jobOfferId",
            )
        application, created = await tracker.track(offer_id)
        offer = await offers.get_offer(tracker.db, tracker.user.id, application.job_offer_id)
        return Response(
            application_out(application, offer),
            status_code=HTTP_201_CREATED if created else HTTP_200_OK,
        )

    @get("/stats")
    async def stats(self, user: SignedIn, db: Db) -> dict[str, Any]:
        result = await statistics(db, user.id)
        return {
            "perStatus": result.per_status,
            "responseRate": result.response_rate,
            "medianDaysPerStatus": result.median_days,
        }

    @get("/{application_id:str}")
    async def read(
        self, user: SignedIn, db: Db, application_id: FromPath[str]
    ) -> ApplicationDetailOut:
        return await _detail(db, user.id, application_id)

    @patch(
        "/{application_id:str}",
        operation_class=documented_body("What to change", UPDATE_BODY),
    )
    async def update(
        self, request: Request[Any, Any, Any], tracker: Tracked, application_id: FromPath[str]
    ) -> ApplicationDetailOut:
        db, user_id = tracker.db, tracker.user.id
        await services.get_application(db, user_id, application_id)  # 404 before the body
        changes = changes_from_json(await json_body(request, code="application.invalid_json"))
        device = recorded_device(
            request.headers.get("user-agent"), request.headers.get("x-device-id")
        )
        await tracker.change(application_id, changes, device)
        return await _detail(db, user_id, application_id)

    @post(
        "/{application_id:str}/notes",
        status_code=HTTP_201_CREATED,
        operation_class=documented_body("The note", NOTE_BODY),
    )
    async def add_note(
        self, request: Request[Any, Any, Any], tracker: Tracked, application_id: FromPath[str]
    ) -> NoteOut:
        await services.get_application(tracker.db, tracker.user.id, application_id)  # 404 first
        body = await json_body(request, code="application.invalid_json")
        text = parse_note(body.get("body") if isinstance(body, dict) else None)
        note = await tracker.add_note(application_id, text)
        return NoteOut(note.id, note.body, note.created_at.isoformat())

    @get("/{application_id:str}/documents/{document_id:str}/pdf", media_type="application/pdf")
    async def sent_document_pdf(
        self,
        sent_files: SentFilesOf,
        application_id: FromPath[str],
        document_id: FromPath[str],
        inline: FromQuery[bool] = False,
    ) -> Response[bytes]:
        """The PDF of a CV as it was when marked sent (later edits of the CV do not show)."""
        document, pdf = await sent_files.pdf(application_id, document_id)
        return private_download(pdf, "application/pdf", download_name(document), inline=inline)

    @get("/{application_id:str}/documents/{document_id:str}/docx", media_type=DOCX_MEDIA_TYPE)
    async def sent_document_docx(
        self, sent_files: SentFilesOf, application_id: FromPath[str], document_id: FromPath[str]
    ) -> Response[bytes]:
        """The Word file of a CV as it was when marked sent (later edits of the CV do not show),
        trimmed like its PDF."""
        document, docx = await sent_files.docx(application_id, document_id)
        return private_download(docx, DOCX_MEDIA_TYPE, download_name(document, word=True))

    @delete("/{application_id:str}", status_code=HTTP_200_OK)
    async def remove(self, tracker: Tracked, application_id: FromPath[str]) -> dict[str, bool]:
        await tracker.delete(application_id)
        return {"success": True}


@get(
    "/api/applications.ics",
    tags=["applications"],
    media_type=ICS_MEDIA_TYPE,
    description="One all-day event per planned follow-up, for a calendar app.",
)
async def follow_ups_calendar(
    request: Request[Any, Any, Any], user: SignedIn, db: Db
) -> Response[bytes]:
    ics = follow_ups_ics(await services.list_tracked(db, user.id), base_url=str(request.base_url))
    return Response(
        ics,
        media_type=ICS_MEDIA_TYPE,
        headers={"content-disposition": 'attachment; filename="follow-ups.ics"'},
    )


async def _detail(db: AsyncSession, user_id: str, application_id: str) -> ApplicationDetailOut:
    application = await services.get_application(db, user_id, application_id)
    offer = await offers.get_offer(db, user_id, application.job_offer_id)
    return detail_out(
        application,
        offer,
        await services.notes(db, application),
        await services.history(db, application),
        await services.sent_documents(db, application),
    )
