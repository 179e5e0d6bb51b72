"""The achievements bank as source material: a generation's source CV gets, on each of its
experiences, the user's complete achievements linked to it (``Experience.evidence``, in memory
only; ``core/evidence.py`` says how they are used)."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile
from app.domain.achievements import services as achievements
from app.lib.cv_content import CvContent
from jobs.pipeline.core.text import guess_language


async def attach_bank(session: AsyncSession, row: CvFile, content: CvContent) -> int:
    """Attach the achievements linked to ``row``'s experiences to ``content``; how many were.
    Only those in the CV's language: the claim checks compare a sentence with its item's
    words, and the offline engine copies the result as written."""
    language = row.language or guess_language(content.full_text())
    return await achievements.attach_evidence(session, row, content, language)
