"""JSON API of cover letters: ask for one, read, list, edit (a new version each), versions and
restore, the PDF and Word downloads, delete."""

from __future__ import annotations

from typing import Annotated, Any

from litestar import Controller, Request, Response, get, post, put
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter
from litestar.status_codes import HTTP_200_OK, HTTP_201_CREATED
from pydantic import ValidationError

from app.domain.letters import services
from app.domain.letters.lifecycle import announce
from app.domain.letters.schemas import (
    LetterCreated,
    LetterIn,
    LetterOut,
    VersionOut,
    letter_out,
    version_out,
)
from app.lib.dependencies import AppSettings, Arq, Db, Queue, RedisClient, SignedIn
from app.lib.docx_export import DOCX_MEDIA_TYPE
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.letter_content import LetterContent
from app.lib.paging import Paging, listed
from app.lib.private_download import private_download
from app.lib.row_out import row_out
from app.lib.web import json_body

BAD_CONTENT = N_("The letter is not valid: %(reason)s")
CONTENT_EXPECTED = N_('Send {"content": {…}}: the letter\'s greeting, paragraphs and closing.')


def parse_content(body: Any) -> LetterContent:
    """The edited letter of a PUT body, or 422 saying what is wrong."""
    raw = body.get("content") if isinstance(body, dict) else None
    if not isinstance(raw, dict):
        raise InputError(CONTENT_EXPECTED, code="letter.invalid_body", where="content")
    try:
        return LetterContent.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first.get("loc", ()))
        reason = f"{where}: {first.get('msg', '')}" if where else str(first.get("msg", ""))
        raise InputError(
            BAD_CONTENT, code="letter.invalid_content", where=f"content.{where}", reason=reason
        ) from None


class LetterApi(Controller):
    path = "/api/cover-letters"
    tags = ["cover letters"]  # noqa: RUF012 - Litestar declares it as a plain attribute

    @post("/", status_code=HTTP_201_CREATED)
    async def create(
        self,
        user: SignedIn,
        db: Db,
        queue: Queue,
        settings: AppSettings,
        data: JSONBody[LetterIn],
    ) -> LetterCreated:
        """Write a letter for one of your CVs (a tailored one, usually) and one of your offers.
        The letter's credits are taken now; 429 while another letter is being written, 403
        ``credits.insufficient`` when the balance is too low (nothing is created then)."""
        letter = await services.request_letter(
            db,
            queue,
            user,
            cv_file_id=data.cvFileId,
            job_offer_id=data.jobOfferId,
            length=data.length,
            tone=data.tone,
            language=data.language,
            settings=settings,
            device_id=data.deviceId,
        )
        return row_out(LetterCreated, letter, taskId=letter.background_task_id)

    @get("/")
    async def list_letters(
        self,
        request: Request[Any, Any, Any],
        user: SignedIn,
        db: Db,
        paging: Paging,
        job_offer_id: Annotated[str | None, QueryParameter(name="jobOfferId")] = None,
        cv_file_id: Annotated[str | None, QueryParameter(name="cvFileId")] = None,
    ) -> Response[list[LetterOut]]:
        rows = await services.list_letters(
            db, user, job_offer_id=job_offer_id, cv_file_id=cv_file_id
        )
        return listed(request, paging.slice(rows).map(letter_out))

    @get("/{letter_id:str}")
    async def read(self, user: SignedIn, db: Db, letter_id: FromPath[str]) -> LetterOut:
        return letter_out(await services.get_letter(db, user, letter_id))

    @put("/{letter_id:str}")
    async def update(
        self,
        user: SignedIn,
        db: Db,
        redis: RedisClient,
        request: Request[Any, Any, Any],
        letter_id: FromPath[str],
    ) -> LetterOut:
        """Save your edit (``{"content": {greeting, paragraphs, closing…}}``) as the next
        version (409 while the letter is not written yet)."""
        await services.get_letter(db, user, letter_id)  # 404 before the body's errors
        content = parse_content(
            await json_body(request, code="letter.invalid_json", message=CONTENT_EXPECTED)
        )
        letter = await services.save_letter(db, user, letter_id, content)
        await announce(redis, letter)
        return letter_out(letter)

    @get("/{letter_id:str}/versions")
    async def versions(
        self,
        request: Request[Any, Any, Any],
        user: SignedIn,
        db: Db,
        paging: Paging,
        letter_id: FromPath[str],
    ) -> Response[list[VersionOut]]:
        """The letter's versions, by page (the Link header names the next)."""
        letter = await services.get_letter(db, user, letter_id)
        rows = await services.letter_versions(db, user, letter_id)
        return listed(request, paging.slice(rows).map(lambda row: version_out(row, letter)))

    @post("/{letter_id:str}/versions/{number:int}/restore", status_code=HTTP_200_OK)
    async def restore(
        self,
        user: SignedIn,
        db: Db,
        redis: RedisClient,
        letter_id: FromPath[str],
        number: FromPath[int],
    ) -> LetterOut:
        """Make an old version current again, kept as a new version."""
        letter = await services.restore_version(db, user, letter_id, number)
        await announce(redis, letter)
        return letter_out(letter)

    @get("/{letter_id:str}/pdf", media_type="application/pdf")
    async def pdf(
        self,
        user: SignedIn,
        db: Db,
        arq: Arq,
        letter_id: FromPath[str],
        inline: FromQuery[bool] = False,
    ) -> Response[bytes]:
        """The letter as a one-page PDF in its CV's design (409 while it is not written)."""
        data, filename = await services.letter_pdf(db, arq, user, letter_id)
        return private_download(data, "application/pdf", filename, inline=inline)

    @get("/{letter_id:str}/docx", media_type=DOCX_MEDIA_TYPE)
    async def docx(self, user: SignedIn, db: Db, letter_id: FromPath[str]) -> Response[bytes]:
        """The letter as a Word document (409 while it is not written)."""
        data, filename = await services.letter_docx(db, user, letter_id)
        return private_download(data, DOCX_MEDIA_TYPE, filename)
