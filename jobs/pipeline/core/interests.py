"""Interests that are interests: what an import filed there that belongs elsewhere is moved or
dropped when the tailored CV is assembled (the offline and LLM paths alike).

A line with a year is a dated role or activity ("2019-2021 Trésorier du club d'échecs"): it goes
to volunteering, its text unchanged. A "references available on request" line says nothing of
the candidate and goes. Everything else stays, in the source's order.
"""

from __future__ import annotations

import re

from app.lib.cv_content import ExtraItem
from app.lib.text_forms import fold

YEAR_RE = re.compile(r"\b(?:19[5-9]\d|20[0-4]\d)\b")
# Read on folded text (no accents, lower case).
REFERENCES_RE = re.compile(
    r"^\W*references?\b.{0,40}\b(?:available|disponibles?|sur demande|on request|"
    r"upon request|fournies|provided)\b"
)


def sorted_interests(interests: list[str]) -> tuple[list[str], list[ExtraItem]]:
    """(the interests to print, the dated lines as volunteering entries)."""
    kept: list[str] = []
    roles: list[ExtraItem] = []
    for line in interests:
        text = line.strip()
        if not text or REFERENCES_RE.search(fold(text)):
            continue
        year = YEAR_RE.search(text)
        if year:
            roles.append(ExtraItem(name=text, date=year.group(0)))
        else:
            kept.append(text)
    return kept, roles
