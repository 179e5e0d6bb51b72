"""The frozen copy of a CV marked as sent, and its PDF and Word file.

Marking copies every field of what a render of the CV depends on (its content, design, language,
page budget, relevance, photo, the offer's title and company: ``RenderSpec`` of
app/domain/renders/spec.py) into the application's own row (``frozen_spec``), so later edits of
the CV, or a new photo, never change what was sent; ``sent_spec`` reads that copy back as the
same spec. Its files come from the very function a CV's download uses (``renders.cv_file``), so
a sent PDF or Word file is the one the user downloaded: same photo, design and page budget. The
PDF is then kept in the row: a later change of the renderer does not change it either. The web
process never renders: on a miss it asks the worker (``render_sent_document``,
jobs/sent_documents.py), like CV downloads do.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

from arq.connections import ArqRedis
from litestar.di import NamedDependency, Provide
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer

from app.config import Settings
from app.db.models import Application, SentDocument, User
from app.domain.cvs import services as cvs
from app.domain.letters import services as letters
from app.domain.renders import services as renders
from app.job_names import Job
from app.lib.cv_content import CvContent
from app.lib.dependencies import AppSettings, Arq, Db, SignedIn
from app.lib.errors import AppError, NotFound
from app.lib.i18n import N_
from app.lib.input_errors import InputError

RENDER_SENT_JOB = Job.RENDER_SENT_DOCUMENT


class SentRenderUnavailable(AppError):
    status_code = 503
    code = "render.unavailable"


async def mark_sent(
    session: AsyncSession,
    settings: Settings,
    user: User,
    application: Application,
    cv_file_id: str,
) -> SentDocument:
    """Freeze the user's CV ``cv_file_id`` as sent for ``application`` (another user's CV:
    404). Its PDF comes along when the render cache already has it (it usually does: the CV was
    downloaded before being sent)."""
    cv = await cvs.get_cv(session, user.id, cv_file_id)
    spec = await renders.spec_for(session, settings, cv, user)  # what its download renders
    document = SentDocument(
        application_id=application.id,
        kind="cv",
        source_cv_file_id=cv.id,
        filename=cv.filename[:255],
        **frozen_spec(spec),
    )
    cached = renders.cached_render(settings, sent_spec(document))
    document.pdf = cached.pdf if cached is not None else None
    session.add(document)
    return document


async def mark_letter_sent(
    session: AsyncSession, user: User, application: Application, letter_id: str
) -> SentDocument:
    """Freeze the user's written cover letter ``letter_id`` (another user's: 404; not written
    yet: 409) as sent for ``application``: its text and the CV header it is signed with."""
    letter = await letters.get_letter(session, user, letter_id)
    if letter.job_offer_id != application.job_offer_id:
        raise InputError(
            N_("This letter was written for another offer."),
            code="application.letter_offer",
            where="sentLetterId",
        )
    spec = await letters.letter_spec(session, letter)
    document = SentDocument(
        application_id=application.id,
        kind="letter",
        source_cv_file_id=letter.cv_file_id,
        filename=spec.download_name()[:255],
        content=letters.frozen_copy(spec),
        design=spec.design,
        locale=spec.locale,
        page_budget=1,
        offer_title=spec.offer_title[:300],
        offer_company=spec.offer_company[:300],
    )
    session.add(document)
    return document


def letter_spec_of(document: SentDocument) -> letters.LetterSpec:
    """What renders a frozen letter: the copy, nothing looked up."""
    return letters.spec_from_copy(
        document.content,
        design=document.design,
        locale=document.locale,
        offer_title=document.offer_title,
        offer_company=document.offer_company,
    )


def frozen_spec(spec: renders.RenderSpec) -> dict[str, Any]:
    """The columns of a sent copy that keep ``spec``: ``sent_spec`` of a row made with them
    renders, and so downloads, exactly what ``spec`` does (its cache key is the same)."""
    return {
        "content": spec.content.to_json(),
        "design": spec.design,
        "locale": spec.locale,
        "page_budget": spec.page_budget,
        "relevance": spec.relevance,
        "offer_title": spec.offer_title[:300],
        "offer_company": spec.offer_company[:300],
        "photo": spec.photo,
    }


def sent_spec(document: SentDocument) -> renders.RenderSpec:
    """What renders the frozen copy: the values copied when it was marked, nothing looked up
    (the row's photo must be loaded: ``get_document`` does)."""
    relevance = document.relevance or None
    return renders.RenderSpec(
        content=CvContent.from_json(document.content),
        design=document.design,
        locale=document.locale,
        page_budget=document.page_budget,
        page_budget_is_default=False,
        relevance={str(k): float(v) for k, v in relevance.items()} if relevance else None,
        offer_title=document.offer_title,
        offer_company=document.offer_company,
        photo=document.photo or None,
    )


async def get_document(
    session: AsyncSession,
    user_id: str,
    document_id: str,
    *,
    application_id: str | None = None,
    with_pdf: bool = False,
) -> SentDocument:
    """A frozen copy of one of the user's applications (another user's, or one sent for another
    application than ``application_id`` when given: 404), its photo loaded (``sent_spec``)."""
    stmt = (
        select(SentDocument)
        .options(undefer(SentDocument.photo))
        .join(Application, Application.id == SentDocument.application_id)
        .where(SentDocument.id == document_id, Application.user_id == user_id)
    )
    if application_id is not None:
        stmt = stmt.where(SentDocument.application_id == application_id)
    if with_pdf:
        stmt = stmt.options(undefer(SentDocument.pdf))
    document = await session.scalar(stmt)
    if document is None:
        raise NotFound(N_("No such sent document."), code="application.document_not_found")
    return document


def download_name(document: SentDocument, *, word: bool = False) -> str:
    """The name a download of the live CV would have had when it was sent (``.docx``: ``word``)."""
    if document.kind == "letter":
        return letter_spec_of(document).download_name(word=word)
    return renders.download_name(sent_spec(document), word=word)


@dataclass(frozen=True, slots=True)
class SentFiles:
    """The files of the signed-in user's sent documents (the ``sent_files`` dependency of the
    API), with the session, the worker's queue and the settings bound once."""

    session: AsyncSession
    arq: ArqRedis
    settings: Settings
    user_id: str

    async def docx(self, application_id: str, document_id: str) -> tuple[SentDocument, bytes]:
        """The frozen copy and its Word file, built from the copy (never from the live CV) by
        the CV download's own function: trimmed like the copy's PDF, with its photo, off the
        event loop once the connection is given back."""
        session = self.session
        document = await get_document(
            session, self.user_id, document_id, application_id=application_id
        )
        await session.close()  # loaded objects stay readable
        if document.kind == "letter":
            return document, await asyncio.to_thread(letters.docx_bytes, letter_spec_of(document))
        return document, await self._cv_file(document, renders.FileType.DOCX)

    async def pdf(self, application_id: str, document_id: str) -> tuple[SentDocument, bytes]:
        """The frozen copy and its PDF: kept in its row, else from the render cache, else
        rendered by a worker now (the connection given back meanwhile); then kept in the row."""
        session = self.session
        document = await get_document(
            session, self.user_id, document_id, application_id=application_id, with_pdf=True
        )
        if document.pdf:
            return document, document.pdf
        await session.close()  # loaded objects stay readable
        if document.kind == "letter":  # a letter's render cache is the worker's
            pdf = await renders.pdf_from_worker(
                self.arq,
                RENDER_SENT_JOB,
                self.user_id,
                document_id,
                unavailable=SentRenderUnavailable,
            )
        else:
            pdf = await self._cv_file(document, renders.FileType.PDF)
        await session.execute(
            update(SentDocument)
            .where(SentDocument.id == document_id, SentDocument.pdf.is_(None))
            .values(pdf=pdf)
        )
        await session.commit()
        return document, pdf

    async def _cv_file(self, document: SentDocument, file_type: renders.FileType) -> bytes:
        """A sent CV's file as its download gave it: its frozen spec through the download's own
        function, rendered on a miss by the sent copy's job (its CV may be gone)."""
        _, data = await renders.cv_file(
            self.arq, self.settings, sent_spec(document), file_type,
            user_id=self.user_id, cv_id=document.id, job=RENDER_SENT_JOB,
        )  # fmt: skip
        return data


def provide_sent_files(user: SignedIn, db: Db, arq: Arq, settings: AppSettings) -> SentFiles:
    return SentFiles(db, arq, settings, user.id)


SENT_FILES = {"sent_files": Provide(provide_sent_files, sync_to_thread=False)}
SentFilesOf = NamedDependency[SentFiles]
"""``sent_files``: the signed-in user's sent documents' files (``provide_sent_files``)."""
