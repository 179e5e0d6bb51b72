"""A CV as a Word document: the same sections, order, headings and text as its PDF.

The content goes through the designs' own view (``build_view``, app/lib/pdf_render/designs.py),
so dates, skill groups, section titles (FR/EN) and vetted links are the ones the PDF prints, and
the sections follow the order of ``templates/cv_designs/_document.html``. ``trimmed`` takes the
keys the PDF's page budget cut (``RenderResult.trimmed``), so the Word file is the CV the user
reviewed: same content, same trimming.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.docx_export.document import PlainDocx, Span
from app.lib.link_text import link_text
from app.lib.pdf_render.designs import build_view, cv_locale
from app.lib.photo.clean import round_png

CONTACT_SEPARATOR = " | "
LIST_SEPARATOR = " · "
PHOTO_SIDE_MM = 26  # as the PDF designs' round photo


def cv_docx_bytes(
    content: CvContent,
    *,
    locale: str,
    trimmed: Collection[str] = (),
    created: datetime | None = None,
    photo: bytes | None = None,
) -> bytes:
    """The .docx file of ``content`` with section titles in ``locale`` (``fr``/``en``), without
    the bullets, skills and interests whose trim keys are in ``trimmed``; ``photo`` (the
    account's JPEG) goes above the name, round like the PDF's."""
    view = build_view(content, locale=cv_locale(locale), trimmed=frozenset(trimmed))
    header = view["header"]
    title = " – ".join(part for part in (header["name"] or "CV", header["title"]) if part)
    doc = PlainDocx(language=view["lang"], title=title, author=header["name"], created=created)
    if photo:
        doc.picture(round_png(photo), side_mm=PHOTO_SIDE_MM, description=view["t"]["photo"])
    _header(doc, header)
    titles = view["t"]
    if view["summary"].strip():
        doc.heading(titles["summary"])
        doc.paragraph(view["summary"])
    if view["skill_groups"]:
        doc.heading(titles["skills"])
        for group in view["skill_groups"]:
            label = [Span(f"{group['name']}: ", bold=True)] if group["name"] else []
            items = ", ".join(item["text"] for item in group["items"])
            doc.spans([*label, Span(items)])
    for section in ("experience", "projects"):
        if view[section]:
            doc.heading(titles[section])
            for entry in view[section]:
                _entry(doc, entry)
    if view["education"]:
        doc.heading(titles["education"])
        for edu in view["education"]:
            _education(doc, edu)
    if view["languages"]:
        doc.heading(titles["languages"])
        doc.joined(
            (
                Span(f"{lang['name']} ({lang['level']})" if lang["level"] else lang["name"])
                for lang in view["languages"]
            ),
            LIST_SEPARATOR,
        )
    for key, items in view["extra_groups"]:
        doc.heading(titles[key])
        for item in items:
            _extra(doc, item)
    if view["interests"]:
        doc.heading(titles["interests"])
        doc.joined((Span(item["text"]) for item in view["interests"]), LIST_SEPARATOR)
    return doc.to_bytes()


def _header(doc: PlainDocx, header: dict[str, Any]) -> None:
    doc.title(header["name"])
    doc.subtitle(header["title"])
    contact = [
        Span(header["email"], href=header["email_href"]),
        Span(header["phone"]),
        Span(header["location"]),
        *(
            # The address as text, as the PDF prints it (templates/cv_designs/_contact.html).
            Span(link_text(link["label"], link["href"]), href=link["href"])
            if link["href"]
            else Span(link["label"] or link["text"])
            for link in header["links"]
        ),
    ]
    doc.joined(contact, CONTACT_SEPARATOR)


def _titled(
    doc: PlainDocx, title: Span, org: str, place: str, dates: str, description: str
) -> None:
    """An item's title line as Heading 2 (``title`` — org, place), then its dates and text."""
    line = [title]
    if org:
        line.append(Span(f" — {org}"))
    if place:
        line.append(Span(f", {place}"))
    doc.heading_spans(line, level=2)
    doc.paragraph(dates, italic=True)
    doc.paragraph(description)


def _entry(doc: PlainDocx, entry: dict[str, Any]) -> None:
    """An experience or project: its title line, dates and text, then bullets and skills."""
    title = Span(link_text(entry["title"], entry["href"]), href=entry["href"])
    _titled(doc, title, entry["org"], entry["place"], entry["dates"], entry["description"])
    doc.bullets(bullet["text"] for bullet in entry["bullets"])
    doc.paragraph(LIST_SEPARATOR.join(entry["skills"]))


def _education(doc: PlainDocx, edu: dict[str, Any]) -> None:
    """The degree (or the school alone) — the school, its place."""
    title = Span(edu["degree"] or edu["institution"])
    school = edu["institution"] if edu["degree"] else ""
    _titled(doc, title, school, edu["place"], edu["dates"], edu["description"])


def _extra(doc: PlainDocx, item: dict[str, Any]) -> None:
    """A certification, award, volunteering or publication, laid out like an entry."""
    title = Span(item["name"], href=item["href"])
    _titled(doc, title, item["issuer"], "", item["date"], item["description"])
