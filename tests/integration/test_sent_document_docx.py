"""The Word file of a CV marked as sent: built from the frozen copy (its content and language),
so an edit of the CV afterwards does not show; named like its PDF; linked from the application's
page; another user's, another application's or an unknown document answers 404. A worker
runs: the Word file is trimmed like the copy's PDF, so it needs that render."""

from __future__ import annotations

import copy
import io
import shutil
import zipfile
from typing import Any
from urllib.parse import unquote

import docx
import pdfplumber
from arq.worker import Worker
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import undefer

from app.config import Settings
from app.db.models import SentDocument, UserPhoto
from app.lib.docx_export import DOCX_MEDIA_TYPE
from app.lib.download_names import docx_filename
from app.lib.pdf_render import renders_dir
from app.lib.pdf_render.designs import SECTION_TITLES
from tests import factories
from tests.conftest import csrf_token, post_form, register
from tests.integration.test_photos import jpeg_with_gps, send_photo


def filename_of(response: Any) -> str:
    disposition = response.headers["content-disposition"]
    return unquote(disposition.split("filename*=UTF-8''", 1)[1])


def word_text(content: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)


async def _mark_sent(client: Any, offer_id: str, cv_id: str) -> tuple[str, dict[str, Any]]:
    """Track the offer and mark the CV sent: the application's id and its one sent document."""
    headers = {"x-csrftoken": await csrf_token(client)}
    tracked = await client.post("/api/applications", json={"jobOfferId": offer_id}, headers=headers)
    assert tracked.status_code == 201, tracked.text
    application_id = tracked.json()["id"]
    sent = await client.patch(
        f"/api/applications/{application_id}", json={"sentCvFileId": cv_id}, headers=headers
    )
    assert sent.status_code == 200, sent.text
    [document] = sent.json()["sentDocuments"]
    return application_id, document


async def test_the_sent_word_file_keeps_the_frozen_text_after_the_cv_is_edited(
    api: Any, db: AsyncSession, worker: Worker
) -> None:
    me = await register(api, "sent-word@example.com")
    source = await factories.source_cv(db, me["id"], factories.FR_CV, language="fr")
    offer = await factories.job_offer(db, me["id"])
    application_id, document = await _mark_sent(api, offer.id, source.id)
    assert document["docxUrl"] == (
        f"/api/applications/{application_id}/documents/{document['id']}/docx"
    )
    name = factories.FR_CV["header"]["name"]

    edited = copy.deepcopy(factories.FR_CV)
    edited["header"]["name"] = "Renamed Person"
    saved = await api.put(
        f"/api/cvs/{source.id}",
        json={"content": edited},
        headers={"x-csrftoken": await csrf_token(api)},
    )
    assert saved.status_code == 200, saved.text
    live = await api.get(f"/api/cvs/{source.id}/docx")
    assert "Renamed Person" in word_text(live.content)

    word = await api.get(document["docxUrl"])
    assert word.status_code == 200, word.text
    assert word.headers["content-type"] == DOCX_MEDIA_TYPE
    assert word.headers["cache-control"] == "private, no-store"
    text = word_text(word.content)
    assert name in text and "Renamed Person" not in text
    assert SECTION_TITLES["fr"]["experience"] in text  # the copy's language
    # The PDF's name rule (app/lib/download_names.py; a source CV: name and title), with the
    # name as it was when sent.
    header = factories.FR_CV["header"]
    assert filename_of(word) == docx_filename(name, header["current_title"])

    page = await api.get(f"/applications/{application_id}")
    assert page.status_code == 200
    assert f'href="{document["docxUrl"]}"' in page.text and "Word (.docx)" in page.text


async def test_another_users_or_another_applications_sent_word_file_answers_404(
    api: Any, another_browser: Any, db: AsyncSession, worker: Worker
) -> None:
    me = await register(api, "sent-word-owner@example.com")
    source = await factories.source_cv(db, me["id"])
    first = await factories.job_offer(db, me["id"], company="First")
    second = await factories.job_offer(db, me["id"], company="Second")
    application_id, document = await _mark_sent(api, first.id, source.id)
    other_application_id, _ = await _mark_sent(api, second.id, source.id)

    assert (await api.get(document["docxUrl"])).status_code == 200
    crossed = await api.get(
        f"/api/applications/{other_application_id}/documents/{document['id']}/docx"
    )
    assert crossed.status_code == 404
    assert crossed.json()["error"] == "application.document_not_found"
    unknown = await api.get(f"/api/applications/{application_id}/documents/nope/docx")
    assert unknown.status_code == 404
    async with another_browser() as other:
        await register(other, "sent-word-intruder@example.com")
        stolen = await other.get(document["docxUrl"])
        assert stolen.status_code == 404
        assert stolen.json()["error"] == "application.document_not_found"
    async with another_browser() as anonymous:
        assert (await anonymous.get(document["docxUrl"])).status_code == 401


def docx_media(content: bytes) -> list[str]:
    """The pictures a Word file embeds (the photo is the only one a CV has)."""
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return [name for name in archive.namelist() if name.startswith("word/media/")]


def pdf_reading(pdf: bytes) -> tuple[str, list[tuple[int, int]]]:
    """A PDF as a reader sees it: its text and the pixel size of each image on its pages."""
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        text = "\n".join(page.extract_text() or "" for page in doc.pages)
        images = [(int(i["srcsize"][0]), int(i["srcsize"][1])) for p in doc.pages for i in p.images]
    return text, images


async def test_a_sent_copy_is_the_download_photo_design_and_all(
    api: Any, db: AsyncSession, settings: Settings, worker: Worker
) -> None:
    """With the photo shown and the modern design, the frozen PDF is the downloaded PDF's bytes
    and both Word files carry the photo; once the cache is gone and the photo deleted, the copy
    still renders with the photo it was sent with (the worker, from the frozen copy)."""
    me = await register(api, "sent-photo@example.com")
    assert (await send_photo(api, jpeg_with_gps())).status_code == 303
    source = await factories.source_cv(db, me["id"])
    offer = await factories.job_offer(db, me["id"])
    chosen = await api.put(
        f"/api/cvs/{source.id}/design",
        json={"design": "modern", "pageBudget": 2, "showPhoto": True},
        headers={"x-csrftoken": await csrf_token(api)},
    )
    assert chosen.status_code == 200 and chosen.json()["hasPhoto"] is True, chosen.text
    pdf = (await api.get(f"/api/cvs/{source.id}/pdf")).content
    word = (await api.get(f"/api/cvs/{source.id}/docx")).content
    text, images = pdf_reading(pdf)
    assert images and len(docx_media(word)) == 1  # the photo, in both downloads

    application_id, document = await _mark_sent(api, offer.id, source.id)
    frozen = await db.scalar(
        select(SentDocument)
        .options(undefer(SentDocument.photo))
        .where(SentDocument.id == document["id"])
    )
    assert frozen is not None and (frozen.design, frozen.page_budget) == ("modern", 2)
    assert frozen.photo == (
        await db.scalar(
            select(UserPhoto.image).where(UserPhoto.user_id == me["id"], UserPhoto.kind == "photo")
        )
    )
    sent_pdf = await api.get(document["pdfUrl"])
    assert sent_pdf.status_code == 200 and sent_pdf.content == pdf  # the very bytes downloaded
    sent_word = await api.get(document["docxUrl"])
    assert sent_word.status_code == 200, sent_word.text
    assert docx_media(sent_word.content) == docx_media(word)
    assert word_text(sent_word.content) == word_text(word)

    # Neither the cache nor the account's photo is needed any more: the copy kept its own.
    shutil.rmtree(renders_dir(settings))
    await db.execute(update(SentDocument).values(pdf=None))
    await db.commit()
    removed = await post_form(api, "/account/photo/delete", {})
    assert removed.status_code == 303
    assert not pdf_reading((await api.get(f"/api/cvs/{source.id}/pdf")).content)[1]
    rendered = await api.get(document["pdfUrl"])
    assert rendered.status_code == 200, rendered.text
    assert pdf_reading(rendered.content) == (text, images)
    again = await api.get(f"/api/applications/{application_id}/documents/{document['id']}/docx")
    assert len(docx_media(again.content)) == 1 and word_text(again.content) == word_text(word)
