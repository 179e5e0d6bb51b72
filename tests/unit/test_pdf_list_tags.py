"""Every list in a rendered CV or letter follows the PDF list rules (ISO 32000, PDF/UA): an
``L`` holds only ``LI`` (or a ``Caption``, a nested ``L``), an ``LI`` holds ``Lbl`` and/or
``LBody`` and sits in an ``L``, an ``LBody`` or ``Lbl`` sits in an ``LI``; and the photo is a
``Figure`` with its alternative text. WeasyPrint tags what the HTML gives it: whitespace between
inline ``li``, a ``dl`` (its ``dt`` and ``dd`` become items) or a wrapper inside a list would
break these rules, and a screen reader would announce a broken list."""

from __future__ import annotations

import base64
import io
from collections.abc import Iterator
from typing import Any

import pypdf
import pytest

from app.lib.pdf_render import DESIGNS, RenderResult
from app.lib.pdf_render.designs import SECTION_TITLES
from app.lib.pdf_render.fit import render_to_budget
from app.lib.pdf_render.letter import letter_payload
from app.lib.pdf_render.letter_fit import render_letter_to_page
from app.lib.pdf_render.letter_samples import sample_header, sample_letter
from app.lib.pdf_render.photo_samples import sample_photo
from app.lib.pdf_render.samples import long_cv, sample_cv

# What each list role may hold, and what it must sit in.
ALLOWED_KIDS = {"/L": {"/LI", "/Caption", "/L"}, "/LI": {"/Lbl", "/LBody"}}
REQUIRED_PARENT = {"/LI": "/L", "/LBody": "/LI", "/Lbl": "/LI"}


def _render(kind: str, design: str, locale: str) -> RenderResult:
    if kind == "letter":
        payload = letter_payload(sample_letter(locale), sample_header(locale))
        return render_letter_to_page(payload, design=design, locale=locale)
    photo = base64.b64encode(sample_photo()).decode() if kind == "cv_photo" else None
    # The photo CV is also a long one cut to its budget (over it even at the fit's smallest
    # type): what is left keeps valid lists.
    content = long_cv(4) if kind == "cv_photo" else sample_cv(locale)
    return render_to_budget(
        content.to_json(), design=design, locale=locale, page_budget=2, relevance=None, photo=photo
    )


def _elements(node: Any, parent: str = "") -> Iterator[tuple[dict[str, Any], str, list[Any]]]:
    """Each structure element under ``node`` with its parent's role and its kids (structure
    elements, or marked content: an MCID, an object or content reference)."""
    node = node.get_object()
    kids = node.get("/K")
    kids = [kid.get_object() for kid in (kids if isinstance(kids, list) else [kids])]
    kids = [kid for kid in kids if kid is not None]
    if "/S" in node:
        yield node, parent, kids
        parent = str(node["/S"])
    for kid in kids:
        if isinstance(kid, dict) and "/S" in kid:
            yield from _elements(kid, parent)


def _list_errors(root: Any) -> list[str]:
    errors: list[str] = []
    for element, parent, kids in _elements(root):
        role = str(element["/S"])
        if role in REQUIRED_PARENT and parent != REQUIRED_PARENT[role]:
            errors.append(f"{role} in {parent}")
        if role in ALLOWED_KIDS:
            for kid in kids:
                kid_role = str(kid["/S"]) if isinstance(kid, dict) and "/S" in kid else "content"
                if kid_role not in ALLOWED_KIDS[role]:
                    errors.append(f"{kid_role} in {role}")
    return errors


@pytest.mark.parametrize("kind", ["cv", "cv_photo", "letter"])
@pytest.mark.parametrize("locale", ["en", "fr"])
@pytest.mark.parametrize("design", sorted(DESIGNS))
def test_lists_follow_the_pdf_list_rules(kind: str, locale: str, design: str) -> None:
    result = _render(kind, design, locale)
    if kind == "cv_photo":
        assert result.trimmed, "the long CV should have been cut to its page budget"
    catalog: Any = pypdf.PdfReader(io.BytesIO(result.pdf)).trailer["/Root"]
    root = catalog["/StructTreeRoot"]
    elements = list(_elements(root))
    roles = [str(element["/S"]) for element, _, _ in elements]
    # The contact line is a list in every document; a CV adds bullets, skills, languages.
    assert roles.count("/L") >= (1 if kind == "letter" else 4), roles
    assert _list_errors(root) == []

    figures = [element for element, _, _ in elements if element["/S"] == "/Figure"]
    assert len(figures) == (1 if kind == "cv_photo" else 0)
    for figure in figures:
        name = sample_cv(locale).header.name
        assert figure.get("/Alt") == SECTION_TITLES[locale]["photo_of"].format(name=name)
