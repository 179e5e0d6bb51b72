"""Runs of characters no CV or ad writes as one word: a pasted image's base64, a hash, a link
with kilobytes of tracking. The readers' patterns try a match at every position of a word, so
one such run of twenty thousand characters held an import for a minute; no field is ever made
of one. They are taken out before reading, and handed back for the import report (the uploaded
file itself is kept whole).
"""

from __future__ import annotations

import re

# Longer than any e-mail (254 characters at most) or any link a CV or an ad prints.
MAX_RUN_CHARS = 300
_LONG_RUN_RE = re.compile(rf"\S{{{MAX_RUN_CHARS + 1},}}")
SHOWN_CHARS = 60  # of a run, in the report


def without_long_runs(text: str) -> tuple[str, list[str]]:
    """``text`` without its runs of more than ``MAX_RUN_CHARS`` non-space characters, and the
    runs taken out, in order."""
    runs = _LONG_RUN_RE.findall(text)
    return (_LONG_RUN_RE.sub(" ", text), runs) if runs else (text, [])


def shown(run: str) -> str:
    """A run as the report shows it: its start, marked as cut."""
    return run[:SHOWN_CHARS] + "…"
