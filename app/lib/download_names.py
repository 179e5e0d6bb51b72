"""Download names: ``Name - Offer title - Company.pdf`` (or ``.docx``, ``.md``), safe on every OS
and in HTTP headers."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import quote

MAX_STEM_CHARS = 150
# Path separators, Windows-reserved characters, and quotes that would break the header.
_FORBIDDEN = re.compile(r'[\\/:*?"<>|;\x00-\x1f\x7f-\x9f]+')
_SPACES = re.compile(r"\s+")
_WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10))} | {
    f"lpt{i}" for i in range(1, 10)
}


def _clean(part: str) -> str:
    text = unicodedata.normalize("NFC", part)
    # Control characters become spaces; invisible formatting (bidi overrides…) disappears.
    text = "".join(
        " " if unicodedata.category(ch) == "Cc" else ch
        for ch in text
        if unicodedata.category(ch) not in {"Cf", "Co", "Cs"}
    )
    text = _FORBIDDEN.sub(" ", text)
    return _SPACES.sub(" ", text).strip(" .-_")


def pdf_filename(*parts: str | None) -> str:
    """Join the non-empty parts with `` - `` and add ``.pdf``; ``CV.pdf`` if nothing is left."""
    return _filename(parts, "pdf")


def docx_filename(*parts: str | None) -> str:
    """The Word export's name: the PDF's rule with ``.docx``."""
    return _filename(parts, "docx")


def markdown_filename(*parts: str | None) -> str:
    """The Markdown export's name: the PDF's rule with ``.md``."""
    return _filename(parts, "md")


def _filename(parts: tuple[str | None, ...], extension: str) -> str:
    cleaned: list[str] = []
    for part in parts:
        text = _clean(part or "")
        if text and text.lower() not in {c.lower() for c in cleaned}:
            cleaned.append(text)
    stem = " - ".join(cleaned)
    if len(stem) > MAX_STEM_CHARS:
        stem = stem[:MAX_STEM_CHARS].rstrip(" .-_")
    if not stem or stem.lower() in _WINDOWS_RESERVED:
        stem = f"CV {stem}".strip() if stem else "CV"
    return f"{stem}.{extension}"


def ascii_fallback(filename: str) -> str:
    """For the plain ``filename=`` parameter: accents folded, other non-ASCII replaced."""
    folded = unicodedata.normalize("NFKD", filename)
    ascii_only = "".join(
        ch if ord(ch) < 128 else "_" for ch in folded if not unicodedata.combining(ch)
    )
    return ascii_only.replace("\\", "_").replace('"', "_")


def content_disposition(filename: str, *, inline: bool = False) -> str:
    """RFC 6266 header with both ``filename`` (ASCII) and RFC 5987 ``filename*`` (UTF-8)."""
    kind = "inline" if inline else "attachment"
    encoded = quote(filename, safe="")
    return f"{kind}; filename=\"{ascii_fallback(filename)}\"; filename*=UTF-8''{encoded}"
