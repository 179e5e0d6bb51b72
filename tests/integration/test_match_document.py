"""Which file text the match checks its quotes against (app/domain/matching/document.py): a
PDF's plain reading (poppler, as the import's second reading), a pasted text as pasted, nothing
for other files, and nothing once the user has edited the CV (its fields are then theirs)."""

from __future__ import annotations

import asyncio
import shutil
from typing import Any

import pytest
from arq.worker import Worker
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, User
from app.domain.cvs.services import IMPORT_VERSION, add_version
from app.domain.matching.document import document_text
from app.lib.cv_content import CvContent
from tests.conftest import register
from tests.factories import EN_CV
from tests.fixtures import pdfs
from tests.fixtures.cv_texts import TEXT_CVS
from tests.integration.test_own_links_import_ats import wait_imported

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
    # The version every import stores (jobs/imports.py) is the reader's fields: still checked.
    await add_version(db, cv, CvContent.from_json(EN_CV), IMPORT_VERSION)
    await db.commit()
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


async def test_a_cv_imported_by_the_worker_is_checked_against_its_text(
    api: Any, worker: Worker, db: AsyncSession
) -> None:
    """On the user's path: the import stores its reading as the CV's first version, and that
    version is no edit, so the match still checks quotes against the pasted text."""
    await register(api, "doc-imported@example.com")
    text = TEXT_CVS["fr_dates_first"].text
    sent = await api.post("/api/cvs", json={"text": text})
    assert sent.status_code == 202, sent.text
    imported = await wait_imported(api, sent.json()["id"])
    assert imported["extractionStatus"] == "completed", imported["extractionErrors"]
    cv = await db.get(CvFile, imported["id"])
    assert cv is not None
    assert (await document_text(db, cv)).strip() == text.strip()
