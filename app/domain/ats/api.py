"""JSON API of the ATS check: check a PDF (an upload, or one of your tailored CVs), list your
checks, read one with its findings."""

from __future__ import annotations

import msgspec
from litestar import Controller, Request, Response, get, post
from litestar.exceptions.http_exceptions import RequestEntityTooLarge
from litestar.params import FromPath
from litestar.status_codes import HTTP_202_ACCEPTED

from app.domain.ats import requesting, services
from app.domain.ats.intake import TOO_LARGE, pdf_from_request
from app.domain.ats.schemas import (
    CHECK_BODY,
    CheckAccepted,
    CheckDetail,
    CheckSummary,
    TailoredIn,
    accepted,
    detail_out,
    summary_out,
)
from app.lib.dependencies import AppSettings, Db, Queue, SignedIn
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.openapi import documented_body
from app.lib.paging import Paging, listed
from app.lib.uploads import UPLOAD_BODY_CEILING, body_too_large
from app.lib.web import json_body

BODY_EXPECTED = N_('Send a PDF as multipart/form-data ("file"), or {"cvFileId": "…"}.')


class AtsApi(Controller):
    path = "/api/ats/checks"
    tags = ["ats"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @post(
        "/",
        status_code=HTTP_202_ACCEPTED,
        request_max_body_size=UPLOAD_BODY_CEILING,
        exception_handlers={RequestEntityTooLarge: body_too_large(TOO_LARGE)},
        operation_class=documented_body("A PDF (multipart), or a tailored CV (JSON)", CHECK_BODY),
    )
    async def create(
        self, request: Request, user: SignedIn, db: Db, settings: AppSettings, queue: Queue
    ) -> CheckAccepted:
        """Check how machines read a PDF: the text layer (scanned pages, glyphs without
        meaning, hidden text, columns), what four common extractors (pdftotext, pdfminer.six,
        pypdf, pdfplumber) agree on page by page, and what our own reader finds per field.
        Runs in the background (a task of the task centre); read the result at
        ``GET /api/ats/checks/{id}``. The file never leaves the server. Free; at most 3 checks
        at once and 100 a day (429 ``ats.too_many_at_once`` / ``ats.daily_limit``). A tailored
        CV asked again for the same render gives the check already made."""
        device = request.headers.get("x-device-id")
        if request.content_type[0] == "application/json":
            raw = await json_body(request, code="ats.invalid_body", message=BODY_EXPECTED)
            try:
                chosen = msgspec.convert(raw, TailoredIn)
            except msgspec.ValidationError:
                raise InputError(BODY_EXPECTED, code="ats.invalid_body") from None
            check = await requesting.check_tailored(
                db, queue, settings, user, chosen.cvFileId, device
            )
        else:
            upload = await pdf_from_request(request, settings)
            check = await requesting.check_upload(db, queue, settings, user, upload, device)
        return accepted(check)

    @get("/")
    async def list_checks(
        self, request: Request, user: SignedIn, db: Db, paging: Paging
    ) -> Response[list[CheckSummary]]:
        """Your checks, the newest first, by page."""
        page = await services.checks_page(db, user.id, paging)
        return listed(request, page.map(summary_out))

    @get("/{check_id:str}")
    async def read(self, user: SignedIn, db: Db, check_id: FromPath[str]) -> CheckDetail:
        """The check and, once completed, its findings (each with its ``code``, ``values``,
        ``message`` and ``advice`` in your language, and the boxes of the page it is on),
        the agreement of the extractors per page and the fields our reader found. ``verdict``:
        ``pass`` (notes at most) or ``fix``."""
        return detail_out(await services.get_check(db, user.id, check_id))
