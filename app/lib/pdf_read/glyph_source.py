"""Which glyph each pdfplumber character is: its code in the font, and the font's own name for it.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib and
pdfplumber/pdfminer only.

Why: pdfplumber's char dicts name the font that drew a glyph but not the glyph (its code,
``cid``), so two glyphs of one font that both read as U+FFFD could not be told apart when their
text is solved (``glyph_repair``). And when a font's ToUnicode map gives a glyph no usable text
(U+0000, U+FFFD), the font's encoding, which pdfminer builds from the glyph names of simple
fonts ("fi", "f_i", "uni0066" in /Differences), may still name it: that text is used first.
"""

from __future__ import annotations

from typing import Any


def _unusable(text: str) -> bool:
    return bool(text) and all(ord(c) < 32 or c == "\ufffd" for c in text) and not text.isspace()


def _named_text(font: Any, cid: int) -> str | None:
    """The text the font's encoding (glyph names) gives the glyph, if usable."""
    encoding = getattr(font, "cid2unicode", None)
    named = encoding.get(cid) if isinstance(encoding, dict) else None
    return named if isinstance(named, str) and named and not _unusable(named) else None


def record_glyph_codes() -> bool:
    """Make pdfplumber's chars carry ``cid`` (once per process); False if its internals moved,
    in which case glyphs are told apart by their text and width instead."""
    try:
        from pdfplumber import page as plumber_page

        device: Any = plumber_page.PDFPageAggregatorWithMarkedContent
        attributes: set[str] = plumber_page.ALL_ATTRS
    except (ImportError, AttributeError):
        return False
    if getattr(device, "records_glyph_codes", False):
        return True
    original = device.render_char

    def render_char(self: Any, *args: Any, **kwargs: Any) -> Any:
        advance = original(self, *args, **kwargs)
        font = kwargs.get("font", args[1] if len(args) > 1 else None)
        cid = kwargs.get("cid", args[5] if len(args) > 5 else None)
        objects = getattr(self.cur_item, "_objs", None)
        item = objects[-1] if objects else None
        if (
            isinstance(cid, int)
            and item is not None
            and isinstance(getattr(item, "_text", None), str)
        ):
            item.cid = cid
            if _unusable(item._text):
                item._text = _named_text(font, cid) or item._text
        return advance

    device.render_char = render_char
    device.records_glyph_codes = True
    attributes.add("cid")
    return True
