"""Which characters of a PDF page a reader cannot see: flagged and kept out of the CV text.

Runs inside the sandboxed parser process (``app/lib/pdf_read/text_layer.py``): stdlib only,
operating on pdfplumber page objects. Prompt injection hides instructions in CVs, and templates
leave placeholder text behind; both must be reported, never read into the CV.

* ``tiny``: smaller than 4 pt.
* ``off_page``: outside the page (media box).
* ``clipped``: on the media box but outside the crop box, the part a viewer shows.
* ``invisible_colour``: white-ish where no dark fill or picture lies behind it, and where the
  rendered page is white too (backgrounds drawn as shadings are invisible to pdfminer).
* ``covered``: painted over by a later opaque filled shape of another colour (a template's
  sidebar or footer band drawn on top of placeholder text). Pictures are not used: they often
  have transparent parts.
"""

from __future__ import annotations

import re
from typing import Any

MIN_VISIBLE_SIZE = 4.0
WHITE_LUMINANCE = 0.92
DARK_BACKGROUND = 0.7
# A shape covering most of the page and painted last is a transparency/blend effect (Europass
# draws one), not a cover: only smaller shapes hide what lies under them.
MAX_COVER_SHARE = 0.5
# pdfminer does not report fill opacity: when "covers" would hide this share of the page's
# glyphs they are translucent highlights or effects, not covers, and nothing is hidden.
MAX_COVERED_SHARE = 0.25
BAND = 20.0
RENDER_DPI = 36
VISIBLE_ON_RENDER = 0.85  # a white glyph whose rendered box is darker than this sits on colour

Box = tuple[float, float, float, float]
# Control codes and U+FFFD in hidden glyphs' text (unmapped glyphs): not shown in the report.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]")


def luminance(colour: Any) -> float | None:
    """0 = black, 1 = white; ``None`` for patterns and colours we cannot judge."""
    if colour is None:
        return 0.0  # the PDF default fill is black
    if isinstance(colour, int | float):
        colour = (colour,)
    if not isinstance(colour, list | tuple) or not all(isinstance(c, int | float) for c in colour):
        return None
    if len(colour) == 1:
        return float(colour[0])
    if len(colour) == 3:
        r, g, b = colour
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    if len(colour) == 4:
        c, m, y, k = colour
        r, g, b = ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
    return None


def backgrounds(page: Any) -> list[Box]:
    """Boxes white text may legitimately sit on: dark filled shapes and pictures."""
    boxes = []
    for rect in page.rects:
        shade = luminance(rect.get("non_stroking_color"))
        if rect.get("fill") and shade is not None and shade < DARK_BACKGROUND:
            boxes.append((rect["x0"], rect["top"], rect["x1"], rect["bottom"]))
    boxes += [(i["x0"], i["top"], i["x1"], i["bottom"]) for i in page.images]
    return boxes


def _inside(x: float, y: float, box: Box) -> bool:
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def hidden_reason(char: dict[str, Any], page: Any, dark_boxes: list[Box]) -> str | None:
    if char.get("size", 10) < MIN_VISIBLE_SIZE:
        return "tiny"
    cx, cy = (char["x0"] + char["x1"]) / 2, (char["top"] + char["bottom"]) / 2
    if char["x1"] < 0 or char["x0"] > page.width or char["bottom"] < 0 or char["top"] > page.height:
        return "off_page"
    if not _inside(cx, cy, tuple(getattr(page, "cropbox", None) or page.bbox)):
        return "clipped"  # pdfplumber gives the crop box in top-down page coordinates
    shade = luminance(char.get("non_stroking_color"))
    white = shade is not None and shade > WHITE_LUMINANCE
    if white and not any(_inside(cx, cy, box) for box in dark_boxes):
        return "invisible_colour"
    return None


def rendered_background(page: Any) -> Any:
    """A function giving the background luminance (0-1) of the rendered page around a char: the
    median of its box widened by half its size, so glyph strokes (its own, or dark text under
    it) do not count. ``None`` when the page cannot be rendered. Only called for white-ish text,
    so the render (low resolution, once per page) is paid by the few pages that need it."""
    scale = RENDER_DPI / 72
    try:
        image = page.to_image(resolution=RENDER_DPI).original.convert("L")
    except Exception:  # a page pdfium cannot draw keeps its text hidden
        return None
    top_offset = float(page.bbox[1])

    def shade(char: dict[str, Any]) -> float:
        pad = 0.5 * char.get("size", 10.0)
        box = (
            int((char["x0"] - pad) * scale),
            int((char["top"] - top_offset - pad) * scale),
            int((char["x1"] + pad) * scale) + 1,
            int((char["bottom"] - top_offset + pad) * scale) + 1,
        )
        pixels = sorted(image.crop(box).getdata())
        return pixels[len(pixels) // 2] / 255 if pixels else 1.0

    return shade


def _painting_order(objects: Any, out: list[Any]) -> None:
    """pdfminer's layout objects in the order they are painted (figures flattened)."""
    for obj in objects:
        children = getattr(obj, "_objs", None)
        if children is not None and type(obj).__name__ == "LTFigure":
            _painting_order(children, out)
        else:
            out.append(obj)


def covered_chars(page: Any) -> set[tuple[str, float, float]]:
    """Keys (text, x0, y1) of characters painted over by a later opaque filled shape."""
    try:
        layout = page.layout
    except Exception:
        return set()
    painted: list[Any] = []
    _painting_order(getattr(layout, "_objs", []), painted)
    page_area = max(float(page.width) * float(page.height), 1.0)
    covers: list[tuple[int, Box, float | None]] = []
    for index, obj in enumerate(painted):
        kind = type(obj).__name__
        filled = kind in ("LTRect", "LTCurve") and getattr(obj, "fill", False)
        if filled and (obj.x1 - obj.x0) * (obj.y1 - obj.y0) <= MAX_COVER_SHARE * page_area:
            shade = luminance(getattr(obj, "non_stroking_color", None))
            covers.append((index, (obj.x0, obj.y0, obj.x1, obj.y1), shade))
    if not covers:
        return set()
    # Covers by 20-point horizontal band: each glyph only meets the shapes of its own band.
    bands: dict[int, list[tuple[int, Box, float | None]]] = {}
    for cover in covers:
        for band in range(int(cover[1][1] // BAND), int(cover[1][3] // BAND) + 1):
            bands.setdefault(band, []).append(cover)
    found: set[tuple[str, float, float]] = set()
    glyphs = 0
    for index, obj in enumerate(painted):
        if type(obj).__name__ != "LTChar":
            continue
        glyphs += 1
        cx, cy = (obj.x0 + obj.x1) / 2, (obj.y0 + obj.y1) / 2
        near = [c for c in bands.get(int(cy // BAND), ()) if c[0] > index and _inside(cx, cy, c[1])]
        if near:
            ink = luminance(getattr(getattr(obj, "graphicstate", None), "ncolor", None))
            if any(not _same_shade(ink, shade) for _, _, shade in near):
                found.add((obj.get_text(), round(obj.x0, 2), round(obj.y1, 2)))
    return found if len(found) <= MAX_COVERED_SHARE * max(glyphs, 1) else set()


def _same_shade(ink: float | None, fill: float | None) -> bool:
    """A shape of the text's own colour is a frame or a clip, not a cover (and if it were one,
    the text would be unreadable on it anyway)."""
    return ink is None or fill is None or abs(ink - fill) < 0.05


def char_key(char: dict[str, Any]) -> tuple[str, float, float]:
    """The key ``covered_chars`` uses: pdfplumber keeps pdfminer's own x0 and y1."""
    return (char["text"], round(char["x0"], 2), round(char["y1"], 2))


def hidden_runs(chars: list[tuple[str, dict[str, Any]]]) -> list[tuple[str, str]]:
    """Group hidden characters into readable runs (one per reason and line)."""
    runs: list[tuple[str, str]] = []
    key: tuple[str, int] | None = None
    buffer = ""
    previous: dict[str, Any] | None = None
    for reason, char in sorted(chars, key=lambda rc: (round(rc[1]["top"]), rc[1]["x0"])):
        char_key_ = (reason, round(char["top"]))
        if char_key_ != key:
            if key is not None:
                runs.append((key[0], buffer))
            key, buffer, previous = char_key_, "", None
        if previous is not None and char["x0"] - previous["x1"] > 0.2 * char.get("size", 1):
            buffer += " "  # PDFs often position words instead of drawing spaces
        buffer += char["text"]
        previous = char
    if key is not None:
        runs.append((key[0], buffer))
    merged: list[tuple[str, str]] = []
    for reason, raw in runs:
        text = " ".join(CONTROL.sub("", raw).split())
        if sum(not c.isspace() for c in text) < 3:
            continue
        if merged and merged[-1][0] == reason:
            merged[-1] = (reason, f"{merged[-1][1]} {text}")
        else:
            merged.append((reason, text))
    return merged
