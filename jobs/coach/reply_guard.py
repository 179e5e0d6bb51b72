"""The coach's reply as it is kept: a short question, never facts put in the person's mouth.

A weak model answers its own question ("The team size was 10, the budget $100,000…") or runs on
for paragraphs (bench/COACH_EVAL.md). The page shows the reply while it streams; what is saved
is held here: a statement with a number the person never wrote is dropped (a question may
suggest one: "Did it cut costs by 40%?"), at most ``MAX_SENTENCES`` sentences are kept, and a
reply left without any question is replaced by the step's own fixed question (the guided form's,
in the reader's language: the caller stores its code).
"""

from __future__ import annotations

import re

from jobs.pipeline.core.fact_guard import NUMBER_RE
from jobs.pipeline.core.text import sentences

MAX_SENTENCES = 4  # the prompt asks for 2 to 4


def _numbers(text: str) -> set[str]:
    return {re.sub(r"\D", "", n) for n in NUMBER_RE.findall(text)}


def guarded_reply(text: str, user_text: str) -> str | None:
    """The reply to keep, or None when the step's fixed question must stand instead."""
    said = sentences(text)
    written = _numbers(user_text)
    kept = [s for s in said if s.rstrip().endswith("?") or _numbers(s) <= written]
    kept = kept[:MAX_SENTENCES]
    if not any(s.rstrip().endswith("?") for s in kept):
        return None
    if kept == said:
        return text.strip()  # as written, its line breaks kept
    return " ".join(kept)
