"""Extraction with an LLM: CV text → ``CvContent``, offer text → offer fields.

Prompts are ``prompts/extract-cv.md`` and ``prompts/extract-offer.md`` (read at run time). The
untrusted text goes in a tagged block that the prompt declares as data. Every string the model
returns is then checked against the source text (``verify``) — nothing invented survives; what
the per-entry checks changed comes back as import-report ``findings``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from app.config import PROJECT_ROOT
from app.lib.cv_content import CvContent
from app.lib.llm import LLMEndpoint, complete_structured
from app.lib.parsing.offer_parser import OfferFields, clean_title
from app.lib.parsing.verify import SourceText, check_cv

PROMPTS_DIR = PROJECT_ROOT / "prompts"
MAX_SOURCE_CHARS = 60_000  # a CV or an offer is far shorter; the rest would only cost tokens


def load_prompt(name: str) -> str:
    return (PROMPTS_DIR / name).read_text(encoding="utf-8")


def data_block(tag: str, text: str) -> str:
    """Untrusted text between tags; a closing tag inside it cannot end the block early."""
    body = text[:MAX_SOURCE_CHARS].replace(f"</{tag}>", f"<\\/{tag}>")
    return f"<{tag}>\n{body}\n</{tag}>"


@dataclass
class LlmUsage:
    model: str
    prompt_tokens: int
    completion_tokens: int
    duration_ms: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "model": self.model,
            "promptTokens": self.prompt_tokens,
            "completionTokens": self.completion_tokens,
            "durationMs": self.duration_ms,
        }


@dataclass
class CvExtraction:
    content: CvContent
    dropped: list[dict[str, Any]] = field(default_factory=list)
    usage: LlmUsage | None = None
    findings: list[dict[str, Any]] = field(default_factory=list)  # import-report items


async def llm_extract_cv(endpoint: LLMEndpoint, model: str, source_text: str) -> CvExtraction:
    messages = [
        {"role": "system", "content": load_prompt("extract-cv.md")},
        {"role": "user", "content": data_block("cv_text", source_text)},
    ]
    result = await complete_structured(
        endpoint, model=model, messages=messages, schema=CvContent, schema_name="cv_extraction"
    )
    checked = check_cv(result.data, source_text)
    usage = LlmUsage(
        result.model, result.prompt_tokens, result.completion_tokens, result.duration_ms
    )
    return CvExtraction(checked.content, checked.dropped, usage, checked.findings)


class _OfferLanguage(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: str
    level: str = ""


class OfferExtraction(BaseModel):
    """What the model fills for an offer (the prompt asks for the offer's own words)."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True)
    title: str = ""
    company: str = ""
    location: str = ""
    language: str | None = Field(default=None, description="fr or en: the offer's language")
    requirements: list[str] = Field(default_factory=list)
    responsibilities: list[str] = Field(default_factory=list)
    skills: list[str] = Field(default_factory=list)
    languages: list[_OfferLanguage] = Field(default_factory=list)
    contract_type: str | None = None
    remote: str | None = None


def _mostly_in(source: SourceText, item: str, threshold: float = 0.8) -> bool:
    """Exact match, or ≥ 80 % of the item's words in the source (the model may trim a clause)."""
    if source.has(item):
        return True
    words = [w for w in re.findall(r"\w+", item.lower()) if len(w) > 2]
    if not words:
        return False
    return sum(1 for w in words if source.has(w)) / len(words) >= threshold


def verify_offer(data: OfferExtraction, text: str) -> tuple[OfferFields, list[dict[str, Any]]]:
    source = SourceText(text)
    dropped: list[dict[str, Any]] = []

    def exact(value: str | None, where: str) -> str:
        if value and not source.has(value):
            dropped.append({"field": where, "value": value})
            return ""
        return value or ""

    def items(values: list[str], where: str, loose: bool) -> list[str]:
        kept = []
        for index, value in enumerate(values):
            ok = _mostly_in(source, value) if loose else source.has(value)
            (
                kept.append(value)
                if ok
                else dropped.append({"field": f"{where}[{index}]", "value": value})
            )
        return kept

    languages = []
    for index, lang in enumerate(data.languages):
        if exact(lang.name, f"languages[{index}].name"):
            languages.append(
                {"name": lang.name, "level": exact(lang.level, f"languages[{index}].level")}
            )
    fields = OfferFields(
        title=clean_title(exact(data.title, "title")),
        company=exact(data.company, "company"),
        location=exact(data.location, "location"),
        language=data.language if data.language in {"fr", "en"} else None,
        requirements=items(data.requirements, "requirements", loose=True),
        responsibilities=items(data.responsibilities, "responsibilities", loose=True),
        skills=items(data.skills, "skills", loose=False),
        languages=languages,
        contract_type=exact(data.contract_type, "contract_type") or None,
        remote=exact(data.remote, "remote") or None,
    )
    return fields, dropped


@dataclass
class OfferLlmExtraction:
    fields: OfferFields
    dropped: list[dict[str, Any]]
    usage: LlmUsage


async def llm_extract_offer(endpoint: LLMEndpoint, model: str, text: str) -> OfferLlmExtraction:
    messages = [
        {"role": "system", "content": load_prompt("extract-offer.md")},
        {"role": "user", "content": data_block("job_offer", text)},
    ]
    result = await complete_structured(
        endpoint,
        model=model,
        messages=messages,
        schema=OfferExtraction,
        schema_name="offer_extraction",
    )
    fields, dropped = verify_offer(result.data, text)
    usage = LlmUsage(
        result.model, result.prompt_tokens, result.completion_tokens, result.duration_ms
    )
    return OfferLlmExtraction(fields=fields, dropped=dropped, usage=usage)
