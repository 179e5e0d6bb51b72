"""How long a text takes to say: its words, at one stated speaking rate.

A pitch of ~75 words is a 30-second pitch and one of ~400 words a 3-minute pitch: 140 words a
minute sits between the two (150 and 133), a calm conversational pace. The page states the rate
it uses (templates/pitches/page.html).
"""

from __future__ import annotations

import re

WORDS_PER_MINUTE = 140
# A word: letters or digits, with the apostrophes and hyphens inside it ("l'équipe" is two
# spoken words, so an apostrophe splits; "front-end" is one).
WORD_RE = re.compile(r"[^\W_]+(?:[-‐][^\W_]+)*")


def word_count(text: str) -> int:
    return len(WORD_RE.findall(text))


def speaking_seconds(words: int, rate: int = WORDS_PER_MINUTE) -> int:
    return round(words * 60 / rate) if words > 0 else 0


def duration_label(seconds: int) -> str:
    """ "0:32", "2:51"."""
    return f"{seconds // 60}:{seconds % 60:02d}"
