"""A user's own cover-letter template: plain text with ``{placeholder}`` slots.

The user writes the letter once (account page, ``User.letter_template``); the worker fills the
slots from the CV and the offer for each letter (``jobs/letters/core/template.py``). Only the
names in ``PLACEHOLDERS`` are slots. A sentence whose slot is unknown (a typo) or has no value
for this CV/offer is left out whole, so the letter never shows ``{compnay}`` nor a sentence with
a hole in it ("I worked at  as ."). ``{{`` and ``}}`` write literal braces.
"""

from __future__ import annotations

import re

from app.lib.i18n import N_

# name → what it is replaced with (shown on the account page next to the template).
PLACEHOLDERS: dict[str, str] = {
    "name": N_("Your name, as on the CV"),
    "current_title": N_("Your current job title, as on the CV"),
    "email": N_("Your email address, as on the CV"),
    "phone": N_("Your phone number, as on the CV"),
    "city": N_("Your city, as on the CV"),
    "company": N_("The company of the offer"),
    "role": N_("The job title of the offer"),
    "offer_location": N_("Where the job is, as in the offer"),
    "experience_title": N_("Your job title in the experience most relevant to the offer"),
    "experience_company": N_("The employer of that experience"),
    "achievement": N_("The line of that experience that best matches the offer"),
    "skills": N_("Your listed skills that the offer asks for"),
    "date": N_("Today's date, in the letter's language"),
}

# Any text between braces on one line is a slot ("{first name}" too: an unknown one).
SLOT_RE = re.compile(r"\{([^{}\n]*)\}")
_ESCAPED_OPEN, _ESCAPED_CLOSE = "\x00", "\x01"
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
MAX_TEMPLATE_CHARS = 6000


def _unescape_marks(text: str) -> str:
    return text.replace("{{", _ESCAPED_OPEN).replace("}}", _ESCAPED_CLOSE)


def check_template(text: str) -> list[str]:
    """The slot names of ``text`` that are not placeholders, in order, each once."""
    names = [n.strip() for n in SLOT_RE.findall(_unescape_marks(text))]
    return list(dict.fromkeys(n for n in names if n not in PLACEHOLDERS))


def _fill_sentence(sentence: str, values: dict[str, str]) -> str | None:
    """The sentence with its slots filled, or None when a slot is unknown or empty."""
    missing = False

    def value(match: re.Match[str]) -> str:
        nonlocal missing
        name = match.group(1).strip()
        filled = values.get(name, "").strip() if name in PLACEHOLDERS else ""
        if not filled:
            missing = True
        return filled

    filled = SLOT_RE.sub(value, sentence)
    return None if missing else filled


def fill_template(text: str, values: dict[str, str]) -> str:
    """``text`` with every known slot filled from ``values`` (name → text). Sentences with an
    unknown or empty slot are left out, then lines and paragraphs left empty; paragraphs stay
    separated by one blank line."""
    paragraphs: list[str] = []
    for block in re.split(r"\n\s*\n", _unescape_marks(text[:MAX_TEMPLATE_CHARS])):
        lines = []
        for line in block.splitlines():
            kept = [
                filled
                for sentence in _SENTENCE_END.split(line.strip())
                if sentence and (filled := _fill_sentence(sentence, values)) is not None
            ]
            if kept:
                lines.append(" ".join(kept))
        if lines:
            paragraphs.append("\n".join(lines))
    joined = "\n\n".join(paragraphs)
    # A brace left unpaired is the user's text; an escaped one becomes literal.
    return joined.replace(_ESCAPED_OPEN, "{").replace(_ESCAPED_CLOSE, "}")
