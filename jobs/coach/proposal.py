"""The review's proposal: one structured call for the achievement, then the truth check.

Every string of the answer is a claim held to the user's own words (truth.py): what fails is
left out of the proposal and listed for the user, never saved. A title left empty, or naming
only the job, is replaced by one made from the result (app/domain/coach/services.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from app.db.models.coach import CoachConversation
from app.domain.coach.services import proposed_title
from app.lib.llm import LLMEndpoint, complete_structured
from app.lib.llm.field_checks import Check, FieldCheck, declare
from app.lib.matching.terms import content_words
from jobs.coach.prompting import proposal_messages
from jobs.coach.truth import check_proposal, user_words

SCHEMA_NAME = "star_achievement"


class StarProposal(BaseModel):
    title: str = Field(max_length=200)
    situation: str = Field(max_length=2000)
    task: str = Field(max_length=2000)
    action: str = Field(max_length=3000)
    result: str = Field(max_length=2000)
    skills: list[str] = Field(default_factory=list, max_length=12)


# Each sentence held to what the user wrote, refused ones left out (truth.check_proposal); a
# skill kept only when the user's words name it.
CHECKED = declare(
    StarProposal,
    {
        "title": FieldCheck(Check.CLAIM, check_proposal),
        "situation": FieldCheck(Check.CLAIM, check_proposal),
        "task": FieldCheck(Check.CLAIM, check_proposal),
        "action": FieldCheck(Check.CLAIM, check_proposal),
        "result": FieldCheck(Check.CLAIM, check_proposal),
        "skills[]": FieldCheck(Check.CLAIM, check_proposal),
    },
)


@dataclass(frozen=True)
class Proposed:
    proposal: dict[str, Any]
    refused: list[dict[str, str]]
    model: str


async def propose(endpoint: LLMEndpoint, model: str, conversation: CoachConversation) -> Proposed:
    result = await complete_structured(
        endpoint,
        model=model,
        messages=proposal_messages(conversation),
        schema=CHECKED,
        schema_name=SCHEMA_NAME,
    )
    verdict = check_proposal(
        result.data.model_dump(), user_words(conversation.messages), conversation.experience_label
    )
    kept = dict(verdict.kept)
    if names_only_the_job(str(kept.get("title") or ""), conversation.experience_label):
        kept["title"] = proposed_title(conversation, str(kept.get("result") or ""))
    return Proposed(kept, verdict.refused, result.model)


def names_only_the_job(title: str, experience_label: str) -> bool:
    """An empty title (refused by the truth check), or one that only names the job or the
    employer: where it happened, not what was achieved."""
    words = set(content_words(title))
    return not words or words <= set(content_words(experience_label))
