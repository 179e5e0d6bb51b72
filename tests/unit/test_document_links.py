"""The contact details a PDF links (mailto:, a profile's address) as a second reading of the
header: read from a real PDF's link annotations, added where the text lacks them, never over
what the page prints whole, never someone else's profile. Synthetic people only."""

from __future__ import annotations

import pytest

from app.domain.cvs.rules_reading import parse_two_readings
from app.lib.cv_content import Header, Link
from app.lib.parsing.fields.document_links import add_document_links, linked_email
from app.lib.pdf_text import read_pdf_text_sync
from tests.fixtures.pdfs import render_html


def _header(email: str = "") -> Header:
    header = Header(name="Jeanne Morel")
    header.contact.email = email
    return header


def test_an_icon_linked_to_an_address_gives_the_e_mail_and_the_profile() -> None:
    html = (
        "<h1>Jeanne Morel</h1><p>Care assistant</p>"
        '<p><a href="mailto:jeanne.morel@example.org">✉ Email me</a> · '
        '<a href="https://www.linkedin.com/in/jeanne-morel-1a2b/">in</a></p>'
        "<h2>EXPERIENCE</h2><p>Care assistant</p><p>Hartley Care Home, Leeds</p>"
        "<p>2019 - 2023</p>"
    )
    read = read_pdf_text_sync(render_html(html), max_pages=2)
    assert "mailto:jeanne.morel@example.org" in read.links
    assert "jeanne.morel@example.org" not in read.text  # the page never prints it
    header = parse_two_readings(read.text, "", read.names, read.links).content.header
    assert header.contact.email == "jeanne.morel@example.org"
    assert [link.url for link in header.links] == ["https://www.linkedin.com/in/jeanne-morel-1a2b/"]


@pytest.mark.parametrize(
    ("printed", "text", "chosen"),
    [
        ("", "Jeanne Morel", "jeanne.morel@example.org"),  # the page prints none
        # pieced from a line the text layer broke: the author's own spelling wins
        ("morel@example.org", "jeanne. morel@example. org", "jeanne.morel@example.org"),
        # printed whole: what a recruiter reads stays, whatever the link says
        ("j.morel@example.com", "j.morel@example.com", "j.morel@example.com"),
    ],
)
def test_the_linked_e_mail_fills_or_mends_never_overrides_a_printed_one(
    printed: str, text: str, chosen: str
) -> None:
    header = _header(printed)
    add_document_links(header, ["mailto:jeanne.morel@example.org?subject=CV"], text)
    assert header.contact.email == chosen


def test_several_linked_addresses_settle_nothing() -> None:
    links = ["mailto:jeanne.morel@example.org", "mailto:referee@example.com", "mailto:nope"]
    assert linked_email(links) == ""
    assert linked_email(["mailto:JEANNE.MOREL@example.org", "mailto:jeanne.morel@example.org"])


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/company/hartley-care/",  # an employer's page
        "https://www.linkedin.com/in/maral-template-2a42/",  # a template's profile left linked
        "https://github.com/jeannemorel/care-rota",  # a project, not the profile
        "https://www.example.org/jeanne-morel",  # no profile site
    ],
)
def test_a_link_that_is_not_the_candidate_s_profile_is_left_out(url: str) -> None:
    header = _header()
    add_document_links(header, [url], "Jeanne Morel")
    assert header.links == []


def test_a_profile_the_header_holds_is_not_added_twice() -> None:
    header = _header()
    header.links = [Link(label="LinkedIn", url="https://linkedin.com/in/jeanne-morel-1a2b")]
    add_document_links(
        header,
        ["https://fr.linkedin.com/in/jeanne-morel-1a2b/", "https://github.com/jmorel-jeanne"],
        "Jeanne Morel",
    )
    assert [link.label for link in header.links] == ["LinkedIn", "GitHub"]
