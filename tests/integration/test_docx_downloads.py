"""Word downloads over HTTP: a source CV and an offline-tailored one, FR and EN, read back with
python-docx and compared with the PDF the same app serves (owner scoping and sign-in: the IDOR and
anonymous-caller sweeps of tests/security/, which cover every route)."""

from __future__ import annotations

import io
import re
from typing import Any
from urllib.parse import unquote

import docx
import pdfplumber
from arq.worker import Worker
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from app.lib.docx_export import DOCX_MEDIA_TYPE
from app.lib.pdf_render.designs import SECTION_TITLES
from app.lib.pdf_render.samples import long_cv
from tests import factories
from tests.conftest import register
from tests.integration.pipeline_helpers import generate, wait_finished


def letters(text: str) -> str:
    """Letters and digits only: the PDF's line breaks, bullets and CSS separators do not count."""
    return re.sub(r"[\W_]+", "", text.lower())


def filename_of(response: Any) -> str:
    disposition = response.headers["content-disposition"]
    assert disposition.startswith("attachment;")
    return unquote(disposition.split("filename*=UTF-8''", 1)[1])


async def download_both(
    api: Any, cv_id: str, page_budget: int = 3
) -> tuple[docx.document.Document, str, str]:
    """The Word document, its text and the PDF's text, at ``page_budget`` (by default one where
    the PDF trims nothing)."""
    design = await api.put(f"/api/cvs/{cv_id}/design", json={"pageBudget": page_budget})
    assert design.status_code == 200, design.text
    word = await api.get(f"/api/cvs/{cv_id}/docx")
    assert word.status_code == 200, word.text
    assert word.headers["content-type"] == DOCX_MEDIA_TYPE
    assert word.headers["cache-control"] == "private, no-store"
    pdf = await api.get(f"/api/cvs/{cv_id}/pdf")
    assert pdf.status_code == 200, pdf.text
    assert filename_of(word) == filename_of(pdf).removesuffix(".pdf") + ".docx"
    document = docx.Document(io.BytesIO(word.content))
    with pdfplumber.open(io.BytesIO(pdf.content)) as doc:
        pdf_text = "\n".join(page.extract_text() or "" for page in doc.pages)
    return document, "\n".join(p.text for p in document.paragraphs), pdf_text


def headings(document: docx.document.Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


async def test_source_and_tailored_cvs_download_as_word_with_the_pdf_text(
    api: Any,
    db: AsyncSession,
    session_factory: async_sessionmaker[AsyncSession],
    worker: Worker,
) -> None:
    me = await register(api, "word@example.com")
    for content, language, offer in (
        (factories.EN_CV, "en", factories.EN_OFFER),
        (factories.FR_CV, "fr", factories.FR_OFFER),
    ):
        source = await factories.source_cv(db, me["id"], content, language=language)
        document, text, pdf_text = await download_both(api, source.id)
        assert letters(text) == letters(pdf_text)
        assert headings(document, "Title") == [content["header"]["name"]]
        titles = SECTION_TITLES[language]
        assert titles["experience"] in headings(document, "Heading 1")
        assert document.core_properties.author == content["header"]["name"]
        assert document.core_properties.language.startswith(language)

        row = await factories.job_offer(db, me["id"], **offer)
        started = await generate(api, source.id, [row.id])
        assert started.status_code == 200, started.text
        task = await wait_finished(session_factory, started.json()["taskId"])
        assert task.status == "completed", task.error
        tailored_id = task.generated_cv_ids[0]
        document, text, pdf_text = await download_both(api, tailored_id)
        assert letters(text) == letters(pdf_text)
        assert headings(document, "Heading 1")[0] in titles.values()
        assert headings(document, "List Bullet"), "the tailored CV keeps bullet lists"
        word = await api.get(f"/api/cvs/{tailored_id}/docx")
        name = filename_of(word)
        assert name.endswith(".docx") and offer["company"] in name and offer["title"] in name


async def test_the_word_file_is_trimmed_like_the_pdf(
    api: Any, db: AsyncSession, worker: Worker
) -> None:
    """A CV over its page budget: the PDF leaves bullets out, and the Word file is that CV (the
    one the user reviewed), not the untrimmed content."""
    me = await register(api, "word-trimmed@example.com")
    # Over two pages even at the fit's smallest type (fit.py, rule 0), two once trimmed (a
    # budget even the most trimmed version misses would grow instead: fit.py, rule 2).
    source = await factories.source_cv(db, me["id"], long_cv(4).to_json(), language="en")
    _, untrimmed, _ = await download_both(api, source.id, page_budget=3)
    document, text, pdf_text = await download_both(api, source.id, page_budget=2)
    assert len(letters(pdf_text)) < len(letters(untrimmed)), "the PDF trims nothing"
    assert letters(text) == letters(pdf_text)
    cv = long_cv(4)
    bullets = sum(len(item.bullets) for item in [*cv.experience, *cv.projects])
    assert len(headings(document, "List Bullet")) < bullets
