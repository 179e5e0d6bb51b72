"""Scanned CVs (PDFs without a text layer) imported end to end: by Tesseract (OCR) in the
sandboxed reader, or by a model that sees images (the fake OpenAI-compatible server over real
HTTP, through the real ``openai`` client), with OCR as the fallback when the model cannot.

The OCR tests need Tesseract with its French and English models (``make document-deps``);
without them they are skipped and say why."""

from __future__ import annotations

import base64
import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest
from arq.worker import Worker
from sqlalchemy.ext.asyncio import AsyncSession

from app.config import Settings, build_settings
from app.domain.cvs.scans import VisionAccess, read_pdf
from app.lib.cv_content import CvContent
from app.lib.llm import LLMEndpoint
from app.lib.llm.vision import forget_probes
from app.lib.pdf_read.ocr_setup import ocr_status
from app.lib.pdf_text import read_pdf_text_sync
from tests.fakes.openai_server import FakeOpenAIServer, HttpError, RecordedRequest
from tests.fixtures import pdfs
from tests.fixtures.cv_samples import SAMPLES, score
from tests.fixtures.live import browser
from tests.integration.test_cv_import import upload, wait_for_import
from tests.integration.test_cv_import_llm import faithful_answer, use_llm

needs_tesseract = pytest.mark.skipif(
    not ocr_status("fra+eng").available,
    reason="Tesseract with its French and English models is not installed "
    "(make document-deps installs tesseract-ocr, tesseract-ocr-fra, tesseract-ocr-eng)",
)
CONTACT_LINE = (0.09, 0.105, 0.8, 0.125)  # blurred: OCR doubts the words there
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def fake_llm() -> Iterator[FakeOpenAIServer]:
    forget_probes()
    with FakeOpenAIServer() as server:
        yield server
    forget_probes()


def image_urls(request: RecordedRequest) -> list[str]:
    return [
        str(part["image_url"]["url"])
        for message in request.messages
        if isinstance(message.get("content"), list)
        for part in message["content"]
        if isinstance(part, dict) and part.get("type") == "image_url"
    ]


def is_probe(request: RecordedRequest) -> bool:
    return bool(image_urls(request)) and "colour of this picture" in request.text


def is_page(request: RecordedRequest) -> bool:
    return bool(image_urls(request)) and "Page 1 of 1." in request.text


def page_text(key: str) -> str:
    """What a faithful model writes out for the scanned page: the original's text layer."""
    return read_pdf_text_sync(pdfs.cv_pdf(key), max_pages=10).text


def local_settings(tmp_path: Path) -> Settings:
    return build_settings({"DATA_DIR": str(tmp_path / "var"), "SECRET_KEY": "k" * 40})


@needs_tesseract
async def test_a_scanned_cv_is_imported_by_ocr_and_its_doubts_shown_on_the_review_page(
    live_server: str, worker: Worker
) -> None:
    client = await browser(live_server, "scan@example.com")
    scan = pdfs.scanned_cv_pdf("fr_one_column", blur=CONTACT_LINE)
    response = await upload(client, "scan.pdf", scan)
    assert response.status_code == 202, response.text
    body = await wait_for_import(client, response.json()["id"], timeout=180)
    assert body["extractionStatus"] == "completed", body["extractionErrors"]
    content = CvContent.from_json(body["content"])
    expected = SAMPLES["fr_one_column"].expected
    assert score(content, expected)["experience"] == (3, 3)
    report = body["importReport"]
    assert report["textSource"] == "ocr"
    by_code = {item["code"]: item for item in report["items"]}
    assert by_code["text_ocr"]["severity"] == "info"
    assert "recognised by OCR" in by_code["text_ocr"]["message"]
    doubts = by_code["text_ocr_doubts"]
    assert doubts["severity"] == "warning" and doubts["values"]["count"] >= 3
    assert doubts["samples"]

    page = await client.get(f"/cvs/{body['id']}")
    assert page.status_code == 200
    html = page.text
    assert 'data-testid="ocr-doubts"' in html and html.count("<title>") >= 3
    assert 'data-testid="source-page"' in html  # the page image beside what was read
    assert "OCR" in html  # the report line, in the page's language


async def test_a_model_that_sees_images_reads_the_scan(
    live_server: str, worker: Worker, db: AsyncSession, fake_llm: FakeOpenAIServer
) -> None:
    await use_llm(db, fake_llm)
    fake_llm.script(when=is_probe, reply="Red.")
    fake_llm.script(when=is_page, reply=page_text("en_one_column"))
    fake_llm.script("<cv_text>", reply=faithful_answer())

    client = await browser(live_server, "vision@example.com")
    response = await upload(client, "scan.pdf", pdfs.scanned_cv_pdf("en_one_column"))
    body = await wait_for_import(client, response.json()["id"], timeout=120)
    assert body["extractionStatus"] == "completed", body["extractionErrors"]
    found = score(CvContent.from_json(body["content"]), SAMPLES["en_one_column"].expected)
    assert found["experience"] == (4, 4)
    report = body["importReport"]
    assert report["textSource"] == "vision"
    assert "text_vision" in {item["code"] for item in report["items"]}
    [page_request] = [r for r in fake_llm.chat_requests if is_page(r)]
    [url] = image_urls(page_request)
    assert url.startswith("data:image/png;base64,")
    png = base64.b64decode(url.removeprefix("data:image/png;base64,"))
    assert png.startswith(PNG_MAGIC) and len(png) > 10_000
    assert page_request.model == "import-model"
    # The probe came first, once; the extraction read the model's transcript.
    order = [
        ("probe" if is_probe(r) else "page" if is_page(r) else "other")
        for r in fake_llm.chat_requests
    ]
    assert order[:2] == ["probe", "page"] and order.count("probe") == 1


@needs_tesseract
async def test_a_text_only_model_leaves_the_scan_to_ocr(
    tmp_path: Path, fake_llm: FakeOpenAIServer
) -> None:
    fake_llm.script(
        when=lambda r: bool(image_urls(r)),
        reply=HttpError(400, "image input is not supported by this model"),
    )
    endpoint = LLMEndpoint(base_url=fake_llm.base_url, api_key="k")
    vision = VisionAccess(endpoint, "fake-model", "auto")
    scan = pdfs.scanned_cv_pdf("fr_one_column")
    reading = await read_pdf(scan, local_settings(tmp_path), vision)
    assert reading.via == "ocr" and reading.warnings == []
    assert reading.parsed.ocr is not None and reading.parsed.ocr.pages == [1]
    assert [is_probe(r) for r in fake_llm.chat_requests] == [True]  # asked once, then OCR
    await read_pdf(scan, local_settings(tmp_path), vision)
    assert len(fake_llm.chat_requests) == 1  # the answer is remembered


@needs_tesseract
async def test_a_model_failing_on_the_page_falls_back_to_ocr_and_says_so(
    tmp_path: Path, fake_llm: FakeOpenAIServer
) -> None:
    fake_llm.script(when=is_page, reply=HttpError(500))
    endpoint = LLMEndpoint(base_url=fake_llm.base_url, api_key="k")
    vision = VisionAccess(endpoint, "fake-model", "on")  # no probe: the admin said it sees
    reading = await read_pdf(pdfs.scanned_cv_pdf("fr_one_column"), local_settings(tmp_path), vision)
    assert reading.via == "ocr"
    [warning] = reading.warnings
    assert warning["code"] == "vision_failed" and "OCR" in warning["message"]
    assert [is_page(r) for r in fake_llm.chat_requests] == [True]


async def test_vision_off_sends_nothing_and_without_ocr_the_scan_is_refused(
    tmp_path: Path, fake_llm: FakeOpenAIServer
) -> None:
    endpoint = LLMEndpoint(base_url=fake_llm.base_url, api_key="k")
    vision = VisionAccess(endpoint, "fake-model", "off")
    settings = dataclasses.replace(local_settings(tmp_path), ocr_languages="")  # OCR off too
    from app.lib.pdf_text import PdfTextError

    with pytest.raises(PdfTextError) as caught:
        await read_pdf(pdfs.scanned_cv_pdf("fr_one_column"), settings, vision)
    assert caught.value.code == "no_text_layer"
    assert fake_llm.chat_requests == []
