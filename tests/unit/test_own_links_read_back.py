"""The app's own PDFs print links host-only ("jdoe.github.io/notes", "linkedin.com/in/x",
"x.dev": app/lib/link_text.py); its reader (import, ATS check:
app/lib/parsing/fields/bare_hosts.py) reads them back whole, never "https://github.io/…", and
takes no product name ("Socket.io", "ASP.NET") for an address."""

from __future__ import annotations

from typing import Any

import pytest

from app.lib.ats_check.check import check_pdf
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.fields.contact import URL_RE
from app.lib.pdf_render import DESIGNS
from app.lib.pdf_text import read_pdf_text_sync
from tests.fixtures.own_links import LINKS, own_pdf


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("quill-maker.github.io/notes", ["quill-maker.github.io/notes"]),
        ("quill-maker.github.io", ["quill-maker.github.io"]),
        ("blog.quill.dev/posts/1", ["blog.quill.dev/posts/1"]),
        ("studio.quill-maker.co.uk/work", ["studio.quill-maker.co.uk/work"]),
        ("linkedin.com/in/oriane-quill", ["linkedin.com/in/oriane-quill"]),
        ("gitlab.com/oquill", ["gitlab.com/oquill"]),
        ("x.dev", ["x.dev"]),
        ("x.dev/cv", ["x.dev/cv"]),
        ("jo.ai/cv · anna.codes", ["jo.ai/cv", "anna.codes"]),
        ("Notes (quill-maker.github.io/notes)", ["quill-maker.github.io/notes)"]),
        (
            "Portfolio (quill.github.io) · fr.linkedin.com/in/x",
            ["quill.github.io", "fr.linkedin.com/in/x"],
        ),
        ("oriane.quill@example.com", []),  # an email's domain is no link
        ("oriane@blog.x.dev", []),
        ("oriane.quill.pro@example.com", []),  # nor its local part
        ("Socket.io, ASP.NET, Node.js, socket.io", []),  # product names
        ("README.md, x.devices, x.dev-tools", []),
    ],
)
def test_a_host_only_address_is_read_whole(text: str, found: list[str]) -> None:
    assert [m.group(0) for m in URL_RE.finditer(text)] == found


@pytest.mark.parametrize("design", sorted(DESIGNS))
async def test_the_apps_own_pdf_links_read_back_whole(design: str) -> None:
    pdf = own_pdf(design)
    text = read_pdf_text_sync(pdf, max_pages=4).text
    assert "quill-maker.github.io/notes" in text and "x.dev" in text  # printed host-only
    content = parse_cv_text(text).content
    urls = [link.url for link in content.header.links]
    assert urls == [url for _, url in LINKS], (urls, text[:400])
    assert [p.url for p in content.projects] == [""]  # "Socket.io" is no address

    report: dict[str, Any] = await check_pdf(pdf, max_pages=4)
    read = [row["values"]["text"] for row in report["fields"] if row["key"] == "link"]
    assert read == [url for _, url in LINKS]
