"""The profile's lines that are no profile: a contact detail, a personal fact, a licence, a place
alone ("Lyon, France"), a page's footer. A profile is the candidate's own sentences; these lines
were read into it from the header or a sidebar. The contact details the header lacks move there
(``contact_facts`` reads them as the header's own lines); the rest leaves the profile for the
import report's unplaced lines, so nothing is lost unseen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.lib.cv_content import Header
from app.lib.parsing.fields.contact import contact_facts, looks_like_location
from app.lib.parsing.fields.value_kinds import is_licence, value_kind
from app.lib.parsing.text.runs import runs_of
from app.lib.parsing.text.text import SENTENCE_END, clean, split_parts

# Past this many words a line is a sentence of the profile (or a wrapped piece of one): a
# contact detail in it is cut out, the sentence stays.
PROSE_WORDS = 12
CUT_KINDS = {"email", "link", "phone"}
FACT_SHARE = 0.5  # a block with this share of fact lines is a contact block, not the profile
LABEL_RE = re.compile(
    r"^(?:e-?mail|mail|t[ée]l[ée]?(?:phone)?|phone|mobile|portable|linkedin|github|site|web)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)

# The separators left side by side where facts were cut out of a line ("a |  | b").
SEPARATOR_RUN_RE = re.compile(r"(?:\s*[|•·–—]\s*){2,}|\t+")

# A contact label left at a line's end by a column read across ("… in Python and\tEmail:").
TRAILING_LABEL_RE = re.compile(r"\s(?:e-?mail|t[ée]l[ée]?(?:phone)?|phone|mobile)\s*:\s*$", re.I)


@dataclass
class ProfileLines:
    kept: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)  # for the report's unplaced lines


def _not_profile(line: str) -> bool:
    """A short line of a contact or personal kind, a licence or a place alone."""
    text = clean(line)
    if not text or len(text.split()) > PROSE_WORDS:
        return False
    if LABEL_RE.match(text):  # "Phone:" alone, its number on another line
        return True
    if text[:1].islower():  # a sentence's wrapped piece: only a contact detail takes it out
        return value_kind(text) in {"email", "link", "phone", "address"}
    return bool(value_kind(text)) or is_licence(text) or looks_like_location(text)


def _fill_header(header: Header, lines: list[str]) -> None:
    """Contact details the header lacks, read from the lines that leave the profile."""
    facts = contact_facts([clean(line) for line in lines])
    contact = header.contact
    contact.email = contact.email or facts.email
    contact.phone = contact.phone or facts.phone
    contact.location = contact.location or facts.location
    known = {link.url for link in header.links}
    header.links += [link for link in facts.links if link.url not in known]


def _fact_part(part: str) -> bool:
    return bool(value_kind(part)) or is_licence(part) or looks_like_location(part)


def _cut_fact_parts(line: str, header: Header) -> str:
    """ "Née le 2 mai 1994 | 12 rue des Lilas, 69003 Lyon | Permis B | Infirmière de nuit en
    réanimation…": the parts between separators that hold a contact or personal fact leave the
    line (their contact details to the header); the candidate's words stay, in order."""
    parts = split_parts(line)
    facts = [part for part in parts if len(part.split()) <= PROSE_WORDS and _fact_part(part)]
    if not facts or len(facts) == len(parts):
        return line
    _fill_header(header, facts)
    rest = line
    for part in facts:
        rest = rest.replace(part, " ", 1)
    return clean(SEPARATOR_RUN_RE.sub(" | ", rest))


def _cut_contacts(line: str, header: Header) -> str:
    """A long line keeps its sentence; an e-mail, a link or a phone in it goes to the header."""
    line = _cut_fact_parts(line, header)
    kind = value_kind(line)
    if kind not in CUT_KINDS:
        return TRAILING_LABEL_RE.sub("", line)
    _fill_header(header, [line])
    facts = contact_facts([line])
    rest = line
    for value in [facts.email, facts.phone, *(link.url.split("//", 1)[-1] for link in facts.links)]:
        if value:
            rest = rest.replace(value, " ")
    return clean(TRAILING_LABEL_RE.sub("", rest)) if rest != line else line


def _blocks(lines: list[str]) -> list[list[int]]:
    """The indices of the text lines of each block (lines between blank lines)."""
    return runs_of(range(len(lines)), lambda index: bool(clean(lines[index])))


def _fact_fragments(lines: list[str], facts: set[int]) -> set[int]:
    """In a block whose lines are mostly contact or personal facts (the header's block read
    into the profile), the runs of other lines between them that make no sentence (short, no
    sentence end: a name, a town no place list knows, "Française") are the block's too. A run
    that reads as a sentence stays: the candidate's words set beside their contact lines."""
    out: set[int] = set()
    for block in _blocks(lines):
        if len(block) < 2 or FACT_SHARE * len(block) > sum(i in facts for i in block):
            continue
        for run in runs_of(block, lambda index: index not in facts):
            words = " ".join(clean(lines[i]) for i in run)
            if len(words.split()) <= PROSE_WORDS and not words.endswith(SENTENCE_END):
                out.update(run)
    return out


def profile_lines(lines: list[str], header: Header) -> ProfileLines:
    """The profile's own lines, in order; the others dropped, their contact details moved to
    the header where it has none."""
    out = ProfileLines()
    facts = {index for index, line in enumerate(lines) if _not_profile(line)}
    facts |= _fact_fragments(lines, facts)
    for index, line in enumerate(lines):
        if index in facts:
            out.dropped.append(clean(line))
            continue
        kept = _cut_contacts(line, header) if clean(line) else line
        if kept != line and _not_profile(kept):  # what the cut left is a fact too: an address
            out.dropped.append(clean(kept))
            continue
        out.kept.append(kept)
    _fill_header(header, out.dropped)
    return out
