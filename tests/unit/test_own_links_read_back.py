"""The app's own PDFs print links host-only ("jdoe.github.io/notes", "linkedin.com/in/x":
app/lib/link_text.py); its reader (import, ATS check: app/lib/parsing/fields/bare_hosts.py)
reads them back whole, never "https://github.io/…"."""

from __future__ import annotations

import pytest

from app.lib.cv_content import CvContent
from app.lib.parsing.cv_parser import parse_cv_text
from app.lib.parsing.fields.contact import URL_RE
from app.lib.pdf_render import DESIGNS
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_text import read_pdf_text_sync

LINKS = [
    ("GitHub", "https://quill-maker.github.io/notes"),
    ("LinkedIn", "https://linkedin.com/in/oriane-quill"),
    ("Portfolio", "https://studio.quill-maker.co.uk/work"),
]
CV = {
    "header": {
        "name": "Oriane Quill",
        "current_title": "Data engineer",
        "contact": {"email": "oriane.quill@example.com", "phone": "+33 6 12 34 56 78"},
        "links": [{"label": label, "url": url} for label, url in LINKS],
    },
    "experience": [
        {
            "id": "exp_1",
            "title": "Data engineer",
            "company": "Brightwave Ltd",
            "start": "2021-03",
            "current": True,
            "bullets": ["Built the nightly loads of the sales warehouse."],
        }
    ],
    "skills": [{"name": "Python"}],
}


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("quill-maker.github.io/notes", ["quill-maker.github.io/notes"]),
        ("quill-maker.github.io", ["quill-maker.github.io"]),
        ("blog.quill.dev/posts/1", ["blog.quill.dev/posts/1"]),
        ("studio.quill-maker.co.uk/work", ["studio.quill-maker.co.uk/work"]),
        ("linkedin.com/in/oriane-quill", ["linkedin.com/in/oriane-quill"]),
        (
            "Portfolio (quill.github.io) · fr.linkedin.com/in/x",
            ["quill.github.io", "fr.linkedin.com/in/x"],
        ),
        ("oriane.quill@example.com", []),  # an email's domain is no link
    ],
)
def test_a_host_only_address_is_read_whole(text: str, found: list[str]) -> None:
    assert [m.group(0) for m in URL_RE.finditer(text)] == found


@pytest.mark.parametrize("design", sorted(DESIGNS)[:2])
def test_the_apps_own_pdf_links_read_back_whole(design: str) -> None:
    pdf = render_to_budget(CvContent.from_json(CV).to_json(), design=design, locale="en",
                           page_budget=1, relevance=None).pdf  # fmt: skip
    text = read_pdf_text_sync(pdf, max_pages=4).text
    assert "quill-maker.github.io/notes" in text  # printed host-only
    urls = [link.url for link in parse_cv_text(text).content.header.links]
    assert set(urls) == {url for _, url in LINKS}, (urls, text[:400])
    assert not any(url.startswith("https://github.io") for url in urls)
