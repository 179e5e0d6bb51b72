"""Export my data: one ZIP of everything the account holds, built in a temporary file.

Rows are read one CV / offer / generation at a time and each read's transaction is ended
(app/db/session.py release_lock) before the ZIP is written, so memory stays bounded by the
largest single CV and no lock is held while compressing. PDFs come from the render cache only:
rendering every CV through a worker (app/domain/renders/rendering.py obtain_render) could take
minutes for a large account, so README.txt says how to download the ones not included. The same
holds for cover letters; a sent document's PDF is its row's own frozen copy, always included.
Every CV's Markdown is made here (no browser involved), trimmed like its PDF when a render of
the CV as it is now is known (``known_trim``), else whole.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import tempfile
import zipfile
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import IO, Any

from sqlalchemy import func, inspect, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import DeclarativeBase

from app.config import Settings
from app.db.models import (
    Achievement,
    ApiToken,
    Application,
    BackgroundTask,
    CoachConversation,
    CoverLetter,
    CoverLetterVersion,
    CreditTransaction,
    CvFile,
    CvGenerationOffer,
    CvGenerationSubtask,
    CvGenerationTask,
    CvVersion,
    FeedSource,
    InboxItem,
    JobOffer,
    Pitch,
    SavedSearch,
    SentDocument,
    User,
)
from app.db.models.cover_letter import LetterStatus
from app.db.session import release_lock
from app.domain.accounts.export_names import ExportNames
from app.domain.accounts.export_readme import readme, readme_locale
from app.domain.accounts.files import letter_key
from app.domain.applications import services as applications
from app.domain.cvs.services import display_name, json_resume
from app.domain.letters import services as letters
from app.domain.mailbox import services as mailbox
from app.domain.photos import services as photos
from app.domain.renders.services import cached_render, known_trim, markdown_document, render_spec
from app.lib.errors import AppError
from app.lib.pdf_render import RenderCache, renders_dir

CHUNK_BYTES = 64 * 1024
# Never in a JSON file: secrets, and raw bytes (the upload and a sent document's frozen ``pdf``
# are written as files of their own).
_LEFT_OUT = frozenset({"password_hash", "token_hash", "original_bytes", "pdf", "photo"})


def row_json(row: DeclarativeBase) -> dict[str, Any]:
    """Every column of ``row`` except secrets and raw bytes, JSON-ready."""
    out: dict[str, Any] = {}
    for attr in inspect(
        row
    ).mapper.column_attrs:  # attribute names (credit ``meta``, not the column)
        if attr.key in _LEFT_OUT:
            continue
        value = getattr(row, attr.key)
        out[attr.key] = value.isoformat() if isinstance(value, datetime) else value
    return out


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=2, default=str).encode()


def _safe_name(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", name).strip("._")
    return cleaned[:80] or "upload"


class _Zip:
    """The ZIP in a temporary file; writes run in a thread (compression is CPU work). Its
    ``names`` give each row's folder or file its readable name (export_names.py)."""

    def __init__(self) -> None:
        self.file: IO[bytes] = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stream()
        self.zip = zipfile.ZipFile(self.file, "w", compression=zipfile.ZIP_DEFLATED)
        self.names = ExportNames()

    def named(self, folder: str, words: str, row_id: str, fallback: str) -> str:
        """``folder/<words>-<id start>``: where row ``row_id`` goes."""
        return f"{folder}/{self.names.name(folder, words, row_id, fallback)}"

    async def add(self, name: str, data: bytes) -> None:
        await asyncio.to_thread(self.zip.writestr, name, data)

    async def finish(self) -> int:
        await asyncio.to_thread(self.zip.close)
        size = self.file.tell()
        self.file.seek(0)
        return size

    def close(self) -> None:
        self.zip.close()
        self.file.close()


async def _offer_words(db: AsyncSession, offer_id: str | None) -> str:
    """ "Title Company" of an offer, what its application, letter or generation is named by."""
    if not offer_id:
        return ""
    found = (
        await db.execute(select(JobOffer.title, JobOffer.company).where(JobOffer.id == offer_id))
    ).first()
    return " ".join(p for p in found if p) if found else ""


async def _ids(db: AsyncSession, stmt: Any) -> list[str]:
    ids = [str(i) for i in await db.scalars(stmt)]
    await release_lock(db)
    return ids


async def _add_cv(db: AsyncSession, out: _Zip, settings: Settings, user: User, cv_id: str) -> bool:
    """Write one CV's files; True when its PDF came from the render cache."""
    cv = await db.get(CvFile, cv_id)
    if cv is None:  # deleted meanwhile
        return False
    versions = list(
        await db.scalars(
            select(CvVersion).where(CvVersion.cv_file_id == cv_id).order_by(CvVersion.version)
        )
    )
    spec = await render_spec(
        db, cv, fallback_locale=settings.default_locale, user_locale=user.locale
    )
    await release_lock(db)
    base = out.named("cvs", display_name(cv), cv_id, "cv") + "/"
    await out.add(base + "cv.json", _dump(row_json(cv)))
    await out.add(base + "versions.json", _dump([row_json(v) for v in versions]))
    await out.add(base + "resume.json", _dump(json_resume(cv)))
    if cv.original_bytes:
        await out.add(f"{base}original-{_safe_name(cv.filename)}", cv.original_bytes)
    render = await asyncio.to_thread(cached_render, settings, spec)
    if render is not None:
        await out.add(base + "cv.pdf", render.pdf)
    trimmed = known_trim(cv, spec, render)
    markdown = await asyncio.to_thread(markdown_document, spec, trimmed)
    await out.add(base + "cv.md", markdown.encode())
    db.expunge_all()  # one CV at a time in memory
    return render is not None


async def _add_generation(db: AsyncSession, out: _Zip, task_id: str) -> None:
    task = await db.get(CvGenerationTask, task_id)
    if task is None:
        return
    offers = list(
        await db.scalars(
            select(CvGenerationOffer)
            .where(CvGenerationOffer.task_id == task_id)
            .order_by(CvGenerationOffer.offer_index)
        )
    )
    words = await _offer_words(db, offers[0].job_offer_id if offers else None)
    steps = await db.scalars(
        select(CvGenerationSubtask)
        .where(CvGenerationSubtask.task_id == task_id)
        .order_by(CvGenerationSubtask.created_at)
    )
    data = {
        **row_json(task),
        "offers": [row_json(o) for o in offers],
        "steps": [row_json(s) for s in steps],
    }
    await release_lock(db)
    await out.add(out.named("generations", words, task_id, "generation") + ".json", _dump(data))
    db.expunge_all()


async def _add_application(db: AsyncSession, out: _Zip, application_id: str) -> None:
    """The application's JSON, then each sent document's frozen PDF, one at a time."""
    application = await db.get(Application, application_id)
    if application is None:
        return
    documents = await applications.sent_documents(db, application)  # the PDFs stay unloaded
    with_pdf = set(
        await db.scalars(
            select(SentDocument.id).where(
                SentDocument.application_id == application_id, SentDocument.pdf.is_not(None)
            )
        )
    )
    base = out.named(
        "applications",
        await _offer_words(db, application.job_offer_id),
        application_id,
        "application",
    )
    sent = []
    pdf_names = {}
    for document in documents:
        pdf_name = pdf_names[document.id] = f"{base}/sent-{document.id[:8]}.pdf"
        sent.append(
            {**row_json(document), "pdfFile": pdf_name if document.id in with_pdf else None}
        )
    record = {
        **row_json(application),
        "notes": [row_json(n) for n in await applications.notes(db, application)],
        "moves": [row_json(m) for m in await applications.history(db, application)],
        # The employers' replies read from the mailbox about it (the mailbox's password is
        # never exported).
        "replies": [row_json(r) for r in await mailbox.replies_for(db, application_id)],
        "sentDocuments": sent,
    }
    await release_lock(db)
    db.expunge_all()
    await out.add(f"{base}.json", _dump(record))
    for document_id in sorted(with_pdf):
        pdf = await db.scalar(select(SentDocument.pdf).where(SentDocument.id == document_id))
        await release_lock(db)
        if pdf:
            await out.add(pdf_names[document_id], pdf)


async def _add_letter(db: AsyncSession, out: _Zip, settings: Settings, letter_id: str) -> int:
    """Write one cover letter; 1 when its PDF came from the render cache, else 0."""
    letter = await db.get(CoverLetter, letter_id)
    if letter is None:
        return 0
    versions = await db.scalars(
        select(CoverLetterVersion)
        .where(CoverLetterVersion.cover_letter_id == letter_id)
        .order_by(CoverLetterVersion.number)
    )
    record = {**row_json(letter), "versions": [row_json(v) for v in versions]}
    base = out.named("letters", await _offer_words(db, letter.job_offer_id), letter_id, "letter")
    key = None
    if letter.status == LetterStatus.COMPLETED:
        with contextlib.suppress(AppError):  # edited back to not written meanwhile
            key = letter_key(await letters.letter_spec(db, letter))
    await release_lock(db)
    db.expunge_all()
    await out.add(f"{base}.json", _dump(record))
    if key is None:
        return 0
    render = await asyncio.to_thread(RenderCache(renders_dir(settings)).get, key)
    if render is None:
        return 0
    await out.add(f"{base}.pdf", render.pdf)
    return 1


async def _add_search(db: AsyncSession, out: _Zip, search_id: str) -> None:
    search = await db.get(SavedSearch, search_id)
    if search is None:
        return
    sources = await db.scalars(
        select(FeedSource).where(FeedSource.search_id == search_id).order_by(FeedSource.created_at)
    )
    record = {**row_json(search), "sources": [row_json(f) for f in sources]}
    await release_lock(db)
    db.expunge_all()
    name = out.named("searches", search.name, search_id, "search")
    await out.add(f"{name}.json", _dump(record))


async def _add_rows(
    db: AsyncSession, out: _Zip, model: Any, folder: str, ids: list[str], fallback: str
) -> None:
    """One JSON file per row of ``model`` (read one at a time), named by its title and company
    (offers, inbox items)."""
    for row_id in ids:
        row = await db.get(model, row_id)
        await release_lock(db)
        if row is not None:
            words = f"{row.title or ''} {row.company or ''}"
            await out.add(
                f"{out.named(folder, words, row_id, fallback)}.json", _dump(row_json(row))
            )
            db.expunge(row)


async def build_export(db: AsyncSession, settings: Settings, user: User) -> tuple[IO[bytes], int]:
    """The ZIP (a temporary file, at its start; the caller closes it) and its size."""
    out = _Zip()
    try:
        tokens = await db.scalars(select(ApiToken).where(ApiToken.user_id == user.id))
        account = {**row_json(user), "apiTokens": [row_json(t) for t in tokens]}
        ledger = await db.scalars(
            select(CreditTransaction)
            .where(CreditTransaction.user_id == user.id)
            .order_by(CreditTransaction.created_at)
        )
        credits = [row_json(t) for t in ledger]
        tasks = await db.scalars(
            select(BackgroundTask)
            .where(BackgroundTask.user_id == user.id)
            .order_by(BackgroundTask.created_at)
        )
        history = [row_json(t) for t in tasks]
        stories = await db.scalars(
            select(Achievement)
            .where(Achievement.user_id == user.id)
            .order_by(Achievement.created_at, Achievement.id)
        )
        achievements = [row_json(a) for a in stories]  # text only: small, all at once
        await release_lock(db)
        await out.add("account.json", _dump(account))
        await out.add("credits.json", _dump(credits))
        await out.add("tasks.json", _dump(history))
        await out.add("achievements.json", _dump(achievements))
        for name, image in await photos.export_files(db, user.id):
            await out.add(name, image)
        await release_lock(db)
        cv_ids = await _ids(
            db, select(CvFile.id).where(CvFile.user_id == user.id).order_by(CvFile.created_at)
        )
        pdfs = 0
        for cv_id in cv_ids:
            pdfs += await _add_cv(db, out, settings, user, cv_id)
        offer_ids = await _ids(db, select(JobOffer.id).where(JobOffer.user_id == user.id))
        await _add_rows(db, out, JobOffer, "offers", offer_ids, "offer")
        generation_ids = await _ids(
            db, select(CvGenerationTask.id).where(CvGenerationTask.user_id == user.id)
        )
        for task_id in generation_ids:
            await _add_generation(db, out, task_id)
        for application_id in await _ids(
            db, select(Application.id).where(Application.user_id == user.id)
        ):
            await _add_application(db, out, application_id)
        letter_ids = await _ids(
            db,
            select(CoverLetter.id)
            .where(CoverLetter.user_id == user.id)
            .order_by(CoverLetter.created_at),
        )
        letter_pdfs = 0
        for letter_id in letter_ids:
            letter_pdfs += await _add_letter(db, out, settings, letter_id)
        written = await db.scalar(
            select(func.count())
            .select_from(CoverLetter)
            .where(CoverLetter.user_id == user.id, CoverLetter.status == LetterStatus.COMPLETED)
        )
        pitches = await db.scalars(
            select(Pitch).where(Pitch.user_id == user.id).order_by(Pitch.created_at)
        )
        pitch_rows = [row_json(p) for p in pitches]
        await release_lock(db)
        await out.add("pitches.json", _dump(pitch_rows))
        for search_id in await _ids(
            db, select(SavedSearch.id).where(SavedSearch.user_id == user.id)
        ):
            await _add_search(db, out, search_id)
        inbox_ids = await _ids(db, select(InboxItem.id).where(InboxItem.user_id == user.id))
        await _add_rows(db, out, InboxItem, "inbox", inbox_ids, "offer")
        conversations = await db.scalars(
            select(CoachConversation)
            .where(CoachConversation.user_id == user.id)
            .order_by(CoachConversation.created_at)
        )
        coach = [row_json(c) for c in conversations]
        await release_lock(db)
        await out.add("coach.json", _dump(coach))
        made = datetime.now(UTC).strftime("%Y-%m-%d %H:%M")
        text = readme(
            readme_locale(user.locale),
            email=user.email,
            made=made,
            pdf_count=pdfs,
            cv_count=len(cv_ids),
            letter_pdf_count=letter_pdfs,
            letter_count=int(written or 0),
        )
        await out.add("README.txt", text.encode())
        size = await out.finish()
    except BaseException:
        out.close()
        raise
    return out.file, size


async def stream_file(file: IO[bytes]) -> AsyncIterator[bytes]:
    """The temporary file in chunks, closed (and so removed) at the end or on disconnect."""
    try:
        while chunk := await asyncio.to_thread(file.read, CHUNK_BYTES):
            yield chunk
    finally:
        file.close()
