"""An employer's name written with the branch that posts the ad: "VELCOUR (agence 044)",
"Velcour - Agence de Nantes", "Velcour agence Nantes Sud", "Velcour - branch 12".

Boards and temping agencies put the branch after the name on the company's line; the employer is
the part before it. The branch is cut only where the line sets it apart (a parenthesis, a dash,
a comma) or writes its word in lower case, and only when what follows is a code, a place or a
compass word, so a name holding the word ("The Agency Group", "Agence Velcour") stays whole.
"""

from __future__ import annotations

import re

from app.lib.parsing.text.text import word_set
from app.lib.text_forms import fold

_BRANCH = r"agence|agency|branch|succursale|antenne|[ée]tablissement|magasin"
BRANCH_RE = re.compile(
    rf"^(?P<name>.*?[^\W_].*?)(?:\s*(?P<mark>[(–—|,]|\s-)\s*|\s+)"
    rf"(?P<word>(?i:{_BRANCH}))\b(?P<rest>[^()]*?)\)?\s*$"
)
# Words a branch's designation is made of besides codes and place names.
BRANCH_WORDS = word_set(
    """de du des d l la le les of the n no nord sud est ouest centre center centre-ville
    north south east west central ville city"""
)
MAX_BRANCH_WORDS = 4
_TOKEN_RE = re.compile(r"[\w°'’-]+")


def _is_designation(rest: str) -> bool:
    """``rest`` only codes, particles, compass words and capitalised (place) names."""
    tokens = _TOKEN_RE.findall(rest)
    if not tokens or len(tokens) > MAX_BRANCH_WORDS:
        return False
    for token in tokens:
        part = re.split(r"['’]", token)[-1] or token  # "d'Angers" → "Angers"
        if any(c.isdigit() for c in token) or fold(token) in BRANCH_WORDS:
            continue
        if not part[:1].isupper():
            return False
    return True


def without_branch(name: str) -> str:
    """``name`` without a branch written after it ("VELCOUR (agence 044)" → "VELCOUR")."""
    match = BRANCH_RE.match(name)
    if not match or not _is_designation(match["rest"]):
        return name
    set_apart = bool(match["mark"]) or match["word"][:1].islower()
    return match["name"].strip(" -–—,|") if set_apart else name
