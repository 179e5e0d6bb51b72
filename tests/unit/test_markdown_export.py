"""The Markdown export read back through a CommonMark renderer: the PDF's words in the PDF's
order (rendered by the real pipeline, read with pdfplumber), its structure, and user text that
tries to be markup staying text."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.config import PROJECT_ROOT
from app.lib.cv_content import (
    Contact,
    CvContent,
    Experience,
    ExtraItem,
    Extras,
    Header,
    Link,
    Project,
    Skill,
)
from app.lib.download_names import markdown_filename
from app.lib.markdown_export import block, cv_markdown, inline, link
from app.lib.markdown_export.samples import write_sample
from app.lib.pdf_render.designs import SECTION_TITLES
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.samples import long_cv, sample_cv
from tests.markdown_text import PRESETS, markdown_words, pdf_words, rendered

HOSTILE = "# Title * star _under_ [click](javascript:alert(1)) ( ) <b>bold</b> > end"
HOSTILE_LINES = [
    HOSTILE,
    "<script>alert(1)</script> &amp; &lt;tag&gt; ![pic](https://example.com/p.png)",
    "`code` ~~strike~~ | a | b | **bold** __bold__ \\* done",
    "- not a list",
    "+ not a list either",
    "1984. A year, not a numbered list",
    "---",
    "===",
    "> not a quote",
    "    not code",
    "<https://example.com/autolink>",
    "[ref]: https://example.com/defined",
    "Trailing hashes ##",
]


def hostile_cv() -> CvContent:
    return CvContent(
        header=Header(
            name="Zoë *Núñez* #1",
            current_title="_Lead_ [engineer]",
            contact=Contact(email="zoe_n@example.com", phone="+33 6 00 00 00 00"),
            links=[
                Link(label="Wiki [me]", url="https://en.wikipedia.org/wiki/Foo_(bar)"),
                Link(label="bad", url="javascript:alert(1)"),
            ],
        ),
        summary="- Summary that *starts* like a list\nand <em>goes</em> on",
        skills=[Skill(name="C#", category="Lang*uages*"), Skill(name="<script>")],
        experience=[
            Experience(
                id="exp_h",
                title="Dev [lead](https://evil.example)",
                company="ACME_Corp",
                location="Lyon",
                start="2021-03",
                current=True,
                bullets=HOSTILE_LINES,
                skills=["*Go*", "_Rust_"],
            )
        ],
        projects=[Project(id="prj_h", name="Tool ]x[", url="https://example.com/a(b")],
        extras=Extras(
            certifications=[ExtraItem(id="c1", name="Cert <i>", issuer="Org #2")],
            interests=["1. chess", "- running"],
        ),
    )


@pytest.mark.parametrize("design", ["classic", "modern"])
@pytest.mark.parametrize("locale", ["fr", "en"])
def test_same_words_in_the_same_order_as_the_pdf(design: str, locale: str) -> None:
    cv = sample_cv(locale)
    result = render_to_budget(
        cv.to_json(), design=design, locale=locale, page_budget=3, relevance=None
    )
    assert result.trimmed == []  # a budget where the PDF keeps everything
    assert markdown_words(cv_markdown(cv, locale=locale)) == pdf_words(result.pdf)


def test_trimmed_like_the_pdf_it_was_reviewed_as() -> None:
    cv = long_cv(4)  # over two pages even at the fit's smallest type
    result = render_to_budget(
        cv.to_json(), design="classic", locale="en", page_budget=2, relevance=None
    )
    assert result.trimmed, "the page budget leaves bullets out"
    markdown = cv_markdown(cv, locale="en", trimmed=[item.key for item in result.trimmed])
    assert markdown_words(markdown) == pdf_words(result.pdf)
    whole = cv_markdown(cv, locale="en")
    assert len(markdown_words(whole)) > len(markdown_words(markdown))


def test_hostile_text_keeps_its_words_as_the_pdf_prints_them() -> None:
    cv = hostile_cv()
    result = render_to_budget(
        cv.to_json(), design="classic", locale="en", page_budget=3, relevance=None
    )
    assert markdown_words(cv_markdown(cv, locale="en")) == pdf_words(result.pdf)


@pytest.mark.parametrize("preset", PRESETS)
def test_hostile_text_stays_text_in_a_markdown_renderer(preset: str) -> None:
    markdown = cv_markdown(hostile_cv(), locale="en")
    elements, _ = rendered(markdown, preset)
    tags = {element.tag for element in elements}
    # Only the export's own structure: no HTML, image, code, quote, rule, table, ordered list.
    assert tags <= {"h1", "h2", "h3", "p", "ul", "li", "strong", "em", "a"}, tags
    [name] = [e for e in elements if e.tag == "h1"]
    assert name.text == "Zoë *Núñez* #1" and name.children == []
    # Every line is one item of its own, word for word (the 4 spaces collapse like the PDF's),
    # with nothing inside it but text.
    expected = [line.strip() for line in HOSTILE_LINES]
    bullets = [e for e in elements if e.tag == "li" and e.text in expected]
    assert [e.text for e in bullets] == expected
    assert all(not e.children for e in bullets)
    links = {e.attrs["href"] for e in elements if e.tag == "a"}
    assert links == {
        "mailto:zoe_n@example.com",
        "https://en.wikipedia.org/wiki/Foo_%28bar%29",
        "https://example.com/a%28b",
    }
    # The unsafe address is shown as its label only, never followed.
    assert "javascript" not in " ".join(links)
    [project] = [e for e in elements if e.tag == "a" and "a%28b" in e.attrs["href"]]
    assert project.text == "Tool ]x[ (example.com/a(b)"
    emphasised = [e.text for e in elements if e.tag == "em"]
    assert emphasised == ["Mar 2021 – Present"]  # the dates only, never the user's asterisks
    strong = [e.text for e in elements if e.tag == "strong"]
    assert strong == ["_Lead_ [engineer]", "Lang*uages*:", "Other:"]
    paragraphs = [e.text for e in elements if e.tag == "p"]
    assert "- Summary that *starts* like a list and <em>goes</em> on" in paragraphs
    assert "1. chess · - running" in paragraphs


def test_sections_headings_and_links_in_the_pdf_order() -> None:
    cv = sample_cv("fr")
    markdown = cv_markdown(cv, locale="fr")
    elements, _ = rendered(markdown)
    titles = SECTION_TITLES["fr"]
    assert [e.text for e in elements if e.tag == "h2"] == [
        titles[key]
        for key in (
            "summary",
            "skills",
            "experience",
            "projects",
            "education",
            "languages",
            "certifications",
            "volunteering",
            "interests",
        )
    ]
    entries = [e.text for e in elements if e.tag == "h3"]
    assert entries[0] == f"{cv.experience[0].title} — {cv.experience[0].company}, " + (
        cv.experience[0].location
    )
    assert markdown.startswith(f"# {cv.header.name}\n\n**{cv.header.current_title}**\n\n")
    assert "[github.com/claurent-dev](https://github.com/claurent-dev)" in markdown
    assert "*mars 2021 – aujourd'hui*" in markdown
    bullets = [e.text for e in elements if e.tag == "li" and not e.children]
    assert cv.experience[0].bullets[0] in bullets


def test_escaping_helpers_and_the_file_name() -> None:
    assert inline("a*b_c [d](e) <f> & #g") == r"a\*b\_c \[d\](e) \<f\> \& \#g"
    assert block("- item") == r"\- item" and block("12) x") == r"12\) x"
    assert (
        block("3.5 years") == "3.5 years"
    )  # only "1." or "1)" then a space or the end start a list
    assert link("Me", None) == "Me" and link("", "https://x.example") == ""
    assert link("A]", "https://x.example/(y)") == r"[A\]](https://x.example/%28y%29)"
    assert cv_markdown(CvContent(), locale="en") == "\n"
    assert markdown_filename("Zoë", "Dev: lead", "ACME") == "Zoë - Dev lead - ACME.md"


def test_the_committed_sample_is_the_sample_cvs_export(tmp_path: Path) -> None:
    written = Path(write_sample(str(tmp_path)))
    assert written.read_text(encoding="utf-8") == (PROJECT_ROOT / "docs/samples/cv.md").read_text(
        encoding="utf-8"
    ), "python -m app.lib.markdown_export.samples docs/samples"
