"""What the ATS check can find: one code per finding, its message and what to change, both
catalogue ids (app/lib/i18n.py) written with the finding's values when a page shows them in
the reader's language. A finding is stored as a problem (app/lib/problems.py: code, severity,
template, values) plus its advice, its page and the boxes that light it on the page image.

Severities: ``error`` (a machine misses or misreads part of the CV), ``warning`` (it may, with
some systems), ``note`` (worth knowing, the CV passes). A CV passes with notes only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.lib.i18n import N_
from app.lib.problems import problem

Box = tuple[float, float, float, float]
FAILING = ("error", "warning")

# code → (severity, message, what to change)
CATALOGUE: dict[str, tuple[str, str, str]] = {
    "scanned_page": (
        "error",
        N_("Page %(page)s is a picture: it holds no text a machine can read."),
        N_(
            "Export the CV from your word processor as a PDF instead of scanning or "
            "photographing it, or type this page's text again."
        ),
    ),
    "empty_page": (
        "warning",
        N_("Page %(page)s holds no text."),
        N_("Remove the blank page, or check that its text was not turned into outlines."),
    ),
    "unmapped_glyphs": (
        "error",
        N_(
            "Characters with no Unicode meaning on page %(page)s: %(count)s. Machines read "
            "them as “�” or “(cid:…)”."
        ),
        N_(
            "Export again with a font embedded with its Unicode map (the usual fonts of word "
            "processors are), or set this text in another font."
        ),
    ),
    "private_glyphs": (
        "warning",
        N_(
            "Symbols of an icon font on page %(page)s: %(count)s. Machines read nothing "
            "useful there."
        ),
        N_("Write the words out (“Phone”, “E-mail”) instead of the icons, or beside them."),
    ),
    "hidden_text": (
        "error",
        N_("Page %(page)s holds %(reason)s: “%(sample)s”. Machines read it."),
        N_(
            "Delete this text: applicant-tracking systems read it, and may flag the CV for "
            "keyword stuffing."
        ),
    ),
    "doubled_text": (
        "warning",
        N_(
            "Letters drawn twice (fake bold or a shadow): %(count)s. Some machines read them twice."
        ),
        N_("Use the font's real bold instead of drawing the text twice, and no shadow."),
    ),
    "columns_mixed": (
        "warning",
        N_(
            "Page %(page)s is laid out in columns, and %(readers)s read it line by line "
            "across them: lines of one column run into the other."
        ),
        N_(
            "Keep the experience in one column; keep a sidebar short (contact, skills) or "
            "move it below the main text."
        ),
    ),
    "readers_disagree": (
        "warning",
        N_("Common readers agree on %(score)s %% of page %(page)s only."),
        N_(
            "Look below at where they differ: most often a layout a machine reads in another "
            "order (columns, tables, text boxes)."
        ),
    ),
    "reader_drops_text": (
        "warning",
        N_(
            "%(reader)s reads %(read)s words of page %(page)s where the others read about "
            "%(expected)s."
        ),
        N_(
            "This reader skips part of the page: text in a text box, in a picture or in an "
            "unusual font is the usual cause."
        ),
    ),
    "reader_failed": (
        "warning",
        N_("%(reader)s cannot read this file."),
        N_("Some systems use this reader: export the PDF again (“Save as PDF” or PDF/A)."),
    ),
    "words_glued": (
        "warning",
        N_("%(reader)s glues words together on page %(page)s: %(sample)s."),
        N_(
            "Separate words set apart by their position only with a real space: a tab, a "
            "table cell, a date aligned to the right."
        ),
    ),
    "heading_not_alone": (
        "warning",
        N_("The heading “%(heading)s” does not come out on a line of its own (%(readers)s)."),
        N_("Put each section heading on its own line, above its content, not beside it."),
    ),
    "no_sections": (
        "error",
        N_("Our reader found no experience and no education section."),
        N_(
            "Name the sections with the usual headings (“Experience”, “Education”, "
            "“Skills”), each on a line of its own."
        ),
    ),
    "entry_missing": (
        "warning",
        N_("Our reader found no %(missing)s for the job “%(entry)s”."),
        N_(
            "Write each job's title, employer and dates on one or two lines of their own, "
            "the dates as “03/2019 – 06/2023”."
        ),
    ),
    "name_missing": (
        "warning",
        N_("Our reader found no name at the top of the CV."),
        N_("Start the CV with your name, on a line of its own."),
    ),
    "contact_missing": (
        "warning",
        N_("Our reader found no %(field)s."),
        N_("Write it as text in the header, not only in a link or a picture."),
    ),
    "unknown_heading": (
        "note",
        N_("The heading “%(heading)s” is not one machines know: its lines are filed as other."),
        N_("Use a usual heading, or move its lines into a known section."),
    ),
    "link_hides_address": (
        "warning",
        N_("The link “%(text)s” on page %(page)s shows no address: %(address)s is lost."),
        N_(
            "Write the address itself as the link's text (linkedin.com/in/you): machines "
            "that keep the text only lose the link."
        ),
    ),
    "link_unusual": (
        "warning",
        N_("A link on page %(page)s goes to an unusual address: %(address)s."),
        N_("Link only to web pages (https://…) and e-mail addresses."),
    ),
}

# Words some values are given in (translated with the message): the hidden text's reason
# (app/lib/pdf_read/hidden_words.py), the part of an entry or of the header not found.
PARTS = {
    "title": N_("job title"),
    "company": N_("employer"),
    "dates": N_("dates"),
    "email": N_("e-mail address"),
    "phone": N_("phone number"),
}


@dataclass
class Finding:
    code: str
    page: int | None = None
    values: dict[str, Any] = field(default_factory=dict)
    boxes: list[tuple[int, Box]] = field(default_factory=list)  # (page, box)

    @property
    def severity(self) -> str:
        return CATALOGUE[self.code][0]

    def as_json(self, box_numbers: list[int]) -> dict[str, Any]:
        """The stored finding: a problem (code, severity, template, values, English message),
        its advice (a catalogue id), its page and the indexes of its boxes in the report."""
        severity, message, advice = CATALOGUE[self.code]
        stored = problem(self.code, message, severity, **self.values)
        return stored | {"advice": advice, "page": self.page, "boxes": box_numbers}


def verdict(findings: list[dict[str, Any]]) -> str:
    """``pass`` when nothing must be changed (notes at most), else ``fix``."""
    return "fix" if any(f.get("severity") in FAILING for f in findings) else "pass"
