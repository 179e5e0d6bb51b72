"""Markdown read back as a reader sees it: rendered by a CommonMark parser (markdown-it-py, the
one Litestar's own dependencies bring), then its elements and words, to compare with the PDF's
text as pdfplumber reads it."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

import pdfplumber
from markdown_it import MarkdownIt

WORD = re.compile(r"[^\W_]+")
# "commonmark" lets raw HTML through (html=True), "default" adds GFM tables and strikethrough.
PRESETS = ("commonmark", "default")


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]
    text: str = ""
    children: list[str] = field(default_factory=list)


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.open: list[Element] = []
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = Element(tag, {k: v or "" for k, v in attrs})
        if self.open:
            self.open[-1].children.append(tag)
        self.elements.append(element)
        if tag not in {"br", "hr", "img"}:
            self.open.append(element)
        self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop().tag == tag:
                break
        self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        for element in self.open:
            element.text += data
        self.parts.append(data)


def rendered(markdown: str, preset: str = "commonmark") -> tuple[list[Element], str]:
    """The HTML elements a Markdown renderer makes of ``markdown``, and its whole text."""
    reader = _Reader()
    reader.feed(MarkdownIt(preset).render(markdown))
    return reader.elements, "".join(reader.parts)


def words(text: str) -> list[str]:
    """Letters and digits in order, case folded: punctuation, separators, bullets and line
    breaks (which the PDF designs draw with CSS) do not count."""
    return WORD.findall(text.casefold())


def markdown_words(markdown: str) -> list[str]:
    return words(rendered(markdown)[1])


def pdf_words(pdf: bytes) -> list[str]:
    with pdfplumber.open(io.BytesIO(pdf)) as doc:
        return words("\n".join(page.extract_text() or "" for page in doc.pages))
