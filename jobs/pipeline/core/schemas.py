"""What each phase returns, keyed by source item ids (the fact guard relies on the ids).

The same models validate the LLM's JSON and describe the offline engine's results.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Decision = Literal["KEEP", "REMOVE", "MOVE_TO_PROJECTS", "CONDENSE"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


class ItemDecision(_Out):
    id: str
    decision: Decision
    reason: str = ""


class Classification(_Out):
    experiences: list[ItemDecision] = Field(default_factory=list)
    projects: list[ItemDecision] = Field(default_factory=list)


class ItemAnswer(_Out):
    """What the model writes for one experience or project: its sentences, nothing else. Its
    skills are the source item's (``guards.guard_item``), facts are copied at recompose."""

    id: str
    description: str = ""
    bullets: list[str] = Field(default_factory=list)


class AdaptedItem(_Out):
    """One experience or project, rewritten: only text fields; facts are copied at recompose."""

    id: str
    description: str = ""
    bullets: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)


class AdaptedExtraItem(_Out):
    id: str
    description: str = ""


class AdaptedExtras(_Out):
    items: list[AdaptedExtraItem] = Field(default_factory=list)
    interests: list[str] = Field(default_factory=list)


class SkillOut(_Out):
    name: str
    category: str = ""
    # A quote from the source CV proving a skill that is not listed there verbatim.
    evidence: str = ""


class AdaptedSkills(_Out):
    skills: list[SkillOut] = Field(default_factory=list)


class Summary(_Out):
    summary: str = ""


class Translation(_Out):
    """One field of a phase's output in the CV's language (``core/translation.py``)."""

    text: str = ""


PHASE_SCHEMAS: dict[str, type[BaseModel]] = {
    "classify": Classification,
    "batch_experience": AdaptedItem,
    "batch_project": AdaptedItem,
    "batch_extras": AdaptedExtras,
    "batch_skills": AdaptedSkills,
    "batch_summary": Summary,
}
