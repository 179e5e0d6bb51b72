"""A picture of a CV (JPEG, PNG or WebP) is imported like a scanned PDF (app/domain/cvs/intake.py):
its headers checked, decoded in the limited child into a one-page PDF, read by OCR, and shown
beside what was read. The pictures are made in the test: a sample CV drawn to an image.

The OCR test needs Tesseract with its French and English models (``make document-deps``);
without them it is skipped and says why."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2
import pytest
from arq.worker import Worker
from litestar import Litestar
from litestar.testing import AsyncTestClient
from PIL import Image

from app.config import Settings, build_settings
from app.domain.cvs.intake import classify_upload, scan_of_image
from app.lib.cv_content import CvContent
from app.lib.input_errors import InputError
from app.lib.pdf_read.ocr_setup import ocr_status
from app.lib.pdf_text import PdfTextError, read_pdf_text_sync
from tests.conftest import csrf_token, register
from tests.fixtures import pdfs
from tests.fixtures.cv_samples import SAMPLES, score
from tests.fixtures.image_bombs import scan_bomb
from tests.fixtures.live import browser
from tests.integration.test_cv_import import upload, wait_for_import

needs_tesseract = pytest.mark.skipif(
    not ocr_status("fra+eng").available,
    reason="Tesseract with its French and English models is not installed "
    "(make document-deps installs tesseract-ocr, tesseract-ocr-fra, tesseract-ocr-eng)",
)
PNG = b"\x89PNG\r\n\x1a\n"


def cv_picture(key: str, fmt: str, dpi: int = 200) -> bytes:
    """Sample CV ``key`` drawn to a picture, as a phone or a screenshot would give it."""
    document = pypdfium2.PdfDocument(pdfs.cv_pdf(key))
    picture: Image.Image = document[0].render(scale=dpi / 72).to_pil().convert("RGB")
    document.close()
    out = io.BytesIO()
    picture.save(out, format=fmt, **({"quality": 92} if fmt != "PNG" else {}))
    return out.getvalue()


def local_settings(tmp_path: Path) -> Settings:
    return build_settings({"DATA_DIR": str(tmp_path / "var"), "SECRET_KEY": "k" * 40})


@pytest.mark.parametrize(("fmt", "name"), [("JPEG", "cv.jpg"), ("WEBP", "cv.webp")])
async def test_each_picture_type_becomes_a_scanned_pdf(tmp_path: Path, fmt: str, name: str) -> None:
    settings = local_settings(tmp_path)
    picture = classify_upload(name, cv_picture("fr_one_column", fmt, dpi=100), settings)
    assert picture.kind == "image"
    scan = await scan_of_image(picture, settings)
    assert (scan.kind, scan.mime, scan.filename) == ("pdf", "application/pdf", "cv.pdf")
    document = pypdfium2.PdfDocument(scan.data)
    assert len(document) == 1
    document.close()
    # A page that is all picture: the reader sends it to OCR (here without: refused as a scan).
    with pytest.raises(PdfTextError) as raised:
        read_pdf_text_sync(scan.data, max_pages=10)
    assert raised.value.code == "no_text_layer"


async def test_a_hostile_picture_is_refused_before_any_decoding(tmp_path: Path) -> None:
    settings = local_settings(tmp_path)
    picture = classify_upload("cv.jpg", scan_bomb(), settings)
    with pytest.raises(InputError) as raised:
        await scan_of_image(picture, settings)
    assert raised.value.code == "cv.image_too_many_scans"
    with pytest.raises(InputError) as raised:
        classify_upload("cv.docx", b"PK\x03\x04 a Word file", settings)
    assert "JPEG, PNG or WebP" in str(raised.value)


async def test_the_import_form_takes_a_picture(client: AsyncTestClient[Litestar]) -> None:
    await register(client, "form-picture@example.com")
    answer = await client.post(
        "/cvs/upload",
        data={"_csrf_token": await csrf_token(client)},
        files={"file": ("phone.webp", cv_picture("en_two_column", "WEBP", 100), "image/webp")},
        follow_redirects=False,
    )
    assert answer.status_code == 303 and answer.headers["location"].startswith("/cvs/")
    cv_id = answer.headers["location"].removeprefix("/cvs/")
    stored = (await client.get(f"/api/cvs/{cv_id}")).json()
    assert stored["filename"] == "phone.pdf"
    page = await client.get("/cvs", headers={"accept-language": "en"})
    assert "a picture of your CV (JPEG, PNG, WebP)" in page.text
    assert "image/webp" in page.text  # the file input offers pictures


@needs_tesseract
async def test_a_png_of_a_cv_is_imported_through_ocr(live_server: str, worker: Worker) -> None:
    client = await browser(live_server, "picture@example.com")
    response = await upload(client, "my-cv.png", cv_picture("en_one_column", "PNG"), "image/png")
    assert response.status_code == 202, response.text
    body = await wait_for_import(client, response.json()["id"], timeout=180)
    assert body["extractionStatus"] == "completed", body["extractionErrors"]
    assert body["filename"] == "my-cv.pdf"
    assert body["importReport"]["textSource"] == "ocr"
    content = CvContent.from_json(body["content"])
    expected = SAMPLES["en_one_column"].expected
    assert content.header.name == expected.name
    assert score(content, expected)["experience"] == (4, 4)
    # The review page shows the picture as the uploaded file's page.
    page = await client.get(f"/cvs/{body['id']}/pages/1")
    assert page.status_code == 200 and page.content.startswith(PNG)
