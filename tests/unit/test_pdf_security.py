"""Hardened rendering: hostile CV text is printed as text, and even raw hostile HTML cannot make
WeasyPrint read a server file or send a request (a real local HTTP server counts requests)."""

from __future__ import annotations

import base64
import io
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from weasyprint import HTML
from weasyprint.urls import URLFetcher

from app.lib.cv_content import CvContent, Experience, Header
from app.lib.pdf_render import DESIGNS, render_cv_html
from app.lib.pdf_render.fetcher import BlockedURL, SafeURLFetcher
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.html import CV_DESIGNS_DIR
from app.lib.pdf_render.layout import layout

# 1×1 red PNG
PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
)


class Recorder(BaseHTTPRequestHandler):
    hits: list[str] = []  # noqa: RUF012 - shared on purpose, reset by the fixture

    def do_GET(self) -> None:
        Recorder.hits.append(self.path)
        body = b"body { background: red }" if self.path.endswith(".css") else PNG
        self.send_response(200)
        self.send_header("Content-Type", "text/css" if self.path.endswith(".css") else "image/png")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[str]:
    Recorder.hits = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def hostile_payloads(base: str) -> list[str]:
    return [
        '<link rel="attachment" href="file:///etc/hostname">',
        '<img src="file:///etc/passwd">',
        f'<div style="background: url({base}/style-url.png)">x</div>',
        f"<style>@import url({base}/imported.css); p {{ background: url({base}/bg.png) }}</style>",
        f'<img src="{base}/remote.png">',
        "<script>alert(document.cookie)</script>",
    ]


def attachments_and_images(pdf: bytes) -> tuple[int, int]:
    doc = pypdfium2.PdfDocument(pdf)
    try:
        attachments = doc.count_attachments()
    finally:
        doc.close()
    with pdfplumber.open(io.BytesIO(pdf)) as plumber:
        images = sum(len(page.images) for page in plumber.pages)
    return attachments, images


def pdf_text(pdf: bytes) -> str:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return " ".join(page.extract_text() or "" for page in doc.pages)


def test_the_harness_sees_what_an_unprotected_render_would_do(http_server: str) -> None:
    """Control: WeasyPrint's own fetcher does read the file and call the server."""
    html = "<p>x</p>" + "".join(hostile_payloads(http_server))
    pdf = HTML(string=html, url_fetcher=URLFetcher()).write_pdf()
    attachments, images = attachments_and_images(pdf)
    assert attachments == 1 and images >= 1
    assert Recorder.hits, "the default fetcher reached the server"


@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_hostile_cv_text_is_printed_as_text_and_fetches_nothing(
    http_server: str, design: str
) -> None:
    payloads = hostile_payloads(http_server)
    cv = CvContent(
        header=Header(name='Eve <img src="file:///etc/passwd">', current_title=payloads[3]),
        summary=payloads[2],
        experience=[
            Experience(
                title="Role <b>bold</b>",
                company=payloads[5],
                start="2020",
                bullets=payloads,
                description='"><link rel=stylesheet href="file:///etc/hostname">',
            )
        ],
    )
    result = render_to_budget(
        cv.to_json(), design=design, locale="en", page_budget=2, relevance=None
    )
    assert attachments_and_images(result.pdf) == (0, 0)
    assert Recorder.hits == []
    assert result.extra["blockedUrls"] == []  # escaped text never even became a URL
    text = re.sub(r"\s+", "", pdf_text(result.pdf))
    for payload in payloads:
        assert re.sub(r"\s+", "", payload) in text, payload
    # The HTML the preview serves carries it escaped, outside any element or attribute.
    assert "&lt;script&gt;alert(document.cookie)&lt;/script&gt;" in result.html
    for tag in ("<script", "<img", "<link", "<div style"):
        assert tag not in result.html


def test_raw_hostile_html_is_contained_by_the_fetcher(http_server: str) -> None:
    """Even if hostile markup reached WeasyPrint unescaped, nothing is read or requested."""
    html = "<p>visible</p>" + "".join(hostile_payloads(http_server))
    fetcher = SafeURLFetcher()
    document = layout(html, fetcher)
    pdf = document.write_pdf()
    assert attachments_and_images(pdf) == (0, 0)
    assert Recorder.hits == []
    blocked = " ".join(fetcher.blocked)
    for target in ("file:///etc/hostname", "file:///etc/passwd", "/imported.css", "/remote.png"):
        assert target in blocked


def test_fetcher_allows_data_urls_and_bundled_assets_only(tmp_path: Path) -> None:
    data_url = "data:image/png;base64," + base64.b64encode(PNG).decode()
    pdf = layout(f'<img src="{data_url}">').write_pdf()
    assert attachments_and_images(pdf) == (0, 1)  # data: images do render

    fetcher = SafeURLFetcher()
    asset = CV_DESIGNS_DIR / "_base.css"
    response = fetcher.fetch(asset.as_uri())
    assert response.read() == asset.read_bytes()
    assert response.content_type == "text/css"
    refused = [
        (CV_DESIGNS_DIR / ".." / ".." / "app" / "config.py").as_uri(),  # traversal
        f"file://{CV_DESIGNS_DIR}/../../litestar.toml",
        (CV_DESIGNS_DIR / "classic" / "cv.html").as_uri(),  # not an asset type
        "file://evil.example.com/etc/passwd",
        "file:///etc/passwd",
        "http://127.0.0.1:9/x.css",
        "https://example.com/x.png",
        "ftp://example.com/x",
        "data:text/plain;base64," + "A" * (3 * 1024 * 1024),  # oversized
    ]
    for url in refused:
        with pytest.raises(BlockedURL):
            fetcher.fetch(url)
    # A symlink inside the asset root that points outside is refused too.
    root = tmp_path / "assets"
    root.mkdir()
    (root / "inside.css").write_text("p { color: red }")
    (root / "escape.css").symlink_to("/etc/hostname")
    jailed = SafeURLFetcher(asset_root=root)
    assert jailed.fetch((root / "inside.css").as_uri()).read() == b"p { color: red }"
    with pytest.raises(BlockedURL):
        jailed.fetch((root / "escape.css").as_uri())


def test_no_template_puts_a_variable_inside_style() -> None:
    """User/LLM text never lands in <style> or style=: CSS files and style blocks are literal."""
    templates = list(CV_DESIGNS_DIR.rglob("*.html"))
    assert len(templates) >= 4
    for path in templates:
        source = path.read_text()
        for block in re.findall(r"<style[^>]*>(.*?)</style>", source, re.DOTALL | re.IGNORECASE):
            assert "{{" not in block, path
            assert not re.search(r"{%-?\s*include\s+[^\"']", block), path  # only literal includes
        assert not re.search(r"\bstyle\s*=", source, re.IGNORECASE), path
    for css in CV_DESIGNS_DIR.rglob("*.css"):
        assert "{{" not in css.read_text() and "{%" not in css.read_text(), css


def test_autoescape_is_on_for_every_field() -> None:
    marker = '<i onmouseover="x">&amp;'
    cv = CvContent(
        header=Header(name=marker, current_title=marker),
        summary=marker,
        experience=[Experience(title=marker, company=marker, bullets=[marker], skills=[marker])],
    )
    for design in DESIGNS:
        html = render_cv_html(cv, design=design, locale="en")
        assert "<i onmouseover" not in html
        assert html.count("&lt;i onmouseover=&#34;x&#34;&gt;&amp;amp;") >= 6
