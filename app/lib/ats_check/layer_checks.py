"""The text layer's health, page by page: scanned or empty pages, glyphs without meaning, hidden
text, columns read out of order, readers that disagree, drop text or glue words, and links
whose address a machine keeping only the text would lose.

Each finding carries the boxes that light it on the page image (``Finding.boxes``).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from app.lib.ats_check.agreement import PageAgreement
from app.lib.ats_check.examination import Examination, Link, PageFacts
from app.lib.ats_check.findings import Finding
from app.lib.pdf_read.hidden_words import HIDDEN_OTHER, HIDDEN_REASONS

MIN_PAGE_CHARS = 10  # glyphs with text: fewer, the page holds no text a machine can use
SCAN_SHARE = 0.3  # of the page covered by pictures: a page without text is then a scan
AGREEMENT_FLOOR = 0.85
WHOLE_PAGE = (0.0, 0.0, 1.0, 1.0)
LINK_SCHEMES = ("http", "https", "mailto", "tel")
READER_NAMES = {
    "pdftotext": "pdftotext",
    "pdfminer": "pdfminer.six",
    "pypdf": "pypdf",
    "pdfplumber": "pdfplumber",
}


def reader_list(names: list[str]) -> str:
    return ", ".join(READER_NAMES.get(name, name) for name in names)


def _text_pages(page: PageFacts) -> list[Finding]:
    if page.chars >= MIN_PAGE_CHARS:
        return []
    if page.image_share >= SCAN_SHARE:
        boxes = [(page.number, box) for box in page.images] or [(page.number, WHOLE_PAGE)]
        return [Finding("scanned_page", page.number, {"page": page.number}, boxes)]
    return [Finding("empty_page", page.number, {"page": page.number})]


def _glyphs(page: PageFacts) -> list[Finding]:
    found = []
    for kind, code in (("unmapped", "unmapped_glyphs"), ("private", "private_glyphs")):
        runs = [run for run in page.glyphs if run.kind == kind]
        if runs:
            values: dict[str, int | str] = {
                "page": page.number,
                "count": sum(run.count for run in runs),
            }
            if kind == "private":
                values["sample"] = " ".join(run.text for run in runs)[:40]
            found.append(Finding(code, page.number, values, [(page.number, r.box) for r in runs]))
    return found


def _hidden(page: PageFacts) -> list[Finding]:
    return [
        Finding(
            "hidden_text",
            page.number,
            {
                "page": page.number,
                "reason": HIDDEN_REASONS.get(run.kind, HIDDEN_OTHER),
                "sample": run.text[:120],
            },
            [(page.number, run.box)],
        )
        for run in page.hidden
    ]


def _agreement(page: PageFacts, agreed: PageAgreement) -> list[Finding]:
    found = []
    number = page.number
    if agreed.mixed:
        values = {"page": number, "readers": reader_list(agreed.mixed), "columns": page.columns}
        boxes = [(number, box) for box in page.column_boxes]
        found.append(Finding("columns_mixed", number, values, boxes))
    elif agreed.score is not None and agreed.score < AGREEMENT_FLOOR:
        score = round(agreed.score * 100)
        found.append(Finding("readers_disagree", number, {"page": number, "score": score}))
    if agreed.short:
        expected = sorted(agreed.counts.values())[len(agreed.counts) // 2]
        for name in agreed.short:
            values = {
                "page": number,
                "reader": READER_NAMES.get(name, name),
                "read": agreed.counts[name],
                "expected": expected,
            }
            found.append(Finding("reader_drops_text", number, values))
    for name, glued in agreed.glued.items():
        values = {
            "page": number,
            "reader": READER_NAMES.get(name, name),
            "sample": ", ".join(glued),
        }
        found.append(Finding("words_glued", number, values))
    return found


def _address(uri: str) -> str:
    """The part of an address a reader must see: the e-mail, or host and path without the
    scheme and ``www.``."""
    parts = urlsplit(uri.strip())
    if parts.scheme.lower() in ("mailto", "tel"):
        return parts.path
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}"


def _squashed(text: str) -> str:
    return "".join(text.split()).lower().removeprefix("www.")


def link_finding(page: int, link: Link) -> Finding | None:
    scheme = urlsplit(link.uri.strip()).scheme.lower()
    if scheme not in LINK_SCHEMES:
        return Finding(
            "link_unusual", page, {"page": page, "address": link.uri[:80]}, [(page, link.box)]
        )
    address = _address(link.uri)
    host = address.split("/")[0] if scheme not in ("mailto", "tel") else address
    shown = _squashed(link.text)
    if not host or _squashed(host) in shown or _squashed(address) in shown:
        return None
    text = " ".join(link.text.split())[:60] or "…"
    values = {"page": page, "text": text, "address": address[:80]}
    return Finding("link_hides_address", page, values, [(page, link.box)])


def layer_findings(examination: Examination) -> list[Finding]:
    found: list[Finding] = []
    for page in examination.pages:
        found += _text_pages(page) + _glyphs(page) + _hidden(page)
        if page.chars >= MIN_PAGE_CHARS:
            found += _agreement(page, page.agreed)
        found += [f for link in page.links if (f := link_finding(page.number, link))]
    doubled = examination.problems.get("doubled_chars", 0)
    if doubled:
        found.append(Finding("doubled_text", None, {"count": doubled}))
    for name, why in examination.failed.items():
        if why != "missing":  # a reader not installed here is said in the table, not held against
            found.append(Finding("reader_failed", None, {"reader": READER_NAMES.get(name, name)}))
    return found
