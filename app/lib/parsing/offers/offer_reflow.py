"""Put back the line breaks of an ad that arrives as one long line.

Web pages copied without their markup, and some job boards' plain-text feeds, give a whole ad —
headings, labelled fields and lists — on one line: "… Come grow with us! Key Responsibilities:
* Assist in … * Provide customer service. Position Preferences * High school degree…". Sections
and items are read from lines (``offer_sections.py``), so such a line is cut back into them
first, from its own shape only:

* a heading the offer heading table knows, or a field label (``offer_labels.py``), followed by
  a colon starts a line of its own, set apart by a blank line like a heading;
* so does a heading-shaped phrase that names a section right before a list marker
  ("… may be required. Position Preferences * High school…");
* a list marker that recurs along the line (" * ", " • ", Word's " o " sub-bullet, " - ")
  starts an item; a marker seen once is punctuation ("44 - Saint-Nazaire");
* a heading glued to the previous word ("Rigueur et sérieuxVos avantages") is unglued.

Lines of ordinary length are returned as they are.
"""

from __future__ import annotations

import re

from app.lib.parsing.offers.offer_labels import label_key
from app.lib.parsing.offers.offer_sections import section_named_by
from app.lib.parsing.sections.headings import match_heading
from app.lib.text_forms import fold

LONG_LINE = 300  # characters: longer than any heading, field or list item of a laid-out ad
MAX_HEADING_WORDS = 4
# Marker → how many times it must recur on the line to be read as a list. A dash or a lone "o"
# is also ordinary punctuation or a word: they need more evidence than a bullet sign.
MARKERS: dict[str, int] = {"•": 2, "▪": 2, "●": 2, "*": 2, "o": 3, "-": 3, "–": 3}
SUB_MARKERS = frozenset("o")  # a second-level list: its items keep the parent item's section
HEADING_DETERMINERS = frozenset(
    ["vos", "nos", "votre", "notre", "your", "our", "les", "le", "la", "the", "ce", "ces",
     "what", "who", "why", "pourquoi", "qui"]
)  # fmt: skip
MIN_GLUED_WORD = 3  # letters of a heading's first word glued to the previous word
_SENTENCE_END = re.compile(r"[.!?;:)]$")
_GLUED = re.compile(r"(?<=[a-zà-ÿ])(?=[A-ZÀ-Ý][a-zà-ÿ])")
_COLON_SPACED = re.compile(r"(?<=\w)\s+:(?=\s)")
_COLON_GLUED = re.compile(r"(?<=[^\W\d_]):(?=[A-ZÀ-Ý])")


def _known(words: list[str], *, with_colon: bool) -> str | None:
    """ "heading" for a heading the tables know or a capitalised phrase whose words name a
    section ("Vos avantages:"; before a list marker, with no colon to show it, every word
    capitalised: "Position Preferences"); "field" for a field label."""
    text = " ".join(words)
    if not text[:1].isupper():
        return None
    if match_heading(text, offer=True):
        return "heading"
    if label_key(text):
        return "field"
    # After its first word, a heading is in title case ("Position Preferences") or, with a
    # colon to mark it, in sentence case opening on a determiner ("Vos avantages:"). "SAP
    # souhaitée Avantages" is neither, and "Compensation strategy:" labels an item.
    rest = [w[:1].isupper() for w in words[1:] if len(w) > 3]
    addressed = with_colon and fold(words[0]) in HEADING_DETERMINERS and not any(rest)
    shaped = all(rest) or addressed
    return "heading" if shaped and section_named_by(text) is not None else None


def _field_shaped(words: list[str]) -> bool:
    """ "Status", "Reports to": a short capitalised label, once the line has shown it holds
    labelled fields."""
    return 1 <= len(words) <= 3 and words[0][:1].isupper() and words[0][:1].isalpha()


def _cut(words: list[str], *, with_colon: bool, in_fields: bool) -> tuple[int, str] | None:
    """Where a heading or field label ending at the last word starts in ``words``, and which
    of the two it is: a known one, longest first; else, among labelled fields, the shortest
    capitalised label ("Status:", "Reports to:"). A label never spans a sentence end."""
    sizes = range(min(MAX_HEADING_WORDS, len(words)), 0, -1)
    for size in sizes:
        head = words[-size:]
        if any(_SENTENCE_END.search(w) for w in head[:-1]):
            continue
        before = words[-size - 1] if len(words) > size else ""
        if not (not before or _SENTENCE_END.search(before) or with_colon):
            continue
        kind = _known(head, with_colon=with_colon)
        if kind:
            return len(words) - size, kind
    if with_colon and in_fields:
        for size in reversed(sizes):
            if _field_shaped(words[-size:]):
                return len(words) - size, "field"
    return None


def _unglue(line: str) -> str:
    """ "sérieuxVos avantages" → "sérieux Vos avantages" when what follows the glue point
    opens a known heading ("PowerPoint" and "JavaScript" stay whole); "Summary:The" →
    "Summary: The"."""
    out = _COLON_SPACED.sub(":", _COLON_GLUED.sub(": ", line))  # French "Missions : …"
    for point in reversed([m.start() for m in _GLUED.finditer(out)]):
        following = out[point:].split()[:MAX_HEADING_WORDS]
        opens = len(following[0].rstrip(":")) >= MIN_GLUED_WORD  # "LinkedIn" is a name
        for size in range(len(following), 0, -1) if opens else ():
            head = " ".join(w.rstrip(":") for w in following[:size])
            if match_heading(head, offer=True) or section_named_by(head):
                out = f"{out[:point]} {out[point:]}"
                break
    return out


def _recurring_markers(words: list[str]) -> set[str]:
    return {m for m, least in MARKERS.items() if words.count(m) >= least}


def reflow_line(line: str) -> list[str]:
    """The lines a long one stands for (itself when it is of ordinary length)."""
    if len(line) < LONG_LINE:
        return [line]
    words = _unglue(line).split()
    markers = _recurring_markers(words)
    lines: list[str] = []
    current: list[str] = []
    in_fields = False

    def close() -> None:
        if current and current[-1] not in ("•", "  ◦"):  # an item with no text is none
            lines.append(" ".join(current))
        current.clear()

    def cut_at(start: int, kind: str, head: list[str]) -> None:
        del current[start:]
        close()
        if kind == "heading":
            lines.extend(["", " ".join(head)])
        else:
            current.extend(head)  # a field keeps its value on its line

    for word in words:
        if word in markers:
            found = _cut(current, with_colon=False, in_fields=False)
            if found and found[0] > 0:
                cut_at(found[0], found[1], current[found[0] :])
            close()
            current.append("  ◦" if word in SUB_MARKERS else "•")
            continue
        if word.endswith(":") and len(word) > 1:
            candidate = [*current, word[:-1]]
            found = _cut(candidate, with_colon=True, in_fields=in_fields)
            if found:
                in_fields = in_fields or found[1] == "field"
                cut_at(found[0], found[1], [*current[found[0] :], word])
                continue
        current.append(word)
    close()
    return lines


def reflow(lines: list[str]) -> list[str]:
    """Every line of the ad, long ones cut back into their headings, fields and items."""
    return [part for line in lines for part in reflow_line(line)]
