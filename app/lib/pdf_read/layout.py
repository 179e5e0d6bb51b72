"""The text layer of a PDF document: visible, repaired characters in reading order.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``), which loads
this package's modules from their files: stdlib only, operating on pdfplumber page objects.

Steps, each in its own module: hidden text is flagged and left out (``pdf_hidden``), glyphs are
repaired (``pdf_chars``), words and lines are built with font-relative gaps (``pdf_words``),
running headers/footers and page numbers are removed across pages (``pdf_furniture``), and each
page is read column by column (``pdf_columns``). What had to be repaired is counted in
``problems`` for the import report, code → count:

* ``doubled_chars``: glyphs drawn twice (fake bold, shadows), read once;
* ``junk_glyphs``: ``(cid:NN)``, control codes, private-use and icon-font glyphs removed;
* ``bad_glyph_widths``: glyph pairs of fonts whose declared widths were wrong, re-measured;
* ``clipped_text``: glyphs outside the crop box (also listed in ``hidden``);
* ``page_furniture``: running header/footer and page-number lines removed;
* ``interleaved_columns``: words across a column gutter given to one side (a guess).

Hidden text (``hidden``) is reported apart: it is left out, not repaired.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .chars import repair_chars
from .columns import reading_order
from .furniture import find_furniture, without_lines
from .hidden import (
    VISIBLE_ON_RENDER,
    backgrounds,
    char_key,
    covered_chars,
    hidden_reason,
    hidden_runs,
    rendered_background,
)
from .source_boxes import MAX_BOXES, SourceBox, page_boxes
from .words import Row, Word, chars_to_words, group_lines


@dataclass
class PageWords:
    """One page after the character stage: its visible words, hidden runs and rotated text."""

    words: list[Word]
    width: float
    height: float
    hidden: list[tuple[str, str]] = field(default_factory=list)
    rotated: list[str] = field(default_factory=list)
    images: int = 0


@dataclass
class DocumentText:
    pages: list[str]
    styles: list[list[dict[str, Any] | None]]  # per page, one per text line (words.Row)
    columns: list[int]
    hidden: list[tuple[int, str, str]]  # (page number, reason, text)
    problems: dict[str, int]
    images: int
    boxes: list[SourceBox] = field(default_factory=list)  # where the text sits, per piece


def page_words(page: Any, problems: dict[str, int]) -> PageWords:
    dark_boxes = backgrounds(page)
    covered = covered_chars(page)
    hidden_chars: list[tuple[str, dict[str, Any]]] = []
    visible: list[dict[str, Any]] = []
    render: Any = False  # not rendered yet
    for char in page.chars:
        reason = hidden_reason(char, page, dark_boxes)
        if reason == "invisible_colour":
            render = rendered_background(page) if render is False else render
            if render is not None and render(char) < VISIBLE_ON_RENDER:
                reason = None  # white on a background pdfminer does not see
        if reason is None and covered and char_key(char) in covered:
            reason = "covered"
        if reason is None:
            visible.append(char)
        elif not char["text"].isspace():
            hidden_chars.append((reason, char))
    for reason, _ in hidden_chars:
        if reason == "clipped":
            problems["clipped_text"] = problems.get("clipped_text", 0) + 1
    upright = [c for c in visible if c.get("upright", True)]
    rotated = [c for c in visible if not c.get("upright", True)]
    words = chars_to_words(repair_chars(upright, problems))
    rotated_text = "".join(c["text"] for c in rotated).strip()
    return PageWords(
        words=words,
        width=float(page.width),
        height=float(page.height),
        hidden=hidden_runs(hidden_chars),
        rotated=[rotated_text] if rotated_text else [],
        images=len(page.images),
    )


def read_document(pages: list[PageWords], problems: dict[str, int]) -> DocumentText:
    """Remove furniture across pages, then read each page in order."""
    lines = [group_lines(page.words) for page in pages]
    furniture = find_furniture(
        [(page_lines, page.height) for page_lines, page in zip(lines, pages, strict=True)]
    )
    texts: list[str] = []
    styles: list[list[dict[str, Any] | None]] = []
    columns: list[int] = []
    hidden: list[tuple[int, str, str]] = []
    boxes: list[SourceBox] = []
    for number, (page, page_lines, drop) in enumerate(
        zip(pages, lines, furniture, strict=True), start=1
    ):
        if drop:
            problems["page_furniture"] = problems.get("page_furniture", 0) + len(drop)
        words = without_lines(page_lines, drop) if drop else page.words
        boxes += page_boxes(number, group_lines(words), page.width, page.height)
        out, count = reading_order(words, problems, later_page=number > 1)
        if page.rotated:
            out += [("", None), *((text, None) for text in page.rotated)]
        text, page_styles = _page_text(out)
        texts.append(text)
        styles.append(page_styles)
        columns.append(count)
        hidden += [(number, reason, text) for reason, text in page.hidden]
    images = sum(p.images for p in pages)
    return DocumentText(texts, styles, columns, hidden, problems, images, boxes[:MAX_BOXES])


def _page_text(rows: list[Row]) -> tuple[str, list[dict[str, Any] | None]]:
    """The page's text without blank lines at its ends, and the style of each of its lines."""
    kept = [(text.strip("\n"), style) for text, style in rows]
    while kept and not kept[0][0].strip():
        kept.pop(0)
    while kept and not kept[-1][0].strip():
        kept.pop()
    return "\n".join(text for text, _ in kept), [style for _, style in kept]
