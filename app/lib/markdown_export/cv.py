"""A CV as Markdown: the same sections, order, headings and text as its PDF.

Like the Word export (app/lib/docx_export/cv.py) it reads the designs' own view (``build_view``,
app/lib/pdf_render/designs.py), so dates, skill groups, section titles (FR/EN), the addresses
links print (app/lib/link_text.py) and the trimming of the PDF's page budget (``trimmed``) are
the PDF's; sections follow the order of ``templates/cv_designs/_document.html``. Every piece of
the user's text goes through ``text.py``, so it reads as words and never as markup: pieces are
escaped where they are put in a line, and ``_Blocks`` makes each line safe at its start. Blocks
are separated by blank lines, so nothing the user wrote joins a block it is not in.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import Any

from app.lib.cv_content import CvContent
from app.lib.link_text import link_text
from app.lib.markdown_export.text import inline, line_start, link
from app.lib.pdf_render.designs import build_view, cv_locale

SEPARATOR = " · "  # between contact parts, skills of an entry, interests


class _Blocks:
    """Markdown blocks, top to bottom; blank ones are left out."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def heading(self, level: int, line: str) -> None:
        """An ATX heading: its text is inline content wherever it starts."""
        if line.strip():
            self.parts.append(f"{'#' * level} {line}")

    def paragraph(self, line: str) -> None:
        if line.strip():
            self.parts.append(line_start(line))

    def items(self, lines: Iterable[str]) -> None:
        """A bullet list, one item per non-blank line."""
        shown = [f"- {line_start(line)}" for line in lines if line.strip()]
        if shown:
            self.parts.append("\n".join(shown))

    def text(self) -> str:
        return "\n\n".join(self.parts) + "\n"


def cv_markdown(content: CvContent, *, locale: str, trimmed: Collection[str] = ()) -> str:
    """The Markdown of ``content`` with section titles in ``locale`` (``fr``/``en``), without
    the bullets, skills, interests and entries whose trim keys are in ``trimmed``."""
    view = build_view(content, locale=cv_locale(locale), trimmed=frozenset(trimmed))
    out = _Blocks()
    _header(out, view["header"])
    titles = view["t"]
    if view["summary"].strip():
        out.heading(2, inline(titles["summary"]))
        out.paragraph(inline(view["summary"]))
    if view["skill_groups"]:
        out.heading(2, inline(titles["skills"]))
        out.items(_skill_group(group) for group in view["skill_groups"])
    for section in ("experience", "projects"):
        if view[section]:
            out.heading(2, inline(titles[section]))
            for entry in view[section]:
                _entry(out, entry)
    if view["education"]:
        out.heading(2, inline(titles["education"]))
        for edu in view["education"]:
            _education(out, edu)
    if view["languages"]:
        out.heading(2, inline(titles["languages"]))
        out.items(
            inline(f"{lang['name']} ({lang['level']})" if lang["level"] else lang["name"])
            for lang in view["languages"]
        )
    for key, items in view["extra_groups"]:
        out.heading(2, inline(titles[key]))
        for item in items:
            _extra(out, item)
    if view["interests"]:
        out.heading(2, inline(titles["interests"]))
        out.paragraph(_joined(inline(item["text"]) for item in view["interests"]))
    return out.text()


def _joined(parts: Iterable[str]) -> str:
    return SEPARATOR.join(part for part in parts if part)


def _header(out: _Blocks, header: dict[str, Any]) -> None:
    out.heading(1, inline(header["name"]))
    title = inline(header["title"])
    if title:
        out.paragraph(f"**{title}**")
    contact = [
        link(header["email"], header["email_href"]),
        inline(header["phone"]),
        inline(header["location"]),
        *(
            # The address as text, as the PDF prints it (templates/cv_designs/_contact.html).
            link(link_text(item["label"], item["href"]), item["href"])
            if item["href"]
            else inline(item["label"] or item["text"])
            for item in header["links"]
        ),
    ]
    out.paragraph(_joined(contact))


def _skill_group(group: dict[str, Any]) -> str:
    items = inline(", ".join(item["text"] for item in group["items"]))
    name = inline(group["name"])
    if not name:
        return items
    return f"**{name}:** {items}" if items else f"**{name}**"


def _dates(out: _Blocks, dates: str) -> None:
    shown = inline(dates)
    if shown:
        out.paragraph(f"*{shown}*")


def _title_line(first: str, *rest: tuple[str, str]) -> str:
    """``first`` then each non-blank ``(separator, text)`` of ``rest``, as the PDF's title line
    (``— organisation``, ``, place``)."""
    line = first
    for separator, text in rest:
        shown = inline(text)
        if shown:
            line += f"{separator}{shown}"
    return line


def _entry(out: _Blocks, entry: dict[str, Any]) -> None:
    """An experience or project: its title line as a level-3 heading, then dates, text,
    bullets and skills."""
    title = link(link_text(entry["title"], entry["href"]), entry["href"])
    out.heading(3, _title_line(title, (" — ", entry["org"]), (", ", entry["place"])))
    _dates(out, entry["dates"])
    out.paragraph(inline(entry["description"]))
    out.items(inline(bullet["text"]) for bullet in entry["bullets"])
    out.paragraph(_joined(inline(skill) for skill in entry["skills"]))


def _education(out: _Blocks, edu: dict[str, Any]) -> None:
    institution = edu["institution"] if edu["degree"] else ""
    first = inline(edu["degree"] or edu["institution"])
    out.heading(3, _title_line(first, (" — ", institution), (", ", edu["place"])))
    _dates(out, edu["dates"])
    out.paragraph(inline(edu["description"]))


def _extra(out: _Blocks, item: dict[str, Any]) -> None:
    """A certification, award, volunteering or publication, laid out like an entry."""
    out.heading(3, _title_line(link(item["name"], item["href"]), (" — ", item["issuer"])))
    _dates(out, item["date"])
    out.paragraph(inline(item["description"]))
