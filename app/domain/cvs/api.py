"""JSON API of CVs: import, list, read, replace the content, delete, JSON Resume."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from typing import Annotated, Any

from litestar import Controller, Request, Response, delete, get, post, put
from litestar.datastructures import UploadFile
from litestar.exceptions.http_exceptions import RequestEntityTooLarge
from litestar.params import FromPath, FromQuery, HeaderParameter, JSONBody
from litestar.status_codes import HTTP_200_OK, HTTP_202_ACCEPTED
from pydantic import ValidationError

from app.config import Settings
from app.domain.cvs import services
from app.domain.cvs.cv_imports import IMPORTS, Imports
from app.domain.cvs.editor_version import etag, if_match_version, read_cv
from app.domain.cvs.intake import (
    TOO_LARGE,
    Upload,
    classify_upload,
    scan_of_image,
    text_upload,
)
from app.domain.cvs.schemas import (
    CV_IMPORT_BODY,
    CvDetail,
    CvSummary,
    CvUpdate,
    ImportAccepted,
    detail_out,
    summary_out,
)
from app.domain.cvs.user_edits import check_editable, save_user_edit
from app.events import CV_LIST_CHANGED
from app.lib import bounded_json
from app.lib.cv_content import CvContent
from app.lib.cv_limits import CV_BODY_LIMIT, check_counts, raw_counts
from app.lib.dependencies import Db, RedisClient, SignedIn
from app.lib.i18n import N_
from app.lib.image_decode.client_gone import unless_client_leaves
from app.lib.input_errors import ContentLimitError, InputError, check_limits
from app.lib.openapi import documented_body
from app.lib.paging import Paging, listed
from app.lib.parsing.formats.json_resume import TOP_LEVEL_KEYS
from app.lib.uploads import UPLOAD_BODY_CEILING, body_too_large, refuse_oversized
from app.tasks.lifecycle import commit_deletion


async def upload_from_request(
    request: Request[Any, Any, Any],
    settings: Settings,
    image_gate: Callable[[], AbstractAsyncContextManager[None]],
) -> Upload:
    """Multipart ``file`` (PDF, JSON Resume, or a JPEG/PNG/WebP picture of a CV, made a scanned
    PDF), or JSON ``{text}``, or a JSON Resume body. A picture is decoded within
    ``image_gate`` (``importing.image_decoding``: the import's room and the user's failed
    pictures checked before any decoding)."""
    refuse_oversized(request, settings, TOO_LARGE)
    content_type = request.content_type[0]
    if content_type == "multipart/form-data":
        form = await request.form()
        file = form.get("file")
        if not isinstance(file, UploadFile):
            raise InputError(N_("Attach the CV as a file field named 'file'."), code="cv.no_file")
        upload = classify_upload(file.filename or "", await file.read(), settings)
        if upload.kind == "image":  # a picture of a CV: decoded now, into a scanned PDF
            async with image_gate():
                return await unless_client_leaves(request.receive, scan_of_image(upload, settings))
        return upload
    if content_type == "application/json":
        raw = await request.body()
        try:
            body = bounded_json.loads(raw or b"null")
        except ValueError:
            raise InputError(
                N_("The request body is not valid JSON."), code="cv.invalid_json"
            ) from None
        if isinstance(body, dict) and "text" in body:
            if not isinstance(body["text"], str):
                raise InputError(N_("text: expected text."), code="cv.invalid_text", where="text")
            return text_upload(body["text"], str(body.get("filename") or ""))
        if isinstance(body, dict) and TOP_LEVEL_KEYS & set(body):
            return classify_upload(str(body.get("filename") or "resume.json"), raw, settings)
        raise InputError(
            N_('Send {"text": "…"}, a JSON Resume, or a multipart file.'), code="cv.invalid_body"
        )
    raise InputError(
        N_("Send the CV as multipart/form-data (file) or JSON."),
        code="cv.unsupported_request",
        http_status=415,
    )


class CvApi(Controller):
    path = "/api/cvs"
    tags = ["cvs"]  # noqa: RUF012 - Litestar declares it as a plain attribute
    dependencies = IMPORTS

    @post(
        "/",
        status_code=HTTP_202_ACCEPTED,
        request_max_body_size=UPLOAD_BODY_CEILING,
        exception_handlers={RequestEntityTooLarge: body_too_large(TOO_LARGE)},
        operation_class=documented_body(
            "A CV file (multipart), pasted text or a JSON Resume (JSON)", CV_IMPORT_BODY
        ),
    )
    async def import_cv(self, request: Request, imports: Imports) -> ImportAccepted:
        upload = await upload_from_request(request, imports.settings, imports.image_gate)
        started = await imports.start(upload, request.headers.get("x-device-id"))
        return ImportAccepted(
            id=started.cv.id,
            taskId=started.task.id if started.task else None,
            duplicate=started.duplicate,
            extractionStatus=started.cv.extraction_status,
        )

    @get("/")
    async def list_cvs(
        self,
        request: Request,
        user: SignedIn,
        db: Db,
        paging: Paging,
        kind: FromQuery[str | None] = None,
    ) -> Response[list[CvSummary]]:
        page = await services.cvs_page(db, user.id, kind, paging)
        return listed(request, page.map(summary_out))

    @get("/{cv_id:str}")
    async def get_cv(self, user: SignedIn, db: Db, cv_id: FromPath[str]) -> Response[CvDetail]:
        """The CV; ``version`` (also the ETag) is what a change sends back (PUT)."""
        cv, version = await read_cv(db, user.id, cv_id)
        versions = await services.list_versions(db, cv.id)
        task = await services.latest_import_task(db, user.id, cv.id)
        return Response(detail_out(cv, versions, task, version), headers={"ETag": etag(version)})

    @put("/{cv_id:str}", request_max_body_size=CV_BODY_LIMIT)
    async def update_cv(
        self,
        user: SignedIn,
        db: Db,
        redis: RedisClient,
        cv_id: FromPath[str],
        data: JSONBody[CvUpdate],
        if_match: Annotated[
            str | None,
            HeaderParameter(
                name="If-Match", description="The CV's ETag (its version) the content was read at"
            ),
        ] = None,
    ) -> Response[CvDetail]:
        """Replace the CV's content, saved as a new version.

        Send the ``version`` the content was read at (in the body, or GET's ETag in
        ``If-Match``): when the CV was saved since (another tab, device or client), 409
        ``cv.changed_elsewhere`` with both sides (``version`` and ``content`` saved now,
        ``readVersion`` and ``yourContent``), and nothing saved. Without one, not checked.

        The content must stay within the CV limits (docs/content-limits.md: entries per section,
        bullets per entry, characters per field and in all); over one: 422 with the code
        ``cv.limit.*``, the path in ``field`` and ``limitExceeded``. A body over 4 MB: 413.
        """
        cv = await services.get_cv(db, user.id, cv_id)
        await check_editable(db, cv)
        read_at = data.version if data.version is not None else if_match_version(if_match)
        exceeded = check_counts(raw_counts(data.content))  # before a model per entry is built
        if exceeded is not None:
            raise ContentLimitError(exceeded)
        try:
            content = CvContent.model_validate(data.content)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            where = ".".join(str(p) for p in first["loc"])
            raise InputError(
                N_("content.%(field)s: %(problem)s"),
                code="cv.invalid_content",
                field=where,
                problem=first["msg"],
            ) from None
        check_limits(content)
        saved = await save_user_edit(db, redis, cv, content, data.filename, read_at=read_at)
        versions = await services.list_versions(db, cv.id)
        task = await services.latest_import_task(db, user.id, cv.id)
        detail = detail_out(cv, versions, task, saved.version)
        return Response(detail, headers={"ETag": etag(saved.version)})

    @delete("/{cv_id:str}", status_code=HTTP_200_OK)
    async def delete_cv(
        self, user: SignedIn, db: Db, redis: RedisClient, cv_id: FromPath[str]
    ) -> dict[str, bool]:
        cv = await services.get_cv(db, user.id, cv_id)
        task = await services.delete_cv(db, cv)
        await commit_deletion(db, redis, task, user.id, CV_LIST_CHANGED, {"cvId": cv_id})
        await services.forget_source_pages(redis, [cv_id])
        return {"success": True}

    @get("/{cv_id:str}/json-resume")
    async def export_json_resume(
        self, user: SignedIn, db: Db, cv_id: FromPath[str]
    ) -> dict[str, Any]:
        return services.json_resume(await services.get_cv(db, user.id, cv_id))
