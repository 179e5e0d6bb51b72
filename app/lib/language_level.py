"""How a spoken language's level is written inside "Name (level)": one pair of parentheses.

A CV states levels in many shapes ("intermediate (B1)", "(courant)", "C1, TOEIC 945"). The
parser keeps the author's wording; these helpers only decide how it sits after the name, so a
level that carries its own parenthesised detail is not wrapped a second time and no detail of
it (CEFR letters, a test score) is lost on the way.
"""

from __future__ import annotations

import re

_SPACES_RE = re.compile(r"\s+")
_EMPTY_PARENS_RE = re.compile(r"\(\s*[,;/]?\s*\)")


def closing_paren(text: str, start: int = 0) -> int:
    """Index of the parenthesis closing the one at ``start``; -1 when it is never closed."""
    depth = 0
    for index in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return index
    return -1


def unwrap_parens(text: str) -> str:
    """ "(intermediate (B1))" → "intermediate (B1)": drop parentheses around the whole text
    only; "native (C2)" keeps its own."""
    text = text.strip()
    while text.startswith("(") and closing_paren(text) == len(text) - 1:
        text = text[1:-1].strip()
    return text


def level_aside(level: str) -> str:
    """The level as written inside the parentheses after a language name: inner parentheses
    become commas ("intermediate (B1)" → "intermediate, B1", "courant (C1, TOEIC 945)" →
    "courant, C1, TOEIC 945"), so "Spanish (intermediate, B1)" reads with one pair."""
    text = _EMPTY_PARENS_RE.sub(" ", unwrap_parens(level))
    while "(" in text:
        start = text.index("(")
        end = closing_paren(text, start)
        inner = text[start + 1 : end] if end != -1 else text[start + 1 :]
        after = text[end + 1 :] if end != -1 else ""
        head = text[:start].rstrip(" ,;:–—-")
        text = ", ".join(x for x in (head, inner.strip(" ,;")) if x) + after
    return _SPACES_RE.sub(" ", text.replace(")", "")).strip(" ,;")
