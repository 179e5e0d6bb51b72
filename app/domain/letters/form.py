"""The letter editor's form: a LetterContent shown as fields (recipient lines, subject, greeting,
one textarea per paragraph, closing, signature) and read back from a post, with an error beside
each field that breaks a limit of app/lib/letter_content.py (the page answers 422, saves
nothing and keeps what was typed)."""

from __future__ import annotations

from dataclasses import dataclass, field

from app.lib.i18n import N_, gettext
from app.lib.letter_content import (
    MAX_LINE_CHARS,
    MAX_PARAGRAPH_CHARS,
    MAX_PARAGRAPHS,
    LetterContent,
)

LINE_FIELDS = ("date_line", "subject", "greeting", "closing", "signature")
MAX_RECIPIENT_LINES = 6


@dataclass
class LetterForm:
    """What the editor shows: the values (as typed, or as stored) and the errors by field."""

    recipient: str = ""
    date_line: str = ""
    subject: str = ""
    greeting: str = ""
    paragraphs: list[str] = field(default_factory=list)
    closing: str = ""
    signature: str = ""
    errors: dict[str, str] = field(default_factory=dict)
    saved: bool = False

    @property
    def paragraph_slots(self) -> list[str]:
        """The paragraphs plus one empty box to add another, up to the limit."""
        extra = [""] if len(self.paragraphs) < MAX_PARAGRAPHS else []
        return [*self.paragraphs, *extra]


def form_from_content(content: LetterContent) -> LetterForm:
    return LetterForm(
        recipient="\n".join(content.recipient),
        date_line=content.date_line,
        subject=content.subject,
        greeting=content.greeting,
        paragraphs=list(content.paragraphs),
        closing=content.closing,
        signature=content.signature,
    )


def form_from_post(values: dict[str, str]) -> LetterForm:
    """The posted fields, as typed; ``paragraph-0`` … ``paragraph-5`` in order, blanks dropped
    (emptying a paragraph's box removes it)."""
    paragraphs = [values.get(f"paragraph-{i}", "").strip() for i in range(MAX_PARAGRAPHS + 1)]
    form = LetterForm(
        recipient=values.get("recipient", "").strip(), paragraphs=[p for p in paragraphs if p]
    )
    for name in LINE_FIELDS:
        setattr(form, name, values.get(name, "").strip())
    return form


def content_from_form(form: LetterForm) -> LetterContent | None:
    """The letter to save, or None with ``form.errors`` filled in (in the reader's language)."""
    errors = form.errors
    too_long = N_("At most %(n)s characters (this one has %(actual)s).")
    for name in LINE_FIELDS:
        value = getattr(form, name)
        if len(value) > MAX_LINE_CHARS:
            errors[name] = gettext(too_long, n=MAX_LINE_CHARS, actual=len(value))
    lines = [line.strip() for line in form.recipient.splitlines() if line.strip()]
    if len(lines) > MAX_RECIPIENT_LINES:
        errors["recipient"] = gettext(N_("At most %(n)s lines."), n=MAX_RECIPIENT_LINES)
    elif any(len(line) > MAX_LINE_CHARS for line in lines):
        errors["recipient"] = gettext(
            N_("Each line has at most %(n)s characters."), n=MAX_LINE_CHARS
        )
    if len(form.paragraphs) > MAX_PARAGRAPHS:
        errors["paragraphs"] = gettext(N_("At most %(n)s paragraphs."), n=MAX_PARAGRAPHS)
    for index, paragraph in enumerate(form.paragraphs):
        if len(paragraph) > MAX_PARAGRAPH_CHARS:
            errors[f"paragraph-{index}"] = gettext(
                too_long, n=MAX_PARAGRAPH_CHARS, actual=len(paragraph)
            )
    if not form.paragraphs:
        errors["paragraphs"] = gettext(N_("A letter needs at least one paragraph."))
    if errors:
        return None
    return LetterContent(
        recipient=lines,
        paragraphs=form.paragraphs,
        **{name: getattr(form, name) for name in LINE_FIELDS},
    )
