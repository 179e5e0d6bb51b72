"""CVs and letters are tagged PDFs (PDF/UA-1): a structure tree with headings and lists, marked
content, the document's title shown by viewers, its language declared; the ``pdfua`` checker
finds no error and no warning."""

from __future__ import annotations

import base64
import html
import io
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pdfua
import pypdf
import pytest

from app.lib.pdf_render import DESIGNS, RenderResult
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.letter import letter_payload
from app.lib.pdf_render.letter_fit import render_letter_to_page
from app.lib.pdf_render.letter_samples import sample_header, sample_letter
from app.lib.pdf_render.photo_samples import sample_photo
from app.lib.pdf_render.samples import sample_cv


def _render(kind: str, design: str, locale: str) -> RenderResult:
    if kind == "letter":
        payload = letter_payload(sample_letter(locale), sample_header(locale))
        return render_letter_to_page(payload, design=design, locale=locale)
    # "cv_photo": the CV with the account's photo, a figure with its alternative text.
    photo = base64.b64encode(sample_photo()).decode() if kind == "cv_photo" else None
    return render_to_budget(
        sample_cv(locale).to_json(),
        design=design,
        locale=locale,
        page_budget=2,
        relevance=None,
        photo=photo,
    )


def _roles(node: Any, found: Counter[str]) -> Counter[str]:
    """Every structure element's role (/S) under ``node``."""
    node = node.get_object()
    if isinstance(node, dict):
        if "/S" in node:
            found[str(node["/S"])] += 1
        kids = node.get("/K")
        for kid in kids if isinstance(kids, list) else [kids]:
            if kid is not None and isinstance(kid.get_object(), dict):
                _roles(kid, found)
    return found


@pytest.mark.parametrize("kind", ["cv", "letter", "cv_photo"])
@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_pdf_is_tagged_with_its_title_and_language(kind: str, design: str, tmp_path: Path) -> None:
    locale = "fr" if design == "modern" else "en"
    result = _render(kind, design, locale)
    reader = pypdf.PdfReader(io.BytesIO(result.pdf))
    catalog = reader.trailer["/Root"]
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert catalog["/Lang"] == locale
    title = re.search(r"<title>(.*?)</title>", result.html, re.S)
    assert title and reader.metadata and reader.metadata.title == html.unescape(title.group(1))
    assert b'pdfuaid:part="1"' in catalog["/Metadata"].get_object().get_data()
    roles = _roles(catalog["/StructTreeRoot"], Counter())
    assert roles["/H1"] == 1 if kind != "letter" else roles["/P"] > 5, roles
    if kind != "letter":
        assert roles["/H2"] >= 8 and roles["/L"] and roles["/LI"] >= 20, roles
    assert roles["/Figure"] == (1 if kind == "cv_photo" else 0), roles

    path = tmp_path / "document.pdf"
    path.write_bytes(result.pdf)
    report = pdfua.validate(str(path)).to_dict()
    assert report["summary"]["errors"] == 0 and report["summary"]["warnings"] == 0, report
