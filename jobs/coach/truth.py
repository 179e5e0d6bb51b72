"""The truth check of a proposed achievement: its facts must be the user's own words.

Each sentence of the proposal's title, situation, task, action and result is held to what the
*user* wrote in the conversation (never the coach's questions or examples) by the pipeline's
claim checks (jobs/pipeline/core/item_claims.py): every number, name and tool must be there,
and what it says was done must be an activity the user described. A skill is kept when the
user's words name it. A refused sentence is left out of the proposal and listed for the user.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.lib.matching.terms import content_words
from jobs.pipeline.core.fact_guard import SourceCorpus
from jobs.pipeline.core.item_claims import ClaimScope, Problem
from jobs.pipeline.core.item_text import ItemText
from jobs.pipeline.core.text import sentences

STORY_FIELDS = ("title", "situation", "task", "action", "result")
# Why a part was refused (app/domain/coach/wording.py words them).
MISSING = "missing"  # numbers, names or tools the user never wrote
UNSUPPORTED = "unsupported"  # an activity the user's answers do not describe
SKILL = "skill"  # a skill the user's words do not name


@dataclass
class Verdict:
    """The proposal as kept, and what was refused: ``{"field", "text", "reason", "terms"}``
    each (``reason``: a code the page words in the reader's language, ``terms``: what the
    user's words lack)."""

    kept: dict[str, Any]
    refused: list[dict[str, str]] = field(default_factory=list)


def user_words(messages: list[dict[str, Any]]) -> str:
    """Everything the user wrote in the conversation, one message a line."""
    return "\n".join(str(m.get("text") or "") for m in messages if m.get("role") == "user")


def check_proposal(proposal: dict[str, Any], user_text: str, experience_label: str = "") -> Verdict:
    """Keep what the user's words support. ``experience_label`` (the CV's "Title — Company")
    names the experience; the user's words are the only source of what was done there."""
    scope = ClaimScope()
    source = f"{experience_label}\n{user_text}".strip()
    # The experience's naming words are not activities (item_text.ItemText.header); without a
    # picked experience the first answer names it.
    header = experience_label or user_text.split("\n", 1)[0]
    own = ItemText(source, header=header)
    kept: dict[str, Any] = {}
    refused: list[dict[str, str]] = []
    for name in STORY_FIELDS:
        text = " ".join(str(proposal.get(name) or "").split())
        parts = sentences(text) or ([text] if text else [])
        good: list[str] = []
        for sentence in parts:
            problems = scope.problems(sentence, own)
            if problems:
                refused.append(_refusal(name, sentence, problems))
            else:
                good.append(sentence)
        kept[name] = " ".join(good)
    corpus = SourceCorpus(source)
    skills: list[str] = []
    for skill in proposal.get("skills") or []:
        name = " ".join(str(skill).split())
        if not name or name in skills:
            continue
        words = content_words(name)
        # Named as written, or every word of it in another form ("training": "I trained").
        if corpus.has_name(name) or (words and own.share(words) == 1.0):
            skills.append(name)
        else:
            refused.append({"field": "skills", "text": name, "reason": SKILL, "terms": name})
    kept["skills"] = skills
    return Verdict(kept, refused)


def _refusal(name: str, sentence: str, problems: list[Problem]) -> dict[str, str]:
    missing = [p.detail for p in problems if p.kind == "not_in_item" and p.detail]
    if missing:
        return {"field": name, "text": sentence, "reason": MISSING, "terms": ", ".join(missing)}
    return {"field": name, "text": sentence, "reason": UNSUPPORTED, "terms": ""}
