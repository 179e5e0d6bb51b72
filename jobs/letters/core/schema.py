"""The shape the LLM answers with (structured output, ``app/lib/llm/structured.py``)."""

from __future__ import annotations

from pydantic import BaseModel, Field


class LetterDraft(BaseModel):
    greeting: str = Field(description="The salutation line, e.g. 'Dear Hiring Manager,'")
    paragraphs: list[str] = Field(description="The body paragraphs, in order")
    # Optional, and last: an answer cut off at the token limit keeps its finished paragraphs
    # (app/lib/llm/structured.py:salvage_truncated); a missing closing gets the standard one
    # (jobs/letters/writer.py). make eval-letters saw two drafts lost for want of it.
    closing: str = Field(default="", description="The closing formula, e.g. 'Kind regards,'")
