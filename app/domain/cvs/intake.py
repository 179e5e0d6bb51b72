"""What can be checked while the upload request is still open: size, type by content, JSON
Resume schema and content limits (app/lib/cv_limits.py), pasted text. A refused upload leaves
no row and no task behind.

A picture of a CV (JPEG, PNG or WebP: a phone photo, a screenshot) is imported as what it is, a
scan: ``scan_of_image`` checks its headers, then decodes it in the limited child of
app/lib/image_decode/ into a one-page PDF, which the import reads like any scanned PDF (OCR, or
the model when it sees images: app/domain/cvs/scans.py) and the review page shows beside what
was read. The form takes one file, so one picture per import."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import PurePath
from typing import Literal

from app.config import Settings
from app.lib import bounded_json
from app.lib.cv_limits import check_counts, raw_counts
from app.lib.i18n import N_
from app.lib.image_decode.decode import decode_scan
from app.lib.image_decode.headers import FORMATS, ImageLimits, ImageRefused, sniff
from app.lib.input_errors import ContentLimitError, InputError, check_limits
from app.lib.parsing.formats.json_resume import JsonResumeError, validate_json_resume
from app.lib.parsing.formats.json_resume_map import content_from_resume
from app.lib.pasted_text import PastedText, Refusal
from app.lib.pdf_text import looks_like_pdf
from app.lib.uploads import file_too_large, upload_name

TOO_LARGE = "cv.too_large"  # the code of a file over the limit (app/lib/uploads.py)

MIN_TEXT_CHARS = 40
MAX_TEXT_CHARS = 100_000
MIME = {"pdf": "application/pdf", "json": "application/json", "text": "text/plain"}
IMAGE_MIN_SIDE = 300  # a CV's text in fewer pixels than this is not readable
# JSON Resume lists → the CvContent section each becomes (json_resume_map.py).
RESUME_SECTIONS = {
    "basics.profiles": "links",
    "work": "experience",
    "projects": "projects",
    "education": "education",
    "skills": "skills",
    "languages": "languages",
    "certificates": "certifications",
    "awards": "awards",
    "volunteer": "volunteering",
    "publications": "publications",
    "interests": "interests",
}


@dataclass(frozen=True, slots=True)
class Upload:
    """``kind`` "image" only until ``scan_of_image`` made it a PDF: never stored as such."""

    kind: Literal["pdf", "json", "text", "image"]
    filename: str
    data: bytes

    @property
    def mime(self) -> str:
        if self.kind == "image":
            return FORMATS[sniff(self.data) or "JPEG"]
        return MIME[self.kind]

    @property
    def content_hash(self) -> str:
        return hashlib.sha256(self.data).hexdigest()


def classify_upload(filename: str, data: bytes, settings: Settings) -> Upload:
    """Decide the kind from the bytes (not the name) and refuse what cannot be imported."""
    name = upload_name(filename, "cv")
    suffix = PurePath(name).suffix.lower()
    if not data:
        raise InputError(N_("The file is empty."), code="cv.empty_file")
    if len(data) > settings.upload_max_bytes:
        raise file_too_large(settings, TOO_LARGE)
    if looks_like_pdf(data):
        if suffix == ".json":
            raise InputError(
                N_("%(name)s is named like a JSON file but contains a PDF. Rename it to .pdf."),
                code="cv.type_mismatch",
                name=name,
            )
        return Upload("pdf", name, data)
    if sniff(data) is not None:  # by its bytes, whatever its name says
        return Upload("image", name, data)
    if suffix == ".pdf":
        raise InputError(
            N_("%(name)s is not a PDF (it does not start with %%PDF-)."),
            code="cv.not_pdf",
            name=name,
        )
    if suffix == ".json" or data.lstrip()[:1] == b"{":
        check_json_resume(data)
        return Upload("json", name, data)
    raise InputError(
        N_(
            "Unsupported file: upload a PDF, a JSON Resume (.json) file or a picture of your CV "
            "(JPEG, PNG or WebP), or paste the text."
        ),
        code="cv.unsupported_type",
    )


async def scan_of_image(upload: Upload, settings: Settings) -> Upload:
    """A picture of a CV → the one-page PDF the import reads as a scan. Refused by its headers
    (``cv.image_too_many_pixels``, ``cv.image_too_many_scans``...) before any decoding, or when
    decoding it fails or runs out of time or memory."""
    limits = ImageLimits(max_pixels=settings.photo_max_pixels, min_side=IMAGE_MIN_SIDE)
    try:
        pdf = await decode_scan(upload.data, limits)
    except ImageRefused as exc:
        raise InputError(exc.template, code=f"cv.image_{exc.reason}", **exc.values) from None
    return Upload("pdf", f"{PurePath(upload.filename).stem or 'cv'}.pdf", pdf)


def check_json_resume(data: bytes) -> None:
    try:
        parsed = bounded_json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(N_("This JSON file is not UTF-8 text."), code="cv.invalid_json") from None
    except json.JSONDecodeError as exc:
        raise InputError(
            N_("This file is not valid JSON (line %(line)s: %(problem)s)."),
            code="cv.invalid_json",
            line=exc.lineno,
            problem=exc.msg,
        ) from None
    # Counted before validation: 100 000 entries must not become 100 000 models first.
    exceeded = check_counts(raw_counts(parsed, RESUME_SECTIONS))
    if exceeded is not None:
        raise ContentLimitError(exceeded)
    try:
        check_limits(content_from_resume(validate_json_resume(parsed)))
    except JsonResumeError as exc:
        raise InputError(
            N_("Invalid JSON Resume: %(field)s: %(problem)s."),
            code="cv.invalid_json_resume",
            where=exc.field or None,
            field=exc.field or "(document)",
            problem=exc.problem,
        ) from None


PASTED_CV = PastedText(
    MIN_TEXT_CHARS,
    MAX_TEXT_CHARS,
    empty=Refusal(N_("The text is empty: paste your CV first."), "cv.empty_text"),
    too_short=Refusal(
        N_("This text is too short to be a CV (%(chars)s characters)."), "cv.text_too_short"
    ),
    too_long=Refusal(
        N_("This text is too long for a CV (%(chars)s characters; at most %(limit)s)."),
        "cv.text_too_long",
    ),
    no_words=Refusal(
        N_("This text holds no words, only marks or symbols: paste your CV's text."),
        "cv.no_words",
    ),
)


def text_upload(text: str, filename: str = "") -> Upload:
    cleaned = PASTED_CV.checked(text)
    return Upload("text", upload_name(filename, "pasted-cv.txt"), cleaned.encode("utf-8"))
