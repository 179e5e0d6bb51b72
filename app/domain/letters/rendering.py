"""What a letter's PDF and Word file are made of (``LetterSpec``), and getting them.

The web process never runs WeasyPrint: the PDF is rendered by the worker (``render_letter_pdf``,
jobs/cover_letters.py; sandboxed and cached there like CVs) while the request waits, as CV
downloads do (app/domain/renders/rendering.py). The Word file is built here, off the event
loop: no HTML, CSS or font is interpreted, so no sandbox is needed.

A letter marked as sent in the tracker is frozen as ``frozen_copy(spec)`` and rendered from
that copy (``spec_from_copy``), never from the letter as it is now.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from arq.connections import ArqRedis
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CoverLetter, CvFile, JobOffer, User
from app.domain.letters.lifecycle import require_completed
from app.domain.renders import services as renders
from app.job_names import Job
from app.lib.cv_content import CvContent, Header
from app.lib.docx_export import letter_docx_bytes
from app.lib.download_names import docx_filename, pdf_filename
from app.lib.errors import AppError, NotFound
from app.lib.i18n import N_, catalogue
from app.lib.input_errors import InputError
from app.lib.letter_content import LetterContent
from app.lib.owned_rows import owned
from app.lib.pdf_render.designs import CV_LOCALES, DEFAULT_DESIGN, DESIGNS
from app.lib.pdf_render.errors import LetterTooLong

RENDER_LETTER_JOB = Job.RENDER_LETTER_PDF
LETTER_WORDS = N_("Cover letter")  # in download names, in the letter's language
TOO_LONG = N_("The letter is too long for one page; shorten it and download it again.")


class LetterRenderUnavailable(AppError):
    status_code = 503
    code = "render.unavailable"


@dataclass(frozen=True, slots=True)
class LetterSpec:
    """What a letter's PDF and Word file depend on: its content, the sender's header from its
    CV (the letter and the CV show the same header), the CV's design and the language."""

    content: LetterContent
    header: Header
    design: str
    locale: str
    offer_title: str
    offer_company: str

    def download_name(self, *, word: bool = False) -> str:
        words = catalogue(self.locale).get(LETTER_WORDS, LETTER_WORDS)
        make = docx_filename if word else pdf_filename
        return make(self.header.name, words, self.offer_company or self.offer_title)


async def _owned(session: AsyncSession, user_id: str, letter_id: str) -> CoverLetter:
    missing = NotFound(N_("No such cover letter."), code="letter.not_found")
    return await owned(session, CoverLetter, user_id, letter_id, missing)


async def letter_spec(session: AsyncSession, letter: CoverLetter) -> LetterSpec:
    """The spec of a written letter (409 while it is not)."""
    require_completed(letter)
    cv = await session.get(CvFile, letter.cv_file_id) if letter.cv_file_id else None
    offer = await session.get(JobOffer, letter.job_offer_id)
    header = CvContent.from_json(cv.content).header if cv is not None else Header()
    return LetterSpec(
        content=LetterContent.from_json(letter.content),
        header=header,
        design=cv.design if cv is not None and cv.design in DESIGNS else DEFAULT_DESIGN,
        locale=letter.language if letter.language in CV_LOCALES else "en",
        offer_title=offer.title if offer is not None else "",
        offer_company=offer.company if offer is not None else "",
    )


async def owned_spec(session: AsyncSession, user_id: str, letter_id: str) -> LetterSpec:
    return await letter_spec(session, await _owned(session, user_id, letter_id))


def frozen_copy(spec: LetterSpec) -> dict[str, Any]:
    """What the tracker keeps of a letter marked as sent (SentDocument.content)."""
    return {"letter": spec.content.to_json(), "header": spec.header.model_dump(mode="json")}


def spec_from_copy(
    content: dict[str, Any], *, design: str, locale: str, offer_title: str, offer_company: str
) -> LetterSpec:
    return LetterSpec(
        content=LetterContent.from_json(content.get("letter")),
        header=Header.model_validate(content.get("header") or {}),
        design=design if design in DESIGNS else DEFAULT_DESIGN,
        locale=locale if locale in CV_LOCALES else "en",
        offer_title=offer_title,
        offer_company=offer_company,
    )


def docx_bytes(spec: LetterSpec) -> bytes:
    """The letter as a Word file (call it in a thread)."""
    document: bytes = letter_docx_bytes(spec.content, spec.header, locale=spec.locale)
    return document


async def letter_docx(session: AsyncSession, user: User, letter_id: str) -> tuple[bytes, str]:
    spec = await owned_spec(session, user.id, letter_id)
    await session.close()  # nothing more to read; loaded objects stay readable
    return await asyncio.to_thread(docx_bytes, spec), spec.download_name(word=True)


async def letter_pdf(
    session: AsyncSession, arq: ArqRedis, user: User, letter_id: str
) -> tuple[bytes, str]:
    """The letter's PDF, rendered (or found in the cache) by a worker while the request waits."""
    spec = await owned_spec(session, user.id, letter_id)
    await session.close()  # give the connection back while a worker renders
    pdf = await renders.pdf_from_worker(
        arq, RENDER_LETTER_JOB, user.id, letter_id,
        unavailable=LetterRenderUnavailable, translate=_too_long,
    )  # fmt: skip
    return pdf, spec.download_name()


def _too_long(exc: Exception) -> AppError | None:
    """A letter that overflows its page is the user's to shorten (422), not a failed render."""
    if isinstance(exc, LetterTooLong):
        return InputError(TOO_LONG, code=LetterTooLong.code, http_status=422)
    return None
