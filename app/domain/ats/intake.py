"""What an ATS check's upload must be, checked while the request is open: a PDF (by its bytes),
not empty, within the import's size limit (``upload_max_bytes``). The page limit is the
import's too, checked by the reader in its child process. A refused upload leaves nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from litestar import Request
from litestar.datastructures import UploadFile

from app.config import Settings
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.pdf_text import looks_like_pdf
from app.lib.uploads import file_too_large, refuse_oversized, upload_name

TOO_LARGE = "ats.too_large"  # the code of a file over the limit (app/lib/uploads.py)


@dataclass(frozen=True, slots=True)
class PdfUpload:
    filename: str
    data: bytes


def checked_pdf(filename: str, data: bytes, settings: Settings) -> PdfUpload:
    name = upload_name(filename, "cv.pdf")
    if not data:
        raise InputError(N_("The file is empty."), code="ats.empty_file", where="file")
    if len(data) > settings.upload_max_bytes:
        raise file_too_large(settings, TOO_LARGE)
    if not looks_like_pdf(data):
        raise InputError(
            N_("%(name)s is not a PDF (it does not start with %%PDF-)."),
            code="ats.not_pdf",
            where="file",
            name=name,
        )
    return PdfUpload(name, data)


async def pdf_from_request(request: Request[Any, Any, Any], settings: Settings) -> PdfUpload:
    """The multipart field ``file``, checked."""
    refuse_oversized(request, settings, TOO_LARGE)
    if request.content_type[0] != "multipart/form-data":
        raise InputError(
            N_("Send the PDF as multipart/form-data, in a file field named 'file'."),
            code="ats.unsupported_request",
            http_status=415,
        )
    form = await request.form()
    file = form.get("file")
    if not isinstance(file, UploadFile):
        raise InputError(N_("Choose a PDF to check."), code="ats.no_file", where="file")
    return checked_pdf(file.filename or "", await file.read(), settings)
