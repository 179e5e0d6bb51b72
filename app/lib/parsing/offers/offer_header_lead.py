"""The employer a line of the header block opens on, before a board's codes or an agency's
branch ("BRIDAL tert. adm. compta.", "Norben - branch 12", "Zenbri - Agence de Boise"): such a
line is no company line as a whole (``offer_company.line_company`` reads a line naming only a
company), so the name it opens on is taken only where the ad writes it again below the header,
in capitals ("Les équipes de Bridal vous accompagnent", "Zenbri opens every door"). The
header's place, contract and listing facts are never such a name.
"""

from __future__ import annotations

import re
from functools import cache

from app.lib.parsing.offers.offer_guard import NOT_NAMES, plausible_company
from app.lib.parsing.offers.offer_header import is_place, names_a_job
from app.lib.parsing.offers.places import is_known_place
from app.lib.parsing.text.text import clean, word_count
from app.lib.pdf_read.lexicon import Vocabulary, letter_runs
from app.lib.text_forms import fold

MAX_LEAD_LINES = 4  # written lines under the title where the line may stand
MAX_LINE_WORDS = 8  # past it, the line is a sentence
# One to three capitalised words, then a separator, a bracket or a lower-case word (an
# abbreviation, a branch's words): the name's end.
# A particle goes on with the name ("Crédit Agricole du Finistère"), a code or a branch does not.
LEAD_RE = re.compile(
    r"^(?P<name>[A-ZÀ-Ý0-9][\w'’&-]*(?:\s+[A-ZÀ-Ý0-9][\w'’&-]*){0,2}?)"
    r"(?:\s*[-–—|(/]\s*|\s+(?=[a-zà-ÿ])(?!(?:de|du|des|d['’]|la|le|les|l['’]|et|of|the|and|"
    r"for|in|on|at|y|e|en|sur|sous|aux?)\b))\S"
)
# Written inside a sentence, after a word: where a pronoun or a sentence's first word is
# never in capitals ("Nous recrutons." under the title, "Nous" nowhere else inside).
INSIDE = r"(?<=[\w,] )"


def _written_below(name: str, lines: list[str]) -> bool:
    """``name`` written again in these lines with a capital, as a name is: inside a sentence,
    or anywhere when no dictionary lists it ("Trekorquar vous ouvre…")."""
    where = "" if any(not _dictionary().known(w) for w in letter_runs(name)) else INSIDE
    pattern = re.compile(rf"{where}(?<![\w-]){re.escape(name)}(?![\w-])", re.IGNORECASE)
    return any(found.group(0)[:1].isupper() for line in lines for found in pattern.finditer(line))


@cache
def _dictionary() -> Vocabulary:
    return Vocabulary()


def header_lead_names(lines: list[str], title_index: int) -> list[str]:
    """The names the header block's lines open on that the ad writes again below them."""
    block = [(i, clean(x)) for i, x in enumerate(lines) if i > title_index and clean(x)]
    found: list[str] = []
    for index, text in block[:MAX_LEAD_LINES]:
        if word_count(text) > MAX_LINE_WORDS:
            break  # a sentence: the block has ended
        lead = LEAD_RE.match(text)
        name = plausible_company(lead.group("name")) if lead else ""
        if not name or fold(name.split()[0]) in NOT_NAMES:  # "Nous recrutons", "Vous êtes…"
            continue
        if is_place(name) or is_known_place(name) or names_a_job(name):
            continue
        if _written_below(name, lines[index + 1 :]):
            found.append(name)
    return found


def lead_of(name: str, leads: list[str], text: str) -> str:
    """The lead a header line's whole reading opens on ("Velvik" of "Velvik agence Nantes
    Sud") where the ad never writes that whole reading again; else ``name``."""
    for lead in leads:
        whole = re.findall(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, re.IGNORECASE)
        if name != lead and name.startswith(lead) and len(whole) < 2:
            return lead
    return name
