"""Which file text the match checks its quotes against (app/domain/matching/document.py): a
PDF's plain reading (poppler, as the import's second reading), a pasted text as pasted, nothing
for other files, and nothing once the user has edited the CV (its fields are then theirs)."""

from __future__ import annotations

import asyncio
import shutil

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, User
from app.domain.cvs.services import add_version
from app.domain.matching.document import document_text
from app.lib.cv_content import CvContent
from tests.factories import EN_CV
from tests.fixtures import pdfs

PASTED = "Sam Example\nWarehouse lead\nRan the inventory of two warehouses\n"


async def _cv(db: AsyncSession, data: bytes, mime: str) -> CvFile:
    user = User(email=f"doc-{mime.replace('/', '-')}@example.com", password_hash="x")
    db.add(user)
    await db.commit()
    row = CvFile(
        user_id=user.id,
        kind="source",
        filename="cv",
        content=CvContent.from_json(EN_CV).to_json(),
        extraction_status="completed",
        original_bytes=data,
        original_mime=mime,
    )
    db.add(row)
    await db.commit()
    return row


async def test_a_pasted_cv_is_checked_against_its_text_until_it_is_edited(
    db: AsyncSession, backend: str
) -> None:
    cv = await _cv(db, PASTED.encode(), "text/plain")
    assert await document_text(db, cv) == PASTED
    await add_version(db, cv, CvContent.from_json(EN_CV), "user_edit")
    await db.commit()
    assert await document_text(db, cv) == ""


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
async def test_a_pdf_is_checked_against_its_plain_reading(db: AsyncSession) -> None:
    data = await asyncio.to_thread(pdfs.cv_pdf, "en_one_column")
    cv = await _cv(db, data, "application/pdf")
    text = await document_text(db, cv)
    assert "Experience" in text or "EXPERIENCE" in text
    json_cv = await _cv(db, b"{}", "application/json")
    assert await document_text(db, json_cv) == ""
