"""The degrees an ad asks for, named as the ad names them ("Bac Pro", "BTS", "High school
degree", "Diplôme Assistant de Vie").

A required degree is part of what the ad asks for, so it belongs in the offer's skill list even
though skill phrases (``offer_phrases.py``) leave degrees out of the phrases they cut: there a
degree word marks a sentence about schooling, not a skill. Read only in requirement items.
"""

from __future__ import annotations

import re

# The degree's own name, then (for a generic word) what it is in: "Diplôme Assistant de Vie",
# "Master en informatique", "Bachelor's degree in Finance".
_NAMED = (
    r"bac\s*\+\s*\d(?:\s*/\s*\+?\d)*|bac\s+pro(?:fessionnel)?|high\s+school\s+(?:degree|diploma)|"
    r"(?-i:BTS|DUT|BUT|CAP|BEP|DEUG|GED)"  # in capitals only: "but", "cap" are words
)
_GENERIC = r"dipl[ôo]me|licence|master(?:'?s)?|bachelor(?:'?s)?(?:\s+degree)?|mba|phd|doctorat"
_COMPLEMENT = r"(?:\s+(?:d'|de\s+|en\s+|in\s+|of\s+)?[\w'’-]+){0,4}?"
DEGREE_RE = re.compile(
    rf"(?<![\w-])(?:(?:{_NAMED})(?![\w-])|(?:{_GENERIC})(?![\w-]){_COMPLEMENT}"
    r"(?=\s*(?:[,.;:()–—/]|\s(?:ou|or|et|and|souhait|requis|required|preferred|exig|"
    r"appr[ée]ci|minimum|ou\s+équivalent|or\s+equivalent)\b|$)))",
    re.IGNORECASE,
)
MAX_DEGREE_WORDS = 6


def degrees_in(item: str) -> list[str]:
    """The degrees an item names, as written."""
    found = []
    for match in DEGREE_RE.finditer(item):
        text = match.group(0).strip(" '’-")
        if text and len(text.split()) <= MAX_DEGREE_WORDS:
            found.append(text)
    return found
