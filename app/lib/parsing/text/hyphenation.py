"""Words a line end hyphenated ("manage-" / "ment service…") made whole again, in any CV text.

The PDF reader joins a known word broken at a line end (``app/lib/pdf_read/hyphenation.py``,
with the FR/EN word list and the document's own words) and leaves a compound as printed; pasted
text had nothing, and either way the line join after it wrote the hyphen's line end as a space
("manage- ment", "goal- oriented"), a word no reader, search or skill match knows.

Here, on the text the parser reads (pasted, or the PDF's already repaired): the same ``rejoin``
joins known words, with the CV's own words and the skills the parsers know as vocabulary
("Kuber-" / "netes"); what stays hyphenated was the word's own hyphen ("goal-" / "oriented",
"e-" / "commerce") and is glued with it. A hyphen that stands for a word still to come ("short-
and long-term") is left. The second half moves up to the line it belongs to; a line left empty
goes (a blank line would end the paragraph).
"""

from __future__ import annotations

import re
from functools import cache

from app.lib.parsing.fields.skills_vocab import SKILLS
from app.lib.pdf_read.hyphenation import CONTINUATION, Style, rejoin
from app.lib.pdf_read.lexicon import Vocabulary, letter_runs
from app.lib.styled_text import StyledText, line_styles_of

# After "short-": the hyphen stands for "-term" still to come ("short- and long-term").
SUSPENDED = frozenset({"and", "or", "to", "et", "ou", "à", "a"})
_OWN_HYPHEN = re.compile(r"([^\W\d_]+)-$")


@cache
def _skill_words() -> tuple[str, ...]:
    return tuple(letter_runs(SKILLS))


def _glue_compounds(lines: list[str], styles: list[Style]) -> tuple[list[str], list[Style]]:
    """A hyphen the word-joining left at a line end is the word's own: the next line's first
    word joins it, hyphen kept ("goal-" / "oriented team" → "goal-oriented" / "team"). A line
    left empty goes, with its style."""
    out = list(lines)
    kept = list(styles)
    index = 0
    while index < len(out) - 1:
        end = _OWN_HYPHEN.search(out[index].rstrip())
        start = CONTINUATION.match(out[index + 1].lstrip()) if end else None
        if end and start and start.group(1)[0].islower() and start.group(1) not in SUSPENDED:
            following = out[index + 1].lstrip()
            out[index] = out[index].rstrip() + following[: start.end(2)]
            out[index + 1] = following[start.end() :]
            if not out[index + 1].strip():
                del out[index + 1]
                del kept[index + 1]
        index += 1
    return out, kept


def rejoin_hyphenated(text: str) -> str:
    """``text`` with every word hyphenated at a line end whole again (see the module)."""
    lines = text.split("\n")
    if not any(_OWN_HYPHEN.search(line.rstrip()) for line in lines[:-1]):
        return text
    vocabulary = Vocabulary([*letter_runs(text), *_skill_words()])
    # The PDF's line styles go along, line for line: the section splitter reads headings by
    # them, and without them an employer set in capitals reads as a heading.
    styles = list(line_styles_of(text))
    joined, kept = rejoin(lines, styles or [None] * len(lines), vocabulary)
    glued, kept = _glue_compounds(joined, kept)
    return StyledText("\n".join(glued), kept) if styles else "\n".join(glued)
