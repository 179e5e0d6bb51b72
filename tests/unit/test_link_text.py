"""Links print their address: the pure rule (app/lib/link_text.py), then a real PDF read back by
pdfplumber and the Word export read back by python-docx, both carrying the URL as text."""

from __future__ import annotations

import io
import re

import docx
import pdfplumber
import pytest

from app.lib.cv_content import Contact, CvContent, Experience, Header, Link, Project
from app.lib.docx_export import cv_docx_bytes
from app.lib.link_text import link_address, link_text
from app.lib.pdf_render import DESIGNS
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.html import render_cv_html

# Wider than the page at the contact line's size, with no space nor "/" to break at for most
# of it: without overflow-wrap: anywhere it runs off the page.
LONG_URL = "https://example.org/" + "reports" * 25 + "/final"
RIGHT_MARGIN_PT = 16 / 25.4 * 72  # templates/cv_designs/_base.css @page


@pytest.mark.parametrize(
    ("href", "address"),
    [
        ("https://www.linkedin.com/in/jane-doe/", "linkedin.com/in/jane-doe"),
        ("http://github.com/jdoe", "github.com/jdoe"),
        ("HTTPS://WWW.Example.com//", "Example.com"),
        ("https://example.com/a?b=1#c", "example.com/a?b=1#c"),
        ("mailto:jane@example.com?subject=Hello", "jane@example.com"),
        ("MAILTO:jane%40example.com", "jane@example.com"),
    ],
)
def test_address_drops_scheme_www_and_trailing_slash(href: str, address: str) -> None:
    assert link_address(href) == address


@pytest.mark.parametrize(
    ("label", "href", "text"),
    [
        # The label only names the site: the address alone.
        ("LinkedIn", "https://www.linkedin.com/in/jane-doe/", "linkedin.com/in/jane-doe"),
        ("Website", "https://jane.dev/", "jane.dev"),
        ("Portfolio", "https://www.behance.net/jane", "behance.net/jane"),
        ("GitHub", "https://github.com/jdoe", "github.com/jdoe"),
        ("GitHub", "https://jdoe.github.io/", "jdoe.github.io"),
        ("My LinkedIn profile", "https://linkedin.com/in/jd", "linkedin.com/in/jd"),
        ("Site web", "https://jane.fr", "jane.fr"),
        ("", "https://jane.dev", "jane.dev"),
        ("github.com/jdoe", "https://github.com/jdoe", "github.com/jdoe"),
        ("https://www.github.com/jdoe/", "https://github.com/jdoe", "github.com/jdoe"),
        # mailto: the email, whatever the label.
        ("Email me", "mailto:jane@example.com", "jane@example.com"),
        # The label says more (a project title): label and address.
        (
            "pgschema-diff",
            "https://github.com/jd/pgschema-diff",
            "pgschema-diff (github.com/jd/pgschema-diff)",
        ),
        ("Acme Shop", "https://acme.com/", "Acme Shop (acme.com)"),
        # No vetted href: the label as written, never an unsafe URL.
        ("  Blog  ", None, "Blog"),
        ("Blog", "", "Blog"),
    ],
)
def test_link_text(label: str, href: str | None, text: str) -> None:
    assert link_text(label, href) == text


def _linked_cv() -> CvContent:
    return CvContent(
        header=Header(
            name="Jane Doe",
            current_title="Engineer",
            contact=Contact(email="jane@example.com"),
            links=[
                Link(label="LinkedIn", url="https://www.linkedin.com/in/jane-doe/"),
                Link(label="Website", url="https://janedoe.dev/"),
                Link(label="GitHub", url="github.com/jdoe"),
                Link(label="Reports", url=LONG_URL),
                Link(label="evil", url="javascript:alert(1)"),
            ],
        ),
        experience=[Experience(title="Engineer", company="ACME", bullets=["Shipped things."])],
        projects=[
            Project(
                name="pgschema-diff",
                role="Author",
                url="https://github.com/jdoe/pgschema-diff",
                bullets=["Compares schemas."],
            ),
            Project(name="Reports", url=LONG_URL),
        ],
    )


EXPECTED = [
    "linkedin.com/in/jane-doe",
    "janedoe.dev",
    "github.com/jdoe",
    "pgschema-diff (github.com/jdoe/pgschema-diff)",
]


def _squeezed(text: str) -> str:
    """Whitespace removed: a long address wraps onto several lines of the page."""
    return re.sub(r"\s+", "", text)


def test_html_keeps_the_links_clickable_and_prints_their_address() -> None:
    html = render_cv_html(_linked_cv(), design="classic", locale="en")
    assert '<a href="https://www.linkedin.com/in/jane-doe/">linkedin.com/in/jane-doe</a>' in html
    assert '<a href="https://github.com/jdoe">github.com/jdoe</a>' in html
    assert (
        '<a href="https://github.com/jdoe/pgschema-diff">'
        "pgschema-diff (github.com/jdoe/pgschema-diff)</a>" in html
    )
    assert "javascript:" not in html and ">evil<" in html


@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_pdf_prints_every_address_and_wraps_a_long_one(design: str) -> None:
    result = render_to_budget(
        _linked_cv().to_json(), design=design, locale="en", page_budget=1, relevance=None
    )
    with pdfplumber.open(io.BytesIO(result.pdf)) as pdf:
        page = pdf.pages[0]
        text = page.extract_text() or ""
        # Nothing drawn past the right margin: the long addresses wrapped instead.
        edge = page.width - RIGHT_MARGIN_PT + 1
        overflow = [w["text"] for w in page.extract_words() if w["x1"] > edge]
        links = {a.get("uri") for a in page.annots or []}
    for address in EXPECTED:
        assert _squeezed(address) in _squeezed(text), f"{address!r} not in {text!r}"
    assert _squeezed(LONG_URL.removeprefix("https://")) in _squeezed(text)
    assert not overflow, overflow
    assert "https://github.com/jdoe/pgschema-diff" in links  # still clickable
    assert "LinkedIn" not in text and "Website" not in text


def test_docx_prints_every_address_as_a_hyperlink() -> None:
    data = cv_docx_bytes(_linked_cv(), locale="en")
    document = docx.Document(io.BytesIO(data))
    text = "\n".join(p.text for p in document.paragraphs)
    for address in EXPECTED:
        assert address in text
    assert LONG_URL.removeprefix("https://") in text
    assert "LinkedIn" not in text and "Website" not in text
    heading = next(p for p in document.paragraphs if p.text.startswith("pgschema-diff"))
    assert heading.text == "pgschema-diff (github.com/jdoe/pgschema-diff) — Author"
    targets = {rel._target for rel in document.part.rels.values() if rel.is_external}
    assert {"https://www.linkedin.com/in/jane-doe/", "https://github.com/jdoe"} <= targets
    assert "https://github.com/jdoe/pgschema-diff" in targets
