"""HTML → readable text for job offer pages, plus the page's JSON-LD ``JobPosting`` if any.

Block elements become lines, list items become bullets, scripts/styles/navigation are dropped.
Job boards often embed a schema.org ``JobPosting`` (title, employer, place, contract), which is
more reliable than the visible text, so it is returned too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from app.lib import bounded_json

# Not "form" or "head": some sites wrap the whole page in a form, and a missing </head> would
# hide everything after it.
SKIPPED = {
    "script", "style", "noscript", "template", "svg", "iframe", "nav", "footer", "select",
    "option", "button", "canvas", "object",
}  # fmt: skip
BLOCKS = {
    "p", "div", "section", "article", "main", "header", "aside", "h1", "h2", "h3", "h4", "h5",
    "h6", "ul", "ol", "li", "br", "tr", "table", "blockquote", "dd", "dt", "dl", "pre", "hr",
    "figure", "figcaption", "address", "summary", "details",
}  # fmt: skip
VOID = {"br", "hr", "img", "meta", "link", "input", "source", "wbr", "col", "area", "base"}


@dataclass
class HtmlDocument:
    text: str
    title: str = ""
    site_name: str = ""
    job_postings: list[dict[str, Any]] = field(default_factory=list)


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip_depth = 0
        self.in_title = False
        self.title = ""
        self.site_name = ""
        self.json_ld: list[str] = []
        self._ld_buffer: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "script" and "ld+json" in values.get("type", ""):
            self._ld_buffer = []
        if tag == "title":
            self.in_title = True
        if tag == "meta" and values.get("property") in {"og:site_name"}:
            self.site_name = values.get("content", "")
        if tag in SKIPPED and tag not in VOID:
            self.skip_depth += 1
            return
        if self.skip_depth:
            return
        if tag in BLOCKS:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("• ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._ld_buffer is not None:
            self.json_ld.append("".join(self._ld_buffer))
            self._ld_buffer = None
        if tag == "title":
            self.in_title = False
        if tag in SKIPPED and tag not in VOID:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if not self.skip_depth and tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._ld_buffer is not None:
            self._ld_buffer.append(data)
            return
        if self.in_title:
            self.title += data
            return
        if not self.skip_depth:
            self.parts.append(data)


def _flatten_ld(node: Any) -> list[dict[str, Any]]:
    """Every object of a JSON-LD document (graphs and lists included)."""
    if isinstance(node, list):
        return [item for child in node for item in _flatten_ld(child)]
    if isinstance(node, dict):
        return [node, *_flatten_ld(node.get("@graph", []))]
    return []


def _is_job_posting(node: dict[str, Any]) -> bool:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return "JobPosting" in kinds


def html_to_text(html: str) -> str:
    return html_document(html).text


def html_document(html: str) -> HtmlDocument:
    extractor = _Extractor()
    extractor.feed(html)
    extractor.close()
    raw = "".join(extractor.parts)
    lines = [" ".join(line.split()) for line in raw.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    postings: list[dict[str, Any]] = []
    for block in extractor.json_ld:
        try:
            parsed = bounded_json.loads(block)
        except ValueError:
            continue
        postings += [node for node in _flatten_ld(parsed) if _is_job_posting(node)]
    return HtmlDocument(
        text=text,
        title=" ".join(extractor.title.split()),
        site_name=extractor.site_name.strip(),
        job_postings=postings,
    )
