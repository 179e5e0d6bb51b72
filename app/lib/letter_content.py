"""The structured cover letter: what the worker writes, the user edits, and the PDF and Word
exports lay out.

Stored as JSON in ``CoverLetter.content`` (and in each ``CoverLetterVersion``). The sender's
header (name, contact) is not part of it: the renders take it from the CV the letter was written
from, so the letter and the CV show the same header.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

MAX_PARAGRAPHS = 6
MAX_PARAGRAPH_CHARS = 2000
MAX_LINE_CHARS = 300


class LetterContent(BaseModel):
    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)

    # The recipient block, one line each ("Hiring team", "Acme", "Lyon"); may be empty.
    recipient: list[str] = Field(default_factory=list, max_length=6)
    date_line: str = Field(default="", max_length=MAX_LINE_CHARS)  # "Lyon, 23 November 2026"
    subject: str = Field(default="", max_length=MAX_LINE_CHARS)  # "Application: Data engineer"
    greeting: str = Field(default="", max_length=MAX_LINE_CHARS)  # "Dear hiring team,"
    paragraphs: list[str] = Field(default_factory=list, max_length=MAX_PARAGRAPHS)
    closing: str = Field(default="", max_length=MAX_LINE_CHARS)  # "Kind regards,"
    signature: str = Field(default="", max_length=MAX_LINE_CHARS)  # the sender's name

    @field_validator("paragraphs")
    @classmethod
    def _paragraphs(cls, value: list[str]) -> list[str]:
        kept = [p.strip() for p in value if p and p.strip()]
        for paragraph in kept:
            if len(paragraph) > MAX_PARAGRAPH_CHARS:
                raise ValueError(f"a paragraph is longer than {MAX_PARAGRAPH_CHARS} characters")
        return kept

    @field_validator("recipient")
    @classmethod
    def _recipient(cls, value: list[str]) -> list[str]:
        return [line.strip()[:MAX_LINE_CHARS] for line in value if line and line.strip()]

    def to_json(self) -> dict[str, Any]:
        return self.model_dump(mode="json")

    @classmethod
    def from_json(cls, data: dict[str, Any] | None) -> LetterContent:
        return cls.model_validate(data or {})

    def plain_text(self) -> str:
        """The letter as plain text, block by block (what tests compare the PDF and DOCX to)."""
        blocks = [
            "\n".join(self.recipient),
            self.date_line,
            self.subject,
            self.greeting,
            *self.paragraphs,
            self.closing,
            self.signature,
        ]
        return "\n\n".join(block for block in blocks if block)
