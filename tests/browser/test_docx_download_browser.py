"""The Word download in a real Chromium: the "Word (.docx)" button on a CV's page and on a
tailored CV's changes view saves a file that python-docx opens, named like the PDF."""

from __future__ import annotations

import io

import docx
import pytest
from arq.worker import Worker
from playwright.async_api import Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from app.db.models import CvFile, CvVersion
from app.lib.cv_content import CvContent
from tests import factories
from tests.browser.flows import sign_up_with_offers, signed_in_user_id, unique_email

pytestmark = pytest.mark.browser

CLICK_DELAY_MS = 150  # press and release like a person, not in the same instant


async def click_and_save(page: Page, name: str) -> tuple[str, docx.document.Document]:
    """Click the named link like a person and read the saved file back."""
    link = page.get_by_role("link", name=name).first
    await expect(link).to_be_visible()
    async with page.expect_download() as info:
        await link.click(delay=CLICK_DELAY_MS)
    download = await info.value
    saved = await download.path()
    assert saved is not None
    return download.suggested_filename, docx.Document(io.BytesIO(saved.read_bytes()))


async def test_word_buttons_save_a_docx_of_the_source_and_the_tailored_cv(
    browser_page: Page, js_errors: list[str], db: AsyncSession, worker: Worker
) -> None:
    """A worker runs: the Word file is trimmed like the CV's PDF, so it needs that render."""
    page = browser_page
    source_id, (offer_id,) = await sign_up_with_offers(
        page, db, "Alex Martin", unique_email("word"), ["Python Backend Developer"]
    )

    await page.goto(f"/cvs/{source_id}")
    name, document = await click_and_save(page, "Word (.docx)")
    assert name.endswith(".docx") and name.startswith("Alex Martin")
    assert [p.text for p in document.paragraphs if p.style and p.style.name == "Title"] == [
        "Alex Martin"
    ]

    user_id = await signed_in_user_id(page)
    tailored = CvFile(
        user_id=user_id,
        kind="generated",
        filename="Alex Martin - Python Backend Developer.pdf",
        content=CvContent.from_json(factories.EN_CV).to_json(),
        extraction_status="completed",
        job_offer_id=offer_id,
        language="en",
        generation_meta={"source_cv_id": source_id},
    )
    db.add(tailored)
    await db.flush()
    db.add(
        CvVersion(
            cv_file_id=tailored.id, version=1, content=tailored.content, created_by="tailoring"
        )
    )
    await db.commit()

    await page.goto(f"/cvs/{tailored.id}/changes")
    name, document = await click_and_save(page, "Word (.docx)")
    assert name == "Alex Martin - Python Backend Developer - Parcel Express.docx"
    bullets = [p.text for p in document.paragraphs if p.style and p.style.name == "List Bullet"]
    assert bullets[0] == factories.EN_CV["experience"][0]["bullets"][0]
    assert js_errors == []
