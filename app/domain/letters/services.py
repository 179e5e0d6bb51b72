"""Cover letters: start one (requesting.py), read, list, edit (each save a version), restore a
version, delete, and what their PDF and Word file are made of (``LetterSpec``).

Every lookup is scoped to the owner: another user's letter answers exactly like a missing one
(404). Other features use letters through this module (the tracker's frozen copies:
app/domain/applications/sent.py).
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CoverLetter, CoverLetterVersion, User
from app.domain.letters.lifecycle import LETTER, announce, require_completed
from app.domain.letters.rendering import (
    RENDER_LETTER_JOB,
    LetterSpec,
    docx_bytes,
    frozen_copy,
    letter_docx,
    letter_pdf,
    letter_spec,
    owned_spec,
    spec_from_copy,
)
from app.domain.letters.requesting import (
    add_for_generation,
    check_options,
    request_letter,
    start_waiting,
    users_with_waiting_letters,
)
from app.lib.dependencies import TaskQueue
from app.lib.errors import NotFound
from app.lib.events import Publisher
from app.lib.i18n import N_
from app.lib.input_errors import InputError
from app.lib.letter_content import LetterContent

__all__ = [
    "RENDER_LETTER_JOB",
    "LetterSpec",
    "add_for_generation",
    "check_options",
    "delete_letter",
    "docx_bytes",
    "frozen_copy",
    "get_letter",
    "letter_docx",
    "letter_pdf",
    "letter_spec",
    "letter_versions",
    "list_letters",
    "owned_spec",
    "request_letter",
    "restore_version",
    "save_letter",
    "spec_from_copy",
    "start_waiting",
    "users_with_waiting_letters",
]

EMPTY_LETTER = N_("A letter needs at least one paragraph.")
MAX_VERSION = 2**31 - 1


async def get_letter(session: AsyncSession, user: User | str, letter_id: str) -> CoverLetter:
    missing = NotFound(N_("No such cover letter."), code="letter.not_found")
    return await LETTER.owned(session, user, letter_id, missing)


async def list_letters(
    session: AsyncSession,
    user: User,
    *,
    job_offer_id: str | None = None,
    cv_file_id: str | None = None,
) -> list[CoverLetter]:
    stmt = select(CoverLetter).where(CoverLetter.user_id == user.id)
    if job_offer_id:
        stmt = stmt.where(CoverLetter.job_offer_id == job_offer_id)
    if cv_file_id:
        stmt = stmt.where(CoverLetter.cv_file_id == cv_file_id)
    rows = await session.scalars(stmt.order_by(CoverLetter.created_at.desc(), CoverLetter.id))
    return list(rows)


def checked_content(content: LetterContent) -> LetterContent:
    if not content.paragraphs:
        raise InputError(EMPTY_LETTER, code="letter.empty", where="content.paragraphs")
    return content


async def _add_version(
    session: AsyncSession, letter: CoverLetter, content: LetterContent, origin: str
) -> CoverLetterVersion:
    letter.version = int(letter.version or 0) + 1
    letter.content = content.to_json()
    version = CoverLetterVersion(
        cover_letter_id=letter.id, number=letter.version, origin=origin, content=letter.content
    )
    session.add(version)
    await session.flush()
    return version


async def save_letter(
    session: AsyncSession, user: User, letter_id: str, content: LetterContent
) -> CoverLetter:
    """The user's edit, kept and committed as the next version."""
    letter = await get_letter(session, user, letter_id)
    require_completed(letter)
    await _add_version(session, letter, checked_content(content), "edited")
    await session.commit()
    return letter


async def letter_versions(
    session: AsyncSession, user: User, letter_id: str
) -> list[CoverLetterVersion]:
    letter = await get_letter(session, user, letter_id)
    rows = await session.scalars(
        select(CoverLetterVersion)
        .where(CoverLetterVersion.cover_letter_id == letter.id)
        .order_by(CoverLetterVersion.number.desc())
    )
    return list(rows)


async def restore_version(
    session: AsyncSession, user: User, letter_id: str, number: int
) -> CoverLetter:
    """Make version ``number`` current again, as a new version (history is append-only)."""
    letter = await get_letter(session, user, letter_id)
    require_completed(letter)
    source = None
    if 1 <= number <= MAX_VERSION:
        source = await session.scalar(
            select(CoverLetterVersion).where(
                CoverLetterVersion.cover_letter_id == letter.id,
                CoverLetterVersion.number == number,
            )
        )
    if source is None:
        raise NotFound(N_("No such version."), code="letter.version_not_found")
    await _add_version(session, letter, LetterContent.from_json(source.content), "restored")
    await session.commit()
    return letter


async def delete_letter(
    session: AsyncSession, queue: TaskQueue, user: User, letter_id: str
) -> None:
    """Delete a letter; one still being written is cancelled first (refunded once)."""
    await LETTER.delete(session, queue, await get_letter(session, user, letter_id))


async def commit_and_announce(
    session: AsyncSession, publisher: Publisher, letter: CoverLetter
) -> None:
    await session.commit()
    await announce(publisher, letter)
