"""The job an ad names in its first sentences when it has no title line: a description copied
without its page's heading ("About the job" / "X is looking for a Maintenance Electrician to
join…", "Nous recherchons un(e) Vendeur(se) en prêt-à-porter pour notre boutique…").

The job is the noun phrase after the hiring verb and its article, up to where the sentence goes
on about the team, the place or the purpose ("to join", "pour", "au sein de", "at", ","); a
few adjectives of praise before it ("dedicated", "motivé") are the ad's tone, not the job.
A title read so is one cue: the offer page asks about it (``offer_doubts.py``).
"""

from __future__ import annotations

import re

from app.lib.parsing.offers.offer_header import clean_title
from app.lib.parsing.text.text import clean, word_count

_HIRING = (
    r"(?:is|are|we're|we are)\s+(?:looking for|seeking|hiring|recruiting)|seeks|"
    r"recrute|recherche|recherchons|recrutons|is searching for"
)
_ARTICLE = (
    r"(?:an?|une?|un\s*\(e\)|un\.e|un·e|des|our next|notre futur(?:\(e\))?|son futur|sa future)"
)
HIRING_SENTENCE_RE = re.compile(rf"(?i)\b(?:{_HIRING})\s+(?:{_ARTICLE})\s+(?P<rest>.+)")
# Where the job's phrase ends: the sentence goes on about the team, the place or the purpose.
_STOP_RE = re.compile(
    r"(?i)\s*(?:[,.;:!?(]|\s(?:to|who|which|that|for|at|in|with|within|on|from|pour|qui|afin|"
    r"au sein|à|au|aux|dans|chez|avec|sur|en vue|h/f|f/h|m/f|f/m|\(h/f\))\b|$)"
)
_PRAISE = frozenset(
    """dedicated motivated experienced talented passionate enthusiastic friendly skilled reliable
    driven dynamic hardworking hard-working proactive organised organized caring new
    motivé motivée motivé(e) dynamique expérimenté expérimentée expérimenté(e) passionné
    passionnée passionné(e) nouveau nouvelle futur future""".split()  # noqa: SIM905
)
MAX_TITLE_WORDS = 8
FIRST_LINES = 6  # lines with text where a copied description states its job


def title_from_sentences(lines: list[str]) -> str:
    """The job the first hiring sentence names ("" when none does)."""
    texts = [clean(x) for x in lines if clean(x)][:FIRST_LINES]
    for text in texts:
        found = HIRING_SENTENCE_RE.search(text)
        if not found:
            continue
        # "Vendeur(se) en prêt-à-porter": a gender ending in brackets is part of the word.
        rest = re.sub(r"\((?:e|se|ère|euse|trice|ne|le|es)\)", "", found.group("rest"))
        stop = _STOP_RE.search(rest)
        phrase = rest[: stop.start()] if stop else rest
        words = phrase.split()
        while words and words[0].lower() in _PRAISE:
            words = words[1:]
        title = clean_title(" ".join(words))
        if title and word_count(title) <= MAX_TITLE_WORDS:
            return title[0].upper() + title[1:]
    return ""
